// Routing the Drill's changes to the conditions that read them (see change_router.hpp).
#include "sim/world/change_router.hpp"

#include <algorithm>

#include "sim/world/drill.hpp"

namespace drillsim {
namespace {

// What a condition reads, sorted into what the logs cover and what is followed by aspect.
struct Reads {
  std::vector<Ix> components, faults, messages, actions;
  bool any_fault = false;
  std::uint32_t aspects = 0;  // followed by aspect
};

void sort_leaves(const Model& m, const Condition& c, Reads& r) {
  using K = Condition::Kind;
  const bool on_component = c.component != no_ix && c.component != target_ix && c.component < m.platform.components.size();
  switch (c.kind) {
    case K::health:
    case K::off:
    case K::fire:
      if (on_component) r.components.push_back(c.component);
      else r.aspects |= aspects_of(c);  // about the target, or nothing: followed by aspect
      break;
    case K::fault:
      if (on_component) r.components.push_back(c.component);
      else if (c.component == no_ix && c.ref == no_ix) r.any_fault = true;
      else if (c.component == no_ix && c.ref < m.platform.fault_types.size()) r.faults.push_back(c.ref);
      else r.aspects |= aspects_of(c);  // about the target
      break;
    case K::message:
      if (c.ref < m.message_ids.size()) r.messages.push_back(c.ref);
      else r.aspects |= aspects_of(c);  // matched by text
      break;
    case K::done:
      if (c.ref < m.catalog.actions.size()) r.actions.push_back(c.ref);
      break;  // an unknown action is never done: reads nothing
    case K::always:
    case K::all:
    case K::any:
    case K::negate: break;  // their children say what they read
    default: r.aspects |= aspects_of(c); break;  // facts, observations, business
  }
  for (const Condition& child : c.children) sort_leaves(m, child, r);
}

void add(std::vector<std::vector<std::uint32_t>>& lists, const std::vector<Ix>& keys, std::uint32_t i) {
  for (Ix k : keys) {
    auto& list = lists[k];
    if (list.empty() || list.back() != i) list.push_back(i);
  }
}

}  // namespace

ChangeRoutes::ChangeRoutes(const Model& m, const std::vector<const Condition*>& conditions)
    : size_(conditions.size()),
      by_component_(m.platform.components.size()),
      by_fault_(m.platform.fault_types.size()),
      by_message_(m.message_ids.size()),
      by_action_(m.catalog.actions.size()) {
  for (std::uint32_t i = 0; i < conditions.size(); ++i) {
    const Condition& c = *conditions[i];
    Reads r;
    if (reads_clock(c)) r.aspects = aspects_of(c);
    else sort_leaves(m, c, r);
    add(by_component_, r.components, i);
    add(by_fault_, r.faults, i);
    if (r.any_fault) any_fault_.push_back(i);
    add(by_message_, r.messages, i);
    add(by_action_, r.actions, i);
    for (unsigned a = 0; a < by_aspect_.size(); ++a)
      if (r.aspects & (1u << a)) by_aspect_[a].push_back(i);
  }
}

void ChangeRouter::restart() {
  std::fill(marked_.begin(), marked_.end(), 0);
  looks_ = 0;
  components_seen_ = faults_seen_ = deliveries_seen_ = completions_seen_ = 0;
}

void ChangeRouter::look(const Drill& drill, std::uint32_t moved) {
  const ChangeRoutes& r = *routes_;
  ++looks_;
  if (looks_ == 1 || moved == everything) {
    std::fill(marked_.begin(), marked_.end(), looks_);
  } else {
    moved &= (1u << static_cast<unsigned>(Aspect::count)) - 1;
    for (; moved != 0; moved &= moved - 1) mark(r.by_aspect_[static_cast<unsigned>(__builtin_ctz(moved))]);
  }
  const auto& components = drill.component_changes();
  for (; components_seen_ < components.size(); ++components_seen_) mark(r.by_component_[components[components_seen_]]);
  const auto& faults = drill.fault_changes();
  if (faults_seen_ < faults.size()) mark(r.any_fault_);
  for (; faults_seen_ < faults.size(); ++faults_seen_) mark(r.by_fault_[faults[faults_seen_]]);
  const auto& deliveries = drill.deliveries();
  for (; deliveries_seen_ < deliveries.size(); ++deliveries_seen_)
    if (deliveries[deliveries_seen_] < r.by_message_.size()) mark(r.by_message_[deliveries[deliveries_seen_]]);
  const auto& done = drill.completed_runs();
  for (; completions_seen_ < done.size(); ++completions_seen_) {
    Ix action = drill.runs()[done[completions_seen_]].submission.action;
    if (action < r.by_action_.size()) mark(r.by_action_[action]);
  }
}

}  // namespace drillsim

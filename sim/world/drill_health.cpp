// Health propagation along the dependency graph, faults, symptoms and outage bookkeeping.
#include <algorithm>

#include "sim/world/drill.hpp"
#include "sim/world/drill_priorities.hpp"
#include "sim/world/drill_statics.hpp"
#include "sim/world/names.hpp"
#include "sim/world/text_format.hpp"

namespace drillsim {

void Drill::add_fault(Ix component, Ix fault_type) {
  ComponentState& cs = state_.components[component];
  if (std::find(cs.faults.begin(), cs.faults.end(), fault_type) != cs.faults.end()) return;
  if (cs.faults.empty()) ++faulty_components_;
  cs.faults.push_back(fault_type);
  component_changed(component);
  fault_log_.push_back(fault_type);
  ++fault_type_active_[fault_type];
  const FaultType& ft = model_->platform.fault_types[fault_type];
  record(EntryKind::fault, [&] {
    return JournalEntry{.kind = EntryKind::fault,
                        .truth_only = true,
                        .subject = model_->platform.components[component].id,
                        .result = ft.id,
                        .text = ft.name};
  });
  propagate(component);
  if (ft.loses_data) lose_data(component, "fault");
}

void Drill::clear_fault(Ix component, Ix fault_type) {
  ComponentState& cs = state_.components[component];
  auto it = std::find(cs.faults.begin(), cs.faults.end(), fault_type);
  if (it == cs.faults.end()) return;
  cs.faults.erase(it);
  component_changed(component);
  fault_log_.push_back(fault_type);
  if (cs.faults.empty()) --faulty_components_;
  --fault_type_active_[fault_type];
  const FaultType& ft = model_->platform.fault_types[fault_type];
  record(EntryKind::fault_cleared, [&] {
    return JournalEntry{.kind = EntryKind::fault_cleared,
                        .truth_only = true,
                        .subject = model_->platform.components[component].id,
                        .result = ft.id,
                        .text = ft.name};
  });
  propagate(component);
}

// Incremental: only the component whose own state changed is recomputed, then, in dependency order,
// the dependants of every component whose health moved. Health is a function of a component's own
// state and its dependencies' health, and every change of own state calls propagate(), so the rest
// would come out as it is (scratch_health_ always equals the health the last propagation gave).
void Drill::propagate(Ix changed) {
  const Platform& platform = model_->platform;
  const auto& order = graph_->order();
  const auto& position = statics_->position;
  std::size_t first = 0;
  if (changed == no_ix) {
    std::fill(dirty_.begin(), dirty_.end(), 1);
  } else {
    first = position[changed];
    dirty_[first] = 1;
  }
  moved_.clear();
  for (std::size_t p = first; p < order.size(); ++p) {
    if (!dirty_[p]) continue;
    dirty_[p] = 0;
    Ix c = order[p];
    Health h = recompute_health(c);
    if (h == scratch_health_[c] && started_) continue;
    scratch_health_[c] = h;
    moved_.push_back(c);
    for (Ix d : statics_->dependants[c]) dirty_[position[d]] = 1;
  }
  if (!started_) {  // the initial state (standby equipment off) is the baseline, not an outage
    for (Ix c : order) {
      if (state_.components[c].health != scratch_health_[c]) component_changed(c);
      state_.components[c].health = scratch_health_[c];
      if (platform.components[c].kind == ComponentKind::room) update_room(c);
    }
    return;
  }
  bool any_change = false;
  for (Ix c : moved_) {  // in dependency order, as the journal has them
    ComponentState& cs = state_.components[c];
    Health before = cs.health, after = scratch_health_[c];
    if (before == after) continue;
    any_change = true;
    cs.health = after;
    component_changed(c);
    ++cs.epoch;
    if (after == Health::down) {
      cs.down_since = now_;
      for (SimTime s : statics_->outage_thresholds) wake_self(now_ + s);
    } else if (before == Health::down && cs.down_since != never) {  // never: off since the baseline (standby)
      cs.total_down += now_ - cs.down_since;
      cs.down_since = never;
    }
    const Component& comp = platform.components[c];
    record(EntryKind::health, [&] {
      return JournalEntry{.kind = EntryKind::health,
                          .truth_only = true,
                          .subject = comp.id,
                          .result = health_name(after),
                          .text = comp.name};
    });
    schedule_symptoms(c, before, after);
  }
  if (any_change)
    for (Ix room : statics_->rooms) update_room(room);
}

// A component's health from its own state and its dependencies' (scratch) health.
Health Drill::recompute_health(Ix c) {
  const Platform& platform = model_->platform;
  const Component& comp = platform.components[c];
  ComponentState& cs = state_.components[c];
  Health inherited = graph_->inherited(c, scratch_health_);
  if (comp.kind == ComponentKind::ups) {
    // A UPS carries its load on battery while its inputs are down, until the battery is empty.
    bool inputs_down = inherited == Health::down;
    if (inputs_down != cs.on_battery) update_ups(c, inputs_down);
    inherited = Health::up;
  }
  Health own = Health::up;
  for (Ix ft : cs.faults) own = std::max(own, platform.fault_types[ft].effect);
  if (cs.off != OffReason::none) own = Health::down;
  if (comp.capacity > 0 && cs.load > comp.capacity) own = std::max(own, Health::degraded);
  if (comp.kind == ComponentKind::room) {
    // A room's dependencies are its cooling: losing them heats the room rather than stopping it.
    inherited = Health::up;
    if (cs.alarm) own = std::max(own, Health::degraded);
    if (cs.on_fire) own = Health::down;
  }
  return std::max(own, inherited);
}

bool Drill::symptom_fault_present(Ix component, const Symptom& s) const {
  if (s.fault == no_ix || s.on_recovery) return true;
  const auto& faults = state_.components[component].faults;
  return std::find(faults.begin(), faults.end(), s.fault) != faults.end();
}

void Drill::schedule_symptoms(Ix component, Health from, Health to) {
  const Component& comp = model_->platform.components[component];
  for (std::size_t i = 0; i < comp.symptoms.size(); ++i) {
    const Symptom& s = comp.symptoms[i];
    bool due = s.on_recovery ? (to == Health::up && from != Health::up) : (to == s.on && from != s.on);
    if (!due || !symptom_fault_present(component, s)) continue;
    schedule(now_ + s.delay, prio::symptom, ev_symptom, component, static_cast<std::uint32_t>(i),
             state_.components[component].epoch);
  }
}

void Drill::deliver_symptom(Ix component, Ix symptom, std::uint32_t epoch) {
  if (state_.components[component].epoch != epoch) return;  // the state it reports has passed
  const Component& comp = model_->platform.components[component];
  const Symptom& s = comp.symptoms[symptom];
  if (!symptom_fault_present(component, s)) return;
  deliver(s.id, statics_->symptom_message[component][symptom]);
  record(EntryKind::message, [&] {
    return JournalEntry{.kind = EntryKind::message,
                        .post = s.to == no_ix ? "" : model_->organisation.posts[s.to].id,
                        .subject = s.id,
                        .text = fill(s.text, "component", comp.name),
                        .from = s.from};
  });
}

}  // namespace drillsim

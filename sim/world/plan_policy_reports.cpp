// The plan-following policy: declaring levels and reporting on the plan's clock.
#include <algorithm>

#include "sim/world/plan_policy.hpp"

namespace drillsim {
namespace {
bool contains(const std::vector<Ix>& v, Ix x) { return std::find(v.begin(), v.end(), x) != v.end(); }
}  // namespace

// The first action in the catalog a post may use for a communication of `kind`.
Ix PlanPolicy::action_with_comm(Communication::Kind kind, Ix post) const {
  for (Ix a = 0; a < model_.catalog.actions.size(); ++a) {
    const ActionDef& def = model_.catalog.actions[a];
    if (def.comm.kind == kind && (def.posts.empty() || contains(def.posts, post))) return a;
  }
  return no_ix;
}

// Of `posts` (null: every post), those the policy plays that have an action for a communication of
// `kind`, with that action; worked out on first use (the posts and the catalog do not change).
// Whether someone is present is asked when sending.
const std::vector<PlanPolicy::Doer>& PlanPolicy::senders(Senders& s, Communication::Kind kind,
                                                          const std::vector<Ix>* posts) {
  if (s.known) return s.doers;
  s.known = true;
  auto consider = [&](Ix post) {
    if (!controls_[post]) return;
    Ix action = action_with_comm(kind, post);
    if (action != no_ix) s.doers.push_back(Doer{post, action});
  };
  if (posts) {
    for (Ix post : *posts) consider(post);
  } else {
    for (Ix post = 0; post < controls_.size(); ++post) consider(post);
  }
  return s.doers;
}

void PlanPolicy::grade(Drill& drill) {
  // Every level still above the declared rank is asked at every act, as WatchedCondition needs;
  // one at or below it never matters again.
  std::uint32_t moved = level_watch_.moved(drill);
  for (Ix l = 0; l < model_.plan.levels.size(); ++l) {
    const Level& level = model_.plan.levels[l];
    if (level.rank <= declared_rank_ || !levels_[l].holds(drill, moved)) continue;
    const std::vector<Ix>& by = level.declared_by.empty() ? model_.plan.grading.by : level.declared_by;
    for (const Doer& d : senders(declarers_[l], Communication::Kind::declare_level, &by)) {
      if (!drill.post_staffed(d.post)) continue;
      if (submit(drill, d.post, d.action, l, level.id, nullptr)) {
        declared_rank_ = level.rank;
        break;
      }
    }
  }
}

// Whether a procedure started so far (running or done) has not reached its resolved state. Asked
// only when a report depends on it: the answers are exact whenever asked (CachedCondition with
// exact_clock), so asking less often changes nothing.
bool PlanPolicy::incident_open(const Drill& drill) {
  for (Ix p : started_order_)
    if (!resolved_[p].holds(drill)) return true;
  return false;
}

// The first of `doers` present who can send it; true if one did.
bool PlanPolicy::send(Drill& drill, const std::vector<Doer>& doers) {
  for (const Doer& d : doers)
    if (drill.post_staffed(d.post) && submit(drill, d.post, d.action, no_ix, std::string(), nullptr)) return true;
  return false;
}

void PlanPolicy::report(Drill& drill) {
  const ReportingRule& rule = model_.plan.reporting;
  if (incident_start_ < 0) return;
  if (rule.first_within <= 0 && rule.cycle <= 0 && rule.summary_within <= 0) return;  // the plan sets no reporting
  const std::vector<Ix>* by = rule.by.empty() ? nullptr : &rule.by;  // who reports (none named: every post)
  if (last_report_ < 0) {
    if (send(drill, senders(reporters_, Communication::Kind::report, by))) last_report_ = drill.now();
    if (rule.cycle > 0) drill.wake_at(drill.now() + rule.cycle);
    return;
  }
  int open = -1;  // asked at most once, and only when a report depends on it
  auto is_open = [&] {
    if (open < 0) open = incident_open(drill) ? 1 : 0;
    return open == 1;
  };
  if (rule.cycle > 0 && drill.now() >= last_report_ + rule.cycle && is_open()) {
    if (send(drill, senders(reporters_, Communication::Kind::report, by))) last_report_ = drill.now();
    drill.wake_at(drill.now() + rule.cycle);
  }
  // The summary once every instance is done and the incident is over.
  if (running_count_ == 0 && !summary_done_ && rule.summary_within > 0 && !is_open())
    summary_done_ = send(drill, senders(summarisers_, Communication::Kind::summary_report, by));
}

}  // namespace drillsim

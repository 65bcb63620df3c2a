// The plan walker's triggers and resolutions, asked after every event (see plan_walker.hpp).
#include "scoring/plan_walker.hpp"

namespace drillsim::scoring::detail {

void PlanWalker::on_event(const Drill& d) {
  if (failed_) return;
  const bool clock_moved = d.now() != seen_now_;
  const std::uint32_t moved = aspects_.moved(d);
  seen_now_ = d.now();
  // The route of each aspect that moved, and the clock's when it moved (not the time aspect: the
  // horizons say when the clock alone can change a value).
  std::uint32_t routes = moved & ~aspect_bit(Aspect::time);
  if (clock_moved) routes |= aspect_bit(Aspect::time);
  if (routes == 0 && !any_fresh_) return;  // nothing moved, nothing became askable: every answer stands
  for (std::size_t w = 0; w < askable_.words(); ++w) {
    std::uint64_t fresh = askable_.word(w) & fresh_.take_word(w), routed = 0;
    for (std::uint32_t r = routes; r != 0; r &= r - 1) routed |= resting_[static_cast<unsigned>(__builtin_ctz(r))].word(w);
    routed &= askable_.word(w) & ~fresh;
    for_each_bit(fresh, w, [&](std::size_t p) { ask_trigger(d, static_cast<Ix>(p), ~0u); });
    for_each_bit(routed, w, [&](std::size_t p) { ask_trigger(d, static_cast<Ix>(p), moved); });
  }
  any_fresh_ = false;
  if (routes != 0 && !unresolved_.empty()) check_unresolved(d, moved);
}

// Resolutions of the runs not resolved yet (a run is resolved once, at the first moment it holds).
void PlanWalker::check_unresolved(const Drill& d, std::uint32_t moved) {
  std::size_t kept = 0;
  for (std::size_t i : unresolved_) {
    if (resolved_[instances_[i].proc].may_have_moved(moved, d.now())) check_resolved(d, instances_[i]);
    if (instances_[i].resolved == never) unresolved_[kept++] = i;
  }
  unresolved_.resize(kept);
}

void PlanWalker::check_resolved(const Drill& d, Instance& inst) {
  if (inst.resolved == never && resolved_[inst.proc].holds(d)) inst.resolved = d.now();
}

// One runs at a time; a repeatable one starts again once its trigger has stopped holding and holds
// anew (message triggers count only messages delivered since it last started).
void PlanWalker::ask_trigger(const Drill& d, Ix p, std::uint32_t moved) {
  ClockedCondition& trigger = triggers_[p];
  // Nothing its value rests on moved (the undelivered message of an `all` ...): the same answer.
  if (!trigger.may_have_moved(moved, d.now())) return;
  const std::uint64_t evaluations = trigger.evaluations();
  if (!trigger.holds(d, since_[p])) {
    armed_[p] = 1;
  } else if (armed_[p]) {
    pending_[p] = d.now();
    pending_list_.push_back(p);
    update_askable(p);
  }
  if (trigger.evaluations() != evaluations) route(p);
}

// Whether its trigger may start the procedure now; one that becomes askable is asked at the next look.
void PlanWalker::update_askable(Ix p) {
  const Procedure& proc = m_.plan.procedures[p];
  const bool askable = proc.trigger.kind != Condition::Kind::always && !running_[p] && pending_[p] == never &&
                       (!started_[p] || proc.repeat);
  if (askable == askable_.test(p)) return;
  askable_.set(p, askable);
  if (askable) {
    fresh_.set(p, true);
    any_fresh_ = true;
  }
}

// Files the trigger under what its last value rests on.
void PlanWalker::route(Ix p) {
  const ClockedCondition& trigger = triggers_[p];
  std::uint32_t routes = trigger.watch() & ~aspect_bit(Aspect::time);
  if (trigger.horizon() != never) routes |= aspect_bit(Aspect::time);
  for (std::uint32_t changed = routes ^ routed_[p]; changed != 0; changed &= changed - 1) {
    const unsigned a = static_cast<unsigned>(__builtin_ctz(changed));
    resting_[a].set(p, (routes >> a) & 1u);
  }
  routed_[p] = routes;
}

}  // namespace drillsim::scoring::detail

// The plan walker's evidence: which completion answers each expected action of a step, its limit,
// and (live) whether a completion still to come could change the choice (see plan_walker.hpp).
#include <algorithm>

#include "scoring/plan_walker.hpp"

namespace drillsim::scoring::detail {

// The first completion of an action at or after t (never: none). `known`: it has happened, so no
// later completion can come first.
SimTime PlanWalker::first_completion(Ix action, SimTime t, bool& known) const {
  known = false;
  if (action >= by_action_.size()) return never;
  for (std::uint32_t c : by_action_[action])
    if (o_.completions[c].t >= t) {
      known = true;
      return o_.completions[c].t;
    }
  return never;
}

// The limit of a step: `within` from the procedure's start; the next business event of its kind
// as it stood when the procedure started (one already waiting in its grace: the grace's end);
// `within_after` from the first completion of that action. `certain`: no completion still to come
// can move it.
SimTime PlanWalker::due_of(const Instance& inst, const Step& step, bool& certain) const {
  certain = true;
  SimTime due = step.within > 0 ? inst.start + step.within : never;
  if (!step.before_business.empty()) {
    for (std::size_t b = 0; b < m_.scenario.calendar.size(); ++b) {
      const BusinessEvent& ev = m_.scenario.calendar[b];
      const BusinessRuntime& rt = inst.business_at_start[b];
      if (ev.kind != step.before_business || rt.state != BusinessState::pending) continue;
      due = std::min(due, rt.at >= inst.start ? rt.at : rt.at + ev.grace);
    }
  }
  if (step.after_action != no_ix && step.after_within > 0) {
    SimTime from = first_completion(step.after_action, inst.start, certain);
    if (from != never) due = std::min(due, from + step.after_within);
  }
  return due;
}

// A step is out of order when done before an earlier step of the path that the same posts were
// responsible for: different teams work in parallel.
SimTime PlanWalker::order_bound(const Instance& inst, const Step& step) const {
  if (step.responsible.empty()) return inst.last_done;
  SimTime bound = -1;
  for (Ix p : step.responsible) bound = std::max(bound, inst.last_done_post[p]);
  return bound;
}

// The share of credit a completion would earn for a step: the best evidence counts. Order is
// judged on the evidence chosen, not used to choose it: a later repeat (perhaps for another
// incident) must not replace the action that actually answered the step.
double PlanWalker::preference(const Completion& c, const Step& step, SimTime due) const {
  double credit = 1;
  if (due != never && c.t > due) credit *= r_.step_credit.late;
  if (wrong_post(m_, c, step)) credit *= r_.step_credit.wrong_post;
  return credit;
}

// The best preference a completion still to come (at or after now, after the procedure started)
// could have: late for sure once the limit has passed; by a responsible post, perhaps.
double PlanWalker::best_possible(const Drill& d, SimTime due) const {
  double credit = 1;
  if (due != never && d.now() > due) credit *= r_.step_credit.late;
  else credit *= std::max(1.0, r_.step_credit.late);
  credit *= std::max(1.0, r_.step_credit.wrong_post);
  return credit + 2.0;
}

// Chooses the evidence for every expected action of the step under way, from the completions known
// so far; in a live walk, says whether a completion still to come could change the choice.
void PlanWalker::pick(const Drill& d, Instance& inst) {
  const Step& step = m_.plan.procedures[inst.proc].steps[inst.cur];
  const bool knows = knows_everything(d);
  bool due_certain = true;
  inst.due = inst.first_visit ? due_of(inst, step, due_certain) : never;
  inst.certain = knows || due_certain || step.expect.empty();  // the limit matters only to evidence
  inst.picks.assign(step.expect.size(), -1);
  // Evidence counts once the incident has begun; a repeat run of a procedure (a new incident)
  // takes only what was done after it started; a repeat visit of a step, what came after the last.
  const SimTime window = inst.repeat ? inst.start : incident_start_;
  const double bound = knows ? 0.0 : best_possible(d, inst.due);
  for (std::size_t k = 0; k < step.expect.size(); ++k) {
    const ExpectedAction& ex = step.expect[k];
    int best = -1;
    double best_pref = -1;
    if (ex.action < by_action_.size()) {
      for (std::uint32_t c : by_action_[ex.action]) {
        const Completion& comp = o_.completions[c];
        if (consumed(inst.proc, c) || (!ex.target_id.empty() && comp.target != ex.target_id)) continue;
        if (std::find(inst.picks.begin(), inst.picks.begin() + static_cast<std::ptrdiff_t>(k), static_cast<int>(c)) !=
            inst.picks.begin() + static_cast<std::ptrdiff_t>(k))
          continue;  // already the evidence for an earlier expected action
        // An action that broke a rule of conduct is no evidence for a step (the forbidden early answer).
        if (comp.run < forbidden_.size() && forbidden_[comp.run]) continue;
        if (comp.t < window) continue;
        if (!inst.first_visit && comp.t <= inst.visit_done[inst.cur]) continue;
        double pref = inst.first_visit ? preference(comp, step, inst.due) : 1.0;
        // Evidence from before the procedure started (anticipation, or an earlier incident) counts
        // only when nothing after the start does.
        if (inst.first_visit && comp.t >= inst.start) pref += 2.0;
        if (pref > best_pref + 1e-12) {
          best = static_cast<int>(c);
          best_pref = pref;
          if (!inst.first_visit) break;  // repeats: the earliest
        }
      }
    }
    inst.picks[k] = best;
    // Live: nothing yet (it may still be done), or something a later completion could beat.
    if (!knows && (best < 0 || (inst.first_visit && bound > best_pref + 1e-12))) inst.certain = false;
  }
  inst.missing = std::find(inst.picks.begin(), inst.picks.end(), -1) != inst.picks.end();
  inst.ready = -1;
  for (int p : inst.picks)
    if (p >= 0) inst.ready = std::max(inst.ready, o_.completions[static_cast<std::size_t>(p)].t);
  inst.picked_with = o_.completions.size();
  inst.picked_after_due = inst.due != never && d.now() > inst.due;
}

void PlanWalker::arrive(const Drill& d, Instance& inst) {
  const Step& step = m_.plan.procedures[inst.proc].steps[inst.cur];
  inst.arrived = true;
  inst.step_done = false;
  inst.first_visit = !inst.visited[inst.cur];
  inst.visited[inst.cur] = 1;
  inst.arrived_at = d.now();
  const SimTime order = order_bound(inst, step);
  inst.consumed_at_arrival = consumed_version_[inst.proc];
  pick(d, inst);
  if (inst.first_visit && !step.expect.empty()) {
    StepRecord rec;
    rec.instance = static_cast<std::size_t>(&inst - instances_.data());
    rec.procedure = inst.proc;
    rec.step = inst.cur;
    rec.reached = d.now();
    rec.due = inst.due;
    rec.picks = inst.picks;
    rec.last_done_before = order;
    inst.record = w_.steps.size();
    w_.steps.push_back(std::move(rec));
  }
}

// Live: whether the step under way may be judged now, as a replay walk would judge it at this very
// slice. While the evidence is uncertain it waits, choosing again whenever something that could
// change the choice has moved (a completion, a broken rule, the limit passing, the end). Once it is
// certain, a replay walk would have judged it at the first slice at or after both the arrival and
// the evidence; if that slice is already past, the live walk has fallen behind and gives up.
bool PlanWalker::settle_live(const Drill& d, Instance& inst) {
  if (inst.certain) return true;
  bool again = limit_passed_since_pick(d, inst) || d.finished() || completed_since(inst);
  if (!again) return false;
  // A replay walk chose at arrival, before any evidence used since then was used.
  if (consumed_version_[inst.proc] != inst.consumed_at_arrival) {
    failed_ = true;
    return false;
  }
  pick(d, inst);
  if (inst.first_visit && !m_.plan.procedures[inst.proc].steps[inst.cur].expect.empty()) {
    w_.steps[inst.record].picks = inst.picks;
    w_.steps[inst.record].due = inst.due;
  }
  if (!inst.certain) return false;
  if (std::max(inst.arrived_at, inst.ready) != d.now()) {
    failed_ = true;
    return false;
  }
  return true;
}

// Live: whether an action the step under way expects (or times its limit from) was completed since
// its evidence was last chosen. Other completions cannot change the choice; rules broken by a run
// are judged when it is submitted, so before it can complete.
bool PlanWalker::completed_since(Instance& inst) const {
  const Step& step = m_.plan.procedures[inst.proc].steps[inst.cur];
  for (std::size_t c = inst.picked_with; c < o_.completions.size(); ++c) {
    const Ix action = o_.completions[c].action;
    if (action == step.after_action) return true;
    for (const ExpectedAction& ex : step.expect)
      if (ex.action == action) return true;
  }
  inst.picked_with = o_.completions.size();
  return false;
}

}  // namespace drillsim::scoring::detail

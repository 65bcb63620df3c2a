// The plan walker: triggers, steps, evidence and branches, replayed or live (see plan_walker.hpp).
#include "scoring/plan_walker.hpp"

#include <algorithm>

namespace drillsim::scoring::detail {

PlanWalker::PlanWalker(const Model& m, const Rubric& r, const Observed& o, Walked& w, Mode mode)
    : m_(m), r_(r), o_(o), w_(w), mode_(mode) {
  const std::size_t n = m.plan.procedures.size();
  by_action_.resize(m.catalog.actions.size());
  consumed_.resize(n);
  // Asked after every event: evaluated only when they can have changed (clocked_condition.hpp).
  for (Ix p = 0; p < n; ++p) {
    const Procedure& proc = m.plan.procedures[p];
    resolved_.emplace_back(&proc.resolved);
    triggers_.emplace_back(&proc.trigger);
  }
  askable_.reset(n);
  fresh_.reset(n);
  for (auto& route : resting_) route.reset(n);
  restart();
}

// Forgets the run, keeping what was allocated for it: one walker serves many runs.
void PlanWalker::restart() {
  const std::size_t n = m_.plan.procedures.size();
  failed_ = false;
  started_runs_ = 0;
  active_.clear();
  unresolved_.clear();
  pending_list_.clear();
  indexed_completions_ = indexed_violations_ = 0;
  for (auto& list : by_action_) list.clear();
  forbidden_.clear();
  running_.assign(n, 0);
  started_.assign(n, 0);
  armed_.assign(n, 1);
  since_.assign(n, 0);
  pending_.assign(n, never);
  for (auto& used : consumed_) used.clear();
  consumed_version_.assign(n, 0);
  for (auto& c : triggers_) c.invalidate();
  for (auto& c : resolved_) c.invalidate();
  // Every trigger is asked at the first look (a procedure without one is entered only by a jump).
  for (auto& route : resting_) route.clear();
  routed_.assign(n, 0);
  askable_.clear();
  fresh_.clear();
  any_fresh_ = false;
  for (Ix p = 0; p < n; ++p) update_askable(p);
  aspects_ = AspectWatch{};
  incident_start_ = never;
  seen_now_ = never;
  index_observed();
}

// ---- what has been observed so far -------------------------------------------------------------

void PlanWalker::index_observed() {
  if (indexed_completions_ == o_.completions.size() && indexed_violations_ == o_.violations.size()) return;
  for (; indexed_completions_ < o_.completions.size(); ++indexed_completions_) {
    Ix action = o_.completions[indexed_completions_].action;
    if (action < by_action_.size()) by_action_[action].push_back(static_cast<std::uint32_t>(indexed_completions_));
  }
  for (; indexed_violations_ < o_.violations.size(); ++indexed_violations_) {
    std::uint32_t run = o_.violations[indexed_violations_].run;
    if (forbidden_.size() <= run) forbidden_.resize(run + 1, 0);
    forbidden_[run] = 1;
  }
}

bool PlanWalker::consumed(Ix proc, std::size_t completion) const {
  const auto& used = consumed_[proc];
  return completion < used.size() && used[completion];
}

void PlanWalker::consume(Ix proc, std::size_t completion) {
  auto& used = consumed_[proc];
  if (used.size() <= completion) used.resize(o_.completions.size(), 0);
  used[completion] = 1;
  ++consumed_version_[proc];
}

// ---- slices --------------------------------------------------------------------------------------

void PlanWalker::on_slice(const Drill& d) {
  on_event(d);
  if (failed_) return;
  index_observed();
  // In procedure order, as the plan lists them.
  std::sort(pending_list_.begin(), pending_list_.end());
  for (Ix p : pending_list_)
    if (pending_[p] != never) start(d, p, pending_[p], true, no_ix, no_ix);
  pending_list_.clear();
  // Index loop: walking may start procedures (jumps, starts), which appends to instances_ and to
  // active_. Ended runs are dropped from active_ between passes: a pass visits the runs under way in
  // the order they started, as a pass over every run would.
  for (bool progressed = true; progressed && !failed_;) {
    progressed = false;
    for (std::size_t k = 0; k < active_.size(); ++k) {
      if (waiting(d, instances_[active_[k]])) continue;
      for (int guard = 0; guard < 1000 && advance(d, active_[k]); ++guard) progressed = true;
    }
    std::size_t kept = 0;
    for (std::size_t i : active_)
      if (!instances_[i].ended) active_[kept++] = i;
    active_.resize(kept);
  }
}

void PlanWalker::finish() {
  for (std::size_t i = 0; i < started_runs_; ++i) {
    const Instance& inst = instances_[i];
    ProcedureRun run;
    run.procedure = inst.proc;
    run.started = inst.start;
    run.by_trigger = inst.by_trigger;
    run.from_procedure = inst.from_proc;
    run.from_step = inst.from_step;
    run.resolved = inst.resolved;
    w_.procedures.push_back(run);
  }
  w_.incident_start = incident_start_;
}

void PlanWalker::start(const Drill& d, Ix proc, SimTime at, bool by_trigger, Ix from_proc, Ix from_step) {
  pending_[proc] = never;
  update_askable(proc);
  const Procedure& p = m_.plan.procedures[proc];
  if (running_[proc] || (started_[proc] && !p.repeat)) return;
  const std::size_t index = started_runs_;
  Instance& inst = new_instance();
  inst.proc = proc;
  inst.start = at;
  inst.by_trigger = by_trigger;
  inst.repeat = started_[proc] != 0;
  inst.from_proc = from_proc;
  inst.from_step = from_step;
  inst.business_at_start = d.truth().business;
  inst.last_done_post.assign(m_.organisation.posts.size(), -1);
  inst.visited.assign(p.steps.size(), 0);
  inst.visit_done.assign(p.steps.size(), -1);
  inst.ended = p.steps.empty();
  started_[proc] = 1;
  running_[proc] = inst.ended ? 0 : 1;
  armed_[proc] = 0;
  since_[proc] = d.messages_delivered();
  update_askable(proc);
  incident_start_ = std::min(incident_start_, at);
  if (!inst.ended) active_.push_back(index);
  check_resolved(d, instances_[index]);
  if (instances_[index].resolved == never) unresolved_.push_back(index);
}

// A run of a procedure with every field as new, in the slot of an earlier run's (its buffers kept
// from run to run): may reallocate instances_.
PlanWalker::Instance& PlanWalker::new_instance() {
  if (started_runs_ == instances_.size()) instances_.emplace_back();
  Instance& inst = instances_[started_runs_++];
  auto business = std::move(inst.business_at_start);
  auto picks = std::move(inst.picks);
  auto last_done_post = std::move(inst.last_done_post);
  auto visited = std::move(inst.visited);
  auto visit_done = std::move(inst.visit_done);
  inst = Instance{};
  inst.business_at_start = std::move(business);
  inst.picks = std::move(picks);
  inst.picks.clear();
  inst.last_done_post = std::move(last_done_post);
  inst.visited = std::move(visited);
  inst.visit_done = std::move(visit_done);
  return inst;
}

void PlanWalker::end(Instance& inst) {
  inst.ended = true;
  running_[inst.proc] = 0;
  update_askable(inst.proc);
}

// ---- moving along --------------------------------------------------------------------------------

// The step's actions are done (or judged missed): it starts what it starts alongside.
void PlanWalker::step_done(const Drill& d, std::size_t index) {
  Instance& inst = instances_[index];
  inst.step_done = true;
  const Step& step = m_.plan.procedures[inst.proc].steps[inst.cur];
  Ix from_proc = inst.proc, from_step = inst.cur;
  for (Ix p : step.starts) start(d, p, d.now(), false, from_proc, from_step);  // may reallocate instances_
}

// Follows a branch; with none, a step without branches goes on to the next one.
void PlanWalker::take(const Drill& d, std::size_t index, const Branch* b) {
  Instance& inst = instances_[index];
  const Procedure& proc = m_.plan.procedures[inst.proc];
  inst.arrived = false;
  inst.step_done = false;
  if (!b) {
    if (++inst.cur >= proc.steps.size()) end(inst);
    return;
  }
  if (b->goto_procedure != no_ix) {
    end(inst);
    Ix from_proc = inst.proc, from_step = inst.cur;
    start(d, b->goto_procedure, d.now(), false, from_proc, from_step);  // may reallocate instances_
    return;
  }
  if (b->end) {
    end(inst);
    return;
  }
  inst.cur = b->next_step;
}

// One move along the procedure; false when it must wait for a later slice.
bool PlanWalker::advance(const Drill& d, std::size_t index) {
  if (failed_ || instances_[index].ended) return false;
  if (!instances_[index].arrived) arrive(d, instances_[index]);
  Instance& inst = instances_[index];
  if (mode_ == Mode::live && !settle_live(d, inst)) return false;
  const Step& step = m_.plan.procedures[inst.proc].steps[inst.cur];
  if (inst.ready > d.now()) return false;  // what was done of it is not all done yet
  if (inst.missing && inst.first_visit && !run_finished(d)) {
    // Still running and not done yet: the path waits here.
    w_.steps[inst.record].open = true;
    return false;
  }
  bool progressed = false;
  if (!inst.step_done) {
    if (!inst.missing) {
      for (int p : inst.picks) consume(inst.proc, static_cast<std::size_t>(p));
      if (!step.expect.empty()) {
        inst.visit_done[inst.cur] = inst.ready;
        inst.last_done = std::max(inst.last_done, inst.ready);
        for (Ix p : step.responsible) inst.last_done_post[p] = std::max(inst.last_done_post[p], inst.ready);
      }
    }
    step_done(d, index);
    progressed = true;
  }
  Instance& now = instances_[index];
  // Done: the branch the observations revealed. Not done: the branch the truth would have
  // revealed. A step with branches waits until one holds; so does a repeat that nobody made,
  // until the world changes the branch (the service came back while nobody followed it up).
  const Branch* b = choose_branch(d, now, step, now.missing);
  if (!b && !step.branches.empty()) return progressed;
  if (now.missing && !now.first_visit && back_edge(now, b)) return progressed;
  take(d, index, b);
  return true;
}

}  // namespace drillsim::scoring::detail

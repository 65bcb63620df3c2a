// The plan-following policy: starting procedures and working through their steps.
// (Levels and reports: plan_policy_reports.cpp.)
#include "sim/world/plan_policy.hpp"

#include <algorithm>

namespace drillsim {
namespace {
bool contains(const std::vector<Ix>& v, Ix x) { return std::find(v.begin(), v.end(), x) != v.end(); }

std::vector<const Condition*> triggers_of(const Model& model) {
  std::vector<const Condition*> out;
  for (const Procedure& p : model.plan.procedures) out.push_back(&p.trigger);
  return out;
}
}  // namespace

// One policy plays many Monte Carlo replications, one after another (restart() between them): what
// depends on the model and the posts alone is built here once; what is worked out on first use
// (who sends which communication) is kept from run to run.
PlanPolicy::PlanPolicy(const Model& model, std::vector<Ix> posts)
    : model_(model),
      controls_(model.organisation.posts.size(), posts.empty() ? 1 : 0),
      trigger_routes_(model, triggers_of(model)),
      trigger_router_(trigger_routes_),
      reached_(model.plan.procedures.size()),
      declarers_(model.plan.levels.size()) {
  triggers_.reserve(model.plan.procedures.size());
  resolved_.reserve(model.plan.procedures.size());
  may_start_.reserve(model.plan.procedures.size());
  for (const Procedure& proc : model.plan.procedures) {
    triggers_.emplace_back(proc.trigger);
    resolved_.emplace_back(&proc.resolved, true);
  }
  levels_.reserve(model.plan.levels.size());
  for (const Level& level : model.plan.levels) levels_.emplace_back(level.when);
  for (Ix p : posts)
    if (p < controls_.size()) controls_[p] = 1;
  restart();
}

void PlanPolicy::restart() {
  const std::size_t n = model_.plan.procedures.size();
  started_.assign(n, 0);
  first_started_.assign(n, never);
  running_.assign(n, 0);
  armed_.assign(n, 1);
  since_.assign(n, 0);
  for (std::size_t p = 0; p < n; ++p) reached_[p].assign(model_.plan.procedures[p].steps.size(), 0);
  // A procedure without a trigger is entered only by a jump from another one.
  may_start_.clear();
  for (Ix p = 0; p < n; ++p)
    if (model_.plan.procedures[p].trigger.kind != Condition::Kind::always) may_start_.push_back(Startable{p});
  for (WatchedCondition& c : triggers_) c.invalidate();
  trigger_router_.restart();
  for (WatchedCondition& c : levels_) c.invalidate();
  for (CachedCondition& c : resolved_) c.invalidate();
  started_order_.clear();
  trigger_watch_ = level_watch_ = branch_watch_ = AspectWatch{};
  branch_clock_ = -1;
  active_.clear();
  live_.clear();
  running_count_ = 0;
  declared_rank_ = 0;
  last_report_ = -1;
  summary_done_ = false;
  incident_start_ = -1;
  seen_version_ = ~0ull;
}

Ix PlanPolicy::pick_post(const Drill& drill, const Step* step, Ix action) const {
  const ActionDef& def = model_.catalog.actions[action];
  auto usable = [&](Ix p) {
    return controls_[p] && (def.posts.empty() || contains(def.posts, p)) && drill.post_staffed(p);
  };
  if (step) {
    for (Ix p : step->responsible)
      if (usable(p)) return p;
    for (Ix p : step->cooperating)
      if (usable(p)) return p;
  }
  for (Ix p : def.posts)
    if (usable(p)) return p;
  if (def.posts.empty())
    for (Ix p = 0; p < controls_.size(); ++p)
      if (usable(p)) return p;
  return no_ix;
}

Ix PlanPolicy::pick_target(const Drill& drill, const ActionDef& def, const ExpectedAction& expected) const {
  if (expected.target != no_ix || def.target != ActionDef::Target::component) return expected.target;
  const auto& comps = drill.truth().components;
  for (Ix c : def.target_choices)
    if (comps[c].health != Health::up) return c;
  if (!def.target_choices.empty()) return def.target_choices.front();
  for (Ix c : drill.graph().order())
    if (comps[c].health == Health::down) return c;
  return no_ix;
}

bool PlanPolicy::submit(Drill& drill, Ix post, Ix action, Ix target, const std::string& target_id,
                        SimTime* completes) {
  submission_.post = post;
  submission_.action = action;
  submission_.target = target;
  submission_.target_id = target_id;  // keeps its capacity from one submission to the next
  SubmitResult r = drill.submit(submission_);
  if (r.accepted && completes) *completes = r.completes;
  return r.accepted;
}

void PlanPolicy::start_procedure(Drill& drill, Ix procedure) {
  if (running_[procedure] || (started_[procedure] && !model_.plan.procedures[procedure].repeat)) return;
  if (!started_[procedure]) started_order_.push_back(procedure);
  started_[procedure] = 1;
  if (first_started_[procedure] == never) first_started_[procedure] = drill.now();
  running_[procedure] = 1;
  armed_[procedure] = 0;
  since_[procedure] = drill.messages_delivered();
  // Its trigger is not watched while it runs; when it may start again it is evaluated afresh,
  // against the new `since`.
  triggers_[procedure].invalidate();
  std::erase_if(may_start_, [&](const Startable& s) { return s.procedure == procedure; });
  if (incident_start_ < 0) incident_start_ = drill.now();
  Active a;
  a.procedure = procedure;
  a.started = drill.now();
  live_.push_back(active_.size());
  active_.push_back(a);
  ++running_count_;
}

void PlanPolicy::wake_for_elapsed(Drill& drill, const Condition& c, SimTime since) {
  if (c.kind == Condition::Kind::elapsed && since + c.time > drill.now()) drill.wake_at(since + c.time);
  for (const Condition& child : c.children) wake_for_elapsed(drill, child, since);
}

void PlanPolicy::finish(Active& a) {
  if (a.done) return;
  a.done = true;
  --running_count_;
  running_[a.procedure] = 0;
  // A repeatable procedure with a trigger may start again: watch its trigger (in plan order).
  const Procedure& proc = model_.plan.procedures[a.procedure];
  if (proc.repeat && proc.trigger.kind != Condition::Kind::always) {
    auto later = std::find_if(may_start_.begin(), may_start_.end(),
                              [&](const Startable& s) { return s.procedure > a.procedure; });
    may_start_.insert(later, Startable{a.procedure});
  }
}

bool PlanPolicy::advance(Drill& drill, std::size_t index) {
  // active_ may grow while this runs (procedures started alongside or jumped to): index, not reference.
  auto a = [&]() -> Active& { return active_[index]; };
  const Procedure& proc = model_.plan.procedures[a().procedure];
  a().waiting_until = -1;  // the caller skips an instance whose action is still under way
  if (a().step >= proc.steps.size()) {
    finish(a());
    return false;
  }
  const Step& step = proc.steps[a().step];
  reached_[a().procedure][a().step] = 1;
  while (!a().step_done && a().next_expect < step.expect.size()) {
    const ExpectedAction& ex = step.expect[a().next_expect++];
    Ix post = pick_post(drill, &step, ex.action);
    if (post == no_ix) continue;  // nobody the policy plays can do it: skipped
    SimTime completes = 0;
    if (submit(drill, post, ex.action, pick_target(drill, model_.catalog.actions[ex.action], ex), ex.target_id,
               &completes)) {
      a().waiting_until = completes;
      return true;
    }
  }
  // The step's actions are done: start what it starts alongside, then follow the first branch whose
  // condition holds. A step with branches waits until one holds; one without goes on to the next.
  bool progressed = false;
  if (!a().step_done) {
    a().step_done = true;
    progressed = true;
    // A branch waiting for time to pass since the procedure started needs a wake-up then.
    a().branches_read = 0;
    a().branches_read_clock = false;
    for (const Branch& b : step.branches) {
      wake_for_elapsed(drill, b.when, a().started);
      a().branches_read |= aspects_of(b.when);
      a().branches_read_clock = a().branches_read_clock || reads_clock(b.when);
    }
    for (Ix p : step.starts) start_procedure(drill, p);
  }
  for (const Branch& b : step.branches) {
    if (!drill.condition_holds(b.when, no_ix, 0, a().started)) continue;
    a().step_done = false;
    a().next_expect = 0;
    if (b.goto_procedure != no_ix) {
      finish(a());
      start_procedure(drill, b.goto_procedure);
    } else if (b.end) {
      finish(a());
    } else {
      a().step = b.next_step;
    }
    return true;
  }
  if (!step.branches.empty()) {
    a().settled = true;  // none holds: nothing to do here until what the branches read moves
    return progressed;
  }
  a().step_done = false;
  a().next_expect = 0;
  ++a().step;
  if (a().step >= proc.steps.size()) finish(a());
  return true;
}

// Instances waiting for a branch are looked at again only when an aspect their branches read has
// moved, or the clock has for branches that read it (`elapsed`, `after` ...): otherwise every branch
// would give the answer it gave last time, and advance() would do nothing.
void PlanPolicy::unsettle(const Drill& drill) {
  std::uint32_t moved = branch_watch_.moved(drill);
  bool clock_moved = drill.now() != branch_clock_;
  branch_clock_ = drill.now();
  if (moved == 0 && !clock_moved) return;
  for (std::size_t i : live_) {
    Active& a = active_[i];
    if (a.settled && ((a.branches_read & moved) != 0 || (a.branches_read_clock && clock_moved))) a.settled = false;
  }
}

void PlanPolicy::drop_done() {
  std::erase_if(live_, [&](std::size_t i) { return active_[i].done; });
}

void PlanPolicy::advance_all(Drill& drill) {
  // Rounds: every instance does at most one thing per round, in the order they started, as long as
  // one did something. Advancing may start procedures (jumps), which appends to active_ and live_:
  // positions, not references; a new instance takes its turn in the same round. The bound guards
  // against a plan whose branches loop without any action in between.
  int budget = 10000;
  for (bool progressed = true; progressed && --budget > 0;) {
    progressed = false;
    drop_done();
    unsettle(drill);
    for (std::size_t k = 0; k < live_.size(); ++k) {
      const Active& a = active_[live_[k]];
      // Skipped: what advance() would return false for without doing anything.
      if (a.done || a.settled || drill.now() < a.waiting_until) continue;
      if (advance(drill, live_[k])) progressed = true;
    }
  }
}

void PlanPolicy::check_triggers(Drill& drill) {
  std::uint32_t moved = trigger_watch_.moved(drill);
  trigger_router_.look(drill, moved);
  for (std::size_t i = 0; i < may_start_.size(); ++i) {
    // A trigger nothing of which changed gives its last answer: it was false (else the procedure
    // would have started, or it is disarmed and still holds), and that changes nothing. (Its
    // WatchedCondition, not asked meanwhile, still holds answers true of the state: the parts it
    // keeps read nothing that changed.)
    Startable& s = may_start_[i];
    if (s.asked && !trigger_router_.may_have_changed(s.procedure)) continue;
    s.asked = true;
    Ix p = s.procedure;
    // A repeatable procedure starts again once its trigger has stopped holding and holds anew;
    // message triggers count only messages that arrived since it last started.
    bool holds = triggers_[p].holds(drill, moved, since_[p]);
    if (!holds) {
      armed_[p] = 1;
    } else if (armed_[p]) {
      start_procedure(drill, p);  // takes p out of may_start_: the next procedure is at i now
      --i;
    }
  }
}

void PlanPolicy::act(Drill& drill) {
  if (drill.finished() || drill.state_version() == seen_version_) return;  // nothing new to act on
  check_triggers(drill);
  advance_all(drill);
  grade(drill);
  report(drill);
  seen_version_ = drill.state_version();
}

void run_with_policy(Drill& drill, PlanPolicy& policy) {
  policy.act(drill);
  while (drill.step()) policy.act(drill);
}

}  // namespace drillsim

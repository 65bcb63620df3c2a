// The plan-following policy.
#include "sim/world/plan_policy.hpp"

#include <algorithm>

namespace drillsim {
namespace {
bool contains(const std::vector<Ix>& v, Ix x) { return std::find(v.begin(), v.end(), x) != v.end(); }
}  // namespace

PlanPolicy::PlanPolicy(const Model& model, std::vector<Ix> posts)
    : model_(model),
      controls_(model.organisation.posts.size(), posts.empty() ? 1 : 0),
      started_(model.plan.procedures.size(), 0),
      first_started_(model.plan.procedures.size(), never),
      running_(model.plan.procedures.size(), 0),
      armed_(model.plan.procedures.size(), 1),
      since_(model.plan.procedures.size(), 0),
      reached_(model.plan.procedures.size()) {
  for (std::size_t p = 0; p < reached_.size(); ++p) reached_[p].assign(model.plan.procedures[p].steps.size(), 0);
  for (const Procedure& proc : model.plan.procedures) {
    triggers_.emplace_back(&proc.trigger);
    resolved_.emplace_back(&proc.resolved, true);
  }
  for (const Level& level : model.plan.levels) levels_.emplace_back(&level.when);
  for (Ix p : posts)
    if (p < controls_.size()) controls_[p] = 1;
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
  Submission s;
  s.post = post;
  s.action = action;
  s.target = target;
  s.target_id = target_id;
  SubmitResult r = drill.submit(s);
  if (r.accepted && completes) *completes = r.completes;
  return r.accepted;
}

void PlanPolicy::start_procedure(Drill& drill, Ix procedure) {
  if (running_[procedure] || (started_[procedure] && !model_.plan.procedures[procedure].repeat)) return;
  started_[procedure] = 1;
  if (first_started_[procedure] == never) first_started_[procedure] = drill.now();
  running_[procedure] = 1;
  armed_[procedure] = 0;
  since_[procedure] = drill.messages_delivered();
  triggers_[procedure].invalidate();  // evaluated from now on against the new `since`
  if (incident_start_ < 0) incident_start_ = drill.now();
  Active a;
  a.procedure = procedure;
  a.started = drill.now();
  active_.push_back(a);
}

void PlanPolicy::wake_for_elapsed(Drill& drill, const Condition& c, SimTime since) {
  if (c.kind == Condition::Kind::elapsed && since + c.time > drill.now()) drill.wake_at(since + c.time);
  for (const Condition& child : c.children) wake_for_elapsed(drill, child, since);
}

void PlanPolicy::finish(Active& a) {
  a.done = true;
  running_[a.procedure] = 0;
}

bool PlanPolicy::advance(Drill& drill, std::size_t index) {
  // active_ may grow while this runs (procedures started alongside or jumped to): index, not reference.
  auto a = [&]() -> Active& { return active_[index]; };
  const Procedure& proc = model_.plan.procedures[a().procedure];
  if (a().waiting_until >= 0) {
    if (drill.now() < a().waiting_until) return false;
    a().waiting_until = -1;
  }
  if (a().step >= proc.steps.size()) {
    finish(a());
    return false;
  }
  const Step& step = proc.steps[a().step];
  reached_[a().procedure][a().step] = 1;
  while (!a().step_done && a().next_expect < step.expect.size()) {
    const ExpectedAction& ex = step.expect[a().next_expect++];
    const ActionDef& def = model_.catalog.actions[ex.action];
    Ix post = pick_post(drill, &step, ex.action);
    if (post == no_ix) continue;  // nobody the policy plays can do it: skipped
    SimTime completes = 0;
    if (submit(drill, post, ex.action, pick_target(drill, def, ex), ex.target_id, &completes)) {
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
    for (const Branch& b : step.branches) wake_for_elapsed(drill, b.when, a().started);
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
  if (!step.branches.empty()) return progressed;
  a().step_done = false;
  a().next_expect = 0;
  ++a().step;
  if (a().step >= proc.steps.size()) finish(a());
  return true;
}

Ix PlanPolicy::action_with_comm(Communication::Kind kind, Ix post) const {
  for (Ix a = 0; a < model_.catalog.actions.size(); ++a) {
    const ActionDef& def = model_.catalog.actions[a];
    if (def.comm.kind == kind && (def.posts.empty() || contains(def.posts, post))) return a;
  }
  return no_ix;
}

void PlanPolicy::grade(Drill& drill) {
  for (Ix l = 0; l < model_.plan.levels.size(); ++l) {
    const Level& level = model_.plan.levels[l];
    if (level.rank <= declared_rank_ || !levels_[l].holds(drill)) continue;
    std::vector<Ix> by = level.declared_by.empty() ? model_.plan.grading.by : level.declared_by;
    for (Ix post : by) {
      if (!controls_[post] || !drill.post_staffed(post)) continue;
      Ix action = action_with_comm(Communication::Kind::declare_level, post);
      if (action == no_ix) continue;
      if (submit(drill, post, action, l, level.id, nullptr)) {
        declared_rank_ = level.rank;
        break;
      }
    }
  }
}

void PlanPolicy::report(Drill& drill) {
  const ReportingRule& rule = model_.plan.reporting;
  if (incident_start_ < 0) return;
  if (rule.first_within <= 0 && rule.cycle <= 0 && rule.summary_within <= 0) return;  // the plan sets no reporting
  bool open = std::any_of(active_.begin(), active_.end(), [&](const Active& a) {
    return !resolved_[a.procedure].holds(drill);
  });
  auto send = [&](Communication::Kind kind) {
    std::vector<Ix> by = rule.by;
    if (by.empty())
      for (Ix p = 0; p < controls_.size(); ++p) by.push_back(p);
    for (Ix post : by) {
      if (!controls_[post] || !drill.post_staffed(post)) continue;
      Ix action = action_with_comm(kind, post);
      if (action != no_ix && submit(drill, post, action, no_ix, "", nullptr)) return true;
    }
    return false;
  };
  if (last_report_ < 0) {
    if (send(Communication::Kind::report)) last_report_ = drill.now();
    if (rule.cycle > 0) drill.wake_at(drill.now() + rule.cycle);
    return;
  }
  if (open && rule.cycle > 0 && drill.now() >= last_report_ + rule.cycle) {
    if (send(Communication::Kind::report)) last_report_ = drill.now();
    drill.wake_at(drill.now() + rule.cycle);
  }
  bool all_done = std::all_of(active_.begin(), active_.end(), [](const Active& a) { return a.done; });
  if (!open && all_done && !summary_done_ && rule.summary_within > 0) summary_done_ = send(Communication::Kind::summary_report);
}

void PlanPolicy::act(Drill& drill) {
  if (drill.finished() || drill.state_version() == seen_version_) return;  // nothing new to act on
  for (Ix p = 0; p < model_.plan.procedures.size(); ++p) {
    const Procedure& proc = model_.plan.procedures[p];
    // A procedure without a trigger is entered only by a jump from another one.
    if (proc.trigger.kind == Condition::Kind::always || running_[p]) continue;
    if (started_[p] && !proc.repeat) continue;
    // A repeatable procedure starts again once its trigger has stopped holding and holds anew;
    // message triggers count only messages that arrived since it last started.
    bool holds = triggers_[p].holds(drill, no_ix, since_[p]);
    if (!holds) armed_[p] = 1;
    else if (armed_[p]) start_procedure(drill, p);
  }
  // Index loop: advancing may start procedures (jumps), which appends to active_. The bound guards
  // against a plan whose branches loop without any action in between.
  int budget = 10000;
  for (bool progressed = true; progressed && --budget > 0;) {
    progressed = false;
    for (std::size_t i = 0; i < active_.size(); ++i)
      if (!active_[i].done && advance(drill, i)) progressed = true;
  }
  grade(drill);
  report(drill);
  seen_version_ = drill.state_version();
}

void run_with_policy(Drill& drill, PlanPolicy& policy) {
  policy.act(drill);
  while (drill.step()) policy.act(drill);
}

}  // namespace drillsim

// Reading a journal by replay: what happened event by event, and the plan's path through it.
//
// Sections
//   observe_journal   first replay: submissions, completions, triggers, rules of conduct
//   Walker            second replay: the expected steps, slice by slice, along the branches taken
#include <algorithm>

#include "scoring/replay_watch.hpp"
#include "scoring/score_internal.hpp"
#include "sim/world/replay.hpp"

namespace drillsim::scoring::detail {

// ---- observe_journal -------------------------------------------------------------------------

namespace {

Condition done_condition(Ix action) {
  Condition c;
  c.kind = Condition::Kind::done;
  c.ref = action;
  return c;
}

// Rules of conduct are judged when an action is submitted: that is when the participant chose it.
void check_rules(const Drill& drill, const RunInfo& run, std::uint32_t run_no, std::vector<Violation>& out) {
  const Plan& plan = drill.model().plan;
  for (Ix r = 0; r < plan.rules.size(); ++r) {
    const ConductRule& rule = plan.rules[r];
    if (!drill.condition_holds(rule.when)) continue;
    if (rule.kind == ConductRule::Kind::must_not) {
      if (run.action != rule.action) continue;
      if (!rule.posts.empty() && !contains(rule.posts, run.post)) continue;
      if (rule.unless_after != no_ix && drill.condition_holds(done_condition(rule.unless_after))) continue;
      out.push_back({r, run_no});
    } else {
      if (!contains(rule.before, run.action)) continue;
      bool all_first = true;
      for (Ix f : rule.first) all_first = all_first && drill.condition_holds(done_condition(f));
      if (!all_first) out.push_back({r, run_no});
    }
  }
}

}  // namespace

bool observe_journal(const std::shared_ptr<const Model>& model, const std::vector<JournalEntry>& input,
                     Observed& o, std::vector<JournalEntry>& journal, std::string& error) {
  const Model& m = *model;
  o = Observed{};
  o.trigger_at.assign(m.plan.procedures.size(), never);
  for (const auto& e : input) o.finished = o.finished || e.kind == EntryKind::drill_end;
  std::size_t seen = 0;
  Watch watch;
  watch.on_event = [&](const Drill& d) {
    const auto& entries = d.journal().entries();
    for (; seen < entries.size(); ++seen) {
      const JournalEntry& e = entries[seen];
      if (e.kind == EntryKind::submit) {
        RunInfo run{e.t, seen, m.find_post(e.post), m.find_action(e.action), e.target, e.actor};
        if (o.runs.size() < e.run) o.runs.resize(e.run);
        o.runs[e.run - 1] = run;
        check_rules(d, run, e.run, o.violations);
      } else if (e.kind == EntryKind::action_done) {
        Completion c{e.t, seen, e.run, m.find_post(e.post), m.find_action(e.action), e.target, e.actor, {}};
        c.staffed.resize(m.organisation.posts.size());
        for (Ix p = 0; p < c.staffed.size(); ++p) c.staffed[p] = d.post_staffed(p) ? 1 : 0;
        o.completions.push_back(std::move(c));
      }
    }
    for (Ix p = 0; p < m.plan.procedures.size(); ++p) {
      const Condition& trigger = m.plan.procedures[p].trigger;
      // A procedure without a trigger is entered only by a jump from another one.
      if (o.trigger_at[p] == never && trigger.kind != Condition::Kind::always && d.condition_holds(trigger))
        o.trigger_at[p] = d.now();
    }
  };
  auto drill = replay_watched(model, input, watch, error);
  if (!drill) return false;
  journal = drill->journal().entries();
  // The journal must be what this model makes of its own submissions: otherwise it was run with
  // another plan or platform, or it was edited, and no score of it would mean anything.
  if (journal.size() < input.size()) {
    error = "the journal does not reproduce with this scenario: it has " + std::to_string(input.size()) +
            " entries, the replay only " + std::to_string(journal.size());
    return false;
  }
  for (std::size_t i = 0; i < input.size(); ++i) {
    if (to_json(journal[i]) != to_json(input[i])) {
      error = "the journal does not reproduce with this scenario (plan or platform changed?): entry " +
              std::to_string(i + 1) + " differs:\n  journal: " + to_json(input[i]) + "\n  replay:  " + to_json(journal[i]);
      return false;
    }
  }
  o.end = journal.empty() ? 0 : journal.back().t;
  for (SimTime t : o.trigger_at) o.incident_start = std::min(o.incident_start, t);
  return true;
}

// ---- Walker ----------------------------------------------------------------------------------

bool wrong_post(const Model& m, const Completion& c, const Step& step) {
  if (step.responsible.empty() || contains(step.responsible, c.post)) return false;
  // Could a responsible post have done it: allowed by the catalog, and someone present?
  const ActionDef& def = m.catalog.actions[c.action];
  bool able = false;
  for (Ix p : step.responsible)
    able = able || ((def.posts.empty() || contains(def.posts, p)) && p < c.staffed.size() && c.staffed[p]);
  return able || !contains(step.cooperating, c.post);
}

namespace {

class Walker {
 public:
  Walker(const Model& m, const Rubric& r, const Observed& o, Walked& w) : m_(m), r_(r), o_(o), w_(w) {
    forbidden_.assign(o.runs.size() + 1, 0);
    for (const Violation& v : o.violations) forbidden_[v.run] = 1;
  }

  void on_event(const Drill& d) {
    for (Instance& inst : instances_) check_resolved(d, inst);
  }

  void on_slice(const Drill& d) {
    const SimTime now = d.now();
    for (Ix p = 0; p < m_.plan.procedures.size(); ++p)
      if (o_.trigger_at[p] <= now) start(d, p, o_.trigger_at[p], true, no_ix, no_ix);
    // Index loop: walking may start procedures (jumps), which appends to instances_.
    for (bool progressed = true; progressed;) {
      progressed = false;
      for (std::size_t i = 0; i < instances_.size(); ++i) {
        for (int guard = 0; guard < 1000 && advance(d, i); ++guard) progressed = true;
      }
    }
  }

  void finish() {
    for (const Instance& inst : instances_) {
      ProcedureRun run;
      run.procedure = inst.proc;
      run.started = inst.start;
      run.by_trigger = inst.by_trigger;
      run.from_procedure = inst.from_proc;
      run.from_step = inst.from_step;
      run.resolved = inst.resolved;
      w_.procedures.push_back(run);
    }
  }

 private:
  struct Instance {
    Ix proc = no_ix;
    SimTime start = never;
    bool by_trigger = true;
    Ix from_proc = no_ix, from_step = no_ix;
    std::vector<BusinessRuntime> business_at_start;
    Ix cur = 0;
    bool ended = false;
    // the visit of `cur` under way
    bool arrived = false;
    bool first_visit = false;
    std::vector<int> picks;
    bool missing = false;
    SimTime ready = never;
    std::size_t record = 0;  // index into w_.steps of cur's first visit
    SimTime last_done = -1;            // the last done step of the path
    std::vector<SimTime> last_done_post;  // by post: the last done step it was responsible for
    std::vector<char> consumed;        // by completion
    std::vector<char> visited;         // by step
    std::vector<SimTime> visit_done;   // by step: when its latest visit was done
    SimTime resolved = never;
  };

  const Model& m_;
  const Rubric& r_;
  const Observed& o_;
  Walked& w_;
  std::vector<Instance> instances_;
  std::vector<int> instance_of_;  // by procedure, -1 when not started
  std::vector<char> forbidden_;   // by run: it broke a rule of conduct

  void start(const Drill& d, Ix proc, SimTime at, bool by_trigger, Ix from_proc, Ix from_step) {
    if (instance_of_.empty()) instance_of_.assign(m_.plan.procedures.size(), -1);
    if (instance_of_[proc] >= 0) return;
    instance_of_[proc] = static_cast<int>(instances_.size());
    Instance inst;
    inst.proc = proc;
    inst.start = at;
    inst.by_trigger = by_trigger;
    inst.from_proc = from_proc;
    inst.from_step = from_step;
    inst.business_at_start = d.truth().business;
    inst.consumed.assign(o_.completions.size(), 0);
    inst.last_done_post.assign(m_.organisation.posts.size(), -1);
    inst.visited.assign(m_.plan.procedures[proc].steps.size(), 0);
    inst.visit_done.assign(m_.plan.procedures[proc].steps.size(), -1);
    inst.ended = m_.plan.procedures[proc].steps.empty();
    instances_.push_back(std::move(inst));
    check_resolved(d, instances_.back());
  }

  void check_resolved(const Drill& d, Instance& inst) {
    if (inst.resolved == never && d.condition_holds(m_.plan.procedures[inst.proc].resolved)) inst.resolved = d.now();
  }

  // The limit of a step, from the procedure's start: `within`, and the next business event of its
  // kind as it stood when the procedure started (an event already waiting in its grace: the grace's end).
  SimTime due_of(const Instance& inst, const Step& step) const {
    SimTime due = step.within > 0 ? inst.start + step.within : never;
    if (!step.before_business.empty()) {
      for (std::size_t b = 0; b < m_.scenario.calendar.size(); ++b) {
        const BusinessEvent& ev = m_.scenario.calendar[b];
        const BusinessRuntime& rt = inst.business_at_start[b];
        if (ev.kind != step.before_business || rt.state != BusinessState::pending) continue;
        due = std::min(due, rt.at >= inst.start ? rt.at : rt.at + ev.grace);
      }
    }
    return due;
  }

  // A step is out of order when done before an earlier step of the path that the same posts were
  // responsible for: different teams work in parallel.
  SimTime order_bound(const Instance& inst, const Step& step) const {
    if (step.responsible.empty()) return inst.last_done;
    SimTime bound = -1;
    for (Ix p : step.responsible) bound = std::max(bound, inst.last_done_post[p]);
    return bound;
  }

  bool matches(const Completion& c, const ExpectedAction& ex) const {
    return c.action == ex.action && (ex.target_id.empty() || c.target == ex.target_id);
  }

  // The share of credit a completion would earn for a step: the best evidence counts. Order is
  // judged on the evidence chosen, not used to choose it: a later repeat (perhaps for another
  // incident) must not replace the action that actually answered the step.
  double preference(const Completion& c, const Step& step, SimTime due) const {
    double credit = 1;
    if (due != never && c.t > due) credit *= r_.step_credit.late;
    if (wrong_post(m_, c, step)) credit *= r_.step_credit.wrong_post;
    return credit;
  }

  void arrive(const Drill& d, Instance& inst) {
    const Procedure& proc = m_.plan.procedures[inst.proc];
    const Step& step = proc.steps[inst.cur];
    inst.arrived = true;
    inst.first_visit = !inst.visited[inst.cur];
    inst.visited[inst.cur] = 1;
    inst.picks.assign(step.expect.size(), -1);
    std::vector<char> taken(o_.completions.size(), 0);
    const SimTime due = inst.first_visit ? due_of(inst, step) : never;
    const SimTime order = order_bound(inst, step);
    for (std::size_t k = 0; k < step.expect.size(); ++k) {
      int best = -1;
      double best_pref = -1;
      for (std::size_t c = 0; c < o_.completions.size(); ++c) {
        const Completion& comp = o_.completions[c];
        if (inst.consumed[c] || taken[c] || !matches(comp, step.expect[k])) continue;
        // An action that broke a rule of conduct is no evidence for a step (the forbidden early answer).
        if (forbidden_[comp.run]) continue;
        // An action counts once the incident has begun; a repeat visit takes later ones.
        if (comp.t < o_.incident_start) continue;
        if (!inst.first_visit && comp.t <= inst.visit_done[inst.cur]) continue;
        double pref = inst.first_visit ? preference(comp, step, due) : 1.0;
        // Evidence from before the procedure started (anticipation, or an earlier incident's) counts
        // only when nothing after the start does.
        if (inst.first_visit && comp.t >= inst.start) pref += 2.0;
        if (pref > best_pref + 1e-12) {
          best = static_cast<int>(c);
          best_pref = pref;
          if (!inst.first_visit) break;  // repeats: the earliest
        }
      }
      inst.picks[k] = best;
      if (best >= 0) taken[static_cast<std::size_t>(best)] = 1;
    }
    inst.missing = std::find(inst.picks.begin(), inst.picks.end(), -1) != inst.picks.end();
    inst.ready = -1;
    for (int p : inst.picks)
      if (p >= 0) inst.ready = std::max(inst.ready, o_.completions[static_cast<std::size_t>(p)].t);
    if (inst.first_visit && !step.expect.empty()) {
      StepRecord rec;
      rec.instance = static_cast<std::size_t>(&inst - instances_.data());
      rec.procedure = inst.proc;
      rec.step = inst.cur;
      rec.reached = d.now();
      rec.due = due;
      rec.picks = inst.picks;
      rec.last_done_before = order;
      inst.record = w_.steps.size();
      w_.steps.push_back(std::move(rec));
    }
  }

  // Observation results the missing actions would have given now, read from the truth by the
  // catalog's own observation rules (the target: as expected, else the one the policy would choose).
  std::vector<std::pair<Ix, std::string>> would_observe(const Drill& d, const Step& step,
                                                        const std::vector<int>& picks) const {
    std::vector<std::pair<Ix, std::string>> out;
    for (std::size_t k = 0; k < step.expect.size(); ++k) {
      if (picks[k] >= 0) continue;
      const ExpectedAction& ex = step.expect[k];
      const ActionDef& def = m_.catalog.actions[ex.action];
      Ix target = ex.target;
      if (target == no_ix && def.target == ActionDef::Target::component) {
        for (Ix c : def.target_choices)
          if (target == no_ix && d.truth().components[c].health != Health::up) target = c;
        if (target == no_ix && !def.target_choices.empty()) target = def.target_choices.front();
      }
      for (const ObservationRule& rule : def.observe) {
        if (!d.condition_holds(rule.when, target)) continue;
        out.emplace_back(ex.action, rule.result);
        break;
      }
    }
    return out;
  }

  // The condition with every `observed` leaf about a missing action decided: it holds if it was
  // really observed, or if the truth would have shown it. The Drill evaluates the rest.
  Condition assume(const Drill& d, const Condition& c, const std::vector<Ix>& missing,
                   const std::vector<std::pair<Ix, std::string>>& would) const {
    if (c.kind == Condition::Kind::observed && contains(missing, c.ref)) {
      bool holds = d.condition_holds(c) ||
                   std::find(would.begin(), would.end(), std::make_pair(c.ref, c.text)) != would.end();
      Condition out;  // always
      if (!holds) {
        out.kind = Condition::Kind::negate;
        out.children.emplace_back();
      }
      return out;
    }
    Condition out = c;
    for (auto& child : out.children) child = assume(d, child, missing, would);
    return out;
  }

  // The first branch that holds (nullptr: none, go on with the next step).
  const Branch* choose_branch(const Drill& d, const Step& step, const std::vector<int>& picks, bool assume_missing) {
    std::vector<Ix> missing;
    std::vector<std::pair<Ix, std::string>> would;
    if (assume_missing) {
      for (std::size_t k = 0; k < step.expect.size(); ++k)
        if (picks[k] < 0) missing.push_back(step.expect[k].action);
      would = would_observe(d, step, picks);
    }
    for (const Branch& b : step.branches) {
      bool holds = missing.empty() ? d.condition_holds(b.when) : d.condition_holds(assume(d, b.when, missing, would));
      if (holds) return &b;
    }
    return nullptr;
  }

  bool back_edge(const Instance& inst, const Branch* b) const {
    return b && b->goto_procedure == no_ix && !b->end && b->next_step != no_ix && inst.visited[b->next_step];
  }

  void take(const Drill& d, std::size_t index, const Branch* b) {
    Instance& inst = instances_[index];
    const Procedure& proc = m_.plan.procedures[inst.proc];
    inst.arrived = false;
    if (!b) {
      if (++inst.cur >= proc.steps.size()) inst.ended = true;
      return;
    }
    if (b->goto_procedure != no_ix) {
      inst.ended = true;
      Ix from_proc = inst.proc, from_step = inst.cur;
      start(d, b->goto_procedure, d.now(), false, from_proc, from_step);  // may reallocate instances_
      return;
    }
    if (b->end) {
      inst.ended = true;
      return;
    }
    inst.cur = b->next_step;
  }

  // One move along the procedure; false when it must wait for a later slice.
  bool advance(const Drill& d, std::size_t index) {
    Instance& inst = instances_[index];
    if (inst.ended) return false;
    const Step& step = m_.plan.procedures[inst.proc].steps[inst.cur];
    if (!inst.arrived) arrive(d, inst);
    if (!inst.missing) {
      if (inst.ready > d.now()) return false;
      for (int p : inst.picks) inst.consumed[static_cast<std::size_t>(p)] = 1;
      if (!step.expect.empty()) {
        inst.visit_done[inst.cur] = inst.ready;
        inst.last_done = std::max(inst.last_done, inst.ready);
        for (Ix p : step.responsible) inst.last_done_post[p] = std::max(inst.last_done_post[p], inst.ready);
      }
      take(d, index, choose_branch(d, step, inst.picks, false));
      return true;
    }
    if (inst.ready > d.now()) return false;  // the actions that were done are not all done yet
    if (inst.first_visit && !o_.finished) {
      // Still running and not done yet: the path waits here.
      w_.steps[inst.record].open = true;
      return false;
    }
    // Not done: follow the branch the truth would have revealed. A repeat that nobody made waits
    // for the world to change the branch (the service came back while nobody followed it up).
    const Branch* b = choose_branch(d, step, inst.picks, true);
    if (!inst.first_visit && (back_edge(inst, b) || (b && b->next_step == inst.cur))) return false;
    take(d, index, b);
    return true;
  }
};

}  // namespace

bool walk_plan(const std::shared_ptr<const Model>& model, const Rubric& rubric,
               const std::vector<JournalEntry>& journal, const Observed& observed, Walked& walked, ScoreSheet& sheet,
               std::string& error) {
  walked = Walked{};
  Walker walker(*model, rubric, observed, walked);
  Watch watch;
  watch.on_event = [&](const Drill& d) { walker.on_event(d); };
  watch.on_slice = [&](const Drill& d) { walker.on_slice(d); };
  auto drill = replay_watched(model, journal, watch, error);
  if (!drill) return false;
  walker.finish();
  // Outcomes read from the final state.
  const Model& m = *model;
  const WorldState& s = drill->truth();
  for (Ix b = 0; b < s.business.size(); ++b) {
    const BusinessRuntime& rt = s.business[b];
    BusinessResult r{b, rt.state, 0, rt.settled_at};
    if (rt.settled_at != never && rt.state != BusinessState::missed)
      r.delay = std::max<SimTime>(0, rt.settled_at - m.scenario.calendar[b].at);
    sheet.business.push_back(r);
  }
  for (Ix c = 0; c < s.components.size(); ++c) {
    if (SimTime down = drill->downtime(c); down > 0) sheet.downtime.emplace_back(c, down);
    if (s.components[c].off == OffReason::destroyed) sheet.equipment_lost.push_back(c);
  }
  sheet.data_lost = s.data_lost;
  return true;
}

}  // namespace drillsim::scoring::detail

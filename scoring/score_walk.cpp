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

// Who a communication went to: the ids of the journal's comma-separated `subject`.
std::vector<std::string> split_ids(const std::string& list) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t comma = list.find(',', start);
    if (comma == std::string::npos) comma = list.size();
    if (comma > start) out.push_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

}  // namespace

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

bool observe_journal(const std::shared_ptr<const Model>& model, const std::vector<JournalEntry>& input,
                     Observed& o, std::vector<JournalEntry>& journal, std::string& error) {
  const Model& m = *model;
  o = Observed{};
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
  for (const JournalEntry& e : journal)
    if (e.kind == EntryKind::comm)
      o.comms.push_back(CommInfo{e.t, e.result, m.find_post(e.post), e.actor, e.run, e.target, split_ids(e.subject)});
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
    const std::size_t n = m.plan.procedures.size();
    running_.assign(n, 0);
    started_.assign(n, 0);
    armed_.assign(n, 1);
    since_.assign(n, 0);
    pending_.assign(n, never);
    consumed_.assign(n, std::vector<char>(o.completions.size(), 0));
    // Asked after every event: cached, exactly (see CachedCondition's exact_clock).
    for (const Procedure& proc : m.plan.procedures) {
      triggers_.emplace_back(&proc.trigger, true);
      resolved_.emplace_back(&proc.resolved, true);
    }
  }

  // After every event: triggers (the first moment each holds), resolutions.
  void on_event(const Drill& d) {
    // Nothing a trigger or a resolution reads has moved (same state version, same clock) and the
    // walk has started or ended nothing since the last look: every cached answer, so every update
    // below, would be the same again.
    if (d.state_version() == seen_version_ && d.now() == seen_now_ && walk_epoch_ == seen_epoch_) return;
    seen_version_ = d.state_version();
    seen_now_ = d.now();
    seen_epoch_ = walk_epoch_;
    for (Ix p = 0; p < m_.plan.procedures.size(); ++p) {
      const Procedure& proc = m_.plan.procedures[p];
      // A procedure without a trigger is entered only by a jump from another one; one runs at a time;
      // a repeatable one starts again once its trigger has stopped holding and holds anew (message
      // triggers count only messages delivered since it last started).
      if (proc.trigger.kind == Condition::Kind::always || running_[p] || pending_[p] != never) continue;
      if (started_[p] && !proc.repeat) continue;
      if (!triggers_[p].holds(d, no_ix, since_[p])) armed_[p] = 1;
      else if (armed_[p]) pending_[p] = d.now();
    }
    for (Instance& inst : instances_) check_resolved(d, inst);
  }

  // After every time slice: start what was triggered, then walk every procedure as far as it goes.
  void on_slice(const Drill& d) {
    on_event(d);
    for (Ix p = 0; p < m_.plan.procedures.size(); ++p)
      if (pending_[p] != never) start(d, p, pending_[p], true, no_ix, no_ix);
    // Index loop: walking may start procedures (jumps, starts), which appends to instances_.
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
    w_.incident_start = incident_start_;
  }

 private:
  struct Instance {
    Ix proc = no_ix;
    SimTime start = never;
    bool by_trigger = true;
    bool repeat = false;  // a second (third ...) run of a repeatable procedure: a new incident
    Ix from_proc = no_ix, from_step = no_ix;
    std::vector<BusinessRuntime> business_at_start;
    Ix cur = 0;
    bool ended = false;
    // the visit of `cur` under way
    bool arrived = false;
    bool first_visit = false;
    bool step_done = false;  // its actions are done (or judged missed): waiting for a branch to hold
    std::vector<int> picks;
    bool missing = false;
    SimTime ready = never;
    std::size_t record = 0;               // index into w_.steps of cur's first visit
    SimTime last_done = -1;               // the last done step of the path
    std::vector<SimTime> last_done_post;  // by post: the last done step it was responsible for
    std::vector<char> visited;            // by step
    std::vector<SimTime> visit_done;      // by step: when its latest visit was done
    SimTime resolved = never;
  };

  const Model& m_;
  const Rubric& r_;
  const Observed& o_;
  Walked& w_;
  std::vector<Instance> instances_;
  std::vector<char> forbidden_;  // by run: it broke a rule of conduct
  std::vector<char> running_, started_, armed_;
  std::vector<std::size_t> since_;              // by procedure: messages delivered when it last started
  std::vector<SimTime> pending_;                // by procedure: its trigger held then, not started yet
  std::vector<std::vector<char>> consumed_;     // by procedure, by completion: evidence already used
  std::vector<CachedCondition> triggers_, resolved_;  // by procedure
  SimTime incident_start_ = never;
  std::uint64_t walk_epoch_ = 0;  // bumps whenever a procedure starts or ends
  std::uint64_t seen_version_ = ~0ull, seen_epoch_ = ~0ull;
  SimTime seen_now_ = never;

  void start(const Drill& d, Ix proc, SimTime at, bool by_trigger, Ix from_proc, Ix from_step) {
    pending_[proc] = never;
    ++walk_epoch_;
    const Procedure& p = m_.plan.procedures[proc];
    if (running_[proc] || (started_[proc] && !p.repeat)) return;
    Instance inst;
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
    incident_start_ = std::min(incident_start_, at);
    instances_.push_back(std::move(inst));
    check_resolved(d, instances_.back());
  }

  void end(Instance& inst) {
    ++walk_epoch_;
    inst.ended = true;
    running_[inst.proc] = 0;
  }

  void check_resolved(const Drill& d, Instance& inst) {
    if (inst.resolved == never && resolved_[inst.proc].holds(d)) inst.resolved = d.now();
  }

  // The first completion of an action at or after t (never: none).
  SimTime first_completion(Ix action, SimTime t) const {
    for (const Completion& c : o_.completions)
      if (c.action == action && c.t >= t) return c.t;
    return never;
  }

  // The limit of a step: `within` from the procedure's start; the next business event of its kind
  // as it stood when the procedure started (one already waiting in its grace: the grace's end);
  // `within_after` from the first completion of that action.
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
    if (step.after_action != no_ix && step.after_within > 0) {
      SimTime from = first_completion(step.after_action, inst.start);
      if (from != never) due = std::min(due, from + step.after_within);
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
    const std::vector<char>& consumed = consumed_[inst.proc];
    inst.arrived = true;
    inst.step_done = false;
    inst.first_visit = !inst.visited[inst.cur];
    inst.visited[inst.cur] = 1;
    inst.picks.assign(step.expect.size(), -1);
    std::vector<char> taken(o_.completions.size(), 0);
    const SimTime due = inst.first_visit ? due_of(inst, step) : never;
    const SimTime order = order_bound(inst, step);
    // Evidence counts once the incident has begun; a repeat run of a procedure (a new incident)
    // takes only what was done after it started; a repeat visit of a step, what came after the last.
    const SimTime window = inst.repeat ? inst.start : incident_start_;
    for (std::size_t k = 0; k < step.expect.size(); ++k) {
      int best = -1;
      double best_pref = -1;
      for (std::size_t c = 0; c < o_.completions.size(); ++c) {
        const Completion& comp = o_.completions[c];
        if (consumed[c] || taken[c] || !matches(comp, step.expect[k])) continue;
        // An action that broke a rule of conduct is no evidence for a step (the forbidden early answer).
        if (forbidden_[comp.run]) continue;
        if (comp.t < window) continue;
        if (!inst.first_visit && comp.t <= inst.visit_done[inst.cur]) continue;
        double pref = inst.first_visit ? preference(comp, step, due) : 1.0;
        // Evidence from before the procedure started (anticipation, or an earlier incident) counts
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

  // The first branch that holds (nullptr: none).
  const Branch* choose_branch(const Drill& d, const Instance& inst, const Step& step, bool assume_missing) {
    std::vector<Ix> missing;
    std::vector<std::pair<Ix, std::string>> would;
    if (assume_missing) {
      for (std::size_t k = 0; k < step.expect.size(); ++k)
        if (inst.picks[k] < 0) missing.push_back(step.expect[k].action);
      would = would_observe(d, step, inst.picks);
    }
    for (const Branch& b : step.branches) {
      const Condition& when = b.when;
      bool holds = missing.empty() ? d.condition_holds(when, no_ix, 0, inst.start)
                                   : d.condition_holds(assume(d, when, missing, would), no_ix, 0, inst.start);
      if (holds) return &b;
    }
    return nullptr;
  }

  bool back_edge(const Instance& inst, const Branch* b) const {
    return b && b->goto_procedure == no_ix && !b->end && b->next_step != no_ix && inst.visited[b->next_step];
  }

  // The step's actions are done (or judged missed): it starts what it starts alongside.
  void step_done(const Drill& d, std::size_t index) {
    Instance& inst = instances_[index];
    inst.step_done = true;
    const Step& step = m_.plan.procedures[inst.proc].steps[inst.cur];
    Ix from_proc = inst.proc, from_step = inst.cur;
    for (Ix p : step.starts) start(d, p, d.now(), false, from_proc, from_step);  // may reallocate instances_
  }

  // Follows a branch; with none, a step without branches goes on to the next one.
  void take(const Drill& d, std::size_t index, const Branch* b) {
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
  bool advance(const Drill& d, std::size_t index) {
    if (instances_[index].ended) return false;
    if (!instances_[index].arrived) arrive(d, instances_[index]);
    Instance& inst = instances_[index];
    const Step& step = m_.plan.procedures[inst.proc].steps[inst.cur];
    if (inst.ready > d.now()) return false;  // what was done of it is not all done yet
    if (inst.missing && inst.first_visit && !o_.finished) {
      // Still running and not done yet: the path waits here.
      w_.steps[inst.record].open = true;
      return false;
    }
    bool progressed = false;
    if (!inst.step_done) {
      if (!inst.missing) {
        for (int p : inst.picks) consumed_[inst.proc][static_cast<std::size_t>(p)] = 1;
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
};

}  // namespace

namespace {

// Outcomes read from the final state.
void read_outcomes(const Model& m, const Drill& drill, ScoreSheet& sheet) {
  const WorldState& s = drill.truth();
  for (Ix b = 0; b < s.business.size(); ++b) {
    const BusinessRuntime& rt = s.business[b];
    BusinessResult r{b, rt.state, 0, rt.settled_at};
    if (rt.settled_at != never && rt.state != BusinessState::missed)
      r.delay = std::max<SimTime>(0, rt.settled_at - m.scenario.calendar[b].at);
    sheet.business.push_back(r);
  }
  for (Ix c = 0; c < s.components.size(); ++c) {
    if (SimTime down = drill.downtime(c); down > 0) sheet.downtime.emplace_back(c, down);
    if (s.components[c].off == OffReason::destroyed) sheet.equipment_lost.push_back(c);
  }
  sheet.data_lost = s.data_lost;
}

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
  read_outcomes(*model, *drill, sheet);
  return true;
}

void walk_plan_live(Drill& fresh, const std::vector<TimedSubmission>& submissions, SimTime end, const Rubric& rubric,
                    const Observed& observed, Walked& walked, ScoreSheet& sheet) {
  walked = Walked{};
  Walker walker(fresh.model(), rubric, observed, walked);
  ReplayWatch watch;
  watch.on_event = [&](const Drill& d) { walker.on_event(d); };
  watch.on_slice = [&](const Drill& d) { walker.on_slice(d); };
  replay_submissions(fresh, submissions, end, &watch);
  fresh.set_observer(nullptr);
  walker.finish();
  read_outcomes(fresh.model(), fresh, sheet);
}

}  // namespace drillsim::scoring::detail

// Reading a journal by replay: what happened event by event, and the plan's path through it.
//
// Sections
//   observe_journal   first replay: submissions, completions, triggers, rules of conduct
//   walk_plan         second replay: the plan walker (plan_walker.hpp) along the replayed drill
#include <algorithm>

#include "scoring/plan_walker.hpp"
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

}  // namespace

// Rules of conduct are judged when an action is submitted: that is when the participant chose it.
void check_rules(const Drill& drill, const RunInfo& run, std::uint32_t run_no, std::vector<Violation>& out) {
  const Plan& plan = drill.model().plan;
  // The cheap tests first: whether the rule is about this action at all.
  for (Ix r = 0; r < plan.rules.size(); ++r) {
    const ConductRule& rule = plan.rules[r];
    if (rule.kind == ConductRule::Kind::must_not) {
      if (run.action != rule.action) continue;
      if (!rule.posts.empty() && !contains(rule.posts, run.post)) continue;
      if (!drill.condition_holds(rule.when)) continue;
      if (rule.unless_after != no_ix && drill.condition_holds(done_condition(rule.unless_after))) continue;
      out.push_back({r, run_no});
    } else {
      if (!contains(rule.before, run.action)) continue;
      if (!drill.condition_holds(rule.when)) continue;
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
        Completion c{e.t, seen, e.run, m.find_post(e.post), m.find_action(e.action), e.target, {}};
        for (Ix p = 0; p < m.organisation.posts.size(); ++p)
          if (d.post_staffed(p)) c.staffed.add(p);
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
  // A `comm` entry is what its action's Communication says (kind, recipients), by the run's participant.
  for (const JournalEntry& e : journal)
    if (e.kind == EntryKind::comm) {
      const Ix action = m.find_action(e.action);
      o.comms.push_back(CommInfo{e.t, m.catalog.actions[action].comm.kind, m.find_post(e.post), action, e.run});
    }
  return true;
}

// ---- judging evidence and outcomes -------------------------------------------------------------

bool wrong_post(const Model& m, const Completion& c, const Step& step) {
  if (step.responsible.empty() || contains(step.responsible, c.post)) return false;
  // Could a responsible post have done it: allowed by the catalog, and someone present?
  const ActionDef& def = m.catalog.actions[c.action];
  bool able = false;
  for (Ix p : step.responsible)
    able = able || ((def.posts.empty() || contains(def.posts, p)) && c.staffed.has(p));
  return able || !contains(step.cooperating, c.post);
}

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

bool walk_plan(const std::shared_ptr<const Model>& model, const Rubric& rubric,
               const std::vector<JournalEntry>& journal, const Observed& observed, Walked& walked, ScoreSheet& sheet,
               std::string& error) {
  walked = Walked{};
  PlanWalker walker(*model, rubric, observed, walked, PlanWalker::Mode::replay);
  Watch watch;
  watch.on_event = [&](const Drill& d) { walker.on_event(d); };
  watch.on_slice = [&](const Drill& d) { walker.on_slice(d); };
  auto drill = replay_watched(model, journal, watch, error);
  if (!drill) return false;
  walker.finish();
  read_outcomes(*model, *drill, sheet);
  return true;
}

void walk_plan_submissions(Drill& fresh, const std::vector<TimedSubmission>& submissions, SimTime end, const Rubric& rubric,
                    const Observed& observed, Walked& walked, ScoreSheet& sheet) {
  walked = Walked{};
  PlanWalker walker(fresh.model(), rubric, observed, walked, PlanWalker::Mode::replay);
  ReplayWatch watch;
  watch.on_event = [&](const Drill& d) { walker.on_event(d); };
  watch.on_slice = [&](const Drill& d) { walker.on_slice(d); };
  replay_submissions(fresh, submissions, end, &watch);
  fresh.set_observer(nullptr);
  walker.finish();
  read_outcomes(fresh.model(), fresh, sheet);
}

}  // namespace drillsim::scoring::detail

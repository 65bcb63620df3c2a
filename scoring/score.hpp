// Scoring a drill from its journal and plan: expected steps and their verdicts, rules of conduct,
// reports and grading, outcomes, points per step, procedure, post, group, participant and overall,
// and HSEEP ratings per objective. docs/scoring.md states every rule.
//
// The journal is replayed into a fresh Drill (the world is never re-implemented here): the Drill's
// own condition evaluator says when a procedure's trigger held, which branch held when a step was
// done, and when a procedure was resolved. The same journal and rubric always give the same sheet.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "scoring/rubric.hpp"
#include "sim/model/model.hpp"
#include "sim/world/journal.hpp"

namespace drillsim::scoring {

enum class ItemKind : std::uint8_t {
  step,            // an expected step of a procedure
  resolution,      // a procedure's `resolved` against its `within` (penalty only)
  first_report,    // reporting rule: the first report
  cycle_report,    // reporting rule: one report of the cycle
  summary_report,  // reporting rule: the summary after restoration
  grading,         // a true level declared
  over_grading,    // a level declared that the truth never reached (penalty)
  must_not,        // a rule of conduct broken (penalty)
  must_first,      // a rule of conduct broken (penalty)
  harmful,         // an action the catalog marks harmful (penalty)
  needless,        // an action no expected step asked for (penalty)
  business,        // a business event's outcome (penalty when missed or late)
  data_lost,       // penalty
  equipment_lost,  // penalty, per component
  downtime,        // penalty per hour of a business component's downtime (0 by default)
};

enum class Verdict : std::uint8_t {
  done,          // as the plan says, in time
  late,          // done after its limit
  wrong_post,    // done by a post the plan does not make responsible
  out_of_order,  // done before the step the plan puts ahead of it
  partial,       // some of the expected actions done
  missed,        // not done
  open,          // the drill is still running and it is not done yet
  violation,     // a rule of conduct broken, or a harmful action
  needless,      // nobody asked for it
  wrong_level,   // declared a level the truth never reached
  lost,          // a business event missed, data or equipment lost, downtime
};

const char* item_kind_name(ItemKind kind);
const char* verdict_name(Verdict verdict);
Text verdict_text(Verdict verdict);

// One scored thing. Positive items can earn up to max_points; penalty items take points off.
struct Item {
  ItemKind kind = ItemKind::step;
  Verdict verdict = Verdict::done;
  bool late = false, wrong_post = false, out_of_order = false;
  SimTime late_by = 0;
  Ix procedure = no_ix, step = no_ix;  // step, resolution
  std::size_t procedure_run = static_cast<std::size_t>(-1);  // step, resolution: index into ScoreSheet::procedures
  Ix rule = no_ix;                     // must_not, must_first
  Ix level = no_ix;                    // grading, over_grading
  Ix business = no_ix;                 // business
  Ix component = no_ix;                // equipment_lost, downtime
  Ix action = no_ix;                   // must_not, must_first, harmful, needless
  std::vector<Ix> accountable;         // posts answerable for it (responsible posts, the rule breaker ...)
  Ix post = no_ix;                     // the post that did it (the chosen evidence)
  std::string actor;                   // the participant who did it
  std::vector<std::uint32_t> runs;     // submissions that count as its evidence
  SimTime reached = never;             // when it became expected
  SimTime at = never;                  // when it was done or happened
  SimTime due = never;                 // its limit
  bool penalty = false;
  double max_points = 0;               // positive items
  double points = 0;                   // earned (positive items) or taken off (penalties), never negative
  std::string rule_key;                // the rubric entries that produced the points, e.g. "steps.points × steps.credit.late"
  Text why;                            // the explanation a facilitator reads
  std::vector<Ix> objectives;          // objectives it counts towards
};

// A procedure the drill called for: triggered by the truth, or reached by a jump (or started
// alongside a step). A repeatable procedure runs once per incident.
struct ProcedureRun {
  Ix procedure = no_ix;
  SimTime started = never;
  bool by_trigger = true;
  Ix from_procedure = no_ix, from_step = no_ix;  // the jump that reached it
  SimTime resolved = never;                      // the first time `resolved` held after it started
};

// An evaluator's observation: P/S/M/U on an objective, time-stamped (drill time; -1: after the drill).
struct Evaluation {
  SimTime t = -1;
  std::string author;
  std::string objective;
  std::string rating;
  std::string text;
};

struct Tally {
  double earned = 0, possible = 0, penalty = 0;
  int items = 0;
  // (earned - penalty) / possible in percent, clamped to 0..100; -1 when nothing was possible.
  double percent() const;
};

struct NamedTally {
  std::string key;  // procedure, post, group id or participant name
  Text name;
  Tally tally;
};

struct ObjectiveResult {
  Ix objective = no_ix;
  Tally tally;
  char rating = '-';  // P, S, M, U from the points; '-' when the drill did not exercise it
  std::vector<Evaluation> evaluations;
};

struct BusinessResult {
  Ix event = no_ix;
  BusinessState state = BusinessState::pending;
  SimTime delay = 0;   // held this late (also by fallback)
  SimTime settled = never;
};

struct ScoreSheet {
  std::string scenario_id, plan_id, plan_version, rubric_id, rubric_version;
  std::uint64_t seed = 0;
  bool finished = false;       // the journal ends with drill_end
  SimTime end = 0;             // the journal's last time
  SimTime incident_start = never;
  SimTime restored = never;    // every procedure the drill called for resolved
  std::vector<ProcedureRun> procedures;
  std::vector<Item> items;
  std::vector<BusinessResult> business;
  std::vector<std::pair<Ix, SimTime>> downtime;  // components ever down, with their downtime
  std::vector<Ix> equipment_lost;
  bool data_lost = false;
  std::vector<std::pair<Ix, SimTime>> levels_reached;  // true levels, when reached
  Tally overall;
  char overall_rating = '-';
  std::vector<NamedTally> by_procedure, by_post, by_group, by_participant;
  std::vector<ObjectiveResult> objectives;
  std::vector<Evaluation> evaluations;  // all of them, in time order (after-drill ones last)
  std::vector<JournalEntry> journal;    // the journal as replayed (what was scored)
};

// Scores a journal (finished or still running) against the model it was run with. `after` holds
// evaluators' observations added after the drill (the records store keeps them). False with a
// reason when the journal does not reproduce with this model (another plan version, a damaged file).
bool score_journal(const std::shared_ptr<const Model>& model, const std::vector<JournalEntry>& journal,
                   const Rubric& rubric, ScoreSheet& out, std::string& error,
                   const std::vector<Evaluation>& after = {});

// A one-line title of an item ("§5.2 第二步 报运营商抢修 ..."), for reports and the CLI.
std::string item_title(const Model& model, const Item& item, Lang lang);

}  // namespace drillsim::scoring

// What the scorer reads off the replayed drill before it judges anything (private to scoring/).
#pragma once

#include <string>
#include <vector>

#include "scoring/score.hpp"
#include "scoring/sheet_room.hpp"
#include "scoring/staffed_posts.hpp"
#include "sim/world/drill.hpp"

namespace drillsim::scoring::detail {

// One submission, as the journal's `submit` entry has it.
struct RunInfo {
  SimTime submitted = 0;
  std::size_t seq = 0;  // journal index of the submit entry
  Ix post = no_ix, action = no_ix;
  std::string target;
  std::string actor;
};

// One completed action (`action_done`), with who was present at that moment.
// The participant is the run's (Observed::runs[run - 1].actor).
struct Completion {
  SimTime t = 0;
  std::size_t seq = 0;
  std::uint32_t run = 0;
  Ix post = no_ix, action = no_ix;
  std::string target;
  PostSet staffed;  // the posts someone holding them was present for
};

// A communication made (`comm`): a report, a declaration ... in the order they were made. The
// journal's entry says what the action's Communication says (its kind, the posts and groups it goes
// to) and names the run's participant and target (Observed::runs[run - 1]): only the indices are kept.
struct CommInfo {
  SimTime t = 0;
  Communication::Kind kind = Communication::Kind::none;
  Ix post = no_ix, action = no_ix;
  std::uint32_t run = 0;
};

// A rule of conduct broken at a submission.
struct Violation {
  Ix rule = no_ix;
  std::uint32_t run = 0;
};

// What the first replay collected, event by event.
struct Observed {
  std::vector<RunInfo> runs;  // by run number - 1
  std::vector<Completion> completions;  // in journal order
  std::vector<Violation> violations;
  std::vector<CommInfo> comms;  // in journal order
  bool finished = false;
  SimTime end = 0;
};

// The expected steps the walk found, in the order it reached them.
struct StepRecord {
  std::size_t instance = 0;  // index into the procedure runs
  Ix procedure = no_ix, step = no_ix;
  SimTime reached = never, due = never;
  std::vector<int> picks;  // completion index per expected action, -1 when not done
  bool open = false;       // the drill is still running and the step is not done yet
  SimTime last_done_before = -1;  // when the previous done step of the path was done (order)
};

struct Walked {
  std::vector<ProcedureRun> procedures;
  std::vector<StepRecord> steps;
  SimTime incident_start = never;  // the first time a procedure was called for
};

// Replays the journal twice: once to observe it event by event (and to check that it reproduces),
// once to walk the plan slice by slice. Fills the journal as replayed into `journal`.
bool observe_journal(const std::shared_ptr<const Model>& model, const std::vector<JournalEntry>& input,
                     Observed& observed, std::vector<JournalEntry>& journal, std::string& error);
bool walk_plan(const std::shared_ptr<const Model>& model, const Rubric& rubric,
               const std::vector<JournalEntry>& journal, const Observed& observed, Walked& walked, ScoreSheet& sheet,
               std::string& error);

// Observing without a journal (score_online.cpp): what observe_journal reads off the journal's
// `submit`, `action_done` and `comm` entries, read off a live drill after every event and submission.
class LiveObserver {
 public:
  LiveObserver(const Model& model, Observed& out);
  void reset();
  void on_event(const Drill& drill);  // the Drill's observer
  void finish(const Drill& drill);    // after the drill ended
 private:
  const Model& m_;
  Observed& o_;
  std::vector<char> ruled_;  // by action: a rule of conduct is about it (others break none)
  StaffedPosts staffed_;
  std::size_t runs_seen_ = 0, completions_seen_ = 0;
};

// The walk along a drill rebuilt from a run's submissions rather than from its journal: the same
// slices, the same states, so the same path (score_walk.cpp).
void walk_plan_submissions(Drill& fresh, const std::vector<TimedSubmission>& submissions, SimTime end,
                           const Rubric& rubric, const Observed& observed, Walked& walked, ScoreSheet& sheet);

// Outcomes read off a drill that has ended: business events, downtime, equipment and data lost.
void read_outcomes(const Model& model, const Drill& drill, ScoreSheet& sheet);

// Rules of conduct broken by run `run_no` (judged when it is submitted), appended to `out`.
void check_rules(const Drill& drill, const RunInfo& run, std::uint32_t run_no, std::vector<Violation>& out);

// Judges and tallies a sheet whose header (scenario, seed, levels reached, evaluations) is filled.
// Without `texts`, items carry no explanation and no rubric key (Monte Carlo needs the numbers only).
// Items and tallies are taken from `room` while it has some.
void finish_sheet(const Model& model, const Rubric& rubric, const Observed& observed, const Walked& walked,
                  ScoreSheet& sheet, bool texts, SheetRoom& room);

// Whether a completion is by the wrong post for a step: not a responsible post, unless none of
// them could do it (the catalog does not allow it, or nobody holding it was present) and a
// cooperating post did.
bool wrong_post(const Model& m, const Completion& c, const Step& step);

// Judging, in score_items.cpp: every item of the sheet from what was observed and walked.
void judge(const Model& model, const Rubric& rubric, const Observed& observed, const Walked& walked,
           ScoreSheet& sheet, bool texts, SheetRoom& room);
// Tallies and HSEEP ratings, in score_tally.cpp.
void tally(const Model& model, const Rubric& rubric, const Observed& observed, ScoreSheet& sheet, SheetRoom& room);

// Small helpers shared by the scoring files.
bool contains(const std::vector<Ix>& v, Ix x);
std::string clock(const Model& model, SimTime t);
std::string posts_text(const Model& model, const std::vector<Ix>& posts, Lang lang);
std::string post_text(const Model& model, Ix post, Lang lang);
// "2分41秒", "1小时40分", "2 min 41 s".
std::string span_text(SimTime seconds, Lang lang);

}  // namespace drillsim::scoring::detail

// What the scorer reads off the replayed drill before it judges anything (private to scoring/).
#pragma once

#include <string>
#include <vector>

#include "scoring/score.hpp"
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
struct Completion {
  SimTime t = 0;
  std::size_t seq = 0;
  std::uint32_t run = 0;
  Ix post = no_ix, action = no_ix;
  std::string target;
  std::string actor;
  std::vector<char> staffed;  // by post: someone holding it was present
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

// Whether a completion is by the wrong post for a step: not a responsible post, unless none of
// them could do it (the catalog does not allow it, or nobody holding it was present) and a
// cooperating post did.
bool wrong_post(const Model& m, const Completion& c, const Step& step);

// Judging, in score_items.cpp: every item of the sheet from what was observed and walked.
void judge(const Model& model, const Rubric& rubric, const Observed& observed, const Walked& walked,
           ScoreSheet& sheet);
// Tallies and HSEEP ratings, in score_tally.cpp.
void tally(const Model& model, const Rubric& rubric, ScoreSheet& sheet);

// Small helpers shared by the scoring files.
bool contains(const std::vector<Ix>& v, Ix x);
std::string clock(const Model& model, SimTime t);
std::string posts_text(const Model& model, const std::vector<Ix>& posts, Lang lang);
std::string post_text(const Model& model, Ix post, Lang lang);
// "2分41秒", "1小时40分", "2 min 41 s".
std::string span_text(SimTime seconds, Lang lang);

}  // namespace drillsim::scoring::detail

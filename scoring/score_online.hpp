// Scoring a run as it happens, without a journal: how Monte Carlo scores every replication.
//
// The sheet is the one score_journal() makes of the run's journal (tests check it item by item on
// every shipped scenario), but nothing is formatted or parsed: the scorer reads the live drill
// after every event and submission (what observe_journal reads off `submit`, `action_done` and
// `comm` entries) and keeps the run's submissions.
//
// The plan walk (scoring/plan_walker.hpp) needs to know what will be done later. When the caller
// reports every time slice (`on_slice` after every step), the walker follows the run itself and
// waits wherever that knowledge matters; in the usual run it never needs hindsight, and no second
// drill is played. Otherwise, or when the live walk gave up, the run's submissions are played into
// a second drill with the same seed and the plan is walked along it afterwards. One scorer serves
// many runs: reuse it to keep allocations down.
#pragma once

#include <memory>

#include "scoring/score.hpp"
#include "sim/world/drill.hpp"

namespace drillsim::scoring {

class OnlineScorer {
 public:
  // Without `texts`, items carry no explanation and no rubric key: the numbers only.
  OnlineScorer(std::shared_ptr<const Model> model, const Rubric& rubric, bool texts = false);
  ~OnlineScorer();
  OnlineScorer(const OnlineScorer&) = delete;
  OnlineScorer& operator=(const OnlineScorer&) = delete;

  // Before anything happens in `drill` (fresh, as constructed): becomes its observer and keeps its
  // submissions. The drill may run with its journal off. With `reports_slices`, the caller calls
  // on_slice() after every step() of the drill (and the plan is walked during the run).
  void watch(Drill& drill, bool reports_slices = false);
  // After every step() of the watched drill, before anyone acts on the new slice.
  void on_slice(const Drill& drill);
  // After `drill` has ended: walks the plan (unless it was walked live), judges and tallies into
  // `out`, whatever it held before. The drill's observer and submission log are released. Handing
  // it the same `out` run after run reuses the room of the sheet before (its items, tallies and
  // vectors): next to nothing is allocated.
  void finish(Drill& drill, ScoreSheet& out);
  // Whether the last finish() used the walk made during the run (false: it played a second drill).
  bool walked_live() const { return walked_live_; }

 private:
  struct State;
  std::shared_ptr<const Model> model_;
  const Rubric& rubric_;
  bool texts_;
  std::unique_ptr<State> state_;
  bool walked_live_ = false;
};

}  // namespace drillsim::scoring

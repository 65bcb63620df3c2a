// Scoring a run as it happens, without a journal: how Monte Carlo scores every replication.
//
// The sheet is the one score_journal() makes of the run's journal (tests check it item by item on
// every shipped scenario), but nothing is formatted or parsed: the scorer reads the live drill
// after every event and submission (what observe_journal reads off `submit`, `action_done` and
// `comm` entries), keeps the run's submissions, and after the run plays them into a second drill
// with the same seed to walk the plan (the walk must know what will be done later, so it cannot
// run inside the first pass). One scorer serves many runs: reuse it to keep allocations down.
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
  // submissions. The drill may run with its journal off.
  void watch(Drill& drill);
  // After `drill` has ended: walks the plan, judges and tallies into `out`. The drill's observer and
  // submission log are released.
  void finish(Drill& drill, ScoreSheet& out);

 private:
  struct State;
  std::shared_ptr<const Model> model_;
  const Rubric& rubric_;
  bool texts_;
  std::unique_ptr<State> state_;
};

}  // namespace drillsim::scoring

// Monte Carlo evaluation of a plan over many simulated runs, and plan A against plan B.
#pragma once

#include <functional>
#include <memory>
#include <ostream>
#include <vector>

#include "evaluation/replication.hpp"
#include "evaluation/statistics.hpp"

namespace drillsim {

struct EvaluationSpec {
  std::vector<std::shared_ptr<const Model>> plan_a;  // one per scenario, loaded with plan A
  std::vector<std::shared_ptr<const Model>> plan_b;  // the same scenarios with plan B, or empty
  int runs = 1000;
  std::uint64_t seed = 1;
  int threads = 0;                                   // 0: every core
  const scoring::Rubric* rubric = nullptr;           // score each run online (scoring/score_online.hpp)
  std::function<void(std::size_t done, std::size_t total)> progress;
  std::ostream* csv = nullptr;                       // one row per run and plan, in run order
};

struct MetricResult {
  MetricDef def;
  Accumulator a, b;  // values under plan A and plan B
  Accumulator diff;  // paired differences B - A over runs where both apply (common random numbers)
  // The difference is significant at 95 % when its confidence interval excludes zero.
  bool significant() const;
};

struct ScenarioResult {
  std::string scenario_id;
  Text name;
  std::vector<MetricResult> metrics;
};

struct EvaluationResult {
  std::vector<ScenarioResult> scenarios;
  int runs = 0;
  bool compared = false;
  std::string plan_a, plan_b;  // plan ids @ versions
  double seconds = 0;
  std::size_t walks_replayed = 0;  // scored runs whose plan walk needed a replay of the run
};

// Runs every scenario `runs` times under plan A (and B), with run r of every scenario and plan drawing
// from seed(spec.seed, r): the same draws for the same purposes under both plans. Aggregates are
// streamed and merged in run order, so the figures do not depend on the number of threads.
EvaluationResult evaluate(const EvaluationSpec& spec);

// The seed of run r.
std::uint64_t run_seed(std::uint64_t base, std::uint64_t run);

}  // namespace drillsim

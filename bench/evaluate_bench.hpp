// Benchmark: Monte Carlo replications per second of the largest shipped scenario, scoring included.
#pragma once

#include <ostream>
#include <string>

namespace drillsim {

struct EvaluateBenchOptions {
  int runs = 1000;    // N; the benchmark also runs 4N to show the cost grows linearly
  int threads = 0;    // 0: every core
  int repeats = 3;    // each figure is the best of this many measurements (the spread is printed)
};

// Picks the largest seed scenario (most components + procedures + injects; ties: the smaller id),
// prints which one and why, then `evaluate scenario=<id> threads=<t> runs=<n> scored=<yes|no>
// replications_per_s=<best> spread=<min..max>` for N and 4N, unscored and scored, the linearity
// (rate at 4N / rate at N), and whether the 10,000/s scored target is met. 0 on success.
int run_evaluate_bench(std::ostream& out, const std::string& source_dir, const EvaluateBenchOptions& options = {});

}  // namespace drillsim

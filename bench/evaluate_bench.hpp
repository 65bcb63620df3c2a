// Benchmark: Monte Carlo replications per second of the largest shipped scenario, scoring included.
#pragma once

#include <ostream>
#include <string>

namespace drillsim {

// Prints `evaluate scenario=<id> runs=<n> scored=<yes|no> replications_per_s=<x>` for a few run counts
// (to show the cost grows linearly), then whether the 10,000/s target is met. 0 on success.
int run_evaluate_bench(std::ostream& out, const std::string& source_dir);

}  // namespace drillsim

// drillsim bench NAME: benchmarks that print their figures.
#include <iostream>
#include <memory>

#include "app/commands.hpp"
#include "bench/evaluate_bench.hpp"
#include "bench/kernel_hold.hpp"

namespace drillsim::app {

void add_bench(CLI::App& app) {
  auto* cmd = app.add_subcommand("bench", "Run a benchmark and print its figures");
  cmd->require_subcommand(1);
  auto* kernel = cmd->add_subcommand("kernel", "Hold model: event queue against a bare std::priority_queue");
  kernel->callback([] { set_exit_code(run_kernel_bench(std::cout)); });
  auto options = std::make_shared<EvaluateBenchOptions>();
  auto* evaluate = cmd->add_subcommand("evaluate", "Monte Carlo replications per second, largest seed scenario");
  evaluate->add_option("--runs", options->runs, "N: runs of the first measurement (the second runs 4N)")
      ->check(CLI::Range(1, 10000000));
  evaluate->add_option("--threads", options->threads, "Worker threads (default: every core)")->check(CLI::Range(0, 256));
  evaluate->add_option("--repeat", options->repeats, "Measurements per figure (best and spread printed)")
      ->check(CLI::Range(1, 100));
  evaluate->callback([options] { set_exit_code(run_evaluate_bench(std::cout, DRILLSIM_SOURCE_DIR, *options)); });
}

}  // namespace drillsim::app

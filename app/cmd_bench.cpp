// drillsim bench NAME: benchmarks that print their figures.
#include <iostream>

#include "app/commands.hpp"
#include "bench/evaluate_bench.hpp"
#include "bench/kernel_hold.hpp"

namespace drillsim::app {

void add_bench(CLI::App& app) {
  auto* cmd = app.add_subcommand("bench", "Run a benchmark and print its figures");
  cmd->require_subcommand(1);
  auto* kernel = cmd->add_subcommand("kernel", "Hold model: event queue against a bare std::priority_queue");
  kernel->callback([] { set_exit_code(run_kernel_bench(std::cout)); });
  auto* evaluate = cmd->add_subcommand("evaluate", "Monte Carlo replications per second, largest seed scenario");
  evaluate->callback([] { set_exit_code(run_evaluate_bench(std::cout, DRILLSIM_SOURCE_DIR)); });
}

}  // namespace drillsim::app

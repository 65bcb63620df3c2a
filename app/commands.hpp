// The subcommands of the drillsim command line.
#pragma once

#include <CLI/CLI.hpp>

namespace drillsim::app {

void add_validate(CLI::App& app);  // drillsim validate FILE...
void add_run(CLI::App& app);       // drillsim run SCENARIO [--auto | --responses F] ...
void add_replay(CLI::App& app);    // drillsim replay SCENARIO JOURNAL
void add_bench(CLI::App& app);     // drillsim bench kernel
void add_show(CLI::App& app);      // drillsim show PLAN
void add_coverage(CLI::App& app);  // drillsim coverage PLAN [SCENARIO...]
void add_analyze(CLI::App& app);   // drillsim analyze PLAN
void add_evaluate(CLI::App& app);  // drillsim evaluate SCENARIO... --plan PLAN --runs N [--compare PLAN_B]
void add_score(CLI::App& app);     // drillsim score JOURNAL | DRILL_ID
void add_report(CLI::App& app);    // drillsim report DRILL_ID
void add_records(CLI::App& app);   // drillsim records [--year YYYY]
void add_msel(CLI::App& app);      // drillsim msel export SCENARIO --csv OUT | msel import IN --into SCENARIO

// The exit code the chosen subcommand set.
int exit_code();
void set_exit_code(int code);

}  // namespace drillsim::app

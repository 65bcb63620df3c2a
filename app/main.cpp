// drillsim: the command line. Each subcommand lives in its own cmd_*.cpp file.
#include <CLI/CLI.hpp>

#include "app/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"drillsim — drills and tabletop exercises for IT emergency plans (应急预案演练)"};
  app.require_subcommand(1);
  drillsim::app::add_validate(app);
  drillsim::app::add_run(app);
  drillsim::app::add_replay(app);
  drillsim::app::add_show(app);
  drillsim::app::add_coverage(app);
  drillsim::app::add_analyze(app);
  drillsim::app::add_evaluate(app);
  drillsim::app::add_score(app);
  drillsim::app::add_report(app);
  drillsim::app::add_records(app);
  drillsim::app::add_msel(app);
  drillsim::app::add_bench(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return drillsim::app::exit_code();
}

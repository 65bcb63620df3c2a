// drillsim run SCENARIO: runs a drill headless and prints its timeline; writes the journal.
#include <fstream>
#include <iostream>

#include "app/commands.hpp"
#include "app/summary.hpp"
#include "sim/load/loader.hpp"
#include "sim/world/plan_policy.hpp"
#include "sim/world/responses.hpp"
#include "sim/world/timeline.hpp"

namespace drillsim::app {
namespace {

struct RunOptions {
  std::string scenario;
  std::string responses;
  bool automatic = false;
  std::int64_t seed = -1;
  std::string journal;
  std::string lang = "zh";
  std::string view = "facilitator";
};

int run(const RunOptions& o) {
  LoadResult loaded = load_scenario(o.scenario);
  if (!loaded.ok()) {
    for (const auto& p : loaded.problems) std::cerr << p.str() << '\n';
    return 1;
  }
  const Model& model = *loaded.model;
  DrillOptions options;
  if (o.seed >= 0) {
    options.seed = static_cast<std::uint64_t>(o.seed);
    options.seed_given = true;
  }
  Lang lang = o.lang == "en" ? Lang::en : Lang::zh;
  Drill drill(loaded.model, options);
  if (!o.responses.empty()) {
    ResponseFile responses;
    Diagnostics problems;
    if (!load_responses(o.responses, model, responses, problems)) {
      for (const auto& p : problems) std::cerr << p.str() << '\n';
      return 1;
    }
    run_with_responses(drill, responses);
  } else if (o.automatic) {
    PlanPolicy policy(model);
    run_with_policy(drill, policy);
  } else {
    drill.advance_to(drill.end_time());  // nobody responds
  }
  bool truth = o.view != "trainee";
  for (const auto& e : drill.journal().entries())
    if (truth || !e.truth_only) std::cout << render_entry(model, e, lang) << '\n';
  std::cout << '\n' << summary_text(drill, lang);
  if (!o.journal.empty()) {
    std::ofstream out(o.journal, std::ios::binary | std::ios::trunc);
    out << drill.journal().to_jsonl();
    if (!out) {
      std::cerr << o.journal << ": cannot write the journal\n";
      return 1;
    }
  }
  return 0;
}

}  // namespace

void add_run(CLI::App& app) {
  static RunOptions o;
  auto* cmd = app.add_subcommand("run", "Run a drill headless and print its timeline");
  cmd->add_option("scenario", o.scenario, "Scenario file")->required();
  auto* responses = cmd->add_option("--responses", o.responses, "Response file with the trainees' actions");
  cmd->add_flag("--auto", o.automatic, "Let the plan-following policy respond")->excludes(responses);
  cmd->add_option("--seed", o.seed, "Seed (default: the scenario's)");
  cmd->add_option("--journal", o.journal, "Write the journal (JSON lines) here");
  cmd->add_option("--lang", o.lang, "Language of the timeline: zh or en")->check(CLI::IsMember({"zh", "en"}));
  cmd->add_option("--view", o.view, "facilitator (the truth too) or trainee")
      ->check(CLI::IsMember({"facilitator", "trainee"}));
  cmd->callback([] { set_exit_code(run(o)); });
}

}  // namespace drillsim::app

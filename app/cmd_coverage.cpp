// drillsim coverage PLAN [SCENARIO...]: which scenarios trigger each procedure, and the steps none reaches.
#include <filesystem>
#include <iostream>

#include "app/commands.hpp"
#include "sim/load/loader.hpp"
#include "sim/world/plan_policy.hpp"

namespace drillsim::app {
namespace {

int coverage(const std::string& plan_path, std::vector<std::string> scenarios) {
  LoadResult plan = load_plan(plan_path);
  if (!plan.ok()) {
    for (const auto& p : plan.problems) std::cerr << p.str() << '\n';
    return 1;
  }
  const Plan& p = plan.model->plan;
  if (scenarios.empty()) {  // default: the scenarios/ folder beside the plan
    namespace fs = std::filesystem;
    fs::path dir = fs::path(plan_path).parent_path() / "scenarios";
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
      if (entry.path().extension() == ".yaml") scenarios.push_back(entry.path().string());
    std::sort(scenarios.begin(), scenarios.end());
  }
  std::vector<std::vector<std::string>> by_procedure(p.procedures.size());
  std::vector<std::vector<char>> reached(p.procedures.size());
  for (std::size_t i = 0; i < p.procedures.size(); ++i) reached[i].assign(p.procedures[i].steps.size(), 0);
  int bad = 0;
  for (const auto& path : scenarios) {
    LoadResult s = load_scenario(path);
    if (!s.ok()) {
      for (const auto& pr : s.problems) std::cerr << pr.str() << '\n';
      ++bad;
      continue;
    }
    if (s.model->plan.id != p.id || s.model->plan.procedures.size() != p.procedures.size()) {
      std::cerr << path << ": uses plan '" << s.model->plan.id << "', not '" << p.id << "'; skipped\n";
      continue;
    }
    Drill drill(s.model);
    PlanPolicy policy(*s.model);
    run_with_policy(drill, policy);
    for (Ix i = 0; i < p.procedures.size(); ++i) {
      if (!policy.procedure_started(i)) continue;
      by_procedure[i].push_back(s.model->scenario.id);
      for (Ix st = 0; st < p.procedures[i].steps.size(); ++st)
        if (policy.step_reached(i, st)) reached[i][st] = 1;
    }
  }
  int uncovered = 0;
  std::cout << p.name.in(Lang::zh) << " (" << p.id << "): " << scenarios.size() << " scenario(s)\n";
  for (Ix i = 0; i < p.procedures.size(); ++i) {
    const Procedure& proc = p.procedures[i];
    std::cout << (by_procedure[i].empty() ? "  UNCOVERED " : "  covered   ") << proc.id << " " << proc.name.in(Lang::zh)
              << " [" << proc.source << "]";
    for (const auto& sid : by_procedure[i]) std::cout << " " << sid;
    std::cout << '\n';
    if (by_procedure[i].empty()) {
      ++uncovered;
      continue;
    }
    for (Ix st = 0; st < proc.steps.size(); ++st)
      if (!reached[i][st]) std::cout << "      step not reached: " << proc.steps[st].id << " [" << proc.steps[st].source << "]\n";
  }
  std::cout << (p.procedures.size() - uncovered) << " of " << p.procedures.size() << " procedures covered\n";
  return uncovered || bad ? 1 : 0;
}

}  // namespace

void add_coverage(CLI::App& app) {
  static std::string plan_path;
  static std::vector<std::string> scenarios;
  auto* cmd = app.add_subcommand("coverage", "Which scenarios trigger each procedure of a plan");
  cmd->add_option("plan", plan_path, "Plan file")->required();
  cmd->add_option("scenarios", scenarios, "Scenario files (default: the scenarios/ folder beside the plan)");
  cmd->callback([] { set_exit_code(coverage(plan_path, scenarios)); });
}

}  // namespace drillsim::app

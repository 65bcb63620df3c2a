// drillsim analyze PLAN: gaps in a plan found without running it (a planner's checklist).
#include <filesystem>
#include <iostream>

#include "app/commands.hpp"
#include "evaluation/plan_analysis.hpp"
#include "sim/load/loader.hpp"

namespace drillsim::app {

void add_analyze(CLI::App& app) {
  static std::string plan_path, platform_path, lang = "zh";
  auto* cmd = app.add_subcommand("analyze", "Static analysis of a plan: uncovered faults, stand-ins, single points of failure, impossible limits");
  cmd->add_option("plan", plan_path, "Plan file")->required();
  cmd->add_option("--platform", platform_path, "The platform the plan should be checked against (default: the plan's own)");
  cmd->add_option("--lang", lang, "zh or en")->check(CLI::IsMember({"zh", "en"}));
  cmd->callback([] {
    LoadResult r = load_plan(plan_path);
    if (!r.ok()) {
      for (const auto& p : r.problems) std::cerr << p.str() << '\n';
      return set_exit_code(1);
    }
    if (!platform_path.empty()) {
      std::error_code ec;
      if (!std::filesystem::equivalent(platform_path, r.model->platform.file, ec)) {
        std::cerr << plan_path << ": the plan is bound to the platform " << r.model->platform.file << " (through its catalog), not "
                  << platform_path << '\n';
        return set_exit_code(1);
      }
    }
    Lang l = lang == "en" ? Lang::en : Lang::zh;
    PlanAnalysis a = analyze_plan(*r.model);
    std::cout << r.model->plan.name.in(l) << " — " << a.findings.size() << (l == Lang::zh ? " 项发现\n" : " findings\n");
    std::string last_kind;
    for (const Finding& f : a.findings) {
      if (f.kind != last_kind) std::cout << "\n" << f.kind << ":\n";
      last_kind = f.kind;
      std::cout << "  " << f.message.in(l);
      if (!f.source.empty()) std::cout << "  [" << f.source << "]";
      std::cout << '\n';
    }
    set_exit_code(0);
  });
}

}  // namespace drillsim::app

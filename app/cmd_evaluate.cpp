// drillsim evaluate SCENARIO... --plan PLAN --runs N [--compare PLAN_B]: many simulated runs of a plan.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>

#include "app/commands.hpp"
#include "evaluation/evaluation_report.hpp"
#include "scoring/rubric.hpp"
#include "sim/load/loader.hpp"

namespace drillsim::app {
namespace {

struct EvaluateOptions {
  std::vector<std::string> scenarios;
  std::string plan, compare, report, csv, rubric, lang = "zh";
  int runs = 1000, threads = 0;
  std::uint64_t seed = 1;
  bool score = false;
};

bool load_all(const std::vector<std::string>& scenarios, const std::string& plan,
              std::vector<std::shared_ptr<const Model>>& out) {
  for (const auto& s : scenarios) {
    LoadResult r = plan.empty() ? load_scenario(s) : load_scenario_with_plan(s, plan);
    if (!r.ok()) {
      for (const auto& p : r.problems) std::cerr << p.str() << '\n';
      return false;
    }
    out.push_back(r.model);
  }
  return true;
}

int evaluate_command(const EvaluateOptions& o) {
  EvaluationSpec spec;
  spec.runs = o.runs;
  spec.seed = o.seed;
  spec.threads = o.threads;
  if (!load_all(o.scenarios, o.plan, spec.plan_a)) return 1;
  if (!o.compare.empty() && !load_all(o.scenarios, o.compare, spec.plan_b)) return 1;
  scoring::Rubric rubric;
  if (o.score) {
    Diagnostics problems;
    std::string path = o.rubric.empty() ? scoring::default_rubric_path(DRILLSIM_SOURCE_DIR) : o.rubric;
    if (!scoring::load_rubric(path, rubric, problems)) {
      for (const auto& p : problems) std::cerr << p.str() << '\n';
      return 1;
    }
    spec.rubric = &rubric;
  }
  std::ofstream csv;
  if (!o.csv.empty()) {
    csv.open(o.csv, std::ios::binary | std::ios::trunc);
    if (!csv) {
      std::cerr << o.csv << ": cannot write\n";
      return 1;
    }
    csv << "\xEF\xBB\xBF";  // UTF-8 BOM for spreadsheets
    spec.csv = &csv;
  }
  if (isatty(STDERR_FILENO))
    spec.progress = [](std::size_t done, std::size_t total) {
      int width = 40, filled = static_cast<int>(static_cast<double>(done) / static_cast<double>(total) * width);
      std::fprintf(stderr, "\r[%.*s%*s] %zu/%zu", filled, "########################################", width - filled, "",
                   done, total);
      if (done == total) std::fprintf(stderr, "\n");
    };
  EvaluationResult result = evaluate(spec);
  Lang lang = o.lang == "en" ? Lang::en : Lang::zh;
  std::cout << evaluation_text(result, lang);
  if (!o.report.empty()) {
    std::ofstream out(o.report, std::ios::binary | std::ios::trunc);
    out << evaluation_html(result, lang);
    if (!out) {
      std::cerr << o.report << ": cannot write\n";
      return 1;
    }
    std::cout << o.report << '\n';
  }
  return 0;
}

}  // namespace

void add_evaluate(CLI::App& app) {
  static EvaluateOptions o;
  auto* cmd = app.add_subcommand("evaluate", "Run a plan many times with random durations, absences and fault times");
  cmd->add_option("scenarios", o.scenarios, "Scenario files")->required();
  cmd->add_option("--plan", o.plan, "Plan A (default: the plan each scenario names)");
  cmd->add_option("--compare", o.compare, "Plan B, run with the same random draws as plan A");
  cmd->add_option("--runs", o.runs, "Runs per scenario and plan")->check(CLI::Range(1, 10000000));
  cmd->add_option("--seed", o.seed, "Base seed");
  cmd->add_option("--threads", o.threads, "Worker threads (default: every core)")->check(CLI::Range(0, 256));
  cmd->add_option("--report", o.report, "Write an HTML report with histograms and cumulative curves");
  cmd->add_option("--csv", o.csv, "Write one row per run (UTF-8 with BOM)");
  cmd->add_flag("--score", o.score, "Score every run with the rubric (slower)");
  cmd->add_option("--rubric", o.rubric, "Rubric file (default: scenarios/rubric.yaml)");
  cmd->add_option("--lang", o.lang, "zh or en")->check(CLI::IsMember({"zh", "en"}));
  cmd->callback([] { set_exit_code(evaluate_command(o)); });
}

}  // namespace drillsim::app

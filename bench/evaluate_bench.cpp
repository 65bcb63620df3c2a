// The evaluate benchmark: the largest seed scenario under the plan-following policy, on every core.
#include "bench/evaluate_bench.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>

#include "evaluation/monte_carlo.hpp"
#include "scoring/rubric.hpp"
#include "sim/load/loader.hpp"

namespace drillsim {

int run_evaluate_bench(std::ostream& out, const std::string& source_dir) {
  namespace fs = std::filesystem;
  // The largest shipped scenario: the most components, procedures and injects.
  std::shared_ptr<const Model> largest;
  std::size_t best = 0;
  std::error_code ec;
  for (const auto& seed : fs::directory_iterator(fs::path(source_dir) / "scenarios", ec)) {
    for (const auto& file : fs::directory_iterator(seed.path() / "scenarios", ec)) {
      if (file.path().extension() != ".yaml") continue;
      LoadResult r = load_scenario(file.path().string());
      if (!r.ok()) continue;
      std::size_t size = r.model->platform.components.size() + r.model->plan.procedures.size() + r.model->scenario.injects.size();
      if (size > best || (size == best && largest && r.model->scenario.id < largest->scenario.id)) {
        best = size;
        largest = r.model;
      }
    }
  }
  if (!largest) {
    out << "evaluate: no shipped scenario found under " << source_dir << "/scenarios\n";
    return 1;
  }
  scoring::Rubric rubric;
  Diagnostics problems;
  bool scored = scoring::load_rubric(scoring::default_rubric_path(source_dir), rubric, problems);
  double best_rate = 0;
  for (bool score : {false, true}) {
    if (score && !scored) continue;
    for (int runs : {500, 2000}) {
      EvaluationSpec spec;
      spec.plan_a = {largest};
      spec.runs = runs;
      spec.rubric = score ? &rubric : nullptr;
      EvaluationResult r = evaluate(spec);
      double rate = runs / std::max(r.seconds, 1e-9);
      if (score) best_rate = std::max(best_rate, rate);
      out << fmt::format("evaluate scenario={} runs={} scored={} replications_per_s={:.0f}\n", largest->scenario.id, runs,
                         score ? "yes" : "no", rate);
    }
  }
  out << fmt::format("target replications_per_s >= 10000 with scoring: {}\n", best_rate >= 10000 ? "met" : "NOT met");
  return 0;
}

}  // namespace drillsim

// The evaluate benchmark: the largest seed scenario under the plan-following policy, on every core.
#include "bench/evaluate_bench.hpp"

#include <algorithm>
#include <filesystem>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "evaluation/monte_carlo.hpp"
#include "scoring/rubric.hpp"
#include "sim/load/loader.hpp"

namespace drillsim {
namespace {

struct Candidate {
  std::shared_ptr<const Model> model;
  std::string file;
  std::size_t components = 0, procedures = 0, injects = 0;
  std::size_t size() const { return components + procedures + injects; }
};

// Every shipped scenario that loads, the largest first (ties: the smaller scenario id).
std::vector<Candidate> shipped(const std::string& source_dir) {
  namespace fs = std::filesystem;
  std::vector<Candidate> out;
  std::error_code ec;
  for (const auto& seed : fs::directory_iterator(fs::path(source_dir) / "scenarios", ec)) {
    for (const auto& file : fs::directory_iterator(seed.path() / "scenarios", ec)) {
      if (file.path().extension() != ".yaml") continue;
      LoadResult r = load_scenario(file.path().string());
      if (!r.ok()) continue;
      const Model& m = *r.model;
      out.push_back({r.model, fs::relative(file.path(), source_dir, ec).string(), m.platform.components.size(),
                     m.plan.procedures.size(), m.scenario.injects.size()});
    }
  }
  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    return a.size() != b.size() ? a.size() > b.size() : a.model->scenario.id < b.model->scenario.id;
  });
  return out;
}

}  // namespace

int run_evaluate_bench(std::ostream& out, const std::string& source_dir, const EvaluateBenchOptions& options) {
  std::vector<Candidate> all = shipped(source_dir);
  if (all.empty()) {
    out << "evaluate: no shipped scenario found under " << source_dir << "/scenarios\n";
    return 1;
  }
  const Candidate& largest = all.front();
  out << fmt::format("largest seed scenario (most components + procedures + injects): {} ({}), {} + {} + {} = {}\n",
                     largest.model->scenario.id, largest.file, largest.components, largest.procedures, largest.injects,
                     largest.size());
  if (all.size() > 1)
    out << fmt::format("  next: {} ({}) = {}\n", all[1].model->scenario.id, all[1].file, all[1].size());
  scoring::Rubric rubric;
  Diagnostics problems;
  bool scored = scoring::load_rubric(scoring::default_rubric_path(source_dir), rubric, problems);
  const int threads =
      options.threads > 0 ? options.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int runs = std::max(1, options.runs);
  double best_scored = 0;
  for (bool score : {false, true}) {
    if (score && !scored) continue;
    double rate_n = 0;
    for (int n : {runs, 4 * runs}) {
      double best = 0, worst = 1e300;
      std::size_t replayed = 0;
      for (int k = 0; k < std::max(1, options.repeats); ++k) {
        EvaluationSpec spec;
        spec.plan_a = {largest.model};
        spec.runs = n;
        spec.threads = threads;
        spec.rubric = score ? &rubric : nullptr;
        EvaluationResult r = evaluate(spec);
        double rate = n / std::max(r.seconds, 1e-9);
        best = std::max(best, rate);
        worst = std::min(worst, rate);
        replayed = r.walks_replayed;
      }
      out << fmt::format("evaluate scenario={} threads={} runs={} scored={} replications_per_s={:.0f} spread={:.0f}..{:.0f}\n",
                         largest.model->scenario.id, threads, n, score ? "yes" : "no", best, worst, best);
      if (score)
        out << fmt::format("  plan walked during the run in {} of {} runs ({} walked again by replay)\n", n - replayed, n,
                           replayed);
      if (n == runs) rate_n = best;
      else
        out << fmt::format("  linearity scored={}: rate at {} runs / rate at {} runs = {:.2f} (1.00: cost linear in runs)\n",
                           score ? "yes" : "no", n, runs, best / std::max(rate_n, 1e-9));
      if (score) best_scored = std::max(best_scored, best);
    }
  }
  out << fmt::format("target replications_per_s >= 10000 with scoring: {} (best {:.0f}/s on {} threads)\n",
                     best_scored >= 10000 ? "met" : "NOT met", best_scored, threads);
  return 0;
}

}  // namespace drillsim

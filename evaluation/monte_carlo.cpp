// The Monte Carlo driver: chunks of runs on worker threads, merged in order.
#include "evaluation/monte_carlo.hpp"

#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

namespace drillsim {
namespace {

constexpr int chunk_runs = 32;

struct Chunk {
  std::vector<MetricResult> metrics;  // accumulators only (defs empty)
  std::string csv;
  std::size_t walks_replayed = 0;
};

void init_accumulators(std::vector<MetricResult>& out, const std::vector<MetricDef>& defs) {
  out.resize(defs.size());
  for (std::size_t i = 0; i < defs.size(); ++i) {
    const MetricDef& d = defs[i];
    bool histogram = d.kind != MetricDef::Kind::probability;
    out[i].a = histogram ? Accumulator(d.lo, d.hi, 40) : Accumulator();
    out[i].b = out[i].a;
    out[i].diff = Accumulator();
  }
}

void csv_row(std::ostringstream& out, const std::string& scenario, int run, std::uint64_t seed, const char* plan,
             const std::vector<double>& values) {
  out << scenario << ',' << run << ',' << seed << ',' << plan;
  for (double v : values) {
    out << ',';
    if (!std::isnan(v)) out << v;
  }
  out << "\r\n";
}

}  // namespace

std::uint64_t run_seed(std::uint64_t base, std::uint64_t run) {
  std::uint64_t z = base * 0x9e3779b97f4a7c15ULL + run + 1;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return (z ^ (z >> 31)) & 0x7fffffffffffffffULL;
}

bool MetricResult::significant() const {
  if (diff.count() < 2) return false;
  if (diff.sd() == 0) return diff.mean() != 0;
  return std::abs(diff.mean()) > diff.ci95();
}

EvaluationResult evaluate(const EvaluationSpec& spec) {
  auto t0 = std::chrono::steady_clock::now();
  EvaluationResult result;
  result.runs = spec.runs;
  result.compared = !spec.plan_b.empty();
  if (!spec.plan_a.empty()) result.plan_a = spec.plan_a[0]->plan.id + "@" + spec.plan_a[0]->plan.version;
  if (result.compared) result.plan_b = spec.plan_b[0]->plan.id + "@" + spec.plan_b[0]->plan.version;
  const int threads = spec.threads > 0 ? spec.threads : std::max(1u, std::thread::hardware_concurrency());
  const std::size_t total = spec.plan_a.size() * static_cast<std::size_t>(spec.runs);
  std::size_t done_before = 0;

  for (std::size_t s = 0; s < spec.plan_a.size(); ++s) {
    const auto& model_a = spec.plan_a[s];
    const auto model_b = result.compared ? spec.plan_b[s] : nullptr;
    const std::vector<MetricDef> defs = metrics_for(*model_a, spec.rubric != nullptr);
    const std::vector<MetricDef> defs_b = model_b ? metrics_for(*model_b, spec.rubric != nullptr) : std::vector<MetricDef>{};
    // Plan B's metrics by A's order (a revision may add or drop procedure limits).
    std::vector<std::ptrdiff_t> b_index(defs.size(), -1);
    for (std::size_t i = 0; i < defs.size(); ++i)
      for (std::size_t j = 0; j < defs_b.size(); ++j)
        if (defs_b[j].id == defs[i].id) b_index[i] = static_cast<std::ptrdiff_t>(j);

    ScenarioResult sr;
    sr.scenario_id = model_a->scenario.id;
    sr.name = model_a->scenario.name;
    init_accumulators(sr.metrics, defs);
    for (std::size_t i = 0; i < defs.size(); ++i) sr.metrics[i].def = defs[i];

    if (spec.csv) {
      *spec.csv << "scenario,run,seed,plan";
      for (const MetricDef& d : defs) *spec.csv << ',' << d.id;
      *spec.csv << "\r\n";
    }
    const int chunks = (spec.runs + chunk_runs - 1) / chunk_runs;
    std::atomic<int> next_chunk{0};
    std::mutex mutex;
    std::condition_variable ready;
    std::map<int, Chunk> finished;
    auto work = [&] {
      std::vector<double> va, vb;
      Replicator replicate_a(model_a, defs, spec.rubric);
      std::unique_ptr<Replicator> replicate_b;
      if (model_b) replicate_b = std::make_unique<Replicator>(model_b, defs_b, spec.rubric);
      for (int c; (c = next_chunk.fetch_add(1)) < chunks;) {
        Chunk chunk;
        init_accumulators(chunk.metrics, defs);
        std::ostringstream csv;
        for (int r = c * chunk_runs; r < std::min(spec.runs, (c + 1) * chunk_runs); ++r) {
          std::uint64_t seed = run_seed(spec.seed, static_cast<std::uint64_t>(r));
          chunk.walks_replayed += replicate_a.run(seed, va);
          if (model_b) chunk.walks_replayed += replicate_b->run(seed, vb);
          for (std::size_t i = 0; i < defs.size(); ++i) {
            if (!std::isnan(va[i])) chunk.metrics[i].a.add(va[i]);
            if (!model_b || b_index[i] < 0) continue;
            double b = vb[static_cast<std::size_t>(b_index[i])];
            if (!std::isnan(b)) chunk.metrics[i].b.add(b);
            if (!std::isnan(b) && !std::isnan(va[i])) chunk.metrics[i].diff.add(b - va[i]);
          }
          if (spec.csv) {
            csv_row(csv, sr.scenario_id, r, seed, "A", va);
            if (model_b) csv_row(csv, sr.scenario_id, r, seed, "B", vb);
          }
        }
        chunk.csv = csv.str();
        std::lock_guard<std::mutex> lock(mutex);
        finished.emplace(c, std::move(chunk));
        ready.notify_one();
      }
    };
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) pool.emplace_back(work);
    // Merge in chunk order as chunks arrive: deterministic, and only a few chunks wait in memory.
    for (int c = 0; c < chunks; ++c) {
      std::unique_lock<std::mutex> lock(mutex);
      ready.wait(lock, [&] { return finished.count(c) != 0; });
      Chunk chunk = std::move(finished[c]);
      finished.erase(c);
      lock.unlock();
      for (std::size_t i = 0; i < defs.size(); ++i) {
        sr.metrics[i].a.merge(chunk.metrics[i].a);
        sr.metrics[i].b.merge(chunk.metrics[i].b);
        sr.metrics[i].diff.merge(chunk.metrics[i].diff);
      }
      if (spec.csv) *spec.csv << chunk.csv;
      result.walks_replayed += chunk.walks_replayed;
      if (spec.progress)
        spec.progress(done_before + std::min<std::size_t>(static_cast<std::size_t>((c + 1) * chunk_runs),
                                                          static_cast<std::size_t>(spec.runs)),
                      total);
    }
    for (auto& t : pool) t.join();
    done_before += static_cast<std::size_t>(spec.runs);
    result.scenarios.push_back(std::move(sr));
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return result;
}

}  // namespace drillsim

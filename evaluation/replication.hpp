// One replication of a scenario under the plan-following policy, measured by a fixed list of metrics.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sim/model/model.hpp"
#include "sim/world/condition_aspects.hpp"

namespace drillsim {

class Drill;
class PlanPolicy;

namespace scoring {
struct Rubric;
struct ScoreSheet;
class OnlineScorer;
}

struct MetricDef {
  enum class Kind { probability, duration, number } kind = Kind::probability;
  std::string id;  // e.g. held:opening_am, up:ups_output, limit:p52, score
  Text name;
  double lo = 0, hi = 1;  // histogram range
};

// The metrics of a scenario, in a fixed order: business events held, services never down and their
// downtime, procedure limits met (when the procedure was called for), first report and grading on
// time, data lost, the true level, and the score when a rubric is given.
std::vector<MetricDef> metrics_for(const Model& model, bool with_score);

// Runs replications of one model, one after another on one thread, reusing the drill, the policy,
// the scorer and their buffers from run to run.
class Replicator {
 public:
  Replicator(std::shared_ptr<const Model> model, const std::vector<MetricDef>& metrics, const scoring::Rubric* rubric);
  ~Replicator();
  Replicator(const Replicator&) = delete;
  Replicator& operator=(const Replicator&) = delete;
  // Runs the replication with `seed` and fills `values` (one per metric; NaN where it does not apply,
  // e.g. a limit of a procedure this run never needed). Scored, it returns whether the plan had to
  // be walked again along a replay of the run (see scoring/score_online.hpp): the benchmark counts these.
  bool run(std::uint64_t seed, std::vector<double>& values);

 private:
  std::shared_ptr<const Model> model_;
  const std::vector<MetricDef>& metrics_;
  std::unique_ptr<scoring::OnlineScorer> scorer_;  // null: not scored
  std::unique_ptr<scoring::ScoreSheet> sheet_;     // the last run's, reused by the next
  std::unique_ptr<Drill> drill_;                   // made by the first run, restarted by the others
  std::unique_ptr<PlanPolicy> policy_;
  // Resolution of the procedures the policy started, watched until it holds (procedure limits).
  std::vector<CachedCondition> goals_;  // by procedure
  std::vector<SimTime> resolved_;       // by procedure: when its goal first held (never: not yet)
  std::vector<Ix> unresolved_;          // started, not resolved yet
  std::size_t started_seen_ = 0;        // how much of the policy's started_order() is in unresolved_
  std::vector<Ix> watched_;             // components whose downtime is measured, in metric order
  std::vector<Ix> report_actions_, declare_actions_;  // actions carrying a report, a level declaration

  void watch_goals();
};

// One replication on its own (a Replicator for one run).
bool run_replication(const std::shared_ptr<const Model>& model, std::uint64_t seed, const std::vector<MetricDef>& metrics,
                     const scoring::Rubric* rubric, std::vector<double>& values);

}  // namespace drillsim

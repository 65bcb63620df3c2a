// One replication of a scenario under the plan-following policy, measured by a fixed list of metrics.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sim/model/model.hpp"

namespace drillsim {

namespace scoring {
struct Rubric;
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

// Runs one replication with `seed` and fills `values` (one per metric; NaN where it does not apply,
// e.g. a limit of a procedure this run never needed).
void run_replication(const std::shared_ptr<const Model>& model, std::uint64_t seed, const std::vector<MetricDef>& metrics,
                     const scoring::Rubric* rubric, std::vector<double>& values);

}  // namespace drillsim

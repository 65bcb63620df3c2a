// Monte Carlo evaluation: plan A against plan B with common random numbers, deterministic aggregates.
#include <doctest/doctest.h>

#include <cmath>

#include "evaluation/monte_carlo.hpp"
#include "sim/load/loader.hpp"

using namespace drillsim;

namespace {
const std::string root = std::string(DRILLSIM_SOURCE_DIR) + "/scenarios/003_puyang/";
const std::string annual = root + "scenarios/annual_drill.yaml";

std::shared_ptr<const Model> load(const std::string& plan = "") {
  LoadResult r = plan.empty() ? load_scenario(annual) : load_scenario_with_plan(annual, plan);
  REQUIRE(r.ok());
  return r.model;
}

const MetricResult& metric(const EvaluationResult& r, const std::string& id) {
  for (const auto& m : r.scenarios.at(0).metrics)
    if (m.def.id == id) return m;
  FAIL("no metric " << id);
  throw 0;
}
}  // namespace

TEST_CASE("003: removing the generator step drops the chance that the hosts stay powered, significantly") {
  EvaluationSpec spec;
  spec.plan_a = {load()};
  spec.plan_b = {load(root + "revisions/plan_no_generator.yaml")};
  spec.runs = 200;
  spec.seed = 7;
  EvaluationResult r = evaluate(spec);
  const MetricResult& host = metric(r, "up:main_host");
  CHECK(host.a.mean() > 0.95);
  CHECK(host.b.mean() < host.a.mean() - 0.2);
  CHECK(host.significant());
  CHECK(metric(r, "down:main_host").significant());
}

TEST_CASE("003: the plan against itself shows no significant difference anywhere") {
  EvaluationSpec spec;
  spec.plan_a = {load()};
  spec.plan_b = {load(root + "plan.yaml")};
  spec.runs = 100;
  EvaluationResult r = evaluate(spec);
  for (const auto& m : r.scenarios[0].metrics) {
    INFO(m.def.id);
    CHECK_FALSE(m.significant());
    CHECK(m.a.mean() == m.b.mean());  // common random numbers: the very same runs
  }
}

TEST_CASE("the figures do not depend on the number of threads") {
  EvaluationResult one, two;
  for (int threads : {1, 2}) {
    EvaluationSpec spec;
    spec.plan_a = {load()};
    spec.runs = 100;
    spec.threads = threads;
    (threads == 1 ? one : two) = evaluate(spec);
  }
  for (std::size_t i = 0; i < one.scenarios[0].metrics.size(); ++i) {
    const auto& a = one.scenarios[0].metrics[i].a;
    const auto& b = two.scenarios[0].metrics[i].a;
    CHECK(a.count() == b.count());
    CHECK(a.mean() == b.mean());
    CHECK(a.variance() == b.variance());
  }
}

TEST_CASE("accumulators merged in order match one accumulator fed every value") {
  Accumulator whole(0, 10, 10), left(0, 10, 10), right(0, 10, 10);
  for (int i = 0; i < 100; ++i) {
    double x = std::fmod(i * 3.7, 10.0);
    whole.add(x);
    (i < 37 ? left : right).add(x);
  }
  left.merge(right);
  CHECK(left.count() == whole.count());
  CHECK(left.mean() == doctest::Approx(whole.mean()));
  CHECK(left.variance() == doctest::Approx(whole.variance()));
  CHECK(left.bins() == whole.bins());
  double lo = 0, hi = 0;
  wilson95(50, 100, lo, hi);
  CHECK(lo == doctest::Approx(0.404).epsilon(0.01));
  CHECK(hi == doctest::Approx(0.596).epsilon(0.01));
}

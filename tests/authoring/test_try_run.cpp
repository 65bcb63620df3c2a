// "Try it": a scenario run by the plan-following policy at full speed, with its journal, its score
// and the procedures it reaches.
#include <doctest/doctest.h>

#include "authoring/try_run.hpp"
#include "tests/authoring/msel_test_util.hpp"

using namespace drillsim;
using namespace drillsim::authoring;

namespace {

std::shared_ptr<const Model> load_or_fail(const std::string& path) {
  LoadResult r = load_scenario(path);
  INFO(test::problems_text(r.problems));
  REQUIRE(r.ok());
  return r.model;
}

}  // namespace

TEST_CASE("try it: seed 002's expert-absent drill reaches its procedure and is scored") {
  const std::string path = std::string(DRILLSIM_SOURCE_DIR) + "/scenarios/002_beijing/scenarios/expert_absent.yaml";
  const auto model = load_or_fail(path);
  const TryResult r = try_scenario(model);
  INFO(r.error);
  REQUIRE(r.ok);
  CHECK(r.model == model);
  CHECK_FALSE(r.journal.empty());
  CHECK(r.ended_at > 0);
  CHECK(r.ended_at <= model->scenario.end);
  REQUIRE(r.coverage.size() == model->plan.procedures.size());
  const Ix expert = model->find_procedure("p15_expert");
  REQUIRE(expert != no_ix);
  CHECK(r.coverage[expert].procedure == expert);
  CHECK(r.coverage[expert].started);
  REQUIRE(!r.coverage[expert].steps_reached.empty());
  CHECK(r.coverage[expert].steps_reached[0]);
  // The score: the policy follows the plan, so the procedure's steps earn points.
  CHECK(r.sheet.scenario_id == "bjsie002_expert_absent");
  CHECK(r.sheet.finished);
  CHECK(r.sheet.overall.possible > 0);
  CHECK(r.sheet.overall.percent() > 50);
  CHECK(r.sheet.overall_rating != '-');
  // The same journal as the command line's plan-following run.
  CHECK(test::policy_journal(path).size() > 0);
}

TEST_CASE("try it: a copy of a seed folder outside the source tree still finds a rubric; a bad rubric is an error") {
  const auto dir = test::scratch_dir("try_copy");
  test::copy_seed(dir, "002_beijing");
  const auto model = load_or_fail((dir / "002_beijing/scenarios/expert_absent.yaml").string());
  CHECK(try_scenario(model).ok);
  const TryResult bad = try_scenario(model, (dir / "no_such_rubric.yaml").string());
  CHECK_FALSE(bad.ok);
  CHECK_FALSE(bad.error.empty());
  CHECK_FALSE(try_scenario(nullptr).ok);
}

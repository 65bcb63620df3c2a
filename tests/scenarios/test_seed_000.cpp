// Seed 000 (三门峡融资服务平台): the shipped drills play as the plan intends, and fail when ignored.
#include "tests/scenarios/scenario_run.hpp"

using namespace drillsim;
using test::Responders;

namespace {
const std::string network_cut = "000_sanmenxia/scenarios/network_cut_opening.yaml";
const std::string letters = "000_sanmenxia/scenarios/letters_not_retrieved.yaml";
}  // namespace

TEST_CASE("000 network cut: the plan-following team keeps both openings going") {
  auto d = test::run_scenario(network_cut, Responders::policy);
  CHECK(test::held(test::business(*d, "opening_am")));
  CHECK(test::business(*d, "opening_pm") == BusinessState::held);
  CHECK_FALSE(d->truth().data_lost);
}

TEST_CASE("000 network cut: nobody responding misses both openings") {
  auto d = test::run_scenario(network_cut, Responders::nobody);
  CHECK(test::business(*d, "opening_am") == BusinessState::missed);
  CHECK(test::business(*d, "opening_pm") == BusinessState::missed);
}

TEST_CASE("000 letters not retrieved: the financial institution's letters keep the openings going") {
  auto d = test::run_scenario(letters, Responders::policy);
  CHECK(test::held(test::business(*d, "opening_am")));
  CHECK(test::held(test::business(*d, "opening_pm")));
}

TEST_CASE("000 letters not retrieved: nobody responding misses the openings") {
  auto d = test::run_scenario(letters, Responders::nobody);
  CHECK(test::business(*d, "opening_am") == BusinessState::missed);
}

TEST_CASE("000 the hand-written response files play without refusals of unknown ids") {
  auto d = test::run_responses(network_cut, "000_sanmenxia/responses/network_cut_opening.yaml");
  CHECK(d->finished());
  auto e = test::run_responses(letters, "000_sanmenxia/responses/letters_not_retrieved.yaml");
  CHECK(e->finished());
}

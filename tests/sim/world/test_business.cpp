// The business calendar: an opening is held, held late, held by its fallback, or missed.
#include <doctest/doctest.h>

#include "sim/world/drill.hpp"
#include "tests/sim/world/mini_platform.hpp"

using namespace drillsim;

namespace {
constexpr Ix srv_a = 7, srv_b = 8, app = 11;

Model with_opening() {
  Model m = test::mini_model();
  BusinessEvent opening;
  opening.id = "opening";
  opening.kind = "bid_opening";
  opening.name = {"开标", "Bid opening"};
  opening.at = 1800;  // 09:30
  opening.grace = 1800;
  opening.needs = {app};
  opening.fallback = {0};
  m.scenario.calendar = {opening};
  m.scenario.injects = {test::fault_at("a", 600, srv_a, 0), test::fault_at("b", 600, srv_b, 0)};
  return m;
}

void restart_b(Drill& d) {
  Submission s;
  s.post = 0;
  s.action = 0;
  s.target = srv_b;
  REQUIRE(d.submit(s).accepted);
}
}  // namespace

TEST_CASE("no response: the opening waits its grace, then is missed") {
  Drill d(test::share(with_opening()));
  d.advance_to(d.end_time());
  CHECK(d.truth().business[0].state == BusinessState::missed);
  CHECK(d.truth().business[0].settled_at == 3600);
}

TEST_CASE("the service restored before 09:30: the opening is held on time") {
  Drill d(test::share(with_opening()));
  d.advance_to(700);
  restart_b(d);  // done at 1000
  d.advance_to(d.end_time());
  CHECK(d.truth().business[0].state == BusinessState::held);
}

TEST_CASE("the service restored inside the grace: the opening is held late by the gap") {
  Drill d(test::share(with_opening()));
  d.advance_to(2000);
  restart_b(d);  // done at 2300
  d.advance_to(d.end_time());
  CHECK(d.truth().business[0].state == BusinessState::delayed);
  CHECK(d.truth().business[0].settled_at == 2300);
}

TEST_CASE("the fallback set while waiting: the opening goes ahead by the fallback") {
  Drill d(test::share(with_opening()));
  d.advance_to(1500);
  Submission s;
  s.post = 1;
  s.action = 5;  // supply_fallback, 600 s
  REQUIRE(d.submit(s).accepted);
  d.advance_to(d.end_time());
  CHECK(d.truth().business[0].state == BusinessState::held_fallback);
  CHECK(d.truth().business[0].settled_at == 2100);
}

// Health propagation along the platform graph, with redundancy (hot standby, two UPS).
#include <doctest/doctest.h>

#include "sim/world/drill.hpp"
#include "tests/sim/world/mini_platform.hpp"

using namespace drillsim;

namespace {
constexpr Ix mains = 0, ups1 = 2, srv_a = 7, srv_b = 8, db = 9, wan = 10, app = 11;
Health health(const Drill& d, Ix c) { return d.truth().components[c].health; }
}  // namespace

TEST_CASE("one server of a hot-standby pair down leaves the application up; both down stop it") {
  Model m = test::mini_model();
  m.scenario.injects = {test::fault_at("a", 600, srv_a, 0), test::fault_at("b", 1200, srv_b, 0)};
  Drill d(test::share(m));
  d.advance_to(900);
  CHECK(health(d, srv_a) == Health::down);
  CHECK(health(d, db) == Health::up);
  CHECK(health(d, app) == Health::up);
  d.advance_to(1200);
  CHECK(health(d, db) == Health::down);
  CHECK(health(d, app) == Health::down);
}

TEST_CASE("an all-of dependency down takes the dependant down, and repair brings it back") {
  Model m = test::mini_model();
  m.scenario.injects = {test::fault_at("wan", 60, wan, 1), test::fault_at("db", 60, srv_a, 0)};
  Drill d(test::share(m));
  d.advance_to(60);
  CHECK(health(d, app) == Health::down);
  CHECK(health(d, db) == Health::up);  // srv_b still carries it
}

TEST_CASE("a degraded fault degrades the dependants without stopping them") {
  Model m = test::mini_model();
  m.scenario.injects = {test::fault_at("slow", 60, db, 2)};
  Drill d(test::share(m));
  d.advance_to(61);
  CHECK(health(d, db) == Health::degraded);
  CHECK(health(d, app) == Health::degraded);
}

TEST_CASE("a repair action clears the fault it fixes and the service returns") {
  Model m = test::mini_model();
  m.scenario.injects = {test::fault_at("a", 60, srv_a, 0), test::fault_at("b", 60, srv_b, 0)};
  Drill d(test::share(m));
  d.advance_to(100);
  REQUIRE(health(d, app) == Health::down);
  Submission s;
  s.post = 0;
  s.action = 0;  // restart
  s.target = srv_b;
  SubmitResult r = d.submit(s);
  REQUIRE(r.accepted);
  CHECK(r.completes == 400);
  d.advance_to(399);
  CHECK(health(d, app) == Health::down);
  d.advance_to(400);
  CHECK(health(d, app) == Health::up);
  CHECK(d.downtime(app) == 340);
}

TEST_CASE("losing mains leaves the servers on UPS until the hold-up time, then they stop") {
  Model m = test::mini_model();
  m.scenario.injects = {test::fault_at("mains", 1000, mains, 1)};
  Drill d(test::share(m));
  d.advance_to(1000);
  CHECK(d.truth().components[ups1].on_battery);
  CHECK(health(d, srv_a) == Health::up);
  d.advance_to(1599);
  CHECK(health(d, srv_a) == Health::up);
  CHECK(d.battery_charge(ups1) == doctest::Approx(1.0 / 600).epsilon(1e-6));
  d.advance_to(1600);  // hold-up 600 s
  CHECK(health(d, ups1) == Health::down);
  CHECK(health(d, srv_a) == Health::down);
  CHECK(health(d, app) == Health::down);
}

TEST_CASE("starting the generator before the batteries run out keeps the servers up") {
  Model m = test::mini_model();
  m.scenario.injects = {test::fault_at("mains", 1000, mains, 1)};
  Drill d(test::share(m));
  d.advance_to(1000);
  Submission s;
  s.post = 0;
  s.action = 2;  // start_generator, 300 s
  REQUIRE(d.submit(s).accepted);
  d.advance_to(1300);
  CHECK(health(d, 1) == Health::up);
  CHECK_FALSE(d.truth().components[ups1].on_battery);
  d.advance_to(3000);
  CHECK(health(d, app) == Health::up);
  CHECK(d.downtime(app) == 0);
}

// Dynamics against their parameters: room temperature, overheating, fire.
#include <doctest/doctest.h>

#include "sim/world/drill.hpp"
#include "tests/sim/world/mini_platform.hpp"

using namespace drillsim;

namespace {
constexpr Ix ac1 = 4, ac2 = 5, room = 6, srv_a = 7, app = 11, tapes = 12;

bool has_entry(const Drill& d, EntryKind kind, const std::string& subject, const std::string& result, SimTime t) {
  for (const auto& e : d.journal().entries())
    if (e.kind == kind && e.subject == subject && e.result == result && e.t == t) return true;
  return false;
}
}  // namespace

TEST_CASE("cooling lost at 10:00 at 0.5 °C/min from 22 °C crosses 38 °C at 10:32") {
  Model m = test::mini_model();
  // Both AC units fail at 10:00 (one hour after the 09:00 start).
  m.scenario.injects = {test::fault_at("ac1", 3600, ac1, 0), test::fault_at("ac2", 3600, ac2, 0)};
  Drill d(test::share(m));
  d.advance_to(3600 + 32 * 60 - 1);
  CHECK_FALSE(d.truth().components[room].alarm);
  CHECK(d.truth().components[room].health == Health::up);
  d.advance_to(3600 + 32 * 60);
  CHECK(d.truth().components[room].alarm);
  CHECK(d.truth().components[room].health == Health::degraded);
  CHECK(d.room_temperature(room) == doctest::Approx(38.0));
  // The servers' limit of 40 °C is reached 4 minutes later; both stop, so the application does too.
  d.advance_to(3600 + 36 * 60 - 1);
  CHECK(d.truth().components[srv_a].health == Health::up);
  d.advance_to(3600 + 36 * 60);
  CHECK(d.truth().components[srv_a].off == OffReason::overheated);
  CHECK(d.truth().components[app].health == Health::down);
}

TEST_CASE("one AC unit of two is enough: the room stays at its base temperature") {
  Model m = test::mini_model();
  m.scenario.injects = {test::fault_at("ac1", 3600, ac1, 0)};
  Drill d(test::share(m));
  d.advance_to(3 * 3600);
  CHECK(d.room_temperature(room) == doctest::Approx(22.0));
}

TEST_CASE("the room cools back and the alarm clears when cooling returns") {
  Model m = test::mini_model();
  m.scenario.injects = {test::fault_at("ac1", 0, ac1, 0), test::fault_at("ac2", 0, ac2, 0)};
  Inject fix;
  fix.id = "fix";
  fix.kind = Inject::Kind::clear;
  fix.at = 33 * 60;  // at 38.5 °C
  fix.component = ac1;
  fix.ref = 0;
  m.scenario.injects.push_back(fix);
  Drill d(test::share(m));
  d.advance_to(33 * 60);
  CHECK(d.room_temperature(room) == doctest::Approx(38.5));
  CHECK(d.truth().components[room].alarm);
  d.advance_to(33 * 60 + 30);  // 1 °C/min back down: 38 °C after 30 s
  CHECK_FALSE(d.truth().components[room].alarm);
  d.advance_to(3 * 3600);
  CHECK(d.room_temperature(room) == doctest::Approx(22.0));
}

TEST_CASE("fire destroys the equipment in the room after its time, unless the media were moved out") {
  Model m = test::mini_model();
  Inject fire;
  fire.id = "fire";
  fire.kind = Inject::Kind::fire;
  fire.at = 600;
  fire.component = room;
  m.scenario.injects = {fire};

  SUBCASE("nobody acts: the tapes burn and the data is lost") {
    Drill d(test::share(m));
    d.advance_to(600 + 900);
    CHECK(d.truth().components[tapes].off == OffReason::destroyed);
    CHECK(d.truth().data_lost);
    CHECK(has_entry(d, EntryKind::fire, "tapes", "destroyed", 1500));
  }
  SUBCASE("the tapes are carried out first: no data lost") {
    Drill d(test::share(m));
    d.advance_to(600);
    Submission s;
    s.post = 0;
    s.action = 4;  // move_tapes, 240 s
    REQUIRE(d.submit(s).accepted);
    d.advance_to(3600);
    CHECK(d.truth().components[tapes].off == OffReason::moved_out);
    CHECK_FALSE(d.truth().data_lost);
    CHECK(d.truth().components[srv_a].off == OffReason::destroyed);
  }
}

TEST_CASE("load near a bid deadline saturates a component past its capacity, and it recovers after") {
  Model m = test::mini_model();
  constexpr Ix wan = 10;
  m.platform.components[wan].capacity = 1.0;
  BusinessEvent deadline;
  deadline.id = "deadline";
  deadline.kind = "bid_deadline";
  deadline.at = 7200;
  deadline.duration = 600;
  deadline.loads = {Load{wan, 0.7, 1800}, Load{wan, 0.5, 600}};  // bidders upload in the last half hour
  m.scenario.calendar = {deadline};
  Drill d(test::share(m));
  d.advance_to(7200 - 1800);
  CHECK(d.truth().components[wan].health == Health::up);  // 0.7 of 1.0
  d.advance_to(7200 - 600);
  CHECK(d.truth().components[wan].health == Health::degraded);  // 1.2 of 1.0
  CHECK(d.truth().components[app].health == Health::degraded);
  d.advance_to(7200 + 600);
  CHECK(d.truth().components[wan].health == Health::up);
}

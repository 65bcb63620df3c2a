// Tests of the real-time pacer: speed, pause and resume, speed changes, and never moving backwards.
#include <doctest/doctest.h>

#include <cstdint>

#include "sim/kernel/pacer.hpp"

using namespace drillsim;

TEST_CASE("at x1 one wall second is one simulated second, from where the drill stands") {
  Pacer p;
  p.start(5000, 120);  // the wall clock's origin is arbitrary
  CHECK(p.speed() == 1.0);
  CHECK_FALSE(p.paused());
  CHECK(p.target(5000) == 120);
  CHECK(p.target(5999) == 120);  // whole seconds, rounded down
  CHECK(p.target(6000) == 121);
  CHECK(p.target(65000) == 180);
}

TEST_CASE("x10 and x60 run faster") {
  Pacer p;
  p.set_speed(10, 0);
  p.start(0, 0);
  CHECK(p.target(100) == 1);
  CHECK(p.target(60000) == 600);
  p.set_speed(60, 60000);
  CHECK(p.target(60000) == 600);
  CHECK(p.target(61000) == 660);
  CHECK(p.speed() == 60.0);
}

TEST_CASE("pause holds the target and resume continues from it") {
  Pacer p;
  p.start(0, 0);
  CHECK(p.target(10500) == 10);
  p.pause(10500);
  CHECK(p.paused());
  CHECK(p.target(10500) == 10);
  CHECK(p.target(500000) == 10);  // however long the pause
  p.resume(500000);
  CHECK_FALSE(p.paused());
  CHECK(p.target(500000) == 10);
  CHECK(p.target(500499) == 10);  // the half second before the pause still counts
  CHECK(p.target(500500) == 11);
}

TEST_CASE("pause and resume twice are no-ops") {
  Pacer p;
  p.start(0, 0);
  p.pause(2000);
  p.pause(9000);  // does not re-anchor
  p.resume(10000);
  p.resume(20000);  // does not re-anchor either
  CHECK(p.target(11000) == 3);
}

TEST_CASE("a speed change keeps the time reached and continues at the new rate") {
  Pacer p;
  p.start(0, 0);
  CHECK(p.target(1234) == 1);
  p.set_speed(60, 1234);
  CHECK(p.target(1234) == 1);                   // no jump at the change
  CHECK(p.target(1235) == 1);                   // 1.234 s + 60 ms = 1.294 s
  CHECK(p.target(2234) == 61);                  // 1.234 s + 60 s
  p.set_speed(1, 2234);
  CHECK(p.target(2234) == 61);
  CHECK(p.target(3000) == 62);                  // 61.234 + 0.766 = 62.0
}

TEST_CASE("changing speed while paused takes effect on resume, without a jump") {
  Pacer p;
  p.start(0, 100);
  p.pause(4000);
  p.set_speed(10, 7000);
  CHECK(p.target(8000) == 104);
  p.resume(9000);
  CHECK(p.target(9000) == 104);
  CHECK(p.target(10000) == 114);
}

TEST_CASE("the target never goes below the position reached, even when the wall clock steps back") {
  Pacer p;
  p.start(10000, 0);
  CHECK(p.target(15000) == 5);
  CHECK(p.target(9000) == 0);  // before the start: the start position, not a negative time
  p.set_speed(10, 15000);
  CHECK(p.target(14000) == 5);  // a clock that stepped back holds the reached position
  CHECK(p.target(16000) == 15);
  SimTime last = 0;
  Pacer q;
  q.start(0, 0);
  for (std::int64_t wall = 0; wall < 100000; wall += 37) {
    if (wall % 3700 == 0) q.set_speed(wall % 7400 == 0 ? 60 : 1, wall);
    if (wall % 5550 == 0) q.paused() ? q.resume(wall) : q.pause(wall);
    const SimTime t = q.target(wall);
    REQUIRE(t >= last);
    last = t;
  }
}

TEST_CASE("invalid speeds are ignored") {
  Pacer p;
  p.start(0, 0);
  p.set_speed(0, 0);
  p.set_speed(-5, 0);
  CHECK(p.speed() == 1.0);
}

TEST_CASE("start re-anchors after the drill jumped on its own") {
  Pacer p;
  p.set_speed(10, 0);
  p.start(0, 0);
  p.pause(1000);
  p.start(2000, 3600);  // e.g. the facilitator skipped to the next event
  CHECK_FALSE(p.paused());
  CHECK(p.speed() == 10.0);
  CHECK(p.target(2000) == 3600);
  CHECK(p.target(3000) == 3610);
}

TEST_CASE("wall_ms_at tells when the next event is due") {
  Pacer p;
  p.start(1000, 0);
  CHECK(p.wall_ms_at(0, 1000) == 1000);  // already reached
  CHECK(p.wall_ms_at(5, 1000) == 6000);
  p.set_speed(60, 1000);
  CHECK(p.wall_ms_at(600, 1000) == 11000);
  CHECK(p.target(p.wall_ms_at(601, 1000)) == 601);
  CHECK(p.target(p.wall_ms_at(601, 1000) - 1) == 600);
  p.pause(2000);
  CHECK(p.wall_ms_at(1000, 2000) == Pacer::forever);
  CHECK(p.wall_ms_at(60, 2000) == 2000);
  CHECK(p.wall_ms_at(never, 2000) == Pacer::forever);
}

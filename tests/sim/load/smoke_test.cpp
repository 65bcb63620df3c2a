// Placeholder while the suite is written.
#include <doctest/doctest.h>

#include "sim/load/loader.hpp"

TEST_CASE("parse_duration smoke") {
  drillsim::SimTime t = 0;
  CHECK(drillsim::parse_duration("1h30m", t));
  CHECK(t == 5400);
}

// parse_duration: the DURATION grammar trainers write ("90s", "1h30m", "600").
#include <doctest/doctest.h>

#include "sim/load/loader.hpp"

using drillsim::parse_duration;
using drillsim::SimTime;

TEST_CASE("parse_duration accepts the documented forms") {
  struct Case {
    const char* text;
    SimTime seconds;
  };
  const Case cases[] = {
      {"0", 0},
      {"90", 90},
      {"90s", 90},
      {"20m", 1200},
      {"2h", 7200},
      {"1h30m", 5400},
      {"1d", 86400},
      {"1d2h", 93600},
      {"1h5m30s", 3930},
      {"0s", 0},
      {"100m", 6000},
      {"1d1h1m1s", 90061},
      {"36500d", 36500LL * 86400},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    SimTime out = -1;
    CHECK(parse_duration(c.text, out));
    CHECK(out == c.seconds);
  }
}

TEST_CASE("parse_duration refuses anything else and leaves the output alone") {
  const char* bad[] = {"",
                       "-5m",
                       "-1",
                       "+5m",
                       "1.5h",
                       "5 m",
                       " 5m",
                       "5m ",
                       "m",
                       "5x",
                       "30m1h",
                       "1h1h",
                       "1h30",
                       "h1",
                       "1H",
                       "1e3",
                       "abc",
                       "1d 2h",
                       "0x10",
                       "5min",
                       "99999999999999d",
                       "9999999999999",
                       "36700d",
                       "1m-5s"};
  for (const char* text : bad) {
    CAPTURE(text);
    SimTime out = 42;
    CHECK_FALSE(parse_duration(text, out));
    CHECK(out == 42);
  }
}

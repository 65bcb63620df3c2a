// Durations as the console, `drillsim show` and the plan analysis write them.
#include <doctest/doctest.h>

#include "sim/world/describe.hpp"

using drillsim::describe_duration;
using drillsim::Lang;

TEST_CASE("durations are written in days, hours, minutes and seconds") {
  CHECK(describe_duration(45, Lang::en) == "45 s");
  CHECK(describe_duration(120, Lang::en) == "2 min");
  CHECK(describe_duration(538, Lang::en) == "8 min 58 s");
  CHECK(describe_duration(3600, Lang::en) == "1 h");
  CHECK(describe_duration(3600 + 967, Lang::en) == "1 h 16 min 7 s");
  CHECK(describe_duration(2 * 86400, Lang::en) == "2 d");
  CHECK(describe_duration(3600 + 967, Lang::zh) == "1小时16分7秒");
  CHECK(describe_duration(5400, Lang::zh) == "1小时30分钟");
}

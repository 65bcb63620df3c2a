// docs/format.md stays true: its worked examples are the fixtures example_*.yaml, byte for byte,
// and those load (good_files_test.cpp checks their values).
#include "load_test_util.hpp"

using drillsim::test::fixture;
using drillsim::test::read_text_file;

TEST_CASE("the worked examples in docs/format.md are the example fixtures, and they load") {
  const std::string doc = read_text_file(std::string(DRILLSIM_SOURCE_DIR) + "/docs/format.md");
  REQUIRE_FALSE(doc.empty());
  // Each example is "<!-- example: NAME -->", then a ```yaml block.
  const std::string marker = "<!-- example: ", open = " -->\n```yaml\n", close = "```";
  int examples = 0;
  for (std::size_t at = doc.find(marker); at != std::string::npos; at = doc.find(marker, at + 1)) {
    const std::size_t name_start = at + marker.size();
    const std::size_t name_end = doc.find(open, name_start);
    REQUIRE(name_end != std::string::npos);
    const std::size_t body_start = name_end + open.size();
    const std::size_t body_end = doc.find(close, body_start);
    REQUIRE(body_end != std::string::npos);
    const std::string name = doc.substr(name_start, name_end - name_start);
    INFO(name);
    ++examples;
    CHECK(read_text_file(fixture(name)) == doc.substr(body_start, body_end - body_start));
    const drillsim::LoadResult r = drillsim::load_file(fixture(name));
    INFO(drillsim::test::all_problems(r));
    CHECK(r.ok());
  }
  CHECK(examples == 5);
}

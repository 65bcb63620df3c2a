// docs/format.md stays true: its worked examples are the fixtures example_*.yaml, byte for byte,
// and those load (good_files_test.cpp checks their values).
#include <regex>

#include "load_test_util.hpp"

using drillsim::test::fixture;
using drillsim::test::read_text_file;

TEST_CASE("the worked examples in docs/format.md are the example fixtures, and they load") {
  const std::string doc = read_text_file(std::string(DRILLSIM_SOURCE_DIR) + "/docs/format.md");
  REQUIRE_FALSE(doc.empty());
  const std::regex block("<!-- example: (\\S+) -->\\n```yaml\\n([\\s\\S]*?)```");
  int examples = 0;
  for (auto it = std::sregex_iterator(doc.begin(), doc.end(), block); it != std::sregex_iterator(); ++it) {
    const std::string name = (*it)[1];
    INFO(name);
    ++examples;
    CHECK(read_text_file(fixture(name)) == (*it)[2].str());
    const drillsim::LoadResult r = drillsim::load_file(fixture(name));
    INFO(drillsim::test::all_problems(r));
    CHECK(r.ok());
  }
  CHECK(examples == 5);
}

// Loading with unsaved texts (an editor's open documents): files named in UnsavedTexts are read
// from memory, the rest of the chain from disk, and problems are reported exactly as for files.
#include "load_test_util.hpp"

using namespace drillsim;
using drillsim::test::all_problems;
using drillsim::test::fixture;
using drillsim::test::read_text_file;

TEST_CASE("unsaved_key: absolute and lexically normal") {
  CHECK(unsaved_key("/a/b/../c.yaml") == "/a/c.yaml");
  CHECK(unsaved_key("/a/./b//c.yaml") == "/a/b/c.yaml");
  CHECK(unsaved_key("rel.yaml") == unsaved_key(std::filesystem::current_path().string() + "/x/../rel.yaml"));
}

TEST_CASE("load_file_with: an unsaved plan is used in place of the file, the rest comes from disk") {
  UnsavedTexts texts;
  std::string plan = read_text_file(fixture("mini_plan.yaml"));
  const auto at = plan.find("  version: 1\n");
  REQUIRE(at != std::string::npos);
  plan.replace(at, 13, "  version: \"unsaved-2\"\n");
  // Keyed by another spelling of the same path.
  texts[unsaved_key(test::data_dir() + "../data/mini_plan.yaml")] = plan;

  const LoadResult r = load_file_with(fixture("mini_scenario.yaml"), texts);
  INFO(all_problems(r));
  REQUIRE(r.ok());
  CHECK(r.kind == FileKind::scenario);
  CHECK(r.model->plan.version == "unsaved-2");
  CHECK(load_file(fixture("mini_scenario.yaml")).model->plan.version != "unsaved-2");
  CHECK(load_file_with(fixture("mini_scenario.yaml"), {}).ok());
}

TEST_CASE("load_file_with: a top file that exists only in memory, and its problems named as usual") {
  UnsavedTexts texts;
  const std::string path = test::data_dir() + "not_on_disk_scenario.yaml";
  std::string text = read_text_file(fixture("mini_scenario.yaml"));
  texts[unsaved_key(path)] = text;
  const LoadResult good = load_file_with(path, texts);
  INFO(all_problems(good));
  REQUIRE(good.ok());
  CHECK(good.model->scenario.file == path);

  const auto at = text.find("component: app, type: crash");
  REQUIRE(at != std::string::npos);
  text.replace(at, 14, "component: ppa");
  texts[unsaved_key(path)] = text;
  const LoadResult bad = load_file_with(path, texts);
  REQUIRE_FALSE(bad.ok());
  CHECK(test::has_problem(bad, path + ":11:", "ppa"));

  // A chained file that is neither unsaved nor on disk is reported where it is named.
  texts[unsaved_key(path)] = "scenario:\n  id: s\n  plan: nowhere.yaml\n";
  const LoadResult missing = load_file_with(path, texts);
  CHECK(test::has_problem(missing, path + ":3:9: ", "cannot load the plan file 'nowhere.yaml'"));
}

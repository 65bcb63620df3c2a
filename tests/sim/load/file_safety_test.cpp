// Hostile or broken input never crashes or hangs the loader: BOMs and CRLF keep positions right,
// deep nesting is refused before yaml-cpp recurses, and quoted brackets are not mistaken for nesting.
#include <string>

#include "load_test_util.hpp"
#include "sim/load/yaml_tree_internal.hpp"

using namespace drillsim;
using drillsim::test::TempDir;

namespace {

int nesting_of(const std::string& text) {
  int line = 0, column = 0;
  return load_detail::scan_nesting(text, 64, line, column);
}

}  // namespace

TEST_CASE("a UTF-8 byte-order mark and CRLF line ends do not shift positions") {
  TempDir dir("bom");
  const std::string path =
      dir.write("bom.yaml", "\xEF\xBB\xBForganisation:\r\n  id: bom\r\n  groups: [{id: g, nme: x}]\r\n");
  const LoadResult r = load_file(path);
  CHECK_PROBLEM(r, path + ":3:20: ", "unknown field 'nme' in a group");
  CHECK(r.problems.size() == 1);
  const std::string good = dir.write("good.yaml", "\xEF\xBB\xBForganisation:\r\n  id: bom\r\n");
  CHECK(load_file(good).ok());
}

TEST_CASE("columns count characters, not bytes") {
  TempDir dir("columns");
  const std::string path =
      dir.write("zh.yaml", "organisation:\n  id: zh\n  groups: [{id: 领导小组, name: 领导}, {id: g2, 名字: x}]\n");
  const LoadResult r = load_file(path);
  CHECK_PROBLEM(r, path + ":3:17: ", "'领导小组' is not a valid group id");
  CHECK_PROBLEM(r, path + ":3:43: ", "unknown field '名字' in a group");
}

TEST_CASE("deep block nesting is refused as well as deep flow nesting") {
  std::string block = "organisation:\n  id: deep\n  name:\n";
  for (int i = 0; i < 80; ++i) block += std::string(4 + 2 * static_cast<std::size_t>(i), ' ') + "- \n";
  TempDir dir("deep");
  const std::string path = dir.write("deep.yaml", block);
  const LoadResult r = load_file(path);
  CHECK_PROBLEM(r, path + ":", "nesting deeper than 64 levels");
  // 100,000 brackets: refused quickly by the pre-scan, no stack overflow.
  const std::string flood =
      dir.write("flood.yaml", "organisation:\n  id: x\n  name: " + std::string(100000, '[') + "\n");
  CHECK_PROBLEM(load_file(flood), flood + ":3:71: ", "nesting deeper than 64 levels");
  const std::string maps = dir.write("maps.yaml", "organisation: " + std::string(100000, '{') + "\n");
  CHECK_PROBLEM(load_file(maps), maps + ":1:", "nesting deeper than 64 levels");
}

TEST_CASE("the nesting pre-scan counts structure, not brackets inside text") {
  CHECK(nesting_of("a: 1\n") <= 2);
  CHECK(nesting_of("a: [[[x]]]\n") >= 4);
  CHECK(nesting_of("a: \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"\n") <= 3);
  CHECK(nesting_of("a: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[''\n") <= 3);
  CHECK(nesting_of(
            "a: |\n  [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\nb: 1\n") <= 3);
  CHECK(nesting_of("a: x[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n") <= 3);
  CHECK(nesting_of("# [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n") <= 1);
  CHECK(nesting_of(std::string(70, '[')) == 65);
}

TEST_CASE("a legitimately nested condition of 40 levels loads") {
  TempDir dir("nested");
  dir.copy_mini_chain();
  std::string condition = "{fact: disc_imported}";
  for (int i = 0; i < 20; ++i) condition = "{not: " + condition + "}";
  dir.copy("mini_plan.yaml", "when: {fact: disc_imported}}", "when: " + condition + "}");
  const LoadResult r = load_file(dir.path("mini_scenario.yaml"));
  INFO(drillsim::test::all_problems(r));
  CHECK(r.ok());
}

TEST_CASE("text checks report the first bad byte of each line") {
  Diagnostics out;
  CHECK_FALSE(load_detail::check_text("a: \xC3\x28\nb: ok\nc: \xED\xA0\x80 \xFF\n", "f", out));
  REQUIRE(out.size() == 2);
  CHECK(out[0].str() == "f:1:4: invalid UTF-8 (byte 0xC3); save the file as UTF-8, not GBK");
  CHECK(out[1].str() == "f:3:4: invalid UTF-8 (byte 0xED); save the file as UTF-8, not GBK");  // a surrogate
  out.clear();
  CHECK(load_detail::check_text("名称: 三门峡 ✓ 😀\n", "f", out));
  CHECK(out.empty());
  CHECK_FALSE(load_detail::check_text("a: 1\n\x1b[31m\n", "f", out));
  REQUIRE(out.size() == 1);
  CHECK(out[0].str().rfind("f:2:1: binary data (byte 0x1B)", 0) == 0);
}

TEST_CASE("odd but harmless YAML: tags, explicit documents, comments, block scalars") {
  TempDir dir("odd");
  const std::string path = dir.write("odd.yaml",
                                     "%YAML 1.2\n---\n# a comment\norganisation:\n  id: !!str odd\n  name: |\n"
                                     "    多行\n    文本 [not a list\n  groups: []\n...\n");
  const LoadResult r = load_file(path);
  INFO(drillsim::test::all_problems(r));
  REQUIRE(r.ok());
  CHECK(r.model->organisation.name.zh == "多行\n文本 [not a list\n");
}

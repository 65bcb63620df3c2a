// Bad fixture files: each is refused with the right message at the right file:line:column,
// and nothing else is reported (no noise that would hide the real problem).
#include "load_test_util.hpp"

using namespace drillsim;
using drillsim::test::all_problems;
using drillsim::test::fixture;

namespace {

struct BadCase {
  const char* file;
  const char* where;  // "line:col" or "" for a problem about the whole file
  const char* message_part;
  std::size_t problems;
};

std::string prefix(const char* file, const char* where) {
  return fixture(file) + (where[0] ? std::string(":") + where : std::string()) + ": ";
}

}  // namespace

TEST_CASE("each bad fixture gives its problem at the exact place") {
  const BadCase cases[] = {
      {"bad_syntax.yaml", "4:3", "YAML syntax error: end of sequence flow not found", 1},
      {"bad_unknown_field.yaml", "7:7", "unknown field 'holder' in a post (allowed: id, name, group, holders)", 1},
      {"bad_duplicate_id.yaml", "6:12", "duplicate person id 'p1' (first defined on line 4)", 1},
      {"bad_unknown_reference.yaml", "6:45", "unknown component 'mainz' (did you mean 'mains'?)", 1},
      {"bad_negative_duration.yaml", "4:44", "negative duration '-5m'", 1},
      {"bad_dependency_cycle.yaml", "6:47", "dependency cycle: app -> db -> server -> app", 1},
      {"bad_goto_cycle.yaml", "11:15", "goto cycle with no way out: network -> servers -> network", 1},
      {"bad_unreachable_step.yaml", "12:16", "step 's2' of procedure 'outage' can never be reached", 1},
      {"bad_unheld_trainee.yaml", "6:22", "post 'night_duty' is held by nobody", 1},
      {"bad_missing_file.yaml", "3:12", "cannot load the catalog file 'no_such_catalog.yaml'", 1},
      {"bad_wrong_kind.yaml", "3:9", "'mini_catalog.yaml' is a catalog file, but a plan file is expected here", 1},
      {"bad_empty.yaml", "", "empty file", 1},
      {"bad_binary.yaml", "3:1", "binary data (byte 0x00)", 1},
      {"bad_utf8.yaml", "3:9", "invalid UTF-8 (byte 0xB9)", 1},
      {"bad_deep.yaml", "3:71", "nesting deeper than 64 levels", 1},
  };
  for (const BadCase& c : cases) {
    CAPTURE(c.file);
    const LoadResult r = load_file(fixture(c.file));
    CHECK(r.model == nullptr);
    CHECK_PROBLEM(r, prefix(c.file, c.where), c.message_part);
    CHECK_MESSAGE(r.problems.size() == c.problems, all_problems(r));
  }
}

TEST_CASE("a post nobody holds cannot be responsible, nor be the post of an expected action") {
  const LoadResult r = load_file(fixture("bad_unheld_post.yaml"));
  CHECK_PROBLEM(r, fixture("bad_unheld_post.yaml") + ":8:45: ", "post 'night_duty' is held by nobody");
  CHECK_PROBLEM(r, fixture("bad_unheld_post.yaml") + ":9:55: ", "a post of 'night_check', which a step expects");
  CHECK(r.problems.size() == 2);
}

TEST_CASE("anchors and aliases are refused where they are written") {
  const LoadResult r = load_file(fixture("bad_alias_bomb.yaml"));
  REQUIRE_FALSE(r.ok());
  CHECK(r.problems.front().str() ==
        fixture("bad_alias_bomb.yaml") + ":4:7: anchors (&a) are not allowed: write each value out in full");
  CHECK_PROBLEM(r, fixture("bad_alias_bomb.yaml") + ":5:11: ", "aliases (*name) are not allowed");
  CHECK(r.problems.size() < 200);  // one per anchor and alias, never per expanded node
}

TEST_CASE("a file over 4 MiB is refused before it is parsed") {
  drillsim::test::TempDir dir("huge");
  std::string text = "organisation:\n  id: huge\n";
  while (text.size() <= 4u * 1024u * 1024u) text += "  # padding padding padding padding padding padding padding\n";
  const std::string path = dir.write("huge.yaml", text);
  const LoadResult r = load_file(path);
  CHECK_PROBLEM(r, path + ": ", "file too large");
  CHECK(r.problems.size() == 1);
}

TEST_CASE("a missing top-level file, a directory and an unknown file kind") {
  const LoadResult missing = load_file(fixture("there_is_no_such_file.yaml"));
  CHECK_PROBLEM(missing, fixture("there_is_no_such_file.yaml") + ": ", "no such file");
  const LoadResult directory = load_file(drillsim::test::data_dir());
  CHECK_PROBLEM(directory, drillsim::test::data_dir() + ": ", "is a directory");

  const LoadResult device = load_file("/dev/null");
  CHECK_PROBLEM(device, "/dev/null: ", "is not a regular file");

  drillsim::test::TempDir dir("kinds");
  const std::string unknown = dir.write("drill.yaml", "# comment\ndrill:\n  id: x\n");
  CHECK_PROBLEM(load_file(unknown), unknown + ":2:1: ", "unknown file kind 'drill'");
  const std::string two = dir.write("two.yaml", "organisation:\n  id: x\nplatform:\n  id: y\n");
  CHECK_PROBLEM(load_file(two), two + ":3:1: ", "a file has one top-level key; 'platform' should be indented");
  const std::string scalar = dir.write("scalar.yaml", "just some words\n");
  CHECK_PROBLEM(load_file(scalar), scalar + ":1:1: ", "expected one top-level key");
  const std::string comments = dir.write("comments.yaml", "# nothing but a comment\n\n");
  CHECK_PROBLEM(load_file(comments), comments + ": ", "empty file");
  const std::string docs = dir.write("docs.yaml", "organisation:\n  id: a\n---\norganisation:\n  id: b\n");
  CHECK_PROBLEM(load_file(docs), docs + ":3:1: ", "a second YAML document");
}

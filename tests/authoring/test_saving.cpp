// Saving: only documents that validate are written; writing is atomic (a failure leaves the old
// file as it was and no temporary file behind); a plan revision goes beside the old plan.
#include <csignal>
#include <filesystem>

#include <sys/resource.h>
#include <unistd.h>

#include "authoring/saving.hpp"
#include "document_test_util.hpp"
#include "sim/load/loader.hpp"

using namespace drillsim;
using namespace drillsim::authoring;
namespace fs = std::filesystem;

namespace {

// The names of the files in a folder (to see that no temporary file is left).
std::vector<std::string> names_in(const std::string& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// Files may not grow past `bytes` while this lives (writes fail with EFBIG instead of a signal).
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    old_handler_ = std::signal(SIGXFSZ, SIG_IGN);
    getrlimit(RLIMIT_FSIZE, &old_);
    rlimit limit = old_;
    limit.rlim_cur = bytes;
    setrlimit(RLIMIT_FSIZE, &limit);
  }
  ~FileSizeLimit() {
    setrlimit(RLIMIT_FSIZE, &old_);
    std::signal(SIGXFSZ, old_handler_);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;

 private:
  rlimit old_{};
  void (*old_handler_)(int) = nullptr;
};

std::string listed(const SaveResult& r) {
  std::string out = r.error + "\n";
  for (const Problem& p : r.problems) out += p.str() + "\n";
  return out;
}

}  // namespace

TEST_CASE("write_file_atomically creates and replaces files and leaves no temporary file") {
  test::Scratch scratch("atomic");
  const std::string file = scratch.path("a.yaml");
  std::string error;
  REQUIRE(write_file_atomically(file, "first\n", error));
  CHECK(test::read_file(file) == "first\n");
  REQUIRE(write_file_atomically(file, "second, longer text\n", error));
  CHECK(test::read_file(file) == "second, longer text\n");
  REQUIRE(write_file_atomically(file, "", error));
  CHECK(test::read_file(file).empty());
  CHECK(names_in(scratch.path("")) == std::vector<std::string>{"a.yaml"});

  // write_new_file_atomically never replaces a file.
  CHECK_FALSE(write_new_file_atomically(file, "third\n", error));
  CHECK(error.find("already exists") != std::string::npos);
  CHECK(test::read_file(file).empty());
  REQUIRE(write_new_file_atomically(scratch.path("b.yaml"), "new\n", error));
  CHECK(test::read_file(scratch.path("b.yaml")) == "new\n");
  CHECK(names_in(scratch.path("")) == std::vector<std::string>{"a.yaml", "b.yaml"});
}

TEST_CASE("a write that fails half-way leaves the old file intact and no temporary file") {
  test::Scratch scratch("atomic_fail");
  const std::string file = scratch.path("plan.yaml");
  std::string error;
  REQUIRE(write_file_atomically(file, "old text\n", error));
  {
    FileSizeLimit limit(16);  // the new text is longer: the write stops part-way
    CHECK_FALSE(write_file_atomically(file, std::string(4096, 'x'), error));
  }
  INFO(error);
  CHECK(error.find("cannot write") != std::string::npos);
  CHECK(test::read_file(file) == "old text\n");
  CHECK(names_in(scratch.path("")) == std::vector<std::string>{"plan.yaml"});

  // A folder that does not exist, and a path that is a folder.
  CHECK_FALSE(write_file_atomically(scratch.path("no/such/folder/x.yaml"), "x", error));
  CHECK_FALSE(error.empty());
  fs::create_directory(scratch.path("dir"));
  CHECK_FALSE(write_file_atomically(scratch.path("dir"), "x", error));
  CHECK(error.find("directory") != std::string::npos);
}

TEST_CASE("a folder that is not writable: the save fails and the old file is untouched") {
  if (::geteuid() == 0) {
    MESSAGE("running as root: folder permissions do not stop writes; covered by the half-way failure test");
    return;
  }
  test::Scratch scratch("readonly");
  const std::string seed = scratch.copy_seed("002_beijing");
  const std::string path = seed + "/scenarios/expert_absent.yaml";
  const std::string before = test::read_file(path);
  Document doc = test::read_or_fail(path);
  node_at(doc.root, "scenario.end_after")->value = "9h";
  fs::permissions(seed + "/scenarios", fs::perms::owner_read | fs::perms::owner_exec);
  const SaveResult r = save_document(doc);
  fs::permissions(seed + "/scenarios", fs::perms::owner_all);
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("temporary file") != std::string::npos);
  CHECK(test::read_file(path) == before);
}

TEST_CASE("save_document writes a good document (header first) and refuses one that would not load") {
  test::Scratch scratch("save");
  const std::string seed = scratch.copy_seed("002_beijing");
  const std::string path = seed + "/scenarios/expert_absent.yaml";
  const std::string before = test::read_file(path);
  Document doc = test::read_or_fail(path);

  SUBCASE("a broken reference: nothing is written") {
    node_at(doc.root, "scenario.trainees[0]")->value = "nobody_post";
    const SaveResult r = save_document(doc);
    CHECK_FALSE(r.ok);
    REQUIRE_FALSE(r.problems.empty());
    CHECK(r.problems[0].path == "scenario.trainees[0]");
    CHECK(test::read_file(path) == before);
    CHECK(names_in(seed + "/scenarios") == names_in(test::source_path("scenarios/002_beijing/scenarios")));
  }
  SUBCASE("a good edit is written; the file reads back to the same tree and loads") {
    node_at(doc.root, "scenario.end_after")->value = "9h";
    const SaveResult r = save_document(doc);
    INFO(listed(r));
    REQUIRE(r.ok);
    CHECK(r.path == path);
    const std::string after = test::read_file(path);
    CHECK(after.substr(0, doc.header.size()) == doc.header);
    CHECK(after == doc.header + emit(doc).text);
    CHECK(test::read_or_fail(path).root == doc.root);
    const LoadResult loaded = load_scenario(path);
    REQUIRE(loaded.ok());
    CHECK(loaded.model->scenario.end == 9 * 3600);
    CHECK(names_in(seed + "/scenarios") == names_in(test::source_path("scenarios/002_beijing/scenarios")));
  }
  SUBCASE("a document without a file name is not saved") {
    doc.path.clear();
    const SaveResult r = save_document(doc);
    CHECK_FALSE(r.ok);
    CHECK_FALSE(r.error.empty());
  }
}

TEST_CASE("next_version_path: the first free NAME.vN.yaml beside the file") {
  test::Scratch scratch("versions");
  CHECK(next_version_path(scratch.path("plan.yaml")) == scratch.path("plan.v2.yaml"));
  CHECK(next_version_path(scratch.path("plan.v2.yaml")) == scratch.path("plan.v3.yaml"));
  CHECK(next_version_path(scratch.path("plan.v9.yaml")) == scratch.path("plan.v10.yaml"));
  CHECK(next_version_path(scratch.path("plan.vx.yaml")) == scratch.path("plan.vx.v2.yaml"));
  test::write_file(scratch.path("plan.v2.yaml"), "x");
  test::write_file(scratch.path("plan.v3.yaml"), "x");
  CHECK(next_version_path(scratch.path("plan.yaml")) == scratch.path("plan.v4.yaml"));
  CHECK(next_version_path(scratch.path("plan.v2.yaml")) == scratch.path("plan.v4.yaml"));
}

TEST_CASE("save_new_version writes plan.v2.yaml beside plan.yaml and leaves plan.yaml byte-identical") {
  test::Scratch scratch("new_version");
  const std::string seed = scratch.copy_seed("002_beijing");
  const std::string plan_path = seed + "/plan.yaml";
  const std::string before = test::read_file(plan_path);
  Document plan = test::read_or_fail(plan_path);
  node_at(plan.root, "plan.grading.within")->value = "20m";

  const SaveResult r = save_new_version(plan, "2027-01");
  INFO(listed(r));
  REQUIRE(r.ok);
  CHECK(r.path == seed + "/plan.v2.yaml");
  CHECK(plan.path == seed + "/plan.v2.yaml");
  CHECK(node_at(plan.root, "plan.version")->value == "2027-01");
  CHECK(test::read_file(plan_path) == before);
  const LoadResult v2 = load_plan(seed + "/plan.v2.yaml");
  REQUIRE(v2.ok());
  CHECK(v2.model->plan.version == "2027-01");
  // Plan A against plan B: the scenario loads with either.
  CHECK(load_scenario_with_plan(seed + "/scenarios/expert_absent.yaml", seed + "/plan.v2.yaml").ok());

  // Again: plan.v3.yaml; plan.v2.yaml stays as it was.
  const std::string v2_text = test::read_file(seed + "/plan.v2.yaml");
  const SaveResult again = save_new_version(plan, "");
  REQUIRE(again.ok);
  CHECK(plan.path == seed + "/plan.v3.yaml");
  CHECK(node_at(plan.root, "plan.version")->value == "2027-01");
  CHECK(test::read_file(seed + "/plan.v2.yaml") == v2_text);
  CHECK(test::read_file(plan_path) == before);

  // A revision that would not load is not written, and the document is left as it was.
  node_at(plan.root, "plan.grading.within")->value = "soon";
  const Document kept = plan;
  const SaveResult bad = save_new_version(plan, "2027-02");
  CHECK_FALSE(bad.ok);
  REQUIRE_FALSE(bad.problems.empty());
  CHECK(bad.problems[0].path == "plan.grading.within");
  CHECK(plan.path == kept.path);
  CHECK(plan.root == kept.root);
  CHECK_FALSE(fs::exists(seed + "/plan.v4.yaml"));
}

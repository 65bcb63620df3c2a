// Autosave: the setup and a write-through journal, so that a closed window or a crash resumes.
#include <doctest/doctest.h>

#include <filesystem>

#include "gui/autosave.hpp"
#include "gui_test_support.hpp"
#include "tests/scratch_path.hpp"

using namespace drillsim;
using namespace drillsim::gui;

namespace {
std::string temp_dir(const char* name) {
  auto dir = drillsim::test_files::scratch_path(name);
  std::filesystem::remove_all(dir);
  return dir.string();
}
}  // namespace

TEST_CASE("the setup reads back as written") {
  auto model = test::load_or_fail(test::default_scenario());
  const Model& m = *model;
  SessionSetup s;
  s.scenario_path = test::default_scenario();
  s.mode = DrillMode::timed;
  s.speed = 10;
  s.seed = 42;
  s.policy_plays_others = false;
  s.trainees_see_plan = false;
  s.participants = {{"张工", m.find_post("technical"), 1}, {"Trainee 2", m.find_post("delivery"), 0}};
  SessionSetup back;
  std::string error;
  REQUIRE(setup_from_yaml(setup_to_yaml(m, s), m, back, &error));
  CHECK(back.scenario_path == s.scenario_path);
  CHECK(back.mode == DrillMode::timed);
  CHECK(back.speed == 10);
  CHECK(back.seed == 42);
  CHECK_FALSE(back.policy_plays_others);
  CHECK_FALSE(back.trainees_see_plan);
  REQUIRE(back.participants.size() == 2);
  CHECK(back.participants[0].name == "张工");
  CHECK(back.participants[0].post == m.find_post("technical"));
  CHECK(back.participants[0].role == 1);
}

namespace {

// Runs a drill for a while as a window would, "closes" it, resumes it from what was saved, and
// finishes it: the resumed journal must be the saved one, and a finished drill is not offered again.
void cut_and_resume(const std::string& dir, const std::string& store) {
  auto model = test::load_or_fail(test::default_scenario());
  const Model& m = *model;
  SessionSetup setup;
  setup.scenario_path = test::default_scenario();
  setup.participants = {{"乙", m.find_post("technical"), 0}};
  std::string saved_jsonl;
  std::int64_t drill_id = 0;
  {
    Autosave save(dir, store, records::Durability::normal);
    if (store != "none") REQUIRE(save.store());
    DrillSession live(model, setup, 0);
    std::string error;
    REQUIRE(save.begin(live, "主持人", &error));
    drill_id = save.drill_id();
    live.advance_to(2500);
    live.submit("乙", m.find_post("technical"), m.find_action("bastion_login"), m.find_component("db_server"),
                "db_server", "");
    live.advance_to(4000);
    save.clock(live.drill().now());
    saved_jsonl = live.drill().journal().to_jsonl();
    save.stop();  // the window closed (or the process died) here
  }
  Autosave again(dir, store, records::Durability::normal);
  REQUIRE(again.has_unfinished());
  std::string error;
  auto saved = again.load(&error);
  INFO(error);
  REQUIRE(saved);
  CHECK(saved->scenario_path == test::default_scenario());
  CHECK(saved->clock == 4000);
  CHECK(saved->drill_id == drill_id);
  SessionSetup back;
  REQUIRE(setup_from_yaml(saved->setup_yaml, m, back, &error));
  auto resumed = resume_session(model, back, saved->journal, saved->clock, 0, error);
  INFO(error);
  REQUIRE(resumed);
  CHECK(resumed->drill().journal().to_jsonl() == saved_jsonl);

  REQUIRE(again.begin(*resumed, "主持人", &error, &*saved));
  resumed->advance_to(resumed->drill().end_time());
  REQUIRE(again.finish(nullptr, nullptr, &error));
  if (again.store()) {
    // The store holds the whole drill, written through across the "crash", and knows it finished.
    std::vector<JournalEntry> stored;
    REQUIRE(again.store()->journal(drill_id, stored, error));
    CHECK(stored.size() == resumed->drill().journal().size());
    CHECK(again.store()->drill(drill_id)->status == "finished");
    CHECK(again.store()->drill(drill_id)->mode == "live");
  }
  CHECK_FALSE(Autosave(dir, store).has_unfinished());
}

}  // namespace

TEST_CASE("a drill cut off mid-way resumes from the records store") {
  std::string dir = temp_dir("drillsim-test-autosave-store");
  cut_and_resume(dir, (std::filesystem::path(dir) / "drills.db").string());
  std::filesystem::remove_all(dir);
}

TEST_CASE("without a records store the journal is kept in a file and resumes alike") {
  std::string dir = temp_dir("drillsim-test-autosave-file");
  cut_and_resume(dir, "none");
  std::filesystem::remove_all(dir);
}

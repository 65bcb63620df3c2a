// Every screen of the console builds its frames without a window (Dear ImGui on the CPU only), in
// both languages and both views, through a whole drill: the same code paths as a click, checked by
// the sanitizers; no string key or glyph goes missing.
#include <doctest/doctest.h>

#include <filesystem>

#include <fmt/format.h>

#include "gui/console.hpp"
#include "gui/font_atlas.hpp"
#include "gui_test_support.hpp"
#include "headless_console.hpp"
#include "tests/scratch_path.hpp"

using namespace drillsim;
using namespace drillsim::gui;

namespace {

struct Headless {
  test::ImGuiContextGuard imgui;
  FontAtlas atlas;
  std::int64_t wall = 0;
  std::string dir;
  std::unique_ptr<Console> console;

  Headless() {
    test::load_strings();
    dir = drillsim::test_files::scratch_path("drillsim-test-console").string();
    std::filesystem::remove_all(dir);
    console = std::make_unique<Console>(atlas, [this] { return wall; }, dir, dir + "/drills.db",
                                        records::Durability::normal);
    console->collect_shown_text(true);
    test::headless_display();
  }
  ~Headless() {
    console.reset();
    std::filesystem::remove_all(dir);
  }
  void frames(int n = 2) { test::run_frames(*console, atlas, n); }
  void every_screen() {
    for (int s = 0; s < screen_count; ++s) {
      console->open_screen(static_cast<Screen>(s));
      frames();
    }
  }
};

std::string describe(const std::vector<std::uint32_t>& cps) {
  std::string out;
  for (std::uint32_t c : cps) out += fmt::format("U+{:04X} ", c);
  return out;
}

}  // namespace

TEST_CASE("a drill from start to debrief through the console's commands, every screen drawn") {
  Headless h;
  Console& c = *h.console;
  REQUIRE(c.choose_scenario(test::default_scenario()));
  REQUIRE(h.atlas.build(18));
  h.frames();
  const Model& m = *c.model();
  c.draft().participants = {{"学员甲", m.find_post("delivery"), 0}, {"学员乙", m.find_post("technical"), 1}};
  REQUIRE(c.start_drill());
  CHECK(c.ui().screen == Screen::situation);
  for (Lang lang : {Lang::zh, Lang::en}) {
    c.set_lang(lang);
    c.advance_by(600);
    h.every_screen();
  }
  c.set_lang(Lang::zh);
  c.advance_to(2400 + 240);  // 09:14
  SubmitResult r = c.submit_action(m.find_post("technical"), m.find_action("bastion_login"),
                                   m.find_component("app_server"), "app_server", "先登录应用服务器");
  CHECK(r.accepted);
  SubmitResult refused = c.submit_action(m.find_post("delivery"), m.find_action("bastion_login"),
                                         m.find_component("app_server"), "app_server", "");
  CHECK_FALSE(refused.accepted);
  CHECK_FALSE(c.ui().last_ok);
  CHECK(c.next_event());
  Inject msg;
  msg.kind = Inject::Kind::message;
  msg.at = c.session()->drill().now();
  msg.ref = m.find_post("delivery");
  msg.text = Text{"主持人：请说明保函处理进展", "Facilitator: how are the letters going?"};
  CHECK(c.add_live_inject(msg));
  CHECK(c.evaluate("评估员", "obj_diagnose", "S", "排查有序"));
  c.add_note({}, "进入恢复阶段");
  // The trainees' views: every screen they may open.
  c.set_view({false, no_ix});
  h.every_screen();
  CHECK_FALSE(c.screen_visible(Screen::facilitator));
  c.set_view({false, m.find_post("delivery")});
  h.every_screen();
  CHECK(c.view_posts() == std::vector<Ix>{m.find_post("delivery")});
  c.set_view({true, no_ix});
  c.ui().show_truth = false;
  c.open_screen(Screen::situation);
  h.frames();
  c.ui().show_truth = true;
  // The end, and the debrief's every tab.
  c.end_drill();
  CHECK(c.session()->drill().finished());
  CHECK(c.ui().screen == Screen::debrief);
  const ScoreView& sv = c.score();
  INFO(sv.error);
  REQUIRE(sv.ok);
  CHECK(sv.sheet.finished);
  for (int tab = 0; tab < static_cast<int>(std::size(debrief_tabs)); ++tab) {
    c.ui().debrief_tab = tab;
    h.frames();
  }
  std::string html = h.dir + "/report/drill.html";
  std::string error;
  CHECK(c.export_report(html, &error));
  CHECK(std::filesystem::file_size(html) > 5000);
  // The drill is finished in the store, with its score; nothing is left to resume.
  REQUIRE(c.autosave().store());
  auto record = c.autosave().store()->drill(c.autosave().drill_id());
  REQUIRE(record);
  CHECK(record->status == "finished");
  CHECK(record->score >= 0);
  CHECK_FALSE(c.autosave().has_unfinished());
  // The improvement plan as stored: the facilitator marks an item done, and undoes it.
  records::Store& store = *c.autosave().store();
  auto items = store.improvements(c.autosave().drill_id());
  REQUIRE_FALSE(items.empty());
  CHECK(items[0].status == "open");
  CHECK(c.set_improvement_status(items[0].id, "done", &error));
  CHECK(store.improvements(c.autosave().drill_id())[0].status == "done");
  CHECK_FALSE(c.set_improvement_status(items[0].id, "finished", &error));
  CHECK(error.find("open, done or dropped") != std::string::npos);
  CHECK(c.ui().improvement_error == error);  // shown above the list
  for (int tab = 0; tab < static_cast<int>(std::size(debrief_tabs)); ++tab)
    if (std::string(debrief_tabs[tab]) == "improvements") c.ui().debrief_tab = tab;
  h.frames();
  CHECK(c.set_improvement_status(items[0].id, "open", &error));
  CHECK(c.ui().improvement_error.empty());
  CHECK(store.improvements(c.autosave().drill_id())[0].status == "open");

  h.frames();
  CHECK(strings().missing_asked().empty());
  auto missing = h.atlas.missing(c.used_text());
  INFO(describe(missing));
  CHECK(missing.empty());
}

TEST_CASE("timed mode: the clock follows the wall clock through the console, paused until started") {
  Headless h;
  Console& c = *h.console;
  REQUIRE(c.choose_scenario(test::default_scenario()));
  REQUIRE(h.atlas.build(18));
  c.draft().mode = DrillMode::timed;
  c.draft().speed = 60;
  REQUIRE(c.start_drill());
  h.wall = 10000;
  h.frames(1);
  CHECK(c.session()->drill().now() == 0);
  c.resume();
  h.wall = 20000;  // ten seconds at x60
  h.frames(1);
  CHECK(c.session()->drill().now() == 600);
  c.pause();
  h.wall = 90000;
  h.frames(1);
  CHECK(c.session()->drill().now() == 600);
  c.next_event();  // jumping keeps the pause
  CHECK(c.session()->paused());
}

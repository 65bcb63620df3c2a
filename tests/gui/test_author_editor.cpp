// The author screens without a window (Dear ImGui on the CPU): a shipped scenario and its plan,
// copied to a scratch folder, opened in the editor; every tab and plan section drawn in zh and en;
// edits with undo and redo, a bad edit listed with the field it is about and refused by Save, the
// MSEL's CSV round trip and a refused import, a plan saved as a new version beside the old one.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "gui/console.hpp"
#include "gui/editor_state.hpp"
#include "gui/font_atlas.hpp"
#include "gui_test_support.hpp"
#include "headless_console.hpp"
#include "tests/scratch_path.hpp"

using namespace drillsim;
using namespace drillsim::gui;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Headless {
  test::ImGuiContextGuard imgui;
  FontAtlas atlas;
  std::int64_t wall = 0;
  fs::path dir = drillsim::test_files::scratch_path("drillsim-test-author");
  std::unique_ptr<Console> console;

  Headless() {
    test::load_strings();
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::copy(test::source_path("scenarios/002_beijing"), dir / "002_beijing", fs::copy_options::recursive);
    console = std::make_unique<Console>(atlas, [this] { return wall; }, (dir / "state").string(), "none",
                                        records::Durability::normal);
    console->collect_shown_text(true);
    test::headless_display();
  }
  ~Headless() {
    console.reset();
    fs::remove_all(dir);
  }
  void frames(int n = 2) { test::run_frames(*console, atlas, n); }
};

}  // namespace

TEST_CASE("the scenario editor: every tab, undo and redo, a problem taken to its field, CSV round trip") {
  Headless h;
  Console& c = *h.console;
  Editor& ed = c.editor();
  fs::path scenario = h.dir / "002_beijing/scenarios/expert_absent.yaml";
  std::string error;
  REQUIRE_MESSAGE(ed.open(scenario.string(), error), error);
  EditedDoc& doc = ed.doc(DocKind::scenario);
  std::string first = doc.problems.empty() ? std::string() : doc.problems.front().str();
  INFO(first);
  REQUIRE(doc.good());
  REQUIRE(ed.rows().size() == 7);
  c.open_screen(Screen::author_scenario);
  CHECK(c.ui().screen == Screen::author_scenario);
  for (Lang lang : {Lang::zh, Lang::en}) {
    c.set_lang(lang);
    for (int t = 0; t < 6; ++t) {
      ed.ui().tab = t;
      ed.ui().msel_row = 1;
      h.frames();
    }
  }
  c.set_lang(Lang::zh);

  // An edit, undone and redone.
  std::string before = ed.rows()[1].text.zh;
  REQUIRE(ed.set_row_field(1, "text_zh", "代理：签到情况有变。"));
  CHECK(ed.rows()[1].text.zh == "代理：签到情况有变。");
  REQUIRE(ed.undo(DocKind::scenario));
  CHECK(ed.rows()[1].text.zh == before);
  REQUIRE(ed.redo(DocKind::scenario));
  CHECK(ed.rows()[1].text.zh == "代理：签到情况有变。");

  // A bad time: listed with the field's path, a click selects its row, Save refuses.
  REQUIRE(ed.set_row_field(2, "at", "25:61"));
  ed.validate_now(DocKind::scenario);
  REQUIRE(doc.problems.size() >= 1);
  CHECK(doc.problems.front().path.rfind("scenario.injects[2]", 0) == 0);
  ed.go_to(DocKind::scenario, doc.problems.front());
  CHECK(ed.ui().msel_row == 2);
  CHECK(ed.ui().tab == static_cast<int>(ScenarioTab::msel));
  h.frames(4);
  CHECK_FALSE(ed.save(DocKind::scenario).ok);
  REQUIRE(ed.undo(DocKind::scenario));
  CHECK(doc.good());
  authoring::SaveResult saved = ed.save(DocKind::scenario);
  INFO(saved.error);
  CHECK(saved.ok);
  CHECK(read(scenario).find("代理：签到情况有变。") != std::string::npos);
  CHECK_FALSE(doc.history.dirty());

  // The MSEL as a spreadsheet and back: the same rows.
  std::vector<authoring::MselRow> rows = ed.rows();
  fs::path csv = h.dir / "msel.csv";
  REQUIRE_MESSAGE(ed.export_csv(csv.string(), error), error);
  REQUIRE(ed.delete_row(0));
  REQUIRE(ed.import_csv(csv.string()));
  REQUIRE(ed.rows().size() == rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) CHECK(ed.rows()[i].id == rows[i].id);
  // A CSV with a bad row is refused whole, with its row named; nothing changes.
  std::string text = read(csv);
  text += "bad row,09:00,,nonsense,,,,,,,,,,,\r\n";
  std::ofstream(h.dir / "bad.csv", std::ios::binary) << text;
  CHECK_FALSE(ed.import_csv((h.dir / "bad.csv").string()));
  CHECK_FALSE(ed.ui().csv_problems.empty());
  CHECK(ed.rows().size() == rows.size());
  h.frames();

  // Try it: the policy holds project A's evaluation.
  REQUIRE(ed.try_it());
  const authoring::TryResult* r = ed.tried();
  REQUIRE(r != nullptr);
  CHECK(!r->journal.empty());
  ed.ui().tab = static_cast<int>(ScenarioTab::try_it);
  h.frames();
  auto missing = h.atlas.missing(c.used_text());
  CHECK(missing.empty());
  CHECK(strings().missing_asked().empty());
}

TEST_CASE("the plan editor: outline, step form, sections; a new version beside the old plan") {
  Headless h;
  Console& c = *h.console;
  Editor& ed = c.editor();
  fs::path plan = h.dir / "002_beijing/plan.yaml";
  std::string old_text = read(plan);
  std::string error;
  REQUIRE_MESSAGE(ed.open(plan.string(), error), error);
  REQUIRE(ed.doc(DocKind::plan).good());
  c.open_screen(Screen::author_plan);
  CHECK(c.ui().screen == Screen::author_plan);
  EditorUi& ui = ed.ui();
  for (Lang lang : {Lang::zh, Lang::en}) {
    c.set_lang(lang);
    for (PlanSection s : {PlanSection::procedure, PlanSection::step, PlanSection::levels, PlanSection::grading,
                          PlanSection::rules, PlanSection::fields}) {
      ui.section = s;
      ui.procedure = 17;
      ui.step = 3;
      h.frames();
    }
  }
  REQUIRE(ed.set_text(DocKind::plan, "plan.procedures[17].steps[0].within", "15m"));
  ed.validate_now(DocKind::plan);
  CHECK(ed.doc(DocKind::plan).good());
  authoring::SaveResult r = ed.save_plan_version("2027-draft");
  INFO(r.error);
  REQUIRE(r.ok);
  CHECK(fs::path(r.path).filename() == "plan.v2.yaml");
  CHECK(read(plan) == old_text);
  CHECK(read(r.path).find("15m") != std::string::npos);
  h.frames();
  CHECK(strings().missing_asked().empty());
}

// The glyph atlas holds every glyph of the text the console uses: UI strings in both languages,
// every shipped scenario and plan, and the journal lines a run writes.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include "gui/font_atlas.hpp"
#include "gui/used_text.hpp"
#include "gui_test_support.hpp"
#include "sim/world/plan_policy.hpp"
#include "sim/world/timeline.hpp"

using namespace drillsim;
using namespace drillsim::gui;

namespace {
std::string describe(const std::vector<std::uint32_t>& cps) {
  std::string out;
  for (std::uint32_t c : cps) out += fmt::format("U+{:04X} ", c);
  return out;
}
}  // namespace

TEST_CASE("a CJK font is installed and found (Noto Sans CJK SC is face 2 of its collection)") {
  FontSource f = find_cjk_font();
  REQUIRE_FALSE(f.path.empty());
  if (f.path.find("NotoSansCJK") != std::string::npos) CHECK(f.face == 2);
}

TEST_CASE("codepoints decodes UTF-8") {
  auto cps = codepoints("a保函→");
  REQUIRE(cps.size() == 4);
  CHECK(cps[0] == 'a');
  CHECK(cps[1] == 0x4FDD);
  CHECK(cps[2] == 0x51FD);
  CHECK(cps[3] == 0x2192);
}

TEST_CASE("the atlas built from the used text has every glyph of every shipped scenario's run") {
  test::load_strings();
  test::ImGuiContextGuard imgui;
  FontAtlas atlas;
  atlas.want(strings().all_text());
  std::string used = strings().all_text();
  auto library = scan_scenarios(test::source_path("scenarios"));
  REQUIRE(library.size() >= 2);
  for (const ScenarioEntry& e : library) {
    used += e.name.zh + e.name.en + e.plan_name.zh + e.plan_name.en;
    LoadResult r = load_scenario(e.path);
    if (!r.ok()) continue;  // a scenario under construction: the loader's tests speak for it
    const Model& m = *r.model;
    used += model_text(m) + engine_vocabulary(m);
    Drill drill(r.model);
    PlanPolicy policy(m);
    run_with_policy(drill, policy);
    for (const JournalEntry& j : drill.journal().entries())
      used += render_entry(m, j, Lang::zh) + render_entry(m, j, Lang::en);
  }
  atlas.want(used);
  REQUIRE(atlas.build(18));
  auto missing = atlas.missing(used);
  INFO(describe(missing));
  CHECK(missing.empty());
  // The ready-made "Chinese simplified common" range lacks 函 (保函): ours has it.
  CHECK(atlas.missing("保函").empty());
  CHECK(atlas.glyph_count() > 500);
}

TEST_CASE("a glyph not yet wanted is missing, and wanting it makes a rebuild due") {
  test::ImGuiContextGuard imgui;
  FontAtlas atlas;
  atlas.want("演练");
  REQUIRE(atlas.build(16));
  CHECK_FALSE(atlas.pending());
  CHECK(atlas.missing("演练").empty());
  CHECK(atlas.missing("鼎").size() == 1);
  atlas.want("鼎");
  CHECK(atlas.pending());
  REQUIRE(atlas.build(16));
  CHECK(atlas.missing("鼎").empty());
}

// The console's benchmark: time to the first frame (font atlas included), and the CPU time to
// build one frame with the largest shipped platform and a journal of at least 5,000 lines.
#include <imgui.h>

#include <SFML/OpenGL.hpp>
#include <SFML/Window.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "gui/app.hpp"
#include "gui/console.hpp"
#include "gui/font_atlas.hpp"
#include "sim/load/loader.hpp"

namespace drillsim::gui {
namespace {

// Fills the journal: every staffed post takes two of its allowed actions in turn, half a minute apart.
void grow_journal(DrillSession& s, std::size_t lines) {
  const Model& m = s.model();
  const Ix posts = static_cast<Ix>(m.organisation.posts.size());
  std::vector<std::size_t> next(posts, 0);
  while (s.drill().journal().size() < lines && !s.drill().finished()) {
    for (Ix k = 0; k < 2 * posts; ++k) {
      Ix p = k % posts;
      if (!s.drill().post_staffed(p)) continue;
      for (std::size_t tries = 0; tries < m.catalog.actions.size(); ++tries) {
        Ix a = static_cast<Ix>(next[p]++ % m.catalog.actions.size());
        const ActionDef& def = m.catalog.actions[a];
        if (!def.posts.empty() && std::find(def.posts.begin(), def.posts.end(), p) == def.posts.end()) continue;
        Ix target = no_ix;
        std::string target_id;
        if (def.target == ActionDef::Target::component) {
          target = def.target_choices.empty() ? 0 : def.target_choices.front();
          target_id = m.platform.components[target].id;
        } else if (def.target != ActionDef::Target::none) {
          continue;
        }
        s.submit("bench", p, a, target, target_id, "");
        break;
      }
    }
    s.advance_by(30);
  }
}

}  // namespace

int run_bench(const AppOptions& o) {
  namespace fs = std::filesystem;
  std::string state = (fs::temp_directory_path() / "drillsim-gui-bench").string();
  std::error_code ec;
  fs::remove_all(state, ec);
  auto since = [&o] {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - o.started).count();
  };
  FontAtlas atlas;
  AppWindow app(o, atlas);
  double window_ms = since();
  Console console(atlas, [] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
  }, state, (fs::path(state) / "drills.db").string(), records::Durability::normal);
  console.set_ui_scale(app.scale());
  double library_ms = since();
  console.choose_scenario(o.scenario.empty() ? default_scenario_path() : o.scenario);
  double scenario_ms = since();
  app.build_fonts();
  double fonts_ms = since();
  app.render(console);
  app.display();
  glFinish();
  double first_ms = since();
  std::cout << fmt::format("startup: window {:.0f} ms, library scan +{:.0f}, scenario +{:.0f}, atlas and upload +{:.0f}, "
                           "first frame +{:.0f}\n",
                           window_ms, library_ms - window_ms, scenario_ms - library_ms, fonts_ms - scenario_ms,
                           first_ms - fonts_ms);
  double atlas_ms = atlas.build_ms();
  int glyphs = atlas.glyph_count();

  // The largest shipped platform.
  std::string largest;
  std::size_t most = 0;
  for (const ScenarioEntry& e : console.ui().library) {
    LoadResult r = load_scenario(e.path);
    if (r.ok() && r.model->platform.components.size() > most) {
      most = r.model->platform.components.size();
      largest = e.path;
    }
  }
  if (largest.empty() || !console.choose_scenario(largest) || !console.start_drill()) {
    std::cerr << "bench: no shipped scenario loads\n";
    return 1;
  }
  grow_journal(*console.session(), 5000);
  std::size_t lines = console.session()->drill().journal().size();
  for (int i = 0; i < 3; ++i) app.render(console);  // new glyphs: the atlas is rebuilt here, not measured

  double worst = 0;
  std::string worst_screen;
  for (Screen s : {Screen::situation, Screen::inbox, Screen::actions, Screen::plan, Screen::timeline,
                   Screen::facilitator, Screen::debrief}) {
    console.open_screen(s);
    for (int i = 0; i < 5; ++i) {
      app.render(console);
      app.display();
    }
    double total = 0, peak = 0;
    const int n = 40;
    for (int i = 0; i < n; ++i) {
      app.pump_events();
      double ms = app.render(console);
      app.display();
      total += ms;
      peak = std::max(peak, ms);
    }
    double mean = total / n;
    std::cout << fmt::format("frame_cpu_ms[{}]={:.3f} (peak {:.3f})\n", screen_name(s), mean, peak);
    if (mean > worst) worst = mean, worst_screen = screen_name(s);
  }
  std::cout << fmt::format("platform={} components={} journal_lines={}\n", fs::path(largest).filename().string(), most,
                           lines);
  std::cout << fmt::format("atlas_ms={:.1f} glyphs={} font={}\n", atlas_ms, glyphs, atlas.source().name);
  std::cout << fmt::format("first_frame_ms={:.1f}\n", first_ms);
  std::cout << fmt::format("frame_cpu_ms={:.3f} (slowest screen: {})\n", worst, worst_screen);
  fs::remove_all(state, ec);
  return 0;
}

}  // namespace drillsim::gui

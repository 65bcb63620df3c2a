// Headless scripts: parsing, and running them against a console in a window (run_script).
//
// Sections
//   parsing        lines to steps
//   Runner::run    one step: the same Console command a widget calls
//   run_script     the window, the steps, the glyph and string-key checks, report.txt
#include "gui/script.hpp"

#include <imgui.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "gui/app.hpp"
#include "gui/console.hpp"
#include "gui/font_atlas.hpp"
#include "gui/script_author.hpp"
#include "gui/strings.hpp"
#include "records/store.hpp"
#include "sim/load/loader.hpp"
#include "sim/world/responses.hpp"

namespace drillsim::gui {

std::string ScriptStep::rest(std::size_t i) const {
  std::size_t pos = 0;
  for (std::size_t w = 0; w < i && w < words.size(); ++w) {
    pos = text.find(words[w], pos);
    if (pos == std::string::npos) return {};
    pos += words[w].size();
  }
  std::size_t start = text.find_first_not_of(" \t", pos);
  return start == std::string::npos ? std::string() : text.substr(start);
}

bool parse_script(const std::string& path, std::vector<ScriptStep>& out, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = path + ": cannot open the script";
    return false;
  }
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    std::istringstream words(line);
    ScriptStep step;
    step.line = number;
    step.text = line;
    for (std::string w; words >> w;) step.words.push_back(w);
    if (!step.words.empty()) out.push_back(std::move(step));
  }
  return true;
}

namespace {

struct Runner {
  AppWindow& app;
  Console& console;
  std::string dir;
  std::int64_t& wall;
  std::string script;
  int screenshots = 0;
  int errors = 0;

  const Model* model() const { return console.model(); }
  void fail(const ScriptStep& s, const std::string& why) {
    std::cerr << script << ':' << s.line << ": " << why << '\n';
    ++errors;
  }
  void frames(int n) {
    for (int i = 0; i < n; ++i) {
      app.pump_events();
      app.render(console);
      app.display();
    }
  }
  Ix post(const ScriptStep& s, const std::string& id) {
    Ix p = model() ? model()->find_post(id) : no_ix;
    if (p == no_ix) fail(s, "no post '" + id + "'");
    return p;
  }
  bool time(const ScriptStep& s, const std::string& text, SimTime& t) {
    const Model* m = model();
    if (!m) return false;
    if (text.size() > 1 && text[0] == '+') {
      SimTime d = 0;
      if (!parse_duration(text.substr(1), d)) return fail(s, "bad duration '" + text + "'"), false;
      t = (console.session() ? console.session()->drill().now() : 0) + d;
      return true;
    }
    if (!parse_scenario_time(text, m->scenario, t)) return fail(s, "bad time '" + text + "'"), false;
    return true;
  }
  bool on(const std::string& w) { return w == "on" || w == "yes" || w == "true"; }

  void run(const ScriptStep& s);
};

void Runner::run(const ScriptStep& s) {
  const auto& w = s.words;
  const std::string& cmd = w[0];
  auto need = [&](std::size_t n) {
    if (w.size() < n + 1) {
      fail(s, cmd + " needs " + std::to_string(n) + " argument(s)");
      return false;
    }
    return true;
  };
  bool needs_drill = cmd == "post" || cmd == "submit" || cmd == "advance" || cmd == "next-event" ||
                     cmd == "run-to-end" || cmd == "wait" || cmd == "pause" || cmd == "resume" || cmd == "speed" ||
                     cmd == "inject" || cmd == "hold" || cmd == "release" || cmd == "evaluate" || cmd == "note" ||
                     cmd == "end" || cmd == "view";
  if (needs_drill && !console.session()) return fail(s, cmd + ": no drill is running (start first)");
  DrillSession* session = console.session();
  std::string author_error;
  if (run_author_step(console, s, dir, author_error)) {
    if (!author_error.empty()) fail(s, author_error);
    return;
  }
  if (cmd == "lang") {
    if (need(1)) console.set_lang(w[1] == "en" ? Lang::en : Lang::zh);
  } else if (cmd == "screen") {
    Screen sc;
    if (need(1) && !screen_from_name(w[1], sc)) return fail(s, "no screen '" + w[1] + "'");
    console.open_screen(sc);
    if (console.ui().screen != sc) fail(s, "screen '" + w[1] + "' is not available in this view");
  } else if (cmd == "view") {
    if (!need(1)) return;
    if (w[1] == "facilitator") console.set_view({true, no_ix});
    else if (w[1] == "trainees") console.set_view({false, no_ix});
    else if (w[1] == "post" && need(2)) {
      Ix p = post(s, w[2]);
      if (p != no_ix) console.set_view({false, p});
    } else fail(s, "view facilitator|trainees|post POST");
  } else if (cmd == "scenario") {
    if (need(1) && !console.choose_scenario(s.rest(1)))
      fail(s, "the scenario does not load: " + (console.load_problems().empty() ? "" : console.load_problems().front()));
  } else if (cmd == "mode") {
    if (!need(1)) return;
    console.draft().mode = w[1] == "timed" ? DrillMode::timed : DrillMode::tabletop;
    if (w.size() > 2) console.draft().speed = std::atof(w[2].c_str());
  } else if (cmd == "participants-clear") {
    console.draft().participants.clear();
  } else if (cmd == "participant") {
    if (!need(2)) return;
    Ix p = post(s, w[2]);
    if (p != no_ix) console.add_participant(w[1], p, w.size() > 3 && w[3] == "B" ? 1 : 0);
  } else if (cmd == "policy") {
    if (need(1)) console.draft().policy_plays_others = on(w[1]);
  } else if (cmd == "plan-visible") {
    if (!need(1)) return;
    console.draft().trainees_see_plan = on(w[1]);
    if (session) session->setup().trainees_see_plan = on(w[1]);
  } else if (cmd == "auto-advance") {
    if (need(1)) console.draft().auto_advance = on(w[1]);
  } else if (cmd == "start") {
    if (!console.start_drill()) fail(s, "the drill did not start: " + console.status());
  } else if (cmd == "post") {
    if (!need(1)) return;
    Ix p = post(s, w[1]);
    console.select_post(p);
    if (console.ui().actions_post != p) fail(s, "post '" + w[1] + "' is not one this view acts for");
  } else if (cmd == "submit") {
    if (!need(2)) return;
    const Model& m = *model();
    Ix p = post(s, w[1]);
    Ix a = m.find_action(w[2]);
    if (a == no_ix) return fail(s, "no action '" + w[2] + "'");
    std::string target_id, note;
    for (std::size_t i = 3; i < w.size(); ++i) {
      if (w[i].rfind("target=", 0) == 0) target_id = w[i].substr(7);
      if (w[i].rfind("note=", 0) == 0) {
        note = s.rest(i).substr(5);
        break;
      }
    }
    Ix target = no_ix;
    switch (m.catalog.actions[a].target) {
      case ActionDef::Target::component: target = m.find_component(target_id); break;
      case ActionDef::Target::post: target = m.find_post(target_id); break;
      case ActionDef::Target::party: target = m.find_party(target_id); break;
      case ActionDef::Target::level: target = m.find_level(target_id); break;
      default: break;
    }
    console.select_post(p);
    SubmitResult r = console.submit_action(p, a, target, target_id, note);
    std::cout << "submit " << w[1] << ' ' << w[2] << ": " << (r.accepted ? "accepted" : "refused " + r.reason_code) << '\n';
  } else if (cmd == "advance") {
    SimTime t = 0;
    if (need(1) && time(s, w[1], t)) console.advance_to(t);
  } else if (cmd == "next-event") {
    console.next_event();
  } else if (cmd == "run-to-end") {
    console.advance_to(session->drill().end_time());
  } else if (cmd == "wait") {
    SimTime d = 0;
    if (!need(1) || !parse_duration(w[1], d)) return fail(s, "wait DURATION");
    for (SimTime k = 0; k < d; ++k) {  // one frame per wall second, as a window would see it
      wall += 1000;
      if (k % 5 == 4 || k + 1 == d) frames(1);
    }
  } else if (cmd == "pause") {
    console.pause();
  } else if (cmd == "resume") {
    console.resume();
  } else if (cmd == "speed") {
    if (need(1)) console.set_speed(std::atof(w[1].c_str()));
  } else if (cmd == "inject") {
    if (!need(2)) return;
    const Model& m = *model();
    Inject inj;
    inj.at = session->drill().now();
    if (w[1] == "message" && need(3)) {
      inj.kind = Inject::Kind::message;
      inj.ref = post(s, w[2]);
      std::string text = s.rest(3);
      inj.text = Text{text, text};
      inj.from = Text{console.facilitator_name(), console.facilitator_name()};
    } else if (w[1] == "fault" && need(3)) {
      inj.kind = Inject::Kind::fault;
      inj.component = m.find_component(w[2]);
      inj.ref = m.find_fault_type(w[3]);
      if (inj.component == no_ix || inj.ref == no_ix) return fail(s, "no such component or fault type");
    } else {
      return fail(s, "inject message POST TEXT | inject fault COMPONENT TYPE");
    }
    std::string why;
    if (!console.add_live_inject(std::move(inj), &why)) fail(s, "inject refused: " + why);
  } else if (cmd == "hold" || cmd == "release") {
    if (!need(1)) return;
    const auto& injects = session->drill().injects();
    Ix i = no_ix;
    for (Ix k = 0; k < injects.size(); ++k)
      if (injects[k].id == w[1]) i = k;
    if (i == no_ix) return fail(s, "no inject '" + w[1] + "'");
    bool ok = cmd == "hold" ? console.hold_inject(i) : console.release_inject(i);
    if (!ok) fail(s, cmd + " refused for '" + w[1] + "'");
  } else if (cmd == "evaluate") {
    if (need(3) && !console.evaluate(tr("role.evaluator"), w[1], w[2], s.rest(3))) fail(s, "evaluation refused");
  } else if (cmd == "note") {
    if (need(1)) console.add_note({}, s.rest(1));
  } else if (cmd == "end") {
    console.end_drill();
  } else if (cmd == "truth") {
    if (need(1)) console.ui().show_truth = on(w[1]);
  } else if (cmd == "zoom") {
    if (need(1)) console.ui().zoom = w[1] == "fit" ? 0 : static_cast<float>(std::atof(w[1].c_str()) / 100.0);
  } else if (cmd == "procedure") {
    if (need(1)) console.ui().plan_procedure = static_cast<Ix>(std::atoi(w[1].c_str()));
  } else if (cmd == "timeline-post") {
    if (need(1)) console.ui().timeline_post = w[1] == "all" ? no_ix : post(s, w[1]);
  } else if (cmd == "debrief-tab") {
    if (!need(1)) return;
    int found = -1;
    for (int i = 0; i < static_cast<int>(std::size(debrief_tabs)); ++i)
      if (w[1] == debrief_tabs[i]) found = i;
    if (found < 0) return fail(s, "no debrief tab '" + w[1] + "'");
    console.ui().debrief_tab = found;
  } else if (cmd == "improvement") {
    if (!need(2)) return;
    records::Store* store = console.autosave().store();
    std::vector<records::StoredImprovement> items;
    if (store && console.autosave().drill_id() > 0) items = store->improvements(console.autosave().drill_id());
    const std::size_t n = static_cast<std::size_t>(std::atoi(w[1].c_str()));
    if (n < 1 || n > items.size()) return fail(s, "no improvement item " + w[1] + " (the drill has " + std::to_string(items.size()) + ")");
    std::string why;
    if (!console.set_improvement_status(items[n - 1].id, w[2], &why)) fail(s, "improvement: " + why);
  } else if (cmd == "export") {
    std::string why;
    if (!need(1)) return;
    std::filesystem::path target = s.rest(1);
    if (target.is_relative()) target = std::filesystem::path(dir) / target;  // beside the screenshots
    if (!console.export_report(target.string(), &why)) fail(s, "export failed: " + why);
    else std::cout << "report " << target.string() << '\n';
  } else if (cmd == "crash") {
    std::cout << "crash: exiting without any cleanup" << std::endl;
    std::_Exit(0);  // as a killed process would: nothing flushed or closed beyond what was written
  } else if (cmd == "resume-saved") {
    if (!console.saved()) return fail(s, "no unfinished drill to resume");
    if (!console.resume_saved()) fail(s, "resume failed: " + console.status());
  } else if (cmd == "expect-clock") {
    SimTime t = 0;
    if (!need(1) || !console.session() || !time(s, w[1], t)) return fail(s, "expect-clock TIME (with a drill)");
    if (console.session()->drill().now() != t)
      fail(s, "the clock is at " + std::to_string(console.session()->drill().now()) + " s, not " + std::to_string(t));
  } else if (cmd == "expect-journal-at-least") {
    if (!need(1) || !console.session()) return fail(s, "expect-journal-at-least N (with a drill)");
    if (console.session()->drill().journal().size() < std::stoul(w[1]))
      fail(s, "the journal has " + std::to_string(console.session()->drill().journal().size()) + " lines");
  } else if (cmd == "screenshot") {
    if (!need(1)) return;
    frames(3);  // let windows, tables and scrolling settle
    std::string path = (std::filesystem::path(dir) / (w[1] + ".png")).string();
    if (!app.save_screenshot(path)) return fail(s, "cannot save " + path);
    ++screenshots;
    std::cout << "screenshot " << path << '\n';
  } else {
    fail(s, "unknown step '" + cmd + "'");
  }
}

}  // namespace

int run_script(const AppOptions& o) {
  std::cout.setf(std::ios::unitbuf);  // every line reaches the log, whatever happens to the process
  std::vector<ScriptStep> steps;
  std::string error;
  if (!parse_script(o.script, steps, error)) {
    std::cerr << error << '\n';
    return 2;
  }
  std::string dir = o.screenshots.empty() ? "." : o.screenshots;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  // A script never touches the facilitator's autosave: its own folder, cleared first (unless named:
  // a second script may resume what a first one left).
  std::string state = o.state_dir.empty() ? (std::filesystem::path(dir) / "state").string() : o.state_dir;
  if (o.state_dir.empty()) std::filesystem::remove_all(state, ec);

  FontAtlas atlas;
  AppWindow app(o, atlas);
  std::int64_t wall = 0;
  // Its own record store too (a batch run: no fsync per entry).
  Console console(atlas, [&wall] { return wall; }, state,
                  o.store.empty() ? (std::filesystem::path(state) / "drills.db").string() : o.store,
                  records::Durability::normal);
  console.set_ui_scale(app.scale());
  console.collect_shown_text(true);
  console.choose_scenario(o.scenario.empty() ? default_scenario_path() : o.scenario);
  app.build_fonts();
  Runner runner{app, console, dir, wall, o.script};
  runner.frames(2);
  for (const ScriptStep& s : steps) {
    runner.run(s);
    runner.frames(1);
  }
  runner.frames(1);
  // Every glyph of the text the console used must be in the atlas; every string key must exist.
  std::vector<std::uint32_t> missing = atlas.missing(console.used_text());
  std::vector<std::string> keys = strings().missing_asked();
  std::vector<std::string> unmatched = strings().unmatched_keys();
  {
    std::ofstream report(std::filesystem::path(dir) / "report.txt");
    report << "screenshots=" << runner.screenshots << "\nglyphs_missing=" << missing.size() << '\n';
    for (std::uint32_t c : missing) report << fmt::format("missing_glyph=U+{:04X}\n", c);
    for (const auto& k : keys) report << "missing_key=" << k << '\n';
    for (const auto& k : unmatched) report << "unmatched_key=" << k << '\n';
    report << "glyphs=" << atlas.glyph_count() << "\natlas_ms=" << atlas.build_ms() << '\n';
  }
  std::cout << "screenshots=" << runner.screenshots << " glyphs_missing=" << missing.size()
            << " keys_missing=" << keys.size() + unmatched.size() << " errors=" << runner.errors << '\n';
  for (std::uint32_t c : missing) std::cerr << fmt::format("missing glyph U+{:04X}\n", c);
  for (const auto& k : keys) std::cerr << "missing string key: " << k << '\n';
  for (const auto& k : unmatched) std::cerr << "string key in one table only: " << k << '\n';
  return runner.errors == 0 && missing.empty() && keys.empty() && unmatched.empty() ? 0 : 1;
}

}  // namespace drillsim::gui

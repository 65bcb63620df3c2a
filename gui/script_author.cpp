// Author script steps: the editor driven as a user would (new scenario, fields, picks, validation,
// saving, try it, CSV, plan versions), for the headless tests.
#include "gui/script_author.hpp"

#include <filesystem>
#include <iostream>

#include "gui/console.hpp"
#include "gui/doc_edit.hpp"
#include "gui/editor_picks.hpp"
#include "gui/editor_state.hpp"
#include "gui/strings.hpp"
#include "scoring/score_text.hpp"
#include "sim/world/names.hpp"

namespace drillsim::gui {
namespace {

namespace fs = std::filesystem;
using authoring::DocNode;

DocKind kind_of_path(const std::string& path) { return path.rfind("plan", 0) == 0 ? DocKind::plan : DocKind::scenario; }

std::string beside(const std::string& dir, const std::string& file) {
  fs::path p = file;
  return p.is_relative() ? (fs::path(dir) / p).string() : p.string();
}

// The picks the MSEL form offers for a column of the selected row.
Picks row_picks(Editor& ed, const authoring::MselRow& r, const std::string& column) {
  const Model* m = ed.doc(DocKind::scenario).model.get();
  Picks out;
  if (column == "objective") {
    if (const DocNode* list = node_at(ed.doc(DocKind::scenario).doc.root, "scenario.objectives"))
      for (const auto& o : list->items) out.push_back({o.get("id"), o.get("id")});
    return out;
  }
  if (!m) return out;
  if (column == "target") return picks_of(*m, target_pick(r.kind));
  if (column == "detail") return picks_of(*m, detail_pick(r.kind));
  return out;
}

// Whether an id is one the editor offers anywhere (posts, components, actions, procedures ...).
bool offered(const Model& m, const std::string& id) {
  for (PickKind k : {PickKind::component, PickKind::post, PickKind::person, PickKind::fault_type, PickKind::fact,
                     PickKind::action, PickKind::procedure, PickKind::level})
    if (pick_index(picks_of(m, k), id) >= 0) return true;
  return false;
}

}  // namespace

bool run_author_step(Console& c, const ScriptStep& s, const std::string& dir, std::string& error) {
  const auto& w = s.words;
  const std::string& cmd = w[0];
  bool ours = cmd == "library" || cmd.rfind("author", 0) == 0 || cmd.rfind("msel-", 0) == 0 || cmd.rfind("plan-", 0) == 0;
  if (!ours || cmd == "plan-visible") return false;
  Editor& ed = c.editor();
  EditorUi& ui = ed.ui();
  auto need = [&](std::size_t n) {
    if (w.size() >= n + 1) return true;
    error = cmd + " needs " + std::to_string(n) + " argument(s)";
    return false;
  };
  auto need_scenario = [&] {
    if (ed.doc(DocKind::scenario).open()) return true;
    error = cmd + ": no scenario is open (author-open or author-new first)";
    return false;
  };
  auto selected_row = [&]() -> std::size_t {
    if (ui.msel_row >= ed.rows().size()) error = cmd + ": no MSEL row selected";
    return ui.msel_row;
  };

  if (cmd == "library") {
    if (need(1)) c.scan_library(beside(dir, s.rest(1)));
  } else if (cmd == "author") {
    c.open_screen(Screen::author);
  } else if (cmd == "author-open") {
    DocKind k;
    if (need(1) && !ed.open(beside(dir, s.rest(1)), error, &k)) return true;
    c.open_screen(k == DocKind::scenario ? Screen::author_scenario : Screen::author_plan);
  } else if (cmd == "author-new") {
    if (!need(2)) return true;
    ui.fresh.plan_path = beside(dir, w[1]);
    ui.fresh.file_name = w[2];
    ui.fresh.id = fs::path(w[2]).stem().string();
    if (!ed.new_scenario(ui.fresh, error)) return true;
    c.open_screen(Screen::author_scenario);
  } else if (cmd == "author-set") {
    if (!need(2)) return true;
    if (!ed.set_text(kind_of_path(w[1]), w[1], s.rest(2))) error = "cannot set " + w[1];
  } else if (cmd == "author-ids") {
    if (!need(1)) return true;
    DocKind k = kind_of_path(w[1]);
    const auto& model = ed.doc(k).model;
    std::vector<std::string> ids(w.begin() + 2, w.end());
    for (const auto& id : ids)
      if (!model || !offered(*model, id)) return error = "'" + id + "' is not offered by the model", true;
    ed.set_node(k, w[1], id_list(ids), last_part(w[1]));
  } else if (cmd == "author-tab") {
    if (!need(1)) return true;
    for (int t = 0; t < static_cast<int>(std::size(scenario_tabs)); ++t)
      if (w[1] == scenario_tabs[t]) ui.tab = t;
    if (ui.tab < 0) error = "no tab '" + w[1] + "'";
    c.open_screen(Screen::author_scenario);
  } else if (cmd == "author-validate") {
    DocKind k = w.size() > 2 && w[2] == "plan" ? DocKind::plan : DocKind::scenario;
    ed.validate_now(k);
    std::size_t want = w.size() > 1 ? std::stoul(w[1]) : 0;
    const auto& problems = ed.doc(k).problems;
    std::cout << "validate: " << problems.size() << " problem(s)\n";
    for (const auto& p : problems) std::cout << "  " << p.str() << "  [" << p.path << "]\n";
    if (problems.size() != want) error = "expected " + std::to_string(want) + " problem(s), found " + std::to_string(problems.size());
  } else if (cmd == "author-problem") {
    if (!need(1)) return true;
    DocKind k = w.size() > 2 && w[2] == "plan" ? DocKind::plan : DocKind::scenario;
    std::size_t n = std::stoul(w[1]);
    const auto& problems = ed.doc(k).problems;
    if (n == 0 || n > problems.size()) return error = "no problem " + w[1], true;
    ed.go_to(k, problems[n - 1]);
  } else if (cmd == "author-save") {
    if (!need_scenario()) return true;
    authoring::SaveResult r = ed.save(DocKind::scenario);
    c.set_status(r.ok ? trf("author.saved", r.path) : trf("author.save_failed", r.error), r.ok);
    if (!r.ok) error = "save failed: " + r.error + (r.problems.empty() ? "" : " " + r.problems.front().str());
    else std::cout << "saved " << r.path << '\n';
  } else if (cmd == "author-undo" || cmd == "author-redo") {
    DocKind k = w.size() > 1 && w[1] == "plan" ? DocKind::plan : DocKind::scenario;
    bool ok = cmd == "author-undo" ? ed.undo(k) : ed.redo(k);
    if (!ok) error = cmd + ": nothing to take back or redo";
  } else if (cmd == "author-try") {
    if (!need_scenario()) return true;
    if (!ed.try_it()) return error = "try failed: " + (ed.tried() ? ed.tried()->error : std::string()), true;
    const authoring::TryResult& r = *ed.tried();
    std::cout << "try: rating " << r.sheet.overall_rating << " " << scoring::percent_text(r.sheet.overall) << ", "
              << r.journal.size() << " journal lines\n";
    for (const auto& b : r.sheet.business)
      std::cout << "  business " << r.model->scenario.calendar[b.event].id << ": " << business_state_name(b.state) << '\n';
    ui.tab = static_cast<int>(ScenarioTab::try_it);
  } else if (cmd == "msel-add") {
    if (need_scenario()) ed.add_row(w.size() > 1 ? w[1] : "message");
    ui.tab = static_cast<int>(ScenarioTab::msel);
  } else if (cmd == "msel-select") {
    if (!need(1) || !need_scenario()) return true;
    const auto& rows = ed.rows();
    ui.msel_row = static_cast<std::size_t>(-1);
    for (std::size_t i = 0; i < rows.size(); ++i)
      if (rows[i].id == w[1] || std::to_string(i + 1) == w[1]) ui.msel_row = i;
    if (ui.msel_row >= rows.size()) error = "no MSEL row '" + w[1] + "'";
  } else if (cmd == "msel-set") {
    if (!need(2) || !need_scenario()) return true;
    std::size_t i = selected_row();
    if (error.empty() && !ed.set_row_field(i, w[1], s.rest(2))) error = "no MSEL column '" + w[1] + "'";
  } else if (cmd == "msel-pick") {
    if (!need(2) || !need_scenario()) return true;
    std::size_t i = selected_row();
    if (!error.empty()) return true;
    Picks picks = row_picks(ed, ed.rows()[i], w[1]);
    if (pick_index(picks, w[2]) < 0) return error = "'" + w[2] + "' is not among the " + w[1] + " choices", true;
    ed.set_row_field(i, w[1], w[2]);
  } else if (cmd == "msel-when") {
    if (!need(1) || !need_scenario()) return true;
    std::size_t i = selected_row();
    if (!error.empty()) return true;
    int k = -1;
    for (int t = 0; t < static_cast<int>(std::size(when_template_names)); ++t)
      if (w[1] == when_template_names[t]) k = t;
    if (k < 0) return error = "no template '" + w[1] + "'", true;
    std::string id = k == 1 ? "" : (w.size() > 2 ? w[2] : "");
    std::string time = k == 1 ? (w.size() > 2 ? w[2] : "10:00") : (w.size() > 3 ? w[3] : ui.template_time);
    ed.set_row_field(i, "when", when_template(k, id, time));
  } else if (cmd == "msel-duplicate") {
    std::size_t i = selected_row();
    if (error.empty()) ed.duplicate_row(i);
  } else if (cmd == "msel-delete") {
    std::size_t i = selected_row();
    if (error.empty()) ed.delete_row(i);
  } else if (cmd == "msel-move") {
    std::size_t i = selected_row();
    if (error.empty() && need(1) && !ed.move_row(i, w[1] == "up" ? -1 : 1)) error = "cannot move";
  } else if (cmd == "msel-filter") {
    ui.msel_filter = s.rest(1);
  } else if (cmd == "msel-kind") {
    ui.msel_kind_filter = 0;
    for (std::size_t k = 0; k < inject_kinds().size(); ++k)
      if (w.size() > 1 && inject_kinds()[k] == w[1]) ui.msel_kind_filter = static_cast<int>(k) + 1;
  } else if (cmd == "msel-export") {
    if (!need(1) || !need_scenario()) return true;
    ui.csv_path = beside(dir, s.rest(1));
    if (!ed.export_csv(ui.csv_path, error)) return true;
    std::cout << "exported " << ui.csv_path << '\n';
  } else if (cmd == "msel-import") {
    if (!need(1) || !need_scenario()) return true;
    ui.csv_path = beside(dir, s.rest(1));
    if (!ed.import_csv(ui.csv_path)) {
      error = "import refused: " + (ui.csv_problems.empty() ? std::string() : ui.csv_problems.front());
      return true;
    }
  } else if (cmd == "plan-select") {
    if (!need(1)) return true;
    const DocNode* procs = node_at(ed.doc(DocKind::plan).doc.root, "plan.procedures");
    if (!procs) return error = "no plan is open", true;
    for (std::size_t i = 0; i < procs->items.size(); ++i) {
      if (procs->items[i].get("id") != w[1]) continue;
      ui.procedure = i;
      ui.step = static_cast<std::size_t>(-1);
      ui.section = PlanSection::procedure;
      ui.reveal = true;
      if (w.size() > 2)
        if (const DocNode* steps = procs->items[i].find("steps"))
          for (std::size_t st = 0; st < steps->items.size(); ++st)
            if (steps->items[st].get("id") == w[2]) {
              ui.step = st;
              ui.section = PlanSection::step;
            }
      c.open_screen(Screen::author_plan);
      return true;
    }
    error = "no procedure '" + w[1] + "'";
  } else if (cmd == "plan-set") {
    if (!need(2)) return true;
    std::string at = "plan.procedures[" + std::to_string(ui.procedure) + "]";
    if (ui.section == PlanSection::step) at += ".steps[" + std::to_string(ui.step) + "]";
    if (!ed.set_text(DocKind::plan, at + "." + w[1], s.rest(2))) error = "cannot set " + w[1];
  } else if (cmd == "plan-section") {
    if (!need(1)) return true;
    if (w[1] == "levels") ui.section = PlanSection::levels;
    else if (w[1] == "grading") ui.section = PlanSection::grading;
    else if (w[1] == "rules") ui.section = PlanSection::rules;
    else ui.section = PlanSection::fields;
  } else if (cmd == "plan-save-version") {
    authoring::SaveResult r = ed.save_plan_version(w.size() > 1 ? s.rest(1) : std::string());
    c.set_status(r.ok ? trf("author.saved_version", r.path) : trf("author.save_failed", r.error), r.ok);
    if (!r.ok) error = "save failed: " + r.error;
    else std::cout << "saved " << r.path << '\n';
  } else {
    error = "unknown step '" + cmd + "'";
  }
  ed.flush();
  ui.drop_active = true;  // as a click elsewhere would: no text field keeps its old text
  return true;
}

}  // namespace drillsim::gui

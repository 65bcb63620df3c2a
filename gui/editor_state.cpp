// The author screens' commands: opening and making documents, edits with undo, debounced
// validation, saving (atomic; a plan as a new version), and taking a clicked problem to its field.
#include "gui/editor_state.hpp"

#include <filesystem>

#include "gui/doc_edit.hpp"
#include "gui/strings.hpp"
#include "sim/load/loader.hpp"

namespace drillsim::gui {

namespace fs = std::filesystem;
using authoring::DocNode;

namespace {
constexpr std::int64_t debounce_ms = 350;
}

Editor::Editor(std::function<void(std::string_view)> want, std::function<std::int64_t()> wall_ms)
    : want_(std::move(want)), wall_ms_(std::move(wall_ms)) {}

// ---------------------------------------------------------------- documents

bool Editor::open(const std::string& path, std::string& error, DocKind* opened_kind) {
  authoring::Document d;
  Diagnostics problems;
  if (!authoring::read_document(path, d, problems)) {
    error = problems.empty() ? path + ": cannot be read" : problems.front().str();
    return false;
  }
  std::string kind = d.kind();
  if (kind != "scenario" && kind != "plan") {
    error = path + ": " + trf("author.not_editable", kind);
    return false;
  }
  DocKind k = kind == "scenario" ? DocKind::scenario : DocKind::plan;
  doc(k) = EditedDoc{};
  doc(k).doc = std::move(d);
  opened(k);
  if (opened_kind) *opened_kind = k;
  return true;
}

bool Editor::new_scenario(const NewScenario& f, std::string& error) {
  if (f.plan_path.empty() || !fs::exists(f.plan_path)) {
    error = trf("author.no_plan", f.plan_path);
    return false;
  }
  std::string file = f.file_name;
  if (file.empty() || file.find('/') != std::string::npos) {
    error = tr("author.bad_file_name");
    return false;
  }
  if (fs::path(file).extension() != ".yaml") file += ".yaml";
  fs::path folder = fs::path(f.plan_path).parent_path() / "scenarios";
  fs::path target = folder / file;
  if (fs::exists(target)) {
    error = trf("author.file_exists", target.string());
    return false;
  }
  std::error_code ec;
  fs::create_directories(folder, ec);
  authoring::Document d;
  d.path = target.string();
  d.header = "# " + (f.name_zh.empty() ? f.id : f.name_zh) + "\n# Written in the drillsim console (编写).\n";
  DocNode s = DocNode::map();
  s.set("id", DocNode::text(f.id.empty() ? fs::path(file).stem().string() : f.id));
  DocNode name = DocNode::map(true);
  name.set("zh", DocNode::text(f.name_zh));
  name.set("en", DocNode::text(f.name_en));
  s.set("name", std::move(name));
  s.set("plan", DocNode::text(fs::relative(f.plan_path, folder, ec).generic_string()));
  s.set("start", DocNode::text(f.start, true));
  s.set("end_after", DocNode::text(f.end_after));
  s.set("seed", DocNode::text(f.seed));
  s.set("trainees", DocNode::list(true));
  s.set("calendar", DocNode::list());
  s.set("injects", DocNode::list());
  s.set("objectives", DocNode::list());
  d.root = DocNode::map();
  d.root.set("scenario", std::move(s));
  scenario_ = EditedDoc{};
  scenario_.doc = std::move(d);
  opened(DocKind::scenario);
  return true;
}

void Editor::close(DocKind k) { doc(k) = EditedDoc{}; }

void Editor::opened(DocKind k) {
  EditedDoc& e = doc(k);
  ui_.drop_active = true;
  e.history.reset(e.doc.root);
  e.revision = 1;
  want_(e.doc.path);
  want_(authoring::emit(e.doc).text);
  if (k == DocKind::scenario) {
    ui_.msel_row = static_cast<std::size_t>(-1);
    ui_.calendar_row = ui_.objective_row = 0;
    tried_ = authoring::TryResult{};
    fs::path csv = fs::path(e.doc.path);
    ui_.csv_path = csv.replace_extension(".msel.csv").string();
  } else {
    ui_.procedure = 0;
    ui_.step = static_cast<std::size_t>(-1);
    ui_.section = PlanSection::procedure;
    ui_.saved_as.clear();
  }
  validate_now(k);
  if (!e.model && k == DocKind::scenario) {  // picks from the plan while the scenario has problems
    std::string plan = e.doc.body() ? e.doc.body()->get("plan") : std::string();
    if (!plan.empty()) {
      LoadResult r = load_plan((fs::path(e.doc.path).parent_path() / plan).string());
      e.model = r.model;
    }
  }
}

// ---------------------------------------------------------------- edits

void Editor::changed(DocKind k) {
  EditedDoc& e = doc(k);
  ++e.revision;
  e.validate_at_ms = wall_ms_() + debounce_ms;
}

void Editor::record(DocKind k, const std::string& label) {
  EditedDoc& e = doc(k);
  e.history.record(e.doc.root, label);
  want_(label);
}

bool Editor::set_text(DocKind k, const std::string& path, const std::string& value, bool quoted) {
  DocNode* n = ensure_at(doc(k).doc.root, path);
  if (!n) return false;
  if (n->is_scalar() && n->value == value) return true;
  *n = DocNode::text(value, quoted || n->quoted);
  want_(value);
  changed(k);
  record(k, last_part(path));
  return true;
}

bool Editor::set_node(DocKind k, const std::string& path, DocNode value, const std::string& label) {
  DocNode* n = ensure_at(doc(k).doc.root, path);
  if (!n) return false;
  *n = std::move(value);
  changed(k);
  record(k, label);
  return true;
}

bool Editor::erase(DocKind k, const std::string& path, const std::string& label) {
  if (!erase_at(doc(k).doc.root, path)) return false;
  changed(k);
  record(k, label);
  return true;
}

bool Editor::move_item(DocKind k, const std::string& list_path, std::size_t i, int delta, const std::string& label) {
  std::size_t j = i + static_cast<std::size_t>(static_cast<long>(delta));
  if (!swap_items(doc(k).doc.root, list_path, i, j)) return false;
  changed(k);
  record(k, label);
  return true;
}

bool Editor::undo(DocKind k) {
  EditedDoc& e = doc(k);
  if (!e.history.undo(e.doc.root)) return false;
  ui_.drop_active = true;
  changed(k);
  validate_now(k);
  return true;
}

bool Editor::redo(DocKind k) {
  EditedDoc& e = doc(k);
  if (!e.history.redo(e.doc.root)) return false;
  ui_.drop_active = true;
  changed(k);
  validate_now(k);
  return true;
}

// ---------------------------------------------------------------- validation and saving

void Editor::validate_now(DocKind k) {
  EditedDoc& e = doc(k);
  if (!e.open()) return;
  std::vector<const authoring::Document*> unsaved;
  if (k == DocKind::scenario && plan_.open() && plan_.history.dirty()) unsaved.push_back(&plan_.doc);
  authoring::Validation v = authoring::validate(e.doc, unsaved);
  e.problems = std::move(v.problems);
  e.validated = true;
  e.validate_at_ms = -1;
  for (const auto& p : e.problems) want_(p.str());
  if (v.model && v.model != e.model) {
    e.model = v.model;
    want_(authoring::emit(e.doc).text);
  }
}

void Editor::tick() {
  std::int64_t now = wall_ms_();
  for (DocKind k : {DocKind::scenario, DocKind::plan})
    if (doc(k).validate_at_ms >= 0 && now >= doc(k).validate_at_ms) validate_now(k);
}

void Editor::flush() {
  for (DocKind k : {DocKind::scenario, DocKind::plan})
    if (doc(k).validate_at_ms >= 0) validate_now(k);
}

authoring::SaveResult Editor::save(DocKind k) {
  EditedDoc& e = doc(k);
  validate_now(k);
  authoring::SaveResult r;
  if (!e.problems.empty()) {
    r.problems = e.problems;
    r.error = tr("author.save_refused");
    return r;
  }
  r = authoring::save_document(e.doc);
  if (r.ok) e.history.mark_saved();
  want_(r.path + r.error);
  return r;
}

authoring::SaveResult Editor::save_plan_version(const std::string& version) {
  validate_now(DocKind::plan);
  authoring::SaveResult r;
  if (!plan_.problems.empty()) {
    r.problems = plan_.problems;
    r.error = tr("author.save_refused");
    return r;
  }
  r = authoring::save_new_version(plan_.doc, version);
  if (r.ok) {
    plan_.history.mark_saved();
    ui_.saved_as = r.path;
    changed(DocKind::plan);
    record(DocKind::plan, "version");
    plan_.history.mark_saved();
  }
  want_(r.path + r.error);
  return r;
}

// ---------------------------------------------------------------- problems and focus

void Editor::go_to(DocKind k, const authoring::Problem& p) {
  ui_.focus_path = p.path;
  ui_.focus_loose = false;
  ui_.focus_claimed = false;
  if (p.path.empty()) return;
  if (k == DocKind::scenario) {
    if (std::size_t i = index_under(p.path, "scenario.injects"); i != no_index) {
      ui_.tab = static_cast<int>(ScenarioTab::msel);
      ui_.msel_row = i;
      ui_.msel_filter.clear();
      ui_.msel_kind_filter = 0;
    } else if (std::size_t c = index_under(p.path, "scenario.calendar"); c != no_index) {
      ui_.tab = static_cast<int>(ScenarioTab::calendar);
      ui_.calendar_row = c;
    } else if (std::size_t o = index_under(p.path, "scenario.objectives"); o != no_index) {
      ui_.tab = static_cast<int>(ScenarioTab::objectives);
      ui_.objective_row = o;
    } else if (path_within(p.path, "scenario")) {
      ui_.tab = static_cast<int>(ScenarioTab::header);
    }
    return;
  }
  if (std::size_t i = index_under(p.path, "plan.procedures"); i != no_index) {
    ui_.procedure = i;
    ui_.reveal = true;
    std::string proc = "plan.procedures[" + std::to_string(i) + "].steps";
    std::size_t s = index_under(p.path, proc);
    ui_.step = s;
    ui_.section = s == no_index ? PlanSection::procedure : PlanSection::step;
  } else if (path_within(p.path, "plan.levels")) {
    ui_.section = PlanSection::levels;
  } else if (path_within(p.path, "plan.grading") || path_within(p.path, "plan.reporting")) {
    ui_.section = PlanSection::grading;
  } else if (path_within(p.path, "plan.rules")) {
    ui_.section = PlanSection::rules;
  } else {
    ui_.section = PlanSection::fields;
  }
}

bool Editor::wants_focus(const std::string& path) {
  if (ui_.focus_path.empty() || ui_.focus_claimed) return false;
  bool hit = ui_.focus_loose ? path_within(path, ui_.focus_path) : path == ui_.focus_path;
  if (hit) ui_.focus_claimed = true;
  return hit;
}

void Editor::end_frame() {
  if (ui_.focus_path.empty()) return;
  if (ui_.focus_claimed) {
    ui_.focus_path.clear();
    ui_.focus_claimed = false;
    return;
  }
  if (!ui_.focus_loose) ui_.focus_loose = true;  // next frame: any field under it
  else ui_.focus_path = authoring::parent_path(ui_.focus_path);
}

bool Editor::has_problem(DocKind k, const std::string& path) const {
  for (const auto& p : doc(k).problems)
    if (!p.path.empty() && path_within(p.path, path)) return true;
  return false;
}

}  // namespace drillsim::gui

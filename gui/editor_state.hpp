// The authoring screens' state and commands: the open scenario and plan documents, their undo
// history and last validation, the MSEL rows, "Try it", and where a clicked problem sends the focus.
// Widgets and script steps call the same commands, so a script drives the editor as a user would.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "authoring/document.hpp"
#include "authoring/history.hpp"
#include "authoring/msel.hpp"
#include "authoring/saving.hpp"
#include "authoring/try_run.hpp"
#include "authoring/validation.hpp"

namespace drillsim::gui {

enum class DocKind { scenario, plan };

struct EditedDoc {
  authoring::Document doc;
  authoring::History history{500};
  std::vector<authoring::Problem> problems;  // of the last validation
  bool validated = false;
  std::shared_ptr<const Model> model;        // the last good model: picks and "Try it"
  std::uint64_t revision = 0;                // bumps on every change (caches key on it)
  std::int64_t validate_at_ms = -1;          // a validation due (debounced), -1: none
  bool open() const { return !doc.path.empty(); }
  bool good() const { return validated && problems.empty(); }
};

// The fields of a new scenario (the template's blanks).
struct NewScenario {
  std::string plan_path;  // the plan it drills
  std::string file_name;  // in the plan's scenarios/ folder
  std::string id, name_zh, name_en;
  std::string start = "2026-06-10 08:30";
  std::string end_after = "8h";
  std::string seed = "1";
};

// The scenario editor's tabs, in order (scripts name them).
constexpr const char* scenario_tabs[] = {"header", "calendar", "objectives", "msel", "try", "fields"};
enum class ScenarioTab { header, calendar, objectives, msel, try_it, fields };
// The plan editor's sections.
enum class PlanSection { procedure, step, levels, grading, rules, fields };

// Choices the author screens keep between frames.
struct EditorUi {
  NewScenario fresh;
  int fresh_plan = -1;  // index into the library's plans
  std::string open_path;
  // scenario editor
  int tab = -1;  // a tab to bring forward once
  std::size_t calendar_row = 0, objective_row = 0;
  std::size_t msel_row = static_cast<std::size_t>(-1);  // document order
  std::string msel_filter;
  int msel_kind_filter = 0;  // 0: all, else inject_kinds()[k - 1]
  std::vector<std::size_t> msel_order;  // the rows shown, in display order
  int template_kind = 0, template_action = 0, template_component = 0;
  std::string template_time = "10:20";
  std::string csv_path;
  std::vector<std::string> csv_problems;
  std::string csv_result;
  bool csv_ok = true;
  // plan editor
  std::size_t procedure = 0, step = static_cast<std::size_t>(-1);
  PlanSection section = PlanSection::procedure;
  bool reveal = false;  // scroll the outline to the selection once (a clicked problem, a script)
  std::string new_version;
  std::string saved_as;  // the path of the last new version
  // the field to focus (a clicked problem), narrowing to its nearest drawn ancestor
  std::string focus_path;
  bool focus_loose = false;
  bool focus_claimed = false;
  std::string new_key;  // generic field editor: the key of a field to add
  // The document changed under the widgets (undo, redo, import, a script step): a text field being
  // typed in lets go, or it would write its old text back.
  bool drop_active = false;
};

class Editor {
 public:
  // want: text that will be shown (for the glyph atlas); wall_ms: the console's clock.
  Editor(std::function<void(std::string_view)> want, std::function<std::int64_t()> wall_ms);

  EditedDoc& doc(DocKind k) { return k == DocKind::scenario ? scenario_ : plan_; }
  const EditedDoc& doc(DocKind k) const { return k == DocKind::scenario ? scenario_ : plan_; }
  EditorUi& ui() { return ui_; }

  // ---- documents ----
  // Opens a scenario or plan file (by its top-level key); false with a reason.
  bool open(const std::string& path, std::string& error, DocKind* opened = nullptr);
  // A new scenario from the template in the plan's scenarios/ folder (not written until saved).
  bool new_scenario(const NewScenario& fields, std::string& error);
  void close(DocKind k);

  // ---- edits: every change goes through these ----
  void changed(DocKind k);                          // the tree changed: revalidate soon
  void record(DocKind k, const std::string& label);  // the edit is complete: into the history
  // Click edits and script steps: set, then changed and record at once.
  bool set_text(DocKind k, const std::string& path, const std::string& value, bool quoted = false);
  bool set_node(DocKind k, const std::string& path, authoring::DocNode value, const std::string& label);
  bool erase(DocKind k, const std::string& path, const std::string& label);
  bool move_item(DocKind k, const std::string& list_path, std::size_t i, int delta, const std::string& label);
  bool undo(DocKind k);
  bool redo(DocKind k);

  // ---- validation and saving ----
  void validate_now(DocKind k);
  void tick();   // runs due validations
  void flush();  // runs pending validations now (scripts: their clock does not move)
  authoring::SaveResult save(DocKind k);
  authoring::SaveResult save_plan_version(const std::string& version);

  // ---- the MSEL ----
  const std::vector<authoring::MselRow>& rows();
  std::size_t add_row(const std::string& kind);  // returns its index
  std::size_t duplicate_row(std::size_t i);
  bool delete_row(std::size_t i);
  bool move_row(std::size_t i, int delta);
  // Sets one column of a row (msel_columns() names them); record: a complete edit.
  bool set_row_field(std::size_t i, const std::string& column, const std::string& value, bool record = true);
  bool export_csv(const std::string& path, std::string& error);
  bool import_csv(const std::string& path);  // problems in ui().csv_problems

  // ---- try it ----
  bool try_it();
  const authoring::TryResult* tried() const { return tried_.ok || !tried_.error.empty() ? &tried_ : nullptr; }

  // ---- problems and focus ----
  // Selects what the problem is about (tab, row, step) and focuses the field its path names.
  void go_to(DocKind k, const authoring::Problem& p);
  // A widget drawn for `path` asks whether to take the keyboard focus now.
  bool wants_focus(const std::string& path);
  void end_frame();  // narrows an unclaimed focus path to its parent
  bool has_problem(DocKind k, const std::string& path) const;

  std::string rubric_path;
  void want(std::string_view text) { want_(text); }

 private:
  std::function<void(std::string_view)> want_;
  std::function<std::int64_t()> wall_ms_;
  EditedDoc scenario_, plan_;
  EditorUi ui_;
  std::vector<authoring::MselRow> rows_;
  std::uint64_t rows_revision_ = static_cast<std::uint64_t>(-1);
  authoring::TryResult tried_;
  std::uint64_t tried_revision_ = 0;

  void opened(DocKind k);
  void store_rows(const std::string& label, bool record);
};

// The column index of a MSEL column name; msel_columns().size() when unknown.
std::size_t msel_column(const std::string& name);

}  // namespace drillsim::gui

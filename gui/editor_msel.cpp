// The editor's MSEL commands: the scenario's injects as rows (add, duplicate, delete, move, set a
// column), the spreadsheet round trip through msel_csv.hpp, and "Try it" on the last good model.
#include <filesystem>

#include "authoring/msel_csv.hpp"
#include "gui/editor_state.hpp"
#include "gui/strings.hpp"
#include "scoring/rubric.hpp"
#include "sim/world/timeline.hpp"

namespace drillsim::gui {

using authoring::MselRow;

std::size_t msel_column(const std::string& name) {
  const auto& cols = authoring::msel_columns();
  for (std::size_t i = 0; i < cols.size(); ++i)
    if (cols[i] == name) return i;
  return cols.size();
}

const std::vector<MselRow>& Editor::rows() {
  if (rows_revision_ != scenario_.revision) {
    rows_ = scenario_.open() ? authoring::msel_rows(scenario_.doc) : std::vector<MselRow>{};
    rows_revision_ = scenario_.revision;
  }
  return rows_;
}

void Editor::store_rows(const std::string& label, bool rec) {
  authoring::set_msel_rows(scenario_.doc, rows_);
  changed(DocKind::scenario);
  rows_revision_ = scenario_.revision;  // the rows stay as typed (a half-written condition too)
  if (rec) record(DocKind::scenario, label);
}

std::size_t Editor::add_row(const std::string& kind) {
  rows();
  MselRow r;
  std::size_t n = rows_.size() + 1;
  do r.id = "inject_" + std::to_string(n++);
  while ([&] {
    for (const auto& other : rows_)
      if (other.id == r.id) return true;
    return false;
  }());
  r.kind = kind.empty() ? "message" : kind;
  r.at = rows_.empty() || rows_.back().at.empty() ? "+10m" : rows_.back().at;
  rows_.push_back(r);
  store_rows("add", true);
  ui_.msel_row = rows_.size() - 1;
  return ui_.msel_row;
}

std::size_t Editor::duplicate_row(std::size_t i) {
  rows();
  if (i >= rows_.size()) return i;
  MselRow r = rows_[i];
  r.id += "_copy";
  rows_.insert(rows_.begin() + static_cast<long>(i) + 1, r);
  store_rows("duplicate", true);
  ui_.msel_row = i + 1;
  return i + 1;
}

bool Editor::delete_row(std::size_t i) {
  rows();
  if (i >= rows_.size()) return false;
  rows_.erase(rows_.begin() + static_cast<long>(i));
  store_rows("delete", true);
  if (ui_.msel_row >= rows_.size()) ui_.msel_row = rows_.empty() ? static_cast<std::size_t>(-1) : rows_.size() - 1;
  return true;
}

bool Editor::move_row(std::size_t i, int delta) {
  rows();
  std::size_t j = i + static_cast<std::size_t>(static_cast<long>(delta));
  if (i >= rows_.size() || j >= rows_.size()) return false;
  std::swap(rows_[i], rows_[j]);
  store_rows("move", true);
  ui_.msel_row = j;
  return true;
}

bool Editor::set_row_field(std::size_t i, const std::string& column, const std::string& value, bool rec) {
  rows();
  std::size_t c = msel_column(column);
  if (i >= rows_.size() || c >= authoring::msel_columns().size()) return false;
  MselRow& r = rows_[i];
  authoring::msel_field(r, c) = value;
  if (column == "at" && !value.empty()) r.when.clear();  // one of at and when
  if (column == "when" && !value.empty()) r.at.clear();
  if (column == "kind") {  // another payload: its target and detail mean something else
    r.target.clear();
    r.detail.clear();
  }
  want_(value);
  store_rows(column, rec);
  return true;
}

bool Editor::export_csv(const std::string& path, std::string& error) {
  std::string text = authoring::msel_to_csv(rows());
  if (!authoring::write_file_atomically(path, text, error)) return false;
  ui_.csv_result = trf("author.csv_exported", rows_.size(), path);
  ui_.csv_ok = true;
  ui_.csv_problems.clear();
  want_(ui_.csv_result);
  return true;
}

bool Editor::import_csv(const std::string& path) {
  ui_.csv_problems.clear();
  std::string text;
  if (!authoring::read_whole_file(path, text)) {
    ui_.csv_problems.push_back(trf("author.csv_cannot_read", path));
    ui_.csv_ok = false;
    ui_.csv_result.clear();
    want_(ui_.csv_problems.back());
    return false;
  }
  std::vector<MselRow> rows;
  Diagnostics problems;
  if (!authoring::msel_from_csv(text, path, rows, problems)) {
    for (const auto& p : problems) ui_.csv_problems.push_back(p.str());
    for (const auto& p : ui_.csv_problems) want_(p);
    ui_.csv_ok = false;
    ui_.csv_result = trf("author.csv_refused", problems.size());
    want_(ui_.csv_result);
    return false;
  }
  rows_ = std::move(rows);
  ui_.drop_active = true;
  store_rows("import", true);
  validate_now(DocKind::scenario);
  ui_.csv_ok = true;
  ui_.csv_result = trf("author.csv_imported", rows_.size(), path);
  want_(ui_.csv_result);
  return true;
}

bool Editor::try_it() {
  validate_now(DocKind::scenario);
  tried_ = authoring::TryResult{};
  if (!scenario_.good()) {
    tried_.error = tr("author.try_needs_good");
    want_(tried_.error);
    return false;
  }
  tried_ = authoring::try_scenario(scenario_.model, rubric_path);
  tried_revision_ = scenario_.revision;
  want_(tried_.error);
  if (tried_.model)
    for (const auto& e : tried_.journal) {
      want_(render_entry(*tried_.model, e, Lang::zh));
      want_(render_entry(*tried_.model, e, Lang::en));
    }
  return tried_.ok;
}

}  // namespace drillsim::gui

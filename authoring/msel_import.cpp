// drillsim msel export / import: the scenario's injects to a CSV file, and a CSV file back into the
// scenario, all or nothing, with the loader's problems taken back to CSV rows and columns.
#include <algorithm>
#include <iterator>
#include <set>

#include "authoring/msel_csv.hpp"
#include "authoring/saving.hpp"
#include "authoring/validation.hpp"

namespace drillsim::authoring {

namespace {

enum Column : std::size_t {
  c_id, c_at, c_when, c_kind, c_target, c_detail, c_from_zh, c_from_en, c_text_zh, c_text_en,
  c_expect_zh, c_expect_en, c_note_zh, c_note_en, c_objective
};

// Every map and list inside the injects written one entry per line, so that a problem the loader
// finds on a line names exactly one field (the saved file keeps the compact style).
void spread(DocNode& node) {
  if ((node.is_map() || node.is_sequence()) && !node.items.empty()) node.flow = false;
  for (DocNode& item : node.items) spread(item);
}

// The MSEL column a path inside an inject is about ("fault.type" -> detail, "note.en" -> note_en).
std::size_t column_of_field(std::string_view field, const std::string& message) {
  auto starts = [&](std::string_view prefix) {
    return field == prefix || (field.substr(0, prefix.size()) == prefix && field.size() > prefix.size() &&
                               (field[prefix.size()] == '.' || field[prefix.size()] == '['));
  };
  auto text_column = [&](std::string_view key, std::size_t zh, std::size_t en) {
    return field.size() >= 3 && field.substr(field.size() - 3) == ".en" && starts(key) ? en : zh;
  };
  if (field.empty()) {
    if (message.find("payload") != std::string::npos) return c_kind;
    if (message.find("'at'") != std::string::npos || message.find("'when'") != std::string::npos) return c_at;
    return c_id;
  }
  if (starts("id")) return c_id;
  if (starts("at")) return c_at;
  if (starts("when")) return c_when;
  if (starts("note")) return text_column("note", c_note_zh, c_note_en);
  if (starts("expect")) return text_column("expect", c_expect_zh, c_expect_en);
  if (starts("objective")) return c_objective;
  if (starts("message.from")) return text_column("message.from", c_from_zh, c_from_en);
  if (starts("message.text")) return text_column("message.text", c_text_zh, c_text_en);
  for (const char* key : {"fault", "clear", "message", "absent", "late", "fire", "load", "fact"}) {
    if (!starts(key)) continue;
    const std::string_view rest = field.substr(std::string_view(key).size());
    if (rest.empty() || rest == ".component" || rest == ".person" || rest == ".to") return c_target;
    return c_detail;  // .type, .by, .amount
  }
  return c_kind;  // a field no column writes: a row's unknown kind became that key
}

// "scenario.injects[12].fault.type" -> 12 and "fault.type".
bool inject_field(const DocPath& path, std::size_t& index, std::string& field) {
  static const std::string prefix = "scenario.injects[";
  if (path.compare(0, prefix.size(), prefix) != 0) return false;
  const auto close = path.find(']', prefix.size());
  if (close == std::string::npos || close == prefix.size()) return false;
  index = 0;
  for (std::size_t i = prefix.size(); i < close; ++i) {
    if (path[i] < '0' || path[i] > '9') return false;
    index = index * 10 + static_cast<std::size_t>(path[i] - '0');
  }
  field = close + 1 < path.size() && path[close + 1] == '.' ? path.substr(close + 2) : std::string();
  return true;
}

Diagnostic as_diagnostic(const Problem& p) { return {p.file, p.line, p.column, p.message}; }

}  // namespace

bool export_msel(const std::string& scenario_path, const std::string& csv_path, std::string& error) {
  Document doc;
  Diagnostics problems;
  if (!read_document(scenario_path, doc, problems)) {
    for (const auto& p : problems) error += (error.empty() ? "" : "\n") + p.str();
    if (error.empty()) error = scenario_path + ": cannot read the scenario";
    return false;
  }
  if (doc.kind() != "scenario") {
    const std::string what = doc.kind().empty() ? std::string("not a drillsim file") : "a " + doc.kind() + " file";
    error = scenario_path + ": is " + what + ", not a scenario";
    return false;
  }
  return write_file_atomically(csv_path, msel_to_csv(msel_rows(doc)), error);
}

ImportResult import_msel(const std::string& csv_path, const std::string& scenario_path, bool dry_run) {
  ImportResult result;
  std::string text;
  if (!read_whole_file(csv_path, text)) {
    result.problems.push_back({csv_path, 0, 0, "cannot read the file"});
    return result;
  }
  std::vector<MselRow> rows;
  MselCsvLayout layout;
  Diagnostics csv_problems;
  const bool csv_good = msel_from_csv(text, csv_path, rows, layout, csv_problems);
  result.rows = rows.size();
  if (!layout.read) {
    result.problems = csv_problems;
    return result;
  }
  std::set<std::pair<int, int>> bad_cells;  // (row, column) the CSV check already reported
  for (const auto& p : csv_problems) bad_cells.insert({p.line, p.column});

  Document doc;
  if (!read_document(scenario_path, doc, result.problems)) return result;
  if (doc.kind() != "scenario") {
    result.problems.push_back({scenario_path, 0, 0, "is not a scenario file (its top-level key is not scenario:)"});
    return result;
  }
  set_msel_rows(doc, rows);

  // Validate a copy with one field per line, and take each problem back to its row and column.
  // Cells the CSV check refused are already reported: the loader's view of them is left out.
  Document spread_doc = doc;
  if (DocNode* injects = spread_doc.body() ? spread_doc.body()->find("injects") : nullptr)
    for (DocNode& inject : injects->items) spread(inject);
  const Validation checked = validate(spread_doc);
  Diagnostics row_problems = csv_problems, file_problems;
  for (const Problem& p : checked.problems) {
    std::size_t index = 0;
    std::string field;
    if (!p.path.empty() && inject_field(p.path, index, field) && index < rows.size()) {
      const std::size_t column = column_of_field(field, p.message);
      if (bad_cells.count({layout.rows[index], layout.columns[column]})) continue;
      row_problems.push_back({csv_path, layout.rows[index], layout.columns[column], p.message});
    } else if (csv_good) {  // with bad rows, problems elsewhere may come from them
      // A problem elsewhere in this scenario: named at the line the field has in the file on disk.
      const DocNode* node = p.path.empty() ? nullptr : node_at(doc.root, p.path);
      if (node && node->line > 0)
        file_problems.push_back({scenario_path, node->line, 0, p.message});
      else
        file_problems.push_back(as_diagnostic(p));
    }
  }
  std::stable_sort(row_problems.begin(), row_problems.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  auto same = [](const Diagnostic& a, const Diagnostic& b) {
    return a.file == b.file && a.line == b.line && a.column == b.column && a.message == b.message;
  };
  row_problems.erase(std::unique(row_problems.begin(), row_problems.end(), same), row_problems.end());
  result.problems = row_problems;
  result.problems.insert(result.problems.end(), file_problems.begin(), file_problems.end());
  if (!checked.ok() && result.problems.empty())
    result.problems.push_back({scenario_path, 0, 0, "the scenario does not load with these injects"});
  if (!result.problems.empty()) return result;
  if (dry_run) {
    result.ok = true;
    return result;
  }
  SaveResult saved = save_document(doc);
  if (!saved.ok) {
    for (const Problem& p : saved.problems) result.problems.push_back(as_diagnostic(p));
    if (!saved.error.empty()) result.problems.push_back({scenario_path, 0, 0, saved.error});
    if (result.problems.empty()) result.problems.push_back({scenario_path, 0, 0, "not saved"});
    return result;
  }
  result.ok = true;
  return result;
}

}  // namespace drillsim::authoring

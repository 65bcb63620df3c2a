// The MSEL as CSV text: writing rows with a BOM and CRLF, reading them back with every bad row named.
#include "authoring/msel_csv.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>

#include "authoring/csv_text.hpp"
#include "authoring/flow_yaml.hpp"
#include "sim/load/loader.hpp"
#include "sim/load/yaml_tree_internal.hpp"

namespace drillsim::authoring {

namespace {

enum Column : std::size_t {
  c_id, c_at, c_when, c_kind, c_target, c_detail, c_from_zh, c_from_en, c_text_zh, c_text_en,
  c_expect_zh, c_expect_en, c_note_zh, c_note_en, c_objective
};

const char* const kinds[] = {"fault", "clear", "message", "absent", "late", "fire", "load", "fact"};

bool is_text_column(std::size_t c) { return c >= c_from_zh && c <= c_note_en; }

std::string trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return std::string(s.substr(first, last - first + 1));
}

std::string lowercase(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string without_crlf(std::string s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i)
    if (!(s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n')) out += s[i];
  return out;
}

bool is_id(std::string_view s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
           c == '-';
  });
}

bool is_number(const std::string& s) {
  double value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return !s.empty() && ec == std::errc() && end == s.data() + s.size();
}

bool read_int(std::string_view s, int& out) {
  if (s.empty() || s.size() > 4) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

// A time as a spreadsheet rewrites it ("9:50", "2026/6/10 9:50") in the format's form.
std::string spreadsheet_time(const std::string& text) {
  std::string date, clock = text;
  const auto space = text.find(' ');
  if (space != std::string::npos) {
    date = text.substr(0, space);
    clock = text.substr(space + 1);
  }
  int h = 0, m = 0, s = -1;
  const auto c1 = clock.find(':');
  if (c1 == std::string::npos) return text;
  const auto c2 = clock.find(':', c1 + 1);
  if (!read_int(std::string_view(clock).substr(0, c1), h)) return text;
  if (!read_int(std::string_view(clock).substr(c1 + 1, c2 == std::string::npos ? std::string::npos : c2 - c1 - 1), m))
    return text;
  if (c2 != std::string::npos && !read_int(std::string_view(clock).substr(c2 + 1), s)) return text;
  char buf[64];
  if (s >= 0)
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", h, m, s);
  else
    std::snprintf(buf, sizeof buf, "%02d:%02d", h, m);
  if (date.empty()) return buf;
  int y = 0, mo = 0, d = 0;
  const char sep = date.find('/') != std::string::npos ? '/' : '-';
  const auto d1 = date.find(sep), d2 = date.find(sep, d1 == std::string::npos ? 0 : d1 + 1);
  if (d1 == std::string::npos || d2 == std::string::npos || !read_int(date.substr(0, d1), y) ||
      !read_int(date.substr(d1 + 1, d2 - d1 - 1), mo) || !read_int(date.substr(d2 + 1), d))
    return text;
  char full[96];
  std::snprintf(full, sizeof full, "%04d-%02d-%02d %s", y, mo, d, buf);
  return full;
}

// Checks one row; problems name the CSV row and the column of the cell.
class RowCheck {
 public:
  RowCheck(const std::string& file, int row, const std::vector<int>& columns, Diagnostics& problems)
      : file_(file), row_(row), columns_(columns), problems_(problems) {}

  void error(std::size_t column, std::string message) {
    problems_.push_back({file_, row_, columns_[column], std::move(message)});
  }

  void check(const MselRow& r) {
    if (r.id.empty())
      error(c_id, "an inject needs an id");
    else if (!is_id(r.id))
      error(c_id, "'" + r.id + "' is not an id: use letters A-Z a-z, digits, _ . - (no spaces, no Chinese)");
    check_kind(r);
    if (!r.at.empty() && !r.when.empty())
      error(c_at, "an inject has either 'at' (a time) or 'when' (a condition), not both");
    else if (r.at.empty() && r.when.empty())
      error(c_at, "an inject needs 'at' (a time) or 'when' (a condition)");
    if (!r.at.empty()) check_time_or_distribution(c_at, r.at, true);
    if (!r.when.empty()) check_condition(r.when);
    if (!r.objective.empty() && !is_id(r.objective))
      error(c_objective, "'" + r.objective + "' is not an objective id");
  }

 private:
  const std::string& file_;
  int row_;
  const std::vector<int>& columns_;
  Diagnostics& problems_;

  void check_kind(const MselRow& r) {
    const std::string& k = r.kind;
    if (k.empty()) {
      error(c_kind, "an inject needs a kind: fault, clear, message, absent, late, fire, load or fact");
      return;
    }
    if (std::none_of(std::begin(kinds), std::end(kinds), [&](const char* x) { return k == x; })) {
      error(c_kind, "unknown kind '" + k + "' (allowed: fault, clear, message, absent, late, fire, load, fact)");
      return;
    }
    static const std::map<std::string, const char*> target_is = {
        {"fault", "a component"}, {"clear", "a component"}, {"message", "the post it is sent to"},
        {"absent", "a person"},   {"late", "a person"},     {"fire", "a room"},
        {"load", "a component"},  {"fact", "a fact"}};
    if (r.target.empty())
      error(c_target, "a " + k + " inject needs a target: " + target_is.at(k));
    else if (!is_id(r.target))
      error(c_target, "'" + r.target + "' is not an id (" + target_is.at(k) + ")");
    if (k == "fault" || k == "clear") {
      if (r.detail.empty() && k == "fault")
        error(c_detail, "a fault inject needs its fault type in 'detail'");
      else if (!r.detail.empty() && !is_id(r.detail))
        error(c_detail, "'" + r.detail + "' is not a fault type id");
    } else if (k == "late") {
      if (r.detail.empty())
        error(c_detail,
              "a late inject needs in 'detail' how late the person is (a duration such as 30m, or a distribution)");
      else
        check_time_or_distribution(c_detail, r.detail, false);
    } else if (k == "load") {
      if (r.detail.empty())
        error(c_detail, "a load inject needs the extra load in 'detail' (a number)");
      else if (!is_number(r.detail))
        error(c_detail, "'" + r.detail + "' is not a number (the extra load)");
    } else if (!r.detail.empty()) {
      error(c_detail, "a " + k + " inject has no detail: leave the cell empty");
    }
    if (k == "message") {
      if (r.text.empty()) error(c_text_zh, "a message inject needs a text (text_zh or text_en)");
    } else {
      for (std::size_t c : {c_from_zh, c_from_en, c_text_zh, c_text_en})
        if (!msel_field(r, c).empty())
          error(c, "only a message has '" + msel_columns()[c] + "': leave the cell empty for a " + k + " inject");
    }
  }

  void check_time_or_distribution(std::size_t column, const std::string& text, bool time) {
    if (looks_like_flow(text)) {
      DocNode node;
      std::string why;
      int at = 0;
      if (!parse_flow(text, node, why, at)) {
        error(column, "cannot read '" + text + "' as a distribution: " + why);
      } else if (node.is_map()) {
        if (!node.find("dist"))
          error(column, "a distribution is a map with 'dist:', e.g. {dist: uniform, min: 5m, max: 20m}");
      } else if (!node.is_scalar()) {
        error(column, "expected " + std::string(time ? "a time" : "a duration") + " or a distribution {dist: ...}");
      } else {
        check_time_or_distribution(column, node.value, time);
      }
      return;
    }
    SimTime ignored = 0;
    if (time) {
      // Syntax only here: whether it is before the start or after the end is checked on import.
      if (!parse_scenario_time(text, 0, ignored))
        error(column, "'" + text +
                          "' is not a time: write HH:MM, HH:MM:SS, +DURATION, YYYY-MM-DD HH:MM or a distribution "
                          "{dist: ...}");
    } else if (!text.empty() && text[0] == '-') {
      error(column, "negative duration '" + text + "': durations are never negative");
    } else if (!parse_duration(text, ignored)) {
      error(column, "'" + text + "' is not a duration: write 90s, 20m, 2h, 1h30m, 1d or a distribution {dist: ...}");
    }
  }

  void check_condition(const std::string& text) {
    DocNode node;
    std::string why;
    int at = 0;
    if (!parse_flow(text, node, why, at))
      error(c_when, "cannot read the condition: " + why);
    else if (!node.is_map())
      error(c_when, "a condition is a map with one key, e.g. {fact: cause_confirmed} or {after: \"10:30\"}");
  }
};

}  // namespace

std::string msel_to_csv(const std::vector<MselRow>& rows) {
  std::string out = "\xEF\xBB\xBF";
  const auto& columns = msel_columns();
  auto line = [&](auto cell) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (c) out += ',';
      out += csv_cell(cell(c));
    }
    out += "\r\n";
  };
  line([&](std::size_t c) -> const std::string& { return columns[c]; });
  for (const MselRow& row : rows) line([&](std::size_t c) -> const std::string& { return msel_field(row, c); });
  return out;
}

bool msel_from_csv(std::string_view text, const std::string& file, std::vector<MselRow>& rows, MselCsvLayout& layout,
                   Diagnostics& problems) {
  const std::size_t before = problems.size();
  rows.clear();
  layout = {};
  std::vector<CsvRecord> records;
  if (!read_csv(without_bom(text), file, records, problems)) return false;
  if (records.empty()) {
    problems.push_back({file, 0, 0, "empty file: the first row names the columns (id, at, when, kind, ...)"});
    return false;
  }

  // The header: which MSEL column each CSV column is.
  const auto& names = msel_columns();
  layout.columns.assign(names.size(), 0);
  std::vector<std::size_t> column_of(records[0].cells.size(), names.size());
  for (std::size_t j = 0; j < records[0].cells.size(); ++j) {
    const std::string name = lowercase(trimmed(records[0].cells[j]));
    const int at = static_cast<int>(j + 1);
    if (name.empty() && j + 1 == records[0].cells.size() && j > 0) break;  // a trailing comma
    auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) {
      std::string allowed;
      for (const auto& n : names) allowed += (allowed.empty() ? "" : ", ") + n;
      problems.push_back(
          {file, 1, at, "unknown column '" + records[0].cells[j] + "' (the columns are: " + allowed + ")"});
      continue;
    }
    const std::size_t c = static_cast<std::size_t>(it - names.begin());
    if (layout.columns[c] != 0) {
      problems.push_back({file, 1, at, "column '" + name + "' is given twice (first in column " +
                                           std::to_string(layout.columns[c]) + ")"});
      continue;
    }
    layout.columns[c] = at;
    column_of[j] = c;
  }
  if (layout.columns[c_id] == 0 && problems.size() == before)
    problems.push_back({file, 1, 0, "no 'id' column: the first row names the columns (id, at, when, kind, ...)"});
  if (problems.size() != before) return false;

  layout.read = true;
  std::map<std::string, int> first_row_of;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& record = records[r];
    if (std::all_of(record.cells.begin(), record.cells.end(), [](const std::string& c) { return trimmed(c).empty(); }))
      continue;
    MselRow row;
    RowCheck check(file, record.row, layout.columns, problems);
    const std::size_t row_before = problems.size();
    for (std::size_t j = 0; j < record.cells.size(); ++j) {
      const std::string& cell = record.cells[j];
      if (j >= column_of.size()) {
        if (!trimmed(cell).empty())
          problems.push_back({file, record.row, static_cast<int>(j + 1), "a cell after the last column of the header"});
        continue;
      }
      const std::size_t c = column_of[j];
      if (c >= names.size()) continue;
      std::size_t bad = 0;
      if (!load_detail::valid_utf8(cell, bad)) {
        problems.push_back({file, record.row, static_cast<int>(j + 1),
                            "invalid UTF-8 in this cell: save the file as UTF-8 (CSV UTF-8 in Excel)"});
        continue;
      }
      if (is_text_column(c))
        msel_field(row, c) = without_crlf(cell);
      else
        msel_field(row, c) = c == c_kind ? lowercase(trimmed(cell)) : trimmed(cell);
    }
    if (!row.at.empty() && !looks_like_flow(row.at)) row.at = spreadsheet_time(row.at);
    if (problems.size() == row_before) check.check(row);
    if (!row.id.empty()) {
      auto [it, fresh] = first_row_of.emplace(row.id, record.row);
      if (!fresh)
        check.error(c_id, "inject id '" + row.id + "' is used twice (first in row " + std::to_string(it->second) + ")");
    }
    rows.push_back(std::move(row));
    layout.rows.push_back(record.row);
  }
  return problems.size() == before;
}

bool msel_from_csv(std::string_view text, const std::string& file, std::vector<MselRow>& rows, Diagnostics& problems) {
  MselCsvLayout layout;
  return msel_from_csv(text, file, rows, layout, problems);
}

}  // namespace drillsim::authoring

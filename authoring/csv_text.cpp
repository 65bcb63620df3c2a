// CSV text (RFC 4180): reading records and quoting cells.
#include "authoring/csv_text.hpp"

namespace drillsim::authoring {

std::string_view without_bom(std::string_view text) {
  return text.substr(0, 3) == "\xEF\xBB\xBF" ? text.substr(3) : text;
}

bool read_csv(std::string_view text, const std::string& file, std::vector<CsvRecord>& out, Diagnostics& problems) {
  const std::size_t before = problems.size();
  std::size_t i = 0;
  int row = 0;
  const std::size_t n = text.size();
  while (i < n) {
    CsvRecord record;
    record.row = ++row;
    bool record_done = false;
    while (!record_done) {
      std::string cell;
      if (i < n && text[i] == '"') {
        ++i;
        bool closed = false;
        while (i < n) {
          if (text[i] == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              cell += '"';
              i += 2;
              continue;
            }
            ++i;
            closed = true;
            break;
          }
          cell += text[i++];
        }
        if (!closed) {
          problems.push_back({file, row, static_cast<int>(record.cells.size() + 1),
                              "a quoted cell is not closed: a '\"' is missing"});
          return false;
        }
        if (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
          problems.push_back({file, row, static_cast<int>(record.cells.size() + 1),
                              "text after the closing quote of a cell: write a quote inside a quoted cell as \"\""});
          while (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n') cell += text[i++];
        }
      } else {  // unquoted: a quote inside is taken as it is, as spreadsheets do
        while (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n') cell += text[i++];
      }
      record.cells.push_back(std::move(cell));
      if (i >= n) {
        record_done = true;
      } else if (text[i] == ',') {
        ++i;
      } else {  // a line break ends the record: CRLF, LF or CR
        if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
        ++i;
        record_done = true;
      }
    }
    out.push_back(std::move(record));
  }
  return problems.size() == before;
}

std::string csv_cell(std::string_view value) {
  const bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!value.empty() && (value.front() == ' ' || value.back() == ' '));
  if (!quote) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace drillsim::authoring

// The MSEL as a spreadsheet: UTF-8 CSV with a BOM (so that Excel on a Chinese Windows opens it
// right), CRLF line ends, one header row of msel_columns(). Import is all or nothing: every bad
// row is reported as `file:row:column: message` and the scenario is left untouched.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "authoring/msel.hpp"
#include "sim/load/diagnostic.hpp"

namespace drillsim::authoring {

std::string msel_to_csv(const std::vector<MselRow>& rows);

// Parses CSV text (BOM optional; quoted fields may hold commas, quotes and line breaks; the header
// names the columns, in any order; unknown columns are an error). Diagnostic line = CSV row
// (1-based, the header is row 1), column = 1-based column. False when any row is bad.
bool msel_from_csv(std::string_view text, const std::string& file, std::vector<MselRow>& rows,
                   Diagnostics& problems);
// Where each row and column was in the CSV: rows[i] is the CSV row of rows[i] (rows that are entirely
// empty are skipped, as spreadsheets often leave some at the end); columns[c] is the 1-based CSV
// column of msel_columns()[c] (0 when the file has no such column).
// `read` is true when the header was good and every record could be split into cells: the rows are
// then all there, bad ones included (so that an import can still check the good ones with the loader).
struct MselCsvLayout {
  std::vector<int> rows;
  std::vector<int> columns;
  bool read = false;
};
bool msel_from_csv(std::string_view text, const std::string& file, std::vector<MselRow>& rows,
                   MselCsvLayout& layout, Diagnostics& problems);

// drillsim msel export SCENARIO --csv OUT
bool export_msel(const std::string& scenario_path, const std::string& csv_path, std::string& error);

// drillsim msel import IN.csv --into SCENARIO: replaces the scenario's injects with the CSV's rows,
// validates the result with the loader (its problems are taken back to CSV rows and columns where
// they are about an inject) and saves atomically only when everything is good.
struct ImportResult {
  bool ok = false;
  Diagnostics problems;  // csv file:row:column, or scenario file problems that are not about a row
  std::size_t rows = 0;
};
ImportResult import_msel(const std::string& csv_path, const std::string& scenario_path, bool dry_run = false);

}  // namespace drillsim::authoring

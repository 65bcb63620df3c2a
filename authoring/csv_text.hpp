// CSV text (RFC 4180): cells separated by commas, records by CRLF (LF and CR are read too); a cell in
// double quotes may hold commas, line breaks and doubled quotes. Nothing here knows the MSEL.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sim/load/diagnostic.hpp"

namespace drillsim::authoring {

struct CsvRecord {
  int row = 0;  // 1-based record number (a record with line breaks in a quoted cell is one row)
  std::vector<std::string> cells;
};

// Splits CSV text (after any BOM) into records. Problems (a quote left open, text after a closing
// quote) are reported as file:row:column; false when there are any.
bool read_csv(std::string_view text, const std::string& file, std::vector<CsvRecord>& out, Diagnostics& problems);

// One cell as CSV: in quotes (inner quotes doubled) when it holds a comma, a quote, a line break,
// or starts or ends with a space.
std::string csv_cell(std::string_view value);

// The text without a leading UTF-8 byte-order mark.
std::string_view without_bom(std::string_view text);

}  // namespace drillsim::authoring

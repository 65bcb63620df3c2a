// The after-action report as a neutral document (private to scoring/): built once, rendered as
// HTML or Markdown.
#pragma once

#include <string>
#include <vector>

#include "scoring/report.hpp"

namespace drillsim::scoring::detail {

struct Cell {
  std::string text;
  std::string cls;  // a verdict class for colouring ("done", "late", ...), or ""
};

struct Table {
  std::vector<std::string> head;
  std::vector<std::vector<Cell>> rows;
  bool compact = false;
};

struct Block {
  enum class Kind { paragraph, table, list, timeline, note } kind = Kind::paragraph;
  std::string text;                // paragraph, note
  Table table;                     // table
  std::vector<std::string> items;  // list
};

struct Section {
  std::string id;
  std::string title;
  std::vector<Block> blocks;
};

struct Document {
  std::string title;
  std::string subtitle;
  std::vector<std::pair<std::string, std::string>> facts;  // the header: 单位名称, 预案, 日期 ...
  std::string score;        // "87.5"
  std::string rating;       // "P（顺利完成）"
  char rating_letter = '-';
  std::vector<Section> sections;
};

Document build_report(const ReportInput& input);

// The verdict's CSS class / colour key.
const char* verdict_class(Verdict v);

}  // namespace drillsim::scoring::detail

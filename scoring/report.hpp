// The after-action report (事件总结报告, seed 003 §六.5 and 附件2): overview, timeline, affected
// services and people, measures and their effect, causes, what went well, what went wrong, the
// improvement plan, and the scores. As one self-contained HTML file (inline CSS and SVG, prints
// to PDF from a browser) or Markdown; the journal and the verdicts as CSV (UTF-8 with BOM, RFC 4180).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "scoring/improvements.hpp"
#include "scoring/score.hpp"

namespace drillsim::scoring {

struct ImprovementRow {
  Improvement item;
  std::string status = "open";  // open | done | dropped
  std::int64_t id = 0;          // the store's id, 0 when not stored
};

// What the report says about the drill beyond its journal (the records store has it).
struct ReportInput {
  const Model* model = nullptr;
  const ScoreSheet* sheet = nullptr;
  std::vector<ImprovementRow> improvements;
  std::int64_t drill_id = 0;  // 0: not stored
  std::string held_on;        // YYYY-MM-DD the drill took place ("" : the scenario's date)
  std::string facilitator;
  std::vector<std::pair<std::string, std::string>> participants;  // (name, post id)
  std::string mode;           // auto | responses | nobody | live
  Lang lang = Lang::zh;
};

std::string report_html(const ReportInput& input);
std::string report_markdown(const ReportInput& input);

// The inline SVG timeline of the HTML report: faults, injects, business events, each post's
// actions coloured by verdict, deadlines and missed steps.
std::string timeline_svg(const ReportInput& input);

// CSV, UTF-8 with a byte-order mark (so spreadsheets read the Chinese), RFC 4180 quoting, CRLF.
std::string journal_csv(const Model& model, const std::vector<JournalEntry>& journal, Lang lang);
std::string verdicts_csv(const Model& model, const ScoreSheet& sheet, Lang lang);

// One CSV field quoted as RFC 4180 asks (only when needed).
std::string csv_field(const std::string& value);
// Text made safe inside HTML and SVG (& < > ").
std::string html_escape(const std::string& text);

// Writes the report to each path (.html or .md by its extension) and, when csv_dir is not empty,
// journal.csv and verdicts.csv into it. `written` lists the files; false with a reason on failure.
bool write_report_files(const ReportInput& input, const std::vector<std::string>& paths, const std::string& csv_dir,
                        std::vector<std::string>& written, std::string& error);

}  // namespace drillsim::scoring

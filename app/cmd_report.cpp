// drillsim report DRILL_ID: the after-action report of a stored drill (HTML, Markdown, CSV).
#include <iostream>

#include <fmt/format.h>

#include "app/commands.hpp"
#include "records/stored_drill.hpp"
#include "scoring/score_text.hpp"

namespace drillsim::app {
namespace {

struct ReportOptions {
  std::int64_t drill = 0;
  std::string db;
  std::string html, md, csv;
  std::string lang = "zh";
  std::string rubric;
  std::string scenario;
};

int report(const ReportOptions& o) {
  const Lang lang = o.lang == "en" ? Lang::en : Lang::zh;
  std::string error;
  auto store = records::Store::open(o.db.empty() ? records::default_store_path() : o.db, error);
  if (!store) {
    std::cerr << error << '\n';
    return 1;
  }
  scoring::Rubric rubric;
  Diagnostics problems;
  if (!scoring::load_rubric(o.rubric.empty() ? scoring::default_rubric_path(DRILLSIM_SOURCE_DIR) : o.rubric, rubric, problems)) {
    for (const auto& p : problems) std::cerr << p.str() << '\n';
    return 1;
  }
  records::StoredDrill d;
  if (!records::load_stored_drill(*store, o.drill, rubric, d, error, o.scenario)) {
    std::cerr << error << '\n';
    return 1;
  }
  scoring::ReportInput in;
  if (!records::report_input(*store, o.drill, d.model, d.sheet, in, error)) {
    std::cerr << error << '\n';
    return 1;
  }
  in.lang = lang;
  if (d.record.score >= 0 && scoring::percent_text(d.sheet.overall) != fmt::format("{:.1f}", d.record.score))
    std::cerr << "note: the stored score (" << fmt::format("{:.1f}", d.record.score) << ") differs from today's scoring ("
              << scoring::percent_text(d.sheet.overall) << ", rubric " << rubric.id << " " << rubric.version
              << "); drillsim score " << o.drill << " stores today's\n";
  std::vector<std::string> paths;
  if (!o.html.empty()) paths.push_back(o.html);
  if (!o.md.empty()) paths.push_back(o.md);
  if (paths.empty() && o.csv.empty()) {
    std::cout << scoring::report_markdown(in);
    return 0;
  }
  std::vector<std::string> written;
  if (!scoring::write_report_files(in, paths, o.csv, written, error)) {
    std::cerr << error << '\n';
    return 1;
  }
  for (const auto& w : written) std::cout << (lang == Lang::zh ? "报告：" : "Report: ") << w << '\n';
  return 0;
}

}  // namespace

void add_report(CLI::App& app) {
  static ReportOptions o;
  auto* cmd = app.add_subcommand("report", "Write the after-action report of a stored drill (Markdown to stdout by default)");
  cmd->add_option("drill", o.drill, "Drill id (drillsim records list)")->required()->check(CLI::PositiveNumber);
  cmd->add_option("--db", o.db, "Record store (default: $XDG_DATA_HOME/drillsim/drills.db)");
  cmd->add_option("--html", o.html, "Write the report as one self-contained HTML file");
  cmd->add_option("--md", o.md, "Write the report as Markdown");
  cmd->add_option("--csv", o.csv, "Write journal.csv and verdicts.csv into this folder");
  cmd->add_option("--lang", o.lang, "zh or en")->check(CLI::IsMember({"zh", "en"}));
  cmd->add_option("--rubric", o.rubric, "Rubric file (default: scenarios/rubric.yaml)");
  cmd->add_option("--scenario", o.scenario, "Scenario file, if it moved since the drill");
  cmd->callback([] { set_exit_code(report(o)); });
}

}  // namespace drillsim::app

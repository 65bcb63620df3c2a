// The after-action report: one self-contained HTML file in Chinese (English on request) with the
// SVG timeline; Markdown; CSV files a spreadsheet reads (UTF-8 with BOM, RFC 4180).
#include <fstream>
#include <sstream>

#include "scoring/improvements.hpp"
#include "scoring/report.hpp"
#include "tests/scoring/scoring_util.hpp"

using namespace drillsim;

namespace {

const std::string network_cut = "scenarios/000_sanmenxia/scenarios/network_cut_opening.yaml";

struct Fixture {
  std::shared_ptr<const Model> model = test::load_model(network_cut);
  std::unique_ptr<Drill> drill;
  scoring::ScoreSheet sheet;
  scoring::ReportInput input;

  explicit Fixture(Lang lang = Lang::zh) {
    ResponseFile file;
    Diagnostics problems;
    REQUIRE(load_responses(test::source("scenarios/000_sanmenxia/responses/network_cut_opening.yaml"), *model, file, problems));
    drill = std::make_unique<Drill>(model);
    run_with_responses(*drill, file);
    sheet = test::score(model, drill->journal().entries());
    input.model = model.get();
    input.sheet = &sheet;
    input.held_on = "2026-03-18";
    input.facilitator = "导调组长";
    input.participants = {{"学员1", "delivery"}, {"学员3", "technical"}};
    input.mode = "responses";
    input.lang = lang;
    for (const auto& imp : scoring::improvements_of(*model, sheet, test::shipped_rubric(), "2026-03-18"))
      input.improvements.push_back({imp, "open", 0});
  }
};

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// RFC 4180 reader: fields, quoted fields with doubled quotes and line breaks, CRLF records.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, was_quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      REQUIRE_MESSAGE(field.empty(), "a quote inside an unquoted field at byte " << i);
      quoted = was_quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
      was_quoted = false;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.back().push_back(field);
      field.clear();
      was_quoted = false;
      rows.emplace_back();
      ++i;
    } else {
      REQUIRE_MESSAGE(c != '\n', "a bare line feed outside quotes at byte " << i);
      field += c;
    }
  }
  REQUIRE_FALSE(quoted);
  if (!field.empty() || was_quoted) rows.back().push_back(field);
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

}  // namespace

TEST_CASE("the HTML report is one self-contained file in Chinese, with the SVG timeline and print styles") {
  Fixture f;
  std::string html = scoring::report_html(f.input);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(has(html, "<meta charset=\"utf-8\">"));
  CHECK(has(html, "lang=\"zh-CN\""));
  // The seed's summary report sections.
  for (const char* heading : {"一、事件概况", "二、演练时间线", "三、处置过程：采取的措施及效果", "四、原因分析", "五、做得好的方面",
                              "六、存在的问题", "七、整改计划", "八、评分"})
    CHECK_MESSAGE(has(html, heading), heading);
  CHECK(has(html, "开标前融资服务平台互联网专线中断 演练总结报告"));
  CHECK(has(html, "导调组长"));
  CHECK(has(html, "学员1（现场交付组）"));
  CHECK(has(html, "互联网专线中断"));  // the cause
  CHECK(has(html, "no_root_cause_before_confirmed"));  // the broken rule, in the measures table
  // The inline SVG timeline, with post lanes and a legend.
  CHECK(has(html, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
  CHECK(has(html, ">现场交付组</text>"));
  CHECK(has(html, "期限"));
  // Self-contained and printable: no scripts, no external resources, CJK fonts named, print rules.
  CHECK_FALSE(has(html, "<script"));
  CHECK_FALSE(has(html, "<link"));
  CHECK_FALSE(has(html, "src=\"http"));
  CHECK_FALSE(has(html, "@import"));
  CHECK(has(html, "\"Noto Sans CJK SC\""));
  CHECK(has(html, "\"WenQuanYi Micro Hei\""));
  CHECK(has(html, "@media print"));
  // Every improvement item is in the plan table, with its due date.
  CHECK(has(html, "2026-04-17"));
}

TEST_CASE("the report in English on request") {
  Fixture f(Lang::en);
  std::string html = scoring::report_html(f.input);
  CHECK(has(html, "lang=\"en\""));
  CHECK(has(html, "After-action report: Financing platform internet line cut before a bid opening"));
  CHECK(has(html, "7. Improvement plan"));
  CHECK(has(html, "<svg"));
  std::string md = scoring::report_markdown(f.input);
  CHECK(has(md, "## 3. Response: measures taken and their effect"));
}

TEST_CASE("the Markdown report has the same sections and tables that do not break") {
  Fixture f;
  std::string md = scoring::report_markdown(f.input);
  CHECK(md.rfind("# 开标前融资服务平台互联网专线中断 演练总结报告", 0) == 0);
  CHECK(has(md, "## 七、整改计划"));
  CHECK(has(md, "| # | 问题 | 整改措施 | 责任岗位 | 完成期限 | 状态 |"));
  // Table rows keep their column count even when a text has a pipe or a line break.
  std::istringstream lines(md);
  std::string line, header;
  std::size_t columns = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("|", 0) != 0) {
      columns = 0;
      continue;
    }
    std::size_t bars = 0;
    for (std::size_t i = 0; i < line.size(); ++i)
      if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++bars;
    if (columns == 0) columns = bars;
    CHECK_MESSAGE(bars == columns, line);
  }
}

TEST_CASE("CSV fields are quoted as RFC 4180 asks") {
  CHECK(scoring::csv_field("plain") == "plain");
  CHECK(scoring::csv_field("a,b") == "\"a,b\"");
  CHECK(scoring::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(scoring::csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(scoring::csv_field("中文，全角逗号") == "中文，全角逗号");
}

TEST_CASE("the journal and verdict CSVs open in a spreadsheet: BOM, one record per entry, the same width throughout") {
  Fixture f;
  std::string journal = scoring::journal_csv(*f.model, f.sheet.journal, Lang::zh);
  REQUIRE(journal.rfind("\xEF\xBB\xBF", 0) == 0);
  auto rows = parse_csv(journal.substr(3));
  REQUIRE(rows.size() == f.sheet.journal.size() + 1);
  for (const auto& r : rows) CHECK(r.size() == rows.front().size());
  CHECK(rows.front().front() == "序号");
  // A note with a comma and quotes survives the round trip.
  bool note_found = false;
  for (const auto& r : rows)
    for (const auto& field : r) note_found = note_found || has(field, "告诉代理“应该是我们平台网络断了”");
  CHECK(note_found);

  std::string verdicts = scoring::verdicts_csv(*f.model, f.sheet, Lang::zh);
  REQUIRE(verdicts.rfind("\xEF\xBB\xBF", 0) == 0);
  auto vrows = parse_csv(verdicts.substr(3));
  REQUIRE(vrows.size() == f.sheet.items.size() + 1);
  for (const auto& r : vrows) CHECK(r.size() == vrows.front().size());
  bool violation = false;
  for (const auto& r : vrows) violation = violation || (r[1] == "must_not" && r[2] == "违规" && r[15] == "15.00");
  CHECK(violation);
}

TEST_CASE("the report files are written by their extension; anything else is refused") {
  Fixture f;
  std::string dir = (std::filesystem::temp_directory_path() / "drillsim_report_files").string();
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::vector<std::string> written;
  std::string error;
  REQUIRE(scoring::write_report_files(f.input, {dir + "/r.html", dir + "/r.md"}, dir + "/csv", written, error));
  CHECK(written.size() == 4);
  std::ifstream html(dir + "/r.html");
  std::string first;
  std::getline(html, first);
  CHECK(first == "<!DOCTYPE html>");
  CHECK(std::filesystem::file_size(dir + "/csv/journal.csv") > 1000);
  CHECK(std::filesystem::file_size(dir + "/csv/verdicts.csv") > 1000);
  CHECK_FALSE(scoring::write_report_files(f.input, {dir + "/r.pdf"}, "", written, error));
  CHECK(has(error, ".html or .md"));
}

TEST_CASE("improvement items: one per finding, the responsible post, due a rubric-set number of days later") {
  Fixture f;
  auto items = scoring::improvements_of(*f.model, f.sheet, test::shipped_rubric(), "2026-12-20");
  REQUIRE_FALSE(items.empty());
  for (const auto& imp : items) {
    CHECK(imp.due == "2027-01-19");
    CHECK_FALSE(imp.action.zh.empty());
    CHECK_FALSE(imp.source.empty());
  }
  // One for the broken rule, owned by the post that broke it.
  bool rule = false;
  for (const auto& imp : items)
    if (imp.kind == scoring::ItemKind::must_not) rule = imp.post == "delivery" && has(imp.action.zh, "纪律培训");
  CHECK(rule);
  CHECK(scoring::add_days("2024-02-28", 1) == "2024-02-29");
  CHECK(scoring::add_days("2025-12-31", 1) == "2026-01-01");
  CHECK(scoring::add_days("not a date", 1).empty());
}

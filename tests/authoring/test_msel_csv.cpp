// The MSEL as CSV: written with a BOM, CRLF and RFC 4180 quoting; read back as a spreadsheet may
// have saved it; every bad row reported with its row and column.
#include <doctest/doctest.h>

#include "authoring/csv_text.hpp"
#include "authoring/document.hpp"
#include "authoring/msel_csv.hpp"
#include "tests/authoring/msel_test_util.hpp"

using namespace drillsim;
using namespace drillsim::authoring;

namespace {

const std::string header = "id,at,when,kind,target,detail,from_zh,from_en,text_zh,text_en,expect_zh,expect_en,note_zh,note_en,objective";

std::vector<MselRow> rows_of(const std::string& csv, Diagnostics& problems, MselCsvLayout* layout = nullptr) {
  std::vector<MselRow> rows;
  MselCsvLayout l;
  msel_from_csv(csv, "in.csv", rows, l, problems);
  if (layout) *layout = l;
  return rows;
}

std::vector<MselRow> good_rows(const std::string& csv, MselCsvLayout* layout = nullptr) {
  Diagnostics problems;
  auto rows = rows_of(csv, problems, layout);
  INFO(test::problems_text(problems));
  CHECK(problems.empty());
  return rows;
}

bool has(const Diagnostics& problems, const std::string& where, const std::string& words) {
  for (const auto& p : problems)
    if (p.str().rfind(where, 0) == 0 && p.message.find(words) != std::string::npos) return true;
  return false;
}

std::vector<MselRow> shipped_rows(const std::string& relative) {
  Document doc;
  Diagnostics problems;
  REQUIRE(read_document(std::string(DRILLSIM_SOURCE_DIR) + "/scenarios/" + relative, doc, problems));
  return msel_rows(doc);
}

}  // namespace

TEST_CASE("msel csv: written with a BOM, the header row, CRLF line ends and quotes only where needed") {
  MselRow r;
  r.id = "m1";
  r.at = "{dist: uniform, min: 5m, max: 20m}";
  r.kind = "message";
  r.target = "leader";
  r.text = {"第一行\n第二行，带\"引号\"", "a, b"};
  const std::string csv = msel_to_csv({r});
  CHECK(csv.rfind("\xEF\xBB\xBF" + header + "\r\n", 0) == 0);
  CHECK(csv.find("m1,\"{dist: uniform, min: 5m, max: 20m}\",,message,leader,,,,\"第一行\n第二行，带\"\"引号\"\"\",\"a, b\",,,,,\r\n") !=
        std::string::npos);
  CHECK(csv.size() >= 2);
  CHECK(csv.substr(csv.size() - 2) == "\r\n");
  CHECK(good_rows(csv) == std::vector<MselRow>{r});
}

TEST_CASE("msel csv: every shipped scenario's rows survive the CSV unchanged") {
  for (const std::string& relative : test::shipped_scenarios()) {
    CAPTURE(relative);
    const auto rows = shipped_rows(relative);
    MselCsvLayout layout;
    CHECK(good_rows(msel_to_csv(rows), &layout) == rows);
    REQUIRE(layout.rows.size() == rows.size());
    if (!rows.empty()) CHECK(layout.rows.back() == static_cast<int>(rows.size()) + 1);
  }
}

TEST_CASE("msel csv: a file saved by a spreadsheet reads the same: no BOM, LF, columns reordered, other quoting") {
  const auto rows = shipped_rows("002_beijing/scenarios/expert_absent.yaml");
  std::string csv = msel_to_csv(rows);
  // No BOM and LF line ends.
  std::string lf = csv.substr(3);
  for (std::size_t i; (i = lf.find("\r\n")) != std::string::npos;) lf.replace(i, 2, "\n");
  CHECK(good_rows(lf) == rows);
  // Every cell quoted, the header in another order, a trailing empty row, upper-case header names.
  const auto& names = msel_columns();
  std::vector<std::size_t> order(names.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = order.size() - 1 - i;
  std::string reordered;
  for (std::size_t k = 0; k < order.size(); ++k) reordered += (k ? "," : "") + std::string(k == 0 ? "OBJECTIVE" : names[order[k]]);
  reordered += "\r\n";
  for (const auto& r : rows) {
    for (std::size_t k = 0; k < order.size(); ++k) {
      std::string cell = msel_field(r, order[k]);
      std::string quoted = "\"";
      for (char c : cell) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
      reordered += (k ? "," : "") + quoted + "\"";
    }
    reordered += "\r\n";
  }
  reordered += ",,,,,,,,,,,,,,\r\n";
  MselCsvLayout layout;
  CHECK(good_rows(reordered, &layout) == rows);
  CHECK(layout.columns[0] == static_cast<int>(names.size()));  // id is the last column
}

TEST_CASE("msel csv: times as a spreadsheet rewrites them are read in the format's form") {
  const auto rows = good_rows(header + "\r\nx1,9:50,,fact,f\r\nx2,2026/6/10 9:05,,fact,f\r\nx3, 10:00:30 ,,fact,f\r\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].at == "09:50");
  CHECK(rows[1].at == "2026-06-10 09:05");
  CHECK(rows[2].at == "10:00:30");
  CHECK(rows[0].target == "f");
}

TEST_CASE("msel csv: a quoted cell with line breaks is one row; row numbers count records") {
  MselCsvLayout layout;
  const auto rows = good_rows(header + "\r\nm1,+1m,,message,leader,,,,\"两行\r\n文本\",,,,,,\r\n\r\nm2,+2m,,fact,f\r\n", &layout);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].text.zh == "两行\n文本");
  CHECK(layout.rows == std::vector<int>{2, 4});
}

TEST_CASE("msel csv: header problems: unknown and repeated columns, no id column") {
  Diagnostics problems;
  rows_of("id,at,kind,target,colour,at\r\nx,+1m,fact,f,red,+2m\r\n", problems);
  CHECK(has(problems, "in.csv:1:5:", "unknown column 'colour'"));
  CHECK(has(problems, "in.csv:1:6:", "given twice"));
  problems.clear();
  rows_of("at,kind,target\r\n+1m,fact,f\r\n", problems);
  CHECK(has(problems, "in.csv:1:", "no 'id' column"));
  problems.clear();
  rows_of("", problems);
  CHECK(has(problems, "in.csv", "empty file"));
  problems.clear();
  rows_of(header + "\r\nx,\"+1m,,fact,f\r\n", problems);
  CHECK(has(problems, "in.csv:2:2:", "not closed"));
}

TEST_CASE("msel csv: every bad row is reported with its row and column, not just the first") {
  const std::string csv = header + "\r\n" +
                          "ok1,09:00,,fault,server,crash,,,,,,,,,\r\n"        // row 2: fine
                          ",09:00,,fact,f,,,,,,,,,,\r\n"                       // row 3: no id
                          "ok1,09:10,,fact,f,,,,,,,,,,\r\n"                    // row 4: id used twice
                          "k1,09:10,,explode,server,,,,,,,,,,\r\n"             // row 5: unknown kind
                          "t1,9h70,,fact,f,,,,,,,,,,\r\n"                      // row 6: bad time
                          "t2,+10m,{fact: f},fact,f,,,,,,,,,,\r\n"             // row 7: at and when
                          "t3,,,fact,f,,,,,,,,,,\r\n"                          // row 8: neither
                          "w1,,\"{all: [{fact: f}\",fact,f,,,,,,,,,,\r\n"      // row 9: bad YAML
                          "f1,+1m,,fault,server,,,,,,,,,,\r\n"                 // row 10: fault without type
                          "m1,+1m,,message,leader,,,,,,,,,,\r\n"               // row 11: message without text
                          "l1,+1m,,late,tech_a,soon,,,,,,,,,\r\n"              // row 12: bad duration
                          "d1,+1m,,load,app,lots,,,,,,,,,\r\n"                 // row 13: not a number
                          "a1,+1m,,absent,tech_a,,x,,,,,,,,\r\n"               // row 14: from on a non-message
                          "u1,+1m,,fact,f,,,,,,,,\xff\xfe,,\r\n"               // row 15: invalid UTF-8
                          "g1,+1m,,fact,has space,,,,,,,,,,\r\n"               // row 16: target not an id
                          "r1,\"{dist: uniform, min: 5m}\",,fact,f,,,,,,,,,,\r\n"; // row 17: fine here (loader checks)
  Diagnostics problems;
  std::vector<MselRow> rows;
  CHECK_FALSE(msel_from_csv(csv, "in.csv", rows, problems));
  INFO(test::problems_text(problems));
  CHECK(has(problems, "in.csv:3:1:", "needs an id"));
  CHECK(has(problems, "in.csv:4:1:", "used twice (first in row 2)"));
  CHECK(has(problems, "in.csv:5:4:", "unknown kind 'explode'"));
  CHECK(has(problems, "in.csv:6:2:", "'9h70' is not a time"));
  CHECK(has(problems, "in.csv:7:2:", "not both"));
  CHECK(has(problems, "in.csv:8:2:", "needs 'at'"));
  CHECK(has(problems, "in.csv:9:3:", "cannot read the condition"));
  CHECK(has(problems, "in.csv:10:6:", "fault type"));
  CHECK(has(problems, "in.csv:11:9:", "needs a text"));
  CHECK(has(problems, "in.csv:12:6:", "not a duration"));
  CHECK(has(problems, "in.csv:13:6:", "not a number"));
  CHECK(has(problems, "in.csv:14:7:", "only a message"));
  CHECK(has(problems, "in.csv:15:13:", "invalid UTF-8"));
  CHECK(has(problems, "in.csv:16:5:", "not an id"));
  for (const auto& p : problems) CHECK(p.line != 2);
  for (const auto& p : problems) CHECK(p.line != 17);
}

TEST_CASE("csv text: cells are quoted only when they must be") {
  CHECK(csv_cell("plain") == "plain");
  CHECK(csv_cell("a,b") == "\"a,b\"");
  CHECK(csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_cell("two\nlines") == "\"two\nlines\"");
  CHECK(csv_cell(" padded") == "\" padded\"");
  CHECK(csv_cell("中文，全角逗号") == "中文，全角逗号");
}

TEST_CASE("msel csv: export and import as library calls: a dry run changes nothing; bad rows are refused") {
  const auto dir = test::scratch_dir("csv_import_calls");
  test::copy_seed(dir, "002_beijing");
  const std::string scenario = (dir / "002_beijing/scenarios/expert_absent.yaml").string();
  const std::string csv = (dir / "msel.csv").string();
  std::string error;
  REQUIRE(export_msel(scenario, csv, error));
  const std::string before = test::read_text(scenario);

  ImportResult dry = import_msel(csv, scenario, true);
  INFO(test::problems_text(dry.problems));
  CHECK(dry.ok);
  CHECK(dry.rows == shipped_rows("002_beijing/scenarios/expert_absent.yaml").size());
  CHECK(test::read_text(scenario) == before);

  std::string text = test::read_text(csv);
  const auto at = text.find("eval_committee_a");
  REQUIRE(at != std::string::npos);
  text.replace(at, std::string("eval_committee_a").size(), "eval_committee_z");
  test::write_text(csv, text);
  ImportResult bad = import_msel(csv, scenario);
  CHECK_FALSE(bad.ok);
  REQUIRE(bad.problems.size() == 1);
  CHECK(bad.problems[0].file == csv);
  CHECK(bad.problems[0].line == 4);    // expert_missing is the third inject
  CHECK(bad.problems[0].column == 5);  // target
  CHECK(bad.problems[0].message.find("unknown component 'eval_committee_z'") != std::string::npos);
  CHECK(test::read_text(scenario) == before);

  CHECK_FALSE(export_msel((dir / "002_beijing/plan.yaml").string(), csv, error));
  CHECK(error.find("not a scenario") != std::string::npos);
}

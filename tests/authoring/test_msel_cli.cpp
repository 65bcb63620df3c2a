// drillsim msel export / import as a trainer uses them: every shipped scenario survives the round
// trip; a CSV edited in a spreadsheet imports right; a CSV with bad rows is refused whole, each row
// named with its column, and the scenario is left byte for byte as it was.
#include <doctest/doctest.h>

#include <cctype>

#include "authoring/msel_csv.hpp"
#include "tests/app/run_command.hpp"
#include "tests/authoring/msel_test_util.hpp"

using namespace drillsim;
using drillsim::test::contains;
using drillsim::test::drillsim_cli;

namespace {

std::string q(const test::fs::path& p) { return "'" + p.string() + "'"; }

std::vector<authoring::MselRow> csv_rows(const std::string& text) {
  std::vector<authoring::MselRow> rows;
  Diagnostics problems;
  INFO(test::problems_text(problems));
  REQUIRE(authoring::msel_from_csv(text, "x.csv", rows, problems));
  return rows;
}

// The CSV as a spreadsheet might save it: no BOM, LF line ends, every cell in quotes.
std::string as_spreadsheet_saves(const std::vector<authoring::MselRow>& rows) {
  const auto& names = authoring::msel_columns();
  std::string out;
  for (std::size_t c = 0; c < names.size(); ++c) out += (c ? "," : "") + names[c];
  out += "\n";
  for (const auto& r : rows) {
    for (std::size_t c = 0; c < names.size(); ++c) {
      std::string cell = "\"";
      for (char ch : authoring::msel_field(r, c)) cell += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      out += (c ? "," : "") + cell + "\"";
    }
    out += "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("msel cli: every shipped scenario exported and imported back into a copy loads to the same model") {
  const auto dir = test::scratch_dir("cli_round_trip");
  for (const char* seed : {"000_sanmenxia", "001_liaocheng", "002_beijing", "003_puyang", "004_tianjin"})
    test::copy_seed(dir, seed);
  for (const std::string& relative : test::shipped_scenarios()) {
    CAPTURE(relative);
    const auto scenario = dir / relative;
    const auto csv = test::fs::path(scenario).replace_extension(".csv");
    const std::string before = test::policy_journal(scenario.string());
    auto ex = drillsim_cli("msel export " + q(scenario) + " --csv " + q(csv));
    INFO(ex.output);
    REQUIRE(ex.exit_code == 0);
    const std::string text = test::read_text(csv);
    CHECK(text.rfind("\xEF\xBB\xBFid,at,when,kind,", 0) == 0);
    auto im = drillsim_cli("msel import " + q(csv) + " --into " + q(scenario));
    INFO(im.output);
    REQUIRE(im.exit_code == 0);
    CHECK(test::policy_journal(scenario.string()) == before);
    CHECK(drillsim_cli("validate " + q(scenario)).exit_code == 0);
  }
}

TEST_CASE("msel cli: a CSV edited as in a spreadsheet imports right") {
  const auto dir = test::scratch_dir("cli_edited");
  test::copy_seed(dir, "002_beijing");
  const auto scenario = dir / "002_beijing/scenarios/expert_absent.yaml";
  const auto csv = dir / "msel.csv";
  REQUIRE(drillsim_cli("msel export " + q(scenario) + " --csv " + q(csv)).exit_code == 0);
  auto rows = csv_rows(test::read_text(csv));
  REQUIRE(rows.size() >= 4);

  // A cell changed in Chinese, a row added (with a comma and quotes in its text), rows reordered.
  for (auto& r : rows)
    if (r.id == "signin_worry") r.expect.zh = "评标管理员立即核实签到情况，准备上报（已修改）";
  authoring::MselRow added;
  added.id = "agent_asks_again";
  added.at = "10:40";
  added.kind = "message";
  added.target = "opening_admin";
  added.from = {"招标代理机构项目负责人", "Tendering agent's project lead"};
  added.text = {"代理：应急专家什么时候到？招标人在问，\"今天\"能评完吗？", "Agent: when does the emergency expert arrive?\nToday? #2: {yes, no} - 'maybe'"};
  added.objective = "obj_decision";
  rows.push_back(added);
  std::swap(rows[1], rows[3]);
  test::write_text(csv, as_spreadsheet_saves(rows));

  auto dry = drillsim_cli("msel import " + q(csv) + " --into " + q(scenario) + " --dry-run");
  INFO(dry.output);
  CHECK(dry.exit_code == 0);
  const std::string untouched = test::read_text(scenario);
  CHECK(untouched == test::read_text(test::fs::path(DRILLSIM_SOURCE_DIR) / "scenarios/002_beijing/scenarios/expert_absent.yaml"));

  auto im = drillsim_cli("msel import " + q(csv) + " --into " + q(scenario));
  INFO(im.output);
  REQUIRE(im.exit_code == 0);
  CHECK(contains(im.output, std::to_string(rows.size()) + " inject(s) imported"));
  LoadResult loaded = load_scenario(scenario.string());
  INFO(test::problems_text(loaded.problems));
  REQUIRE(loaded.ok());
  const auto& injects = loaded.model->scenario.injects;
  REQUIRE(injects.size() == rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) CHECK(injects[i].id == rows[i].id);
  CHECK(injects.back().text.zh == added.text.zh);
  CHECK(injects.back().text.en == added.text.en);
  CHECK(injects.back().objective == "obj_decision");
  // Exported again, it gives the rows that were imported.
  const auto again = dir / "again.csv";
  REQUIRE(drillsim_cli("msel export " + q(scenario) + " --csv " + q(again)).exit_code == 0);
  CHECK(csv_rows(test::read_text(again)) == rows);
  // And it runs.
  CHECK(drillsim_cli("run " + q(scenario) + " --auto --no-db").exit_code == 0);
}

TEST_CASE("msel cli: a CSV with bad rows is refused whole, each row named with its column; the scenario is untouched") {
  const auto dir = test::scratch_dir("cli_bad");
  test::copy_seed(dir, "002_beijing");
  const auto scenario = dir / "002_beijing/scenarios/expert_absent.yaml";
  const auto csv = dir / "bad.csv";
  REQUIRE(drillsim_cli("msel export " + q(scenario) + " --csv " + q(csv)).exit_code == 0);
  const std::string before = test::read_text(scenario);
  auto rows = csv_rows(test::read_text(csv));
  REQUIRE(rows.size() >= 6);
  // Row 2 is rows[0] ... a fault row is at index 2 (expert_missing).
  REQUIRE(rows[2].kind == "fault");
  rows[2].target = "no_such_component";  // row 4: unknown component (loader), column target (5)
  rows[1].at = "25:99";                  // row 3: bad time, column at (2)
  rows[3].kind = "explode";              // row 5: unknown kind, column kind (4)
  rows[5].id = rows[0].id;               // row 7: duplicate id, column id (1)
  rows[4].target = "nobody_post";        // row 6: unknown post (loader), column target (5)
  authoring::MselRow late;
  late.id = "late_ghost";
  late.at = "+0s";
  late.kind = "late";
  late.target = "ghost_person";  // row 9: unknown person (loader)
  late.detail = "10m";
  rows.push_back(late);
  authoring::MselRow before_start;
  before_start.id = "too_early";
  before_start.at = "07:00";  // row 10: before the start (loader), column at
  before_start.kind = "fact";
  before_start.target = "emergency_draw_unavailable";
  rows.push_back(before_start);
  test::write_text(csv, authoring::msel_to_csv(rows));

  auto r = drillsim_cli("msel import " + q(csv) + " --into " + q(scenario));
  INFO(r.output);
  CHECK(r.exit_code == 1);
  const std::string f = csv.string();
  CHECK(contains(r.output, f + ":3:2: '25:99' is not a time"));
  CHECK(contains(r.output, f + ":4:5: unknown component 'no_such_component'"));
  CHECK(contains(r.output, f + ":5:4: unknown kind 'explode'"));
  CHECK(contains(r.output, f + ":6:5: unknown post 'nobody_post'"));
  CHECK(contains(r.output, f + ":7:1: inject id '" + rows[0].id + "' is used twice"));
  CHECK(contains(r.output, f + ":9:5: unknown person 'ghost_person'"));
  CHECK(contains(r.output, f + ":10:2: time '07:00' is before the scenario's start"));
  CHECK(contains(r.output, "is unchanged"));
  // One problem for each bad row, no echo of the same mistake from the loader.
  std::size_t lines = 0;
  for (std::size_t at = r.output.find(f + ":"); at != std::string::npos; at = r.output.find(f + ":", at + 1))
    lines += std::isdigit(static_cast<unsigned char>(r.output[at + f.size() + 1])) ? 1 : 0;  // file:row:... only
  CHECK(lines == 7);
  CHECK_FALSE(contains(r.output, "unknown field"));
  CHECK(test::read_text(scenario) == before);

  auto dry = drillsim_cli("msel import " + q(csv) + " --into " + q(scenario) + " --dry-run");
  CHECK(dry.exit_code == 1);
  CHECK(test::read_text(scenario) == before);
}

TEST_CASE("msel cli: usage problems") {
  CHECK(drillsim_cli("msel").exit_code != 0);
  auto missing = drillsim_cli("msel export no/such/scenario.yaml --csv /tmp/drillsim_msel_never.csv");
  CHECK(missing.exit_code == 1);
  CHECK(contains(missing.output, "no/such/scenario.yaml"));
  auto no_csv = drillsim_cli("msel import no/such.csv --into scenarios/002_beijing/scenarios/expert_absent.yaml");
  CHECK(no_csv.exit_code == 1);
  CHECK(contains(no_csv.output, "no/such.csv: cannot read the file"));
}

TEST_CASE("msel cli: a problem elsewhere in the scenario is named at its line in the scenario file") {
  const auto dir = test::scratch_dir("cli_elsewhere");
  test::copy_seed(dir, "002_beijing");
  const auto scenario = dir / "002_beijing/scenarios/expert_absent.yaml";
  const auto csv = dir / "msel.csv";
  REQUIRE(drillsim_cli("msel export " + q(scenario) + " --csv " + q(csv)).exit_code == 0);
  std::string text = test::read_text(scenario);
  const std::string good = "requires: [hall_login, opening_process]";
  const auto at = text.find(good);
  REQUIRE(at != std::string::npos);
  const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
  text.replace(at, good.size(), "requires: [hall_login, no_such_process]");
  test::write_text(scenario, text);
  auto r = drillsim_cli("msel import " + q(csv) + " --into " + q(scenario));
  INFO(r.output);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.output, scenario.string() + ":" + std::to_string(line) + ": unknown component 'no_such_process'"));
  CHECK(test::read_text(scenario) == text);
}

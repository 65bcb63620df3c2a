// The command line as a user meets it: what each command prints and the exit code it returns.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "tests/app/run_command.hpp"
#include "tests/scratch_path.hpp"

using drillsim::test::contains;
using drillsim::test::drillsim_cli;

namespace {
const std::string scenario = "scenarios/000_sanmenxia/scenarios/network_cut_opening.yaml";

std::string temp_path(const std::string& name) {
  return drillsim::test_files::scratch_path("drillsim_cli_" + name).string();
}
}  // namespace

TEST_CASE("validate: the shipped scenario loads and the command says ok") {
  auto r = drillsim_cli("validate " + scenario);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.output, scenario + ": ok"));
}

TEST_CASE("validate: a broken file fails with file:line:col and the count of bad files") {
  auto r = drillsim_cli("validate tests/sim/load/data/bad_unknown_field.yaml " + scenario);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.output, "tests/sim/load/data/bad_unknown_field.yaml:"));
  CHECK(contains(r.output, "1 of 2 file(s) did not load"));
}

TEST_CASE("validate: a missing file is reported, not a crash") {
  auto r = drillsim_cli("validate no/such/file.yaml");
  CHECK(r.exit_code == 1);
  CHECK(contains(r.output, "no/such/file.yaml"));
}

TEST_CASE("run --auto prints the timeline in English and the outcome") {
  auto r = drillsim_cli("run " + scenario + " --auto --lang en");
  CHECK(r.exit_code == 0);
  CHECK(contains(r.output, "[START]"));
  CHECK(contains(r.output, "[END]"));
  CHECK(contains(r.output, "== Outcome =="));
  CHECK(contains(r.output, "held by the fallback"));
}

TEST_CASE("run with nobody responding shows the missed opening, in Chinese by default") {
  auto r = drillsim_cli("run " + scenario);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.output, "未能进行"));
}

TEST_CASE("run --view trainee hides the truth: no fault lines, only what the trainees see") {
  auto facilitator = drillsim_cli("run " + scenario + " --auto");
  auto trainee = drillsim_cli("run " + scenario + " --auto --view trainee");
  CHECK(contains(facilitator.output, "[故障]"));
  CHECK_FALSE(contains(trainee.output, "[故障]"));
  CHECK(contains(trainee.output, "[消息]"));
}

TEST_CASE("run --journal then replay: the journal reproduces byte for byte") {
  std::string journal = temp_path("journal.jsonl");
  auto run = drillsim_cli("run " + scenario + " --responses scenarios/000_sanmenxia/responses/network_cut_opening.yaml --journal " + journal);
  REQUIRE(run.exit_code == 0);
  auto replay = drillsim_cli("replay " + scenario + " " + journal);
  CHECK(replay.exit_code == 0);
  CHECK(contains(replay.output, "replay reproduces the journal"));
  std::remove(journal.c_str());
}

TEST_CASE("replay of a tampered journal names the line that differs") {
  std::string journal = temp_path("tampered.jsonl");
  REQUIRE(drillsim_cli("run " + scenario + " --auto --journal " + journal).exit_code == 0);
  std::ifstream in(journal);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  in.close();
  auto pos = text.find("\"result\":\"held_fallback\"");
  REQUIRE(pos != std::string::npos);
  text.replace(pos, 24, "\"result\":\"missed\"");  // a different outcome for the first opening
  std::ofstream(journal) << text;
  auto replay = drillsim_cli("replay " + scenario + " " + journal);
  CHECK(replay.exit_code == 1);
  CHECK(contains(replay.output, journal + ":"));
  std::remove(journal.c_str());
}

TEST_CASE("run with a response file naming an unknown action fails with its line") {
  std::string responses = temp_path("responses.yaml");
  std::ofstream(responses) << "responses:\n  actions:\n    - {at: \"09:20\", post: technical, action: no_such_action}\n";
  auto r = drillsim_cli("run " + scenario + " --responses " + responses);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.output, responses + ":3:"));
  CHECK(contains(r.output, "unknown action 'no_such_action'"));
  std::remove(responses.c_str());
}

TEST_CASE("show prints the plan's procedures and steps with their sources") {
  auto r = drillsim_cli("show scenarios/000_sanmenxia/plan.yaml --lang en");
  CHECK(r.exit_code == 0);
  CHECK(contains(r.output, "3. Procedures"));
  CHECK(contains(r.output, "000 §5.2"));
  auto zh = drillsim_cli("show scenarios/000_sanmenxia/plan.yaml");
  CHECK(contains(zh.output, "三、应急处置程序"));
}

TEST_CASE("coverage lists each procedure with the scenarios that trigger it") {
  auto r = drillsim_cli("coverage scenarios/000_sanmenxia/plan.yaml " + scenario);
  CHECK(contains(r.output, "covered   p52_network_server"));
  CHECK(contains(r.output, "procedures covered"));
  // One scenario cannot cover every procedure of seed 000: the command says so with its exit code.
  CHECK(contains(r.output, "UNCOVERED"));
  CHECK(r.exit_code == 1);
}

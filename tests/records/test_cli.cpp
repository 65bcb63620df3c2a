// The record commands as a facilitator uses them: run and store, list, observe, report, re-score,
// close an item, the yearly view; and a store it must not touch.
#include <cstdio>
#include <sys/wait.h>

#include "tests/records/records_util.hpp"

using namespace drillsim;

namespace {

struct Result {
  int code = -1;
  std::string out;
};

Result drillsim_cli(const std::string& args) {
  std::string command = std::string("cd '") + DRILLSIM_SOURCE_DIR + "' && '" + DRILLSIM_BINARY + "' " + args + " 2>&1";
  Result r;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) r.out.append(buffer, n);
  int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

bool has(const std::string& s, const std::string& needle) { return s.find(needle) != std::string::npos; }

const std::string scenario = "scenarios/000_sanmenxia/scenarios/network_cut_opening.yaml";

}  // namespace

TEST_CASE("run --db stores and scores the drill; report, score, observe, close and records read it back") {
  REQUIRE_MESSAGE(std::filesystem::exists(DRILLSIM_BINARY), "build the drillsim target first: " << DRILLSIM_BINARY);
  std::string dir = test::temp_dir("cli");
  std::string db = " --db '" + dir + "/drills.db'";
  auto run = drillsim_cli("run " + scenario + " --responses scenarios/000_sanmenxia/responses/network_cut_opening.yaml" + db +
                          " --date 2026-03-18 --facilitator 导调组长 --participant 学员1=delivery --report '" + dir + "/r.html'");
  INFO(run.out);
  REQUIRE(run.code == 0);
  CHECK(has(run.out, "== 演练结果 =="));  // the run's own output is unchanged
  CHECK(has(run.out, "总分 "));
  CHECK(has(run.out, "已保存为第 1 次演练"));
  CHECK(test::file_bytes(dir + "/r.html").find("<svg") != std::string::npos);
  REQUIRE(drillsim_cli("run " + scenario + " --auto" + db + " --date 2026-09-01").code == 0);

  auto list = drillsim_cli("records list" + db);
  CHECK(has(list.out, "   1  2026-03-18  finished  responses"));
  CHECK(has(list.out, "   2  2026-09-01  finished  auto"));

  auto observe = drillsim_cli("records observe 1 obj_conduct S 交付组过早答复原因 --author 评估员甲 --at 09:30" + db);
  CHECK(observe.code == 0);
  auto wrong = drillsim_cli("records observe 1 obj_nothing S x --author 评估员甲" + db);
  CHECK(wrong.code == 1);
  CHECK(has(wrong.out, "obj_conduct"));

  auto report = drillsim_cli("report 1" + db);
  INFO(report.out);
  CHECK(report.code == 0);
  CHECK(has(report.out, "# 开标前融资服务平台互联网专线中断 演练总结报告"));
  CHECK(has(report.out, "S 评估员甲（09:30:00）：交付组过早答复原因"));
  auto en = drillsim_cli("report 1 --lang en --html '" + dir + "/en.html' --csv '" + dir + "/csv'" + db);
  CHECK(en.code == 0);
  CHECK(has(test::file_bytes(dir + "/en.html"), "After-action report"));
  CHECK(std::filesystem::exists(dir + "/csv/verdicts.csv"));

  auto score = drillsim_cli("score 1" + db);
  CHECK(score.code == 0);
  CHECK(has(score.out, "问题根因只能由技术组确定"));
  CHECK(has(score.out, "已更新第 1 次演练的评分"));

  auto close = drillsim_cli("records close 1 --note 已组织培训" + db);
  CHECK(close.code == 0);
  auto year = drillsim_cli("records --year 2026 --plans scenarios" + db);
  INFO(year.out);
  CHECK(has(year.out, "== 2026 年度演练记录"));
  CHECK(has(year.out, "最近演练：2026-09-01"));
  CHECK(has(year.out, "2026 年度：已演练 2 次"));
  CHECK(has(year.out, "成绩趋势："));
  CHECK(has(year.out, "未完成整改："));
  CHECK(has(year.out, "从未演练"));  // the other seeds' plans, never drilled in this store
  auto before = drillsim_cli("records --year 2025" + db);
  CHECK(has(before.out, "2025 年度：尚未演练"));
}

TEST_CASE("a damaged store is refused by every command, with its name, and run says how to go on without it") {
  REQUIRE(std::filesystem::exists(DRILLSIM_BINARY));
  std::string dir = test::temp_dir("cli_bad");
  std::string path = dir + "/drills.db";
  std::ofstream(path, std::ios::binary) << "这不是数据库";
  std::string before = test::file_bytes(path);
  auto run = drillsim_cli("run " + scenario + " --auto --db '" + path + "'");
  CHECK(run.code == 1);
  CHECK(has(run.out, path + ": not a drillsim record store"));
  auto records = drillsim_cli("records --db '" + path + "'");
  CHECK(records.code == 1);
  auto nodb = drillsim_cli("run " + scenario + " --auto --no-db");
  CHECK(nodb.code == 0);
  CHECK_FALSE(has(nodb.out, "已保存"));
  CHECK(test::file_bytes(path) == before);
}

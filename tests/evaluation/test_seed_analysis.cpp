// Plan analysis on the five seed plans: each seed's real gaps, pinned.
#include <doctest/doctest.h>

#include "evaluation/plan_analysis.hpp"
#include "sim/load/loader.hpp"

using namespace drillsim;

namespace {
PlanAnalysis analyze(const std::string& plan) {
  LoadResult r = load_plan(std::string(DRILLSIM_SOURCE_DIR) + "/scenarios/" + plan);
  REQUIRE(r.ok());
  return analyze_plan(*r.model);
}

bool has(const PlanAnalysis& a, const std::string& kind, const std::string& subject) {
  for (const auto& f : a.findings)
    if (f.kind == kind && f.subject == subject) return true;
  return false;
}
}  // namespace

TEST_CASE("000: the leadership, the director and the vendor's on-site post have no stand-in; one server, one line") {
  PlanAnalysis a = analyze("000_sanmenxia/plan.yaml");
  CHECK(has(a, "no_stand_in", "leader"));
  CHECK(has(a, "no_stand_in", "director"));
  CHECK(has(a, "no_stand_in", "vendor_onsite"));
  CHECK(has(a, "single_point", "wan_line"));
  CHECK(has(a, "single_point", "app_server"));
  CHECK(a.count("unhandled_fault") == 0);
}

TEST_CASE("001: bidders' own faults have no repair in the plan; the bank contact has no stand-in") {
  PlanAnalysis a = analyze("001_liaocheng/plan.yaml");
  CHECK(has(a, "unhandled_fault", "wrong_subaccount"));
  CHECK(has(a, "unhandled_fault", "disc_unreadable"));
  CHECK(has(a, "no_stand_in", "bank_liaison"));
  CHECK(has(a, "single_point", "db_server"));
}

TEST_CASE("002: the spokesperson has no stand-in, business staff double as other posts, too few bidders is left to others") {
  PlanAnalysis a = analyze("002_beijing/plan.yaml");
  CHECK(has(a, "no_stand_in", "press_officer"));
  CHECK(has(a, "shared_person", "staff_a"));
  CHECK(has(a, "shared_person", "staff_b"));
  CHECK(has(a, "unhandled_fault", "too_few_bidders"));
  CHECK(has(a, "single_point", "core_switch"));
}

TEST_CASE("003: leadership members hold several critical posts; both WAN lines share one uplink; the disk array is single") {
  PlanAnalysis a = analyze("003_puyang/plan.yaml");
  CHECK(has(a, "shared_person", "member1_a"));
  CHECK(has(a, "shared_person", "deputy_a"));
  CHECK(has(a, "single_point", "wan_uplink"));
  CHECK(has(a, "single_point", "disk_array"));
  CHECK_FALSE(has(a, "single_point", "mains"));  // the generator and two UPS units cover it
}

TEST_CASE("004: nothing repairs an unusable off-site backup; four key posts have no stand-in") {
  PlanAnalysis a = analyze("004_tianjin/plan.yaml");
  CHECK(has(a, "unhandled_fault", "backup_unusable"));
  CHECK(a.count("no_stand_in") == 4);
  CHECK(has(a, "single_point", "app_server"));
}

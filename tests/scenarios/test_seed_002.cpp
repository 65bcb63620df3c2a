// Seed 002 (北京软件和信息服务交易所招标采购交易平台): the shipped drills play as the plan intends, and fail
// as the faults imply when nobody responds.
#include "tests/scenarios/scenario_run.hpp"

using namespace drillsim;
using test::Responders;
using test::done;
using test::fact;
using test::health;

namespace {
const std::string dir = "002_beijing/scenarios/";

std::string path(const char* name) { return dir + name + ".yaml"; }




int level_rank(const Drill& d) { return d.truth().level_rank; }
}  // namespace

// ---------------------------------------------------------------- 第十五条（一）: the headline drills
TEST_CASE("002 expert absent: the pool manager draws an emergency expert and the evaluation goes on") {
  auto d = test::run_scenario(path("expert_absent"), Responders::policy);
  CHECK(test::held(test::business(*d, "eval_a")));
  CHECK(test::business(*d, "eval_b") == BusinessState::held);
  CHECK(fact(*d, "emergency_expert_drawn"));
  CHECK(health(*d, "eval_committee_a") == Health::up);
  CHECK(done(*d, "report_expert_to_regulators"));
  CHECK(done(*d, "file_expert_materials"));
  CHECK_FALSE(done(*d, "evaluate_with_incomplete_committee"));
}

TEST_CASE("002 expert absent: nobody responding misses the evaluation") {
  auto d = test::run_scenario(path("expert_absent"), Responders::nobody);
  CHECK(test::business(*d, "eval_a") == BusinessState::missed);
  CHECK(health(*d, "eval_committee_a") == Health::down);
}

TEST_CASE("002 expert left, draw declined: the regulators' instruction suspends the evaluation") {
  auto d = test::run_scenario(path("expert_left_declined"), Responders::policy);
  CHECK(test::business(*d, "eval_b_start") == BusinessState::held);
  // postponed to another day on the regulators' instruction: pending at the end, not missed
  CHECK(test::business(*d, "eval_b_report") == BusinessState::pending);
  CHECK(fact(*d, "evaluation_suspended"));
  CHECK_FALSE(fact(*d, "emergency_expert_drawn"));
  CHECK(done(*d, "file_expert_materials"));
}

TEST_CASE("002 expert left, draw declined: nobody responding misses the evaluation") {
  auto d = test::run_scenario(path("expert_left_declined"), Responders::nobody);
  CHECK(test::business(*d, "eval_b_report") == BusinessState::missed);
}

// ---------------------------------------------------------------- the annual comprehensive drill
TEST_CASE("002 annual drill: the plan-following team keeps every business event of the day") {
  auto d = test::run_scenario(path("annual_comprehensive"), Responders::policy);
  CHECK(test::held(test::business(*d, "opening_x")));
  CHECK(test::business(*d, "decrypt_x") == BusinessState::held_fallback);
  CHECK(test::held(test::business(*d, "eval_x")));
  CHECK(test::held(test::business(*d, "eval_z")));
  CHECK(test::business(*d, "deadline_y") == BusinessState::held);
  CHECK(fact(*d, "warning_measures_deployed"));
  CHECK(done(*d, "adjust_opening_time"));  // the hall was fixed within 20 minutes
  CHECK(health(*d, "storage") == Health::up);
  CHECK_FALSE(d->truth().data_lost);
}

TEST_CASE("002 annual drill: nobody responding lets the storage fill up and the whole day fail") {
  auto d = test::run_scenario(path("annual_comprehensive"), Responders::nobody);
  CHECK(test::business(*d, "opening_x") == BusinessState::missed);
  CHECK(test::business(*d, "decrypt_x") == BusinessState::missed);
  CHECK(test::business(*d, "eval_x") == BusinessState::missed);
  CHECK(test::business(*d, "eval_z") == BusinessState::missed);
  CHECK(test::business(*d, "deadline_y") == BusinessState::missed);
  CHECK(health(*d, "storage") == Health::down);
}

// ---------------------------------------------------------------- 第十四条 scenes
TEST_CASE("002 opening hall down: not solvable in 20 minutes, the bidders operate the fallback way") {
  auto d = test::run_scenario(path("opening_hall_down"), Responders::policy);
  CHECK(test::business(*d, "opening_u") == BusinessState::held_fallback);
  CHECK(test::held(test::business(*d, "reading_u")));  // quick update within the hour
  CHECK(level_rank(*d) >= 2);                            // hall down over 1 h: grade III
  CHECK(done(*d, "file_written_report_eic"));
}

TEST_CASE("002 opening hall down: nobody responding misses the opening") {
  auto d = test::run_scenario(path("opening_hall_down"), Responders::nobody);
  CHECK(test::business(*d, "opening_u") == BusinessState::missed);
  CHECK(test::business(*d, "reading_u") == BusinessState::missed);
}

TEST_CASE("002 manual opening and evaluation: approved fallbacks keep the project going") {
  auto d = test::run_scenario(path("opening_manual"), Responders::policy);
  CHECK(test::held(test::business(*d, "bidder_c_signin")));
  CHECK(test::business(*d, "decrypt_t") == BusinessState::held_fallback);
  CHECK(test::business(*d, "reading_t") == BusinessState::held_fallback);
  CHECK(test::business(*d, "eval_t") == BusinessState::held_fallback);
  CHECK(fact(*d, "manual_opening_approved"));
  CHECK(fact(*d, "manual_eval_approved"));
  CHECK(fact(*d, "manual_opening_data_entered"));
}

TEST_CASE("002 manual opening and evaluation: nobody responding misses the opening and evaluation") {
  auto d = test::run_scenario(path("opening_manual"), Responders::nobody);
  CHECK(test::business(*d, "bidder_c_signin") == BusinessState::missed);
  CHECK(test::business(*d, "decrypt_t") == BusinessState::missed);
  CHECK(test::business(*d, "reading_t") == BusinessState::missed);
  CHECK(test::business(*d, "eval_t") == BusinessState::missed);
}

TEST_CASE("002 bid submission: the bidder generates and submits before the deadline") {
  auto d = test::run_scenario(path("bid_submission"), Responders::policy);
  CHECK(test::business(*d, "bidder_d_submits") == BusinessState::held);
  CHECK(done(*d, "remote_fix_bidfile"));
  CHECK(done(*d, "advise_customer_network"));
}

TEST_CASE("002 bid submission: nobody responding leaves the bidder out") {
  auto d = test::run_scenario(path("bid_submission"), Responders::nobody);
  CHECK(test::business(*d, "bidder_d_submits") == BusinessState::missed);
}

TEST_CASE("002 software fault: repaired with the lost records restored before the deadline") {
  auto d = test::run_scenario(path("software_fault"), Responders::policy);
  CHECK(test::business(*d, "deadline_k") == BusinessState::held);
  CHECK(health(*d, "app_program") == Health::up);
  CHECK(health(*d, "submitted_records") == Health::up);
  CHECK(fact(*d, "user_data_saved"));
  CHECK_FALSE(done(*d, "self_fix_software"));
}

TEST_CASE("002 software fault: nobody responding leaves the system down and the records lost") {
  auto d = test::run_scenario(path("software_fault"), Responders::nobody);
  CHECK(test::business(*d, "deadline_k") == BusinessState::missed);
  CHECK(health(*d, "app_program") == Health::down);
  CHECK(health(*d, "submitted_records") != Health::up);
}

// ---------------------------------------------------------------- 第九条–第十三条, 第十六条, 第十七条
TEST_CASE("002 network day: uplink cleared before the morning deadline, line repaired before the evening one") {
  auto d = test::run_scenario(path("network_day"), Responders::policy);
  CHECK(test::business(*d, "deadline_m") == BusinessState::held);
  CHECK(test::business(*d, "deadline_n") == BusinessState::held);
  CHECK(health(*d, "wan_line") == Health::up);
  CHECK(done(*d, "release_to_media"));
  CHECK_FALSE(done(*d, "talk_to_media_unauthorised"));
}

TEST_CASE("002 network day: nobody responding misses both deadlines") {
  auto d = test::run_scenario(path("network_day"), Responders::nobody);
  CHECK(test::business(*d, "deadline_m") == BusinessState::missed);
  CHECK(test::business(*d, "deadline_n") == BusinessState::missed);
  CHECK(health(*d, "wan_line") == Health::down);
}

TEST_CASE("002 switch failure: the reserved spare brings the platform back for the opening") {
  auto d = test::run_scenario(path("switch_failure"), Responders::policy);
  CHECK(test::held(test::business(*d, "opening_l")));
  CHECK(health(*d, "core_switch") == Health::up);
}

TEST_CASE("002 switch failure: nobody responding misses the opening") {
  auto d = test::run_scenario(path("switch_failure"), Responders::nobody);
  CHECK(test::business(*d, "opening_l") == BusinessState::missed);
  CHECK(health(*d, "core_switch") == Health::down);
}

TEST_CASE("002 security day: disconnected at once, portal restored, tampered data corrected") {
  auto d = test::run_scenario(path("security_day"), Responders::policy);
  CHECK(test::business(*d, "deadline_p") == BusinessState::held);
  CHECK(test::business(*d, "deadline_q") == BusinessState::held);
  CHECK(health(*d, "portal") == Health::up);
  CHECK(health(*d, "data_integrity") == Health::up);
  CHECK(done(*d, "report_ndrc_eic"));
}

TEST_CASE("002 security day: nobody responding leaves the portal down and the data tampered") {
  auto d = test::run_scenario(path("security_day"), Responders::nobody);
  CHECK(test::business(*d, "deadline_p") == BusinessState::missed);
  CHECK(health(*d, "portal") == Health::down);
  CHECK(health(*d, "data_integrity") != Health::up);
}

TEST_CASE("002 virus: the LAN is isolated before the worm reaches the evaluation room") {
  auto d = test::run_scenario(path("virus"), Responders::policy);
  CHECK(test::business(*d, "eval_s") == BusinessState::held);
  CHECK(health(*d, "office_lan") == Health::up);
  CHECK(health(*d, "web_content") == Health::up);
}

TEST_CASE("002 virus: nobody responding lets the worm spread and the evaluation fail") {
  auto d = test::run_scenario(path("virus"), Responders::nobody);
  CHECK(test::business(*d, "eval_s") == BusinessState::missed);
  CHECK(health(*d, "eval_pcs") == Health::down);
}

TEST_CASE("002 server fault: the backup equipment keeps the opening and the deadline, swapped back in idle time") {
  auto d = test::run_scenario(path("server_fault"), Responders::policy);
  CHECK(test::held(test::business(*d, "opening_r")));
  CHECK(test::business(*d, "deadline_w") == BusinessState::held);
  CHECK(health(*d, "db_server") == Health::up);
  CHECK(done(*d, "switch_back_from_backup"));
  CHECK(fact(*d, "data_reentered"));  // the gap since the last backup was re-entered
}

TEST_CASE("002 server fault: nobody responding misses the opening and the deadline") {
  auto d = test::run_scenario(path("server_fault"), Responders::nobody);
  CHECK(test::business(*d, "opening_r") == BusinessState::missed);
  CHECK(test::business(*d, "deadline_w") == BusinessState::missed);
  CHECK(health(*d, "hosting") == Health::down);
}

TEST_CASE("002 server after hours: no backup equipment, the vendor repairs the server") {
  auto d = test::run_scenario(path("server_evening"), Responders::policy);
  CHECK(health(*d, "app_server") == Health::up);
  CHECK(health(*d, "portal") == Health::up);
  CHECK_FALSE(done(*d, "enable_backup_equipment"));
  CHECK(done(*d, "file_with_eic"));
}

TEST_CASE("002 server after hours: nobody responding leaves the platform down") {
  auto d = test::run_scenario(path("server_evening"), Responders::nobody);
  CHECK(health(*d, "app_server") == Health::down);
  CHECK(health(*d, "portal") == Health::down);
}

TEST_CASE("002 disaster: storage and servers rescued, the backup equipment carries the afternoon") {
  auto d = test::run_scenario(path("disaster_fire"), Responders::policy);
  CHECK_FALSE(d->truth().data_lost);
  CHECK(test::held(test::business(*d, "opening_g")));
  CHECK(test::business(*d, "deadline_h") == BusinessState::held);
  CHECK(health(*d, "hosting") == Health::up);
}

TEST_CASE("002 disaster: nobody responding loses the data and the afternoon") {
  auto d = test::run_scenario(path("disaster_fire"), Responders::nobody);
  CHECK(d->truth().data_lost);
  CHECK(test::business(*d, "opening_g") == BusinessState::missed);
  CHECK(test::business(*d, "deadline_h") == BusinessState::missed);
}

TEST_CASE("002 air conditioning: temporary cooling keeps the room below the servers' limit") {
  auto d = test::run_scenario(path("aircon_other"), Responders::policy);
  CHECK(test::business(*d, "opening_j") == BusinessState::held);
  CHECK(health(*d, "aircon") == Health::up);
  CHECK(health(*d, "app_server") == Health::up);
}

TEST_CASE("002 air conditioning: nobody responding overheats the servers") {
  auto d = test::run_scenario(path("aircon_other"), Responders::nobody);
  CHECK(test::business(*d, "opening_j") == BusinessState::missed);
  CHECK(health(*d, "app_server") == Health::down);
  CHECK(health(*d, "db_server") == Health::down);
}

// ---------------------------------------------------------------- 第十五条（二）（三）
TEST_CASE("002 abnormal tender: the authority's ruling lets the evaluation go on; misconduct reported up") {
  auto d = test::run_scenario(path("abnormal_tender"), Responders::policy);
  CHECK(test::business(*d, "eval_x2") == BusinessState::held_fallback);
  CHECK(fact(*d, "procurement_ruling_issued"));
  CHECK(fact(*d, "penalty_decided"));
  CHECK(done(*d, "report_penalty_to_ndrc"));
}

TEST_CASE("002 abnormal tender: nobody responding leaves the evaluation stuck and the misconduct unreported") {
  auto d = test::run_scenario(path("abnormal_tender"), Responders::nobody);
  CHECK(test::business(*d, "eval_x2") == BusinessState::missed);
  CHECK_FALSE(fact(*d, "procurement_ruling_issued"));
  CHECK_FALSE(fact(*d, "penalty_decided"));
}

// ---------------------------------------------------------------- response files
TEST_CASE("002 the hand-written response files play without refusals") {
  auto d = test::run_responses(path("expert_absent"), "002_beijing/responses/expert_absent.yaml");
  CHECK(d->finished());
  CHECK(outcomes_of(*d).rejected == 0);
  CHECK(test::held(test::business(*d, "eval_a")));
  CHECK(done(*d, "evaluate_with_incomplete_committee"));  // the recorded rule break
  auto e = test::run_responses(path("annual_comprehensive"), "002_beijing/responses/annual_comprehensive.yaml");
  CHECK(e->finished());
  CHECK(outcomes_of(*e).rejected == 0);
  CHECK(test::held(test::business(*e, "opening_x")));
}

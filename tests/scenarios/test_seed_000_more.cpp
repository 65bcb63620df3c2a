// Seed 000 (三门峡融资服务平台), the further drills: the plan-following team keeps the day's business
// going, nobody responding fails as each fault implies, and together the drills cover the plan.
#include "tests/scenarios/scenario_run.hpp"

using namespace drillsim;
using test::Responders;
using test::fact;
using test::health;

namespace {
const std::string folder = "000_sanmenxia/";
const std::string annual = folder + "scenarios/annual_comprehensive.yaml";
const std::string ca = folder + "scenarios/ca_login_failure.yaml";
const std::string wrong_data = folder + "scenarios/wrong_data.yaml";
const std::string own_system = folder + "scenarios/own_system_db_down.yaml";
const std::string level2 = folder + "scenarios/app_server_hw_level2.yaml";
const std::string level3 = folder + "scenarios/db_server_raid_level3.yaml";
const std::string hang = folder + "scenarios/db_server_hang.yaml";
const std::string peer_data = folder + "scenarios/wrong_data_peer.yaml";



bool done_by(const Drill& d, const std::string& action, const std::string& post) {
  Ix a = d.model().find_action(action);
  Ix p = d.model().find_post(post);
  REQUIRE(a != no_ix);
  REQUIRE(p != no_ix);
  const auto& posts = d.truth().done_by_post[a];
  return std::find(posts.begin(), posts.end(), p) != posts.end();
}

// The id of the highest true level the drill reached ("" if none).
std::string level_reached(const Drill& d) {
  Ix l = d.truth().level;
  return l == no_ix ? "" : d.model().plan.levels[l].id;
}
}  // namespace

// ---------------------------------------------------------------------------------------------
TEST_CASE("000 annual comprehensive drill: the plan-following team holds every deadline and opening") {
  auto d = test::run_scenario(annual, Responders::policy);
  CHECK(test::business(*d, "deadline_am") == BusinessState::held);  // the bidder's browser fixed in time
  CHECK(test::held(test::business(*d, "opening_am")));              // letters from the institution
  CHECK(test::business(*d, "deadline_pm") == BusinessState::held);  // the firewall back within the hour
  CHECK(test::held(test::business(*d, "opening_pm")));
  CHECK(health(*d, "docking") == Health::up);
  CHECK(health(*d, "firewall") == Health::up);
  CHECK(health(*d, "data_display") == Health::up);  // the trading platform's data corrected after approval
  CHECK(fact(*d, "wrong_data_screenshot"));
  CHECK(done_by(*d, "data_change_approval", "delivery"));
  CHECK(d->truth().level_rank <= 1);  // every fault is over well within 2 hours
}

TEST_CASE("000 annual comprehensive drill: nobody responding misses everything and leaves the faults") {
  auto d = test::run_scenario(annual, Responders::nobody);
  CHECK(test::business(*d, "deadline_am") == BusinessState::missed);
  CHECK(test::business(*d, "opening_am") == BusinessState::missed);
  CHECK(test::business(*d, "deadline_pm") == BusinessState::missed);
  CHECK(test::business(*d, "opening_pm") == BusinessState::missed);
  CHECK(health(*d, "docking") == Health::down);
  CHECK(health(*d, "data_display") == Health::degraded);
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("000 CA login drill: the plan-following team gets every bidder logged in before both deadlines") {
  auto d = test::run_scenario(ca, Responders::policy);
  CHECK(test::business(*d, "deadline_am") == BusinessState::held);  // all fail → own system → restart
  CHECK(test::business(*d, "deadline_pm") == BusinessState::held);  // driver guided, new key for the certificate
  CHECK(test::held(test::business(*d, "opening_am")));
  CHECK(test::held(test::business(*d, "opening_pm")));
  CHECK(health(*d, "ca_gateway") == Health::up);
  CHECK(health(*d, "bidder_client") == Health::up);
  CHECK(done_by(*d, "refer_to_ca_company", "delivery"));
  CHECK(done_by(*d, "guide_env_fix", "delivery"));
  CHECK(done_by(*d, "arrange_new_ca_key", "delivery"));
}

TEST_CASE("000 CA login drill: nobody responding misses both bid deadlines") {
  auto d = test::run_scenario(ca, Responders::nobody);
  CHECK(test::business(*d, "deadline_am") == BusinessState::missed);
  CHECK(test::business(*d, "deadline_pm") == BusinessState::missed);
  CHECK(health(*d, "bidder_client") == Health::down);
}

TEST_CASE("000 CA login drill: the recorded trainee run plays without refusals and keeps both deadlines") {
  auto d = test::run_responses(ca, folder + "responses/ca_login_failure.yaml");
  CHECK(d->finished());
  Outcomes o = outcomes_of(*d);
  CHECK(o.rejected == 0);
  CHECK(test::business(*d, "deadline_am") == BusinessState::held);
  CHECK(test::business(*d, "deadline_pm") == BusinessState::held);
  // the imperfections it records
  CHECK(done_by(*d, "check_user_env", "hotline"));  // not a post §5.4 第二步 names
  CHECK(done_by(*d, "tell_root_cause", "delivery"));
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("000 wrong data drill: screenshot first, then the own-system repair corrects the data") {
  auto d = test::run_scenario(wrong_data, Responders::policy);
  CHECK(fact(*d, "wrong_data_screenshot"));
  CHECK(done_by(*d, "check_packets_vs_db", "technical"));
  CHECK(health(*d, "data_display") == Health::up);
  CHECK(test::held(test::business(*d, "opening_am")));
}

TEST_CASE("000 wrong data drill: nobody responding leaves the wrong data in place") {
  auto d = test::run_scenario(wrong_data, Responders::nobody);
  CHECK(health(*d, "data_display") == Health::degraded);
  CHECK_FALSE(fact(*d, "wrong_data_screenshot"));
}

TEST_CASE("000 wrong data drill: the recorded trainee run plays without refusals and corrects the data") {
  auto d = test::run_responses(wrong_data, folder + "responses/wrong_data.yaml");
  CHECK(d->finished());
  CHECK(outcomes_of(*d).rejected == 0);
  CHECK(health(*d, "data_display") == Health::up);
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("000 own-system drill: every diagnosis route ends in §5.3 and the database is back before the deadline") {
  auto d = test::run_scenario(own_system, Responders::policy);
  CHECK(test::held(test::business(*d, "opening_am")));
  CHECK(test::business(*d, "deadline_late_am") == BusinessState::held);
  CHECK(test::held(test::business(*d, "opening_late_am")));
  CHECK(health(*d, "fin_db") == Health::up);
}

TEST_CASE("000 own-system drill: nobody responding misses the opening and the deadline") {
  auto d = test::run_scenario(own_system, Responders::nobody);
  CHECK(test::business(*d, "opening_am") == BusinessState::missed);
  CHECK(test::business(*d, "deadline_late_am") == BusinessState::missed);
  CHECK(health(*d, "fin_db") == Health::down);
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("000 level 2 drill: openings held by letter files, the vendor repairs the server, level 2 filed") {
  auto d = test::run_scenario(level2, Responders::policy);
  CHECK(test::business(*d, "opening_am") == BusinessState::held_fallback);
  CHECK(test::held(test::business(*d, "opening_pm")));
  CHECK(health(*d, "app_server") == Health::up);
  CHECK(level_reached(*d) == "level2");
  CHECK(done_by(*d, "file_with_leader_in_charge", "leader"));
  CHECK(done_by(*d, "call_server_vendor", "netserver"));
  CHECK(fact(*d, "solution_approved"));
}

TEST_CASE("000 level 2 drill: nobody responding misses both openings and the server stays down") {
  auto d = test::run_scenario(level2, Responders::nobody);
  CHECK(test::business(*d, "opening_am") == BusinessState::missed);
  CHECK(test::business(*d, "opening_pm") == BusinessState::missed);
  CHECK(health(*d, "app_server") == Health::down);
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("000 level 3 drill: the director starts and ends the emergency, the database comes back from backup") {
  auto d = test::run_scenario(level3, Responders::policy);
  CHECK(test::business(*d, "opening_am") == BusinessState::held_fallback);
  CHECK(test::held(test::business(*d, "opening_pm")));
  CHECK(level_reached(*d) == "level3");
  CHECK(done_by(*d, "report_to_director", "leader"));
  CHECK(done_by(*d, "start_emergency", "director"));
  CHECK(done_by(*d, "end_emergency", "director"));
  CHECK(done_by(*d, "restore_from_backup", "netserver"));
  CHECK(health(*d, "fin_db") == Health::up);
  CHECK(fact(*d, "data_reentered"));
  CHECK_FALSE(d->truth().data_lost);
}

TEST_CASE("000 level 3 drill: nobody responding misses both openings and the database stays down") {
  auto d = test::run_scenario(level3, Responders::nobody);
  CHECK(test::business(*d, "opening_am") == BusinessState::missed);
  CHECK(test::business(*d, "opening_pm") == BusinessState::missed);
  CHECK(health(*d, "db_server") == Health::down);
  CHECK(health(*d, "fin_db") == Health::down);
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("000 server hang drill: the B person restarts the database server within 100 minutes") {
  auto d = test::run_scenario(hang, Responders::policy);
  CHECK(test::held(test::business(*d, "opening_pm")));
  CHECK(done_by(*d, "restart_service", "netserver"));
  CHECK(health(*d, "db_server") == Health::up);
  CHECK_FALSE(done_by(*d, "solution_to_leadership", "netserver"));  // no need for 第三步
  CHECK(level_reached(*d) == "level1");
}

TEST_CASE("000 server hang drill: nobody responding misses the opening") {
  auto d = test::run_scenario(hang, Responders::nobody);
  CHECK(test::business(*d, "opening_pm") == BusinessState::missed);
  CHECK(health(*d, "db_server") == Health::down);
}

TEST_CASE("000 peer wrong data drill: the data agree, so the guarantor corrects and pushes again") {
  auto d = test::run_scenario(peer_data, Responders::policy);
  CHECK(fact(*d, "wrong_data_screenshot"));
  CHECK(done_by(*d, "contact_fi", "delivery"));
  CHECK_FALSE(done_by(*d, "repair_own_system", "technical"));
  CHECK(health(*d, "data_display") == Health::up);
}

TEST_CASE("000 peer wrong data drill: nobody responding leaves the wrong beneficiary in place") {
  auto d = test::run_scenario(peer_data, Responders::nobody);
  CHECK(health(*d, "data_display") == Health::degraded);
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("000 the shipped drills together start every procedure of the plan") {
  const std::vector<std::string> all = {folder + "scenarios/network_cut_opening.yaml",
                                        folder + "scenarios/letters_not_retrieved.yaml",
                                        annual, ca, wrong_data, own_system, level2, level3, hang, peer_data};
  std::vector<char> started;
  for (const auto& path : all) {
    auto model = test::load_or_fail(path);
    if (started.empty()) started.assign(model->plan.procedures.size(), 0);
    Drill drill(model);
    PlanPolicy policy(*model);
    run_with_policy(drill, policy);
    for (Ix p = 0; p < started.size(); ++p)
      if (policy.procedure_started(p)) started[p] = 1;
  }
  auto model = test::load_or_fail(ca);
  for (Ix p = 0; p < started.size(); ++p) {
    INFO("procedure " << model->plan.procedures[p].id);
    CHECK(started[p]);
  }
}

// Seed 004 (天津市红桥区信用信息共享平台): the shipped drills play as the plan intends, and fail when ignored.
// The credit platform has no bid openings: outcomes are the member units' upload batches (第七条 1),
// the platform's services at the end of the drill, and whether data were lost (第七条 异地备份).
#include <set>
#include <vector>

#include "tests/scenarios/scenario_run.hpp"

using namespace drillsim;
using test::Responders;
using test::fact;
using test::health;

namespace {
const std::string annual = "004_tianjin/scenarios/annual_2026.yaml";
const std::string db_unusable = "004_tianjin/scenarios/db_backup_unusable.yaml";
const std::string attack = "004_tianjin/scenarios/attack_webshell.yaml";
const std::string virus = "004_tianjin/scenarios/virus_server.yaml";
const std::string fire = "004_tianjin/scenarios/machine_room_fire.yaml";
const std::string line_cut = "004_tianjin/scenarios/network_line_cut.yaml";
const std::string power = "004_tianjin/scenarios/power_outage.yaml";
const std::string hardware = "004_tianjin/scenarios/server_hardware.yaml";



// The platform's three core services all work.
bool services_up(const Drill& d) {
  return health(d, "platform_app") == Health::up && health(d, "upload_service") == Health::up &&
         health(d, "sharing_portal") == Health::up;
}

// Plan-following run: the upload batch is held (on time, late or by the units holding their data),
// every service is back at the end and no data are lost.
void check_policy_run(const std::string& scenario) {
  auto d = test::run_scenario(scenario, Responders::policy);
  CHECK(d->finished());
  CHECK(test::held(test::business(*d, "upload_pm")));
  CHECK(services_up(*d));
  CHECK_FALSE(d->truth().data_lost);
}

// Nobody responds: the afternoon batch is missed and the services are still down at the end.
void check_nobody_run(const std::string& scenario) {
  auto d = test::run_scenario(scenario, Responders::nobody);
  CHECK(test::business(*d, "upload_pm") == BusinessState::missed);
  CHECK_FALSE(services_up(*d));
  CHECK(health(*d, "upload_service") == Health::down);
}
}  // namespace

TEST_CASE("004 annual drill: the plan-following team holds both upload batches and restores everything") {
  auto d = test::run_scenario(annual, Responders::policy);
  CHECK(test::business(*d, "upload_am") == BusinessState::held);  // the warning was handled early (第四条)
  CHECK(test::held(test::business(*d, "upload_pm")));              // units held their data (第七条 1)
  CHECK(services_up(*d));
  CHECK(health(*d, "credit_db") == Health::up);                    // restored from the off-site backup
  CHECK(health(*d, "db_tablespace") == Health::up);
  CHECK(health(*d, "ops_workstation") == Health::up);              // cleaned and back on the network
  CHECK_FALSE(fact(*d, "uploads_suspended"));                      // the units were told to resume
  CHECK_FALSE(d->truth().data_lost);
}

TEST_CASE("004 annual drill: nobody responding misses both batches and ends with the platform down") {
  auto d = test::run_scenario(annual, Responders::nobody);
  CHECK(test::business(*d, "upload_am") == BusinessState::missed);  // the tablespace filled up
  CHECK(test::business(*d, "upload_pm") == BusinessState::missed);
  CHECK(health(*d, "credit_db") == Health::down);
  CHECK_FALSE(services_up(*d));
}

TEST_CASE("004 database with an unusable off-site backup: the vendor's emergency support restores it") {
  check_policy_run(db_unusable);
  auto d = test::run_scenario(db_unusable, Responders::policy);
  CHECK(test::business(*d, "upload_pm") == BusinessState::held_fallback);  // 暂缓上传上报数据
  CHECK(health(*d, "offsite_backup") == Health::down);                     // the backup itself stays bad
}

TEST_CASE("004 database with an unusable off-site backup: nobody responding leaves the database down") {
  check_nobody_run(db_unusable);
  auto d = test::run_scenario(db_unusable, Responders::nobody);
  CHECK(health(*d, "credit_db") == Health::down);
}

TEST_CASE("004 attack: software and data are restored from the backups kept in a safe place") {
  check_policy_run(attack);
  auto d = test::run_scenario(attack, Responders::policy);
  CHECK(health(*d, "app_software") == Health::up);
  CHECK(health(*d, "credit_data") == Health::up);
  CHECK(health(*d, "credit_db") == Health::up);  // stopped in time: the attacker never reached the database
}

TEST_CASE("004 attack: nobody responding leaves the software destroyed and the data damaged") {
  check_nobody_run(attack);
  auto d = test::run_scenario(attack, Responders::nobody);
  CHECK(health(*d, "app_software") == Health::down);
  CHECK(health(*d, "credit_data") != Health::up);
  CHECK(health(*d, "credit_db") == Health::down);  // not stopped: the attacker went on to the database
}

TEST_CASE("004 server virus: isolated, removed by the vendor, server back on the network") {
  check_policy_run(virus);
  auto d = test::run_scenario(virus, Responders::policy);
  CHECK(health(*d, "app_server") == Health::up);
}

TEST_CASE("004 server virus: nobody responding lets the payload run") {
  check_nobody_run(virus);
  auto d = test::run_scenario(virus, Responders::nobody);
  CHECK(health(*d, "app_server") == Health::down);
}

TEST_CASE("004 machine-room fire: the database is rebuilt on a spare server from the off-site backup") {
  check_policy_run(fire);
  auto d = test::run_scenario(fire, Responders::policy);
  CHECK(health(*d, "db_server") == Health::down);   // lost in the fire
  CHECK(health(*d, "spare_db") == Health::up);      // rebuilt from the off-site backup
  CHECK(health(*d, "app_server") == Health::up);    // the fire brigade came in time
  CHECK(health(*d, "offsite_backup") == Health::up);
}

TEST_CASE("004 machine-room fire: nobody responding loses the room but not the data (异地备份)") {
  check_nobody_run(fire);
  auto d = test::run_scenario(fire, Responders::nobody);
  CHECK(health(*d, "app_server") == Health::down);
  CHECK(health(*d, "db_server") == Health::down);
  CHECK(health(*d, "offsite_backup") == Health::up);  // outside the machine room
  CHECK_FALSE(d->truth().data_lost);
}

TEST_CASE("004 network line cut: the network operator repairs the line in time") {
  check_policy_run(line_cut);
}

TEST_CASE("004 network line cut: nobody responding leaves the platform unreachable") {
  check_nobody_run(line_cut);
  auto d = test::run_scenario(line_cut, Responders::nobody);
  CHECK(health(*d, "gov_line") == Health::down);
}

TEST_CASE("004 power cut: the crashed database is recovered once power is back") {
  check_policy_run(power);
  auto d = test::run_scenario(power, Responders::policy);
  CHECK(health(*d, "mains_power") == Health::up);
  CHECK(health(*d, "credit_db") == Health::up);
}

TEST_CASE("004 power cut: nobody responding leaves the crashed database down after power returns") {
  check_nobody_run(power);
  auto d = test::run_scenario(power, Responders::nobody);
  CHECK(health(*d, "mains_power") == Health::up);  // the utility restored power by itself
  CHECK(health(*d, "credit_db") == Health::down);
}

TEST_CASE("004 server hardware: the hardware provider repairs the server") {
  check_policy_run(hardware);
}

TEST_CASE("004 server hardware: nobody responding leaves the server down") {
  check_nobody_run(hardware);
  auto d = test::run_scenario(hardware, Responders::nobody);
  CHECK(health(*d, "app_server") == Health::down);
}

TEST_CASE("004 every procedure of the plan is started by some shipped drill") {
  std::set<Ix> started;
  Ix procedures = 0;
  for (const auto& s : {annual, db_unusable, attack, virus, fire, line_cut, power, hardware}) {
    auto model = test::load_or_fail(s);
    procedures = static_cast<Ix>(model->plan.procedures.size());
    Drill drill(model);
    PlanPolicy policy(*model);
    run_with_policy(drill, policy);
    for (Ix p = 0; p < procedures; ++p)
      if (policy.procedure_started(p)) started.insert(p);
  }
  CHECK(started.size() == procedures);
}

TEST_CASE("004 the hand-written response file plays without refusals") {
  auto d = test::run_responses(annual, "004_tianjin/responses/annual_2026.yaml");
  CHECK(d->finished());
  CHECK(outcomes_of(*d).rejected == 0);
  CHECK(test::held(test::business(*d, "upload_pm")));
  CHECK(services_up(*d));
}

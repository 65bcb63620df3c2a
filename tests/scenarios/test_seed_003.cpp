// Seed 003 (濮阳市财政局): the shipped drills play as the plan intends, and fail when ignored.
#include <cstdio>
#include <string>
#include <vector>

#include "tests/scenarios/scenario_run.hpp"

using namespace drillsim;
using test::Responders;

namespace {
const std::string dir = "003_puyang/";
const std::string annual = dir + "scenarios/annual_drill.yaml";
const std::string fire = dir + "scenarios/fire_machine_room.yaml";
const std::string ups = dir + "scenarios/ups_failure.yaml";
const std::string network = dir + "scenarios/network_faults.yaml";
const std::string security = dir + "scenarios/security_incidents.yaml";
const std::string hosts = dir + "scenarios/hosts_and_software.yaml";
const std::string rainstorm = dir + "scenarios/rainstorm_disaster.yaml";
const std::string planned = dir + "scenarios/planned_outage.yaml";

const ComponentState& comp(const Drill& d, const char* id) {
  Ix c = d.model().find_component(id);
  REQUIRE_MESSAGE(c != no_ix, "no component " << id);
  return d.truth().components[c];
}
bool up(const Drill& d, const char* id) { return comp(d, id).health == Health::up; }

// The first time the journal records the room rising through `tenths` (°C × 10), or -1.
SimTime crossing(const Drill& d, const char* room, std::int64_t tenths) {
  for (const JournalEntry& e : d.journal().entries())
    if (e.kind == EntryKind::temperature && e.subject == room && e.result == "rising" && e.value == tenths) return e.t;
  return -1;
}
bool any_overheated(const Drill& d) {
  for (const JournalEntry& e : d.journal().entries())
    if (e.kind == EntryKind::component_state && e.result == "overheated") return true;
  return false;
}
bool has_fault(const Drill& d, const char* id) { return !comp(d, id).faults.empty(); }
bool did(const Drill& d, const char* action) {
  Ix a = d.model().find_action(action);
  REQUIRE_MESSAGE(a != no_ix, "no action " << action);
  return d.truth().done_count[a] > 0;
}
// "H:MM:SS" elapsed since the scenario start, in seconds.
SimTime at(const char* elapsed) {
  int h = 0, m = 0, s = 0;
  std::sscanf(elapsed, "%d:%d:%d", &h, &m, &s);
  return h * 3600 + m * 60 + s;
}
}  // namespace

// ---------------------------------------------------------------- annual comprehensive drill
TEST_CASE("003 annual drill: the plan-following team keeps every business event and no device overheats") {
  auto d = test::run_scenario(annual, Responders::policy);
  CHECK(test::held(test::business(*d, "payment_am")));
  CHECK(test::held(test::business(*d, "upload_am")));
  CHECK(test::held(test::business(*d, "payment_pm")));
  CHECK(test::held(test::business(*d, "upload_pm")));
  CHECK_FALSE(d->truth().data_lost);
  CHECK_FALSE(any_overheated(*d));
  // the generator was started and switched back in the plan's order
  CHECK(did(*d, "start_generator"));
  CHECK(did(*d, "close_ac_breaker_gen"));
  CHECK(did(*d, "stop_generator"));
  CHECK(up(*d, "core_business"));
  CHECK(up(*d, "finance_db"));
  CHECK(up(*d, "wan_uplink"));
}

TEST_CASE("003 annual drill: the cooling loss takes the room past 38 °C when the heat rate says") {
  auto d = test::run_scenario(annual, Responders::policy);
  // central AC fails at 14:10 (5 h 40 min after the 08:30 start); 22 °C + 0.25 °C/min × 64 min = 38 °C
  CHECK(crossing(*d, "machine_room", 380) == at("5:40:00") + 64 * 60);
  // the morning power cut does not reach 38 °C: the generator brings the air conditioning back in time
  for (const JournalEntry& e : d->journal().entries())
    if (e.kind == EntryKind::temperature && e.result == "rising" && e.value >= 380) CHECK(e.t >= at("5:40:00"));
  CHECK(did(*d, "shut_peripherals"));
  CHECK(did(*d, "ventilate"));
}

TEST_CASE("003 annual drill: with nobody responding the UPS drain, the room overheats and business is missed") {
  auto d = test::run_scenario(annual, Responders::nobody);
  // the power cut at 08:50 heats the room: 38 °C after 64 min (09:54)
  CHECK(crossing(*d, "machine_room", 380) == at("0:20:00") + 64 * 60);
  CHECK(any_overheated(*d));
  CHECK(comp(*d, "ups_1").off != OffReason::none);  // overheated room or battery empty: no UPS output left
  CHECK_FALSE(up(*d, "ups_output"));
  CHECK(test::business(*d, "upload_am") == BusinessState::missed);
  CHECK(test::business(*d, "payment_pm") == BusinessState::missed);
  CHECK(test::business(*d, "upload_pm") == BusinessState::missed);
  CHECK_FALSE(up(*d, "core_business"));
}

// ---------------------------------------------------------------- fire
TEST_CASE("003 fire: the plan-following team saves the backups first and restores the systems") {
  for (std::uint64_t seed : {0ull, 1ull, 2ull, 3ull}) {
    auto d = test::run_scenario(fire, Responders::policy, seed);
    INFO("seed " << seed);
    CHECK_FALSE(d->truth().data_lost);
    CHECK(test::held(test::business(*d, "payment_pm")));
    CHECK(test::held(test::business(*d, "upload_pm")));
    CHECK(up(*d, "core_business"));
    CHECK(up(*d, "machine_room"));
    CHECK(did(*d, "move_backup_media_out"));
    CHECK(did(*d, "call_119"));
  }
}

TEST_CASE("003 fire: with nobody responding the fire destroys the backups and the business stops") {
  auto d = test::run_scenario(fire, Responders::nobody);
  CHECK(d->truth().data_lost);
  CHECK(comp(*d, "backup_media").off == OffReason::destroyed);
  CHECK(comp(*d, "disk_array").off == OffReason::destroyed);
  CHECK(test::business(*d, "payment_pm") == BusinessState::missed);
  CHECK_FALSE(up(*d, "core_business"));
}

// ---------------------------------------------------------------- UPS
TEST_CASE("003 UPS failure: the plan-following team restores power and services in time") {
  auto d = test::run_scenario(ups, Responders::policy);
  CHECK(test::held(test::business(*d, "upload_noon")));
  CHECK(test::held(test::business(*d, "payment_pm")));
  CHECK(up(*d, "ups_output"));
  CHECK(up(*d, "core_business"));
  CHECK(up(*d, "channel_business"));
  CHECK(up(*d, "tape_library"));  // the spare power module was fitted
  CHECK(did(*d, "check_production_data"));
  CHECK(did(*d, "start_core_services"));
}

TEST_CASE("003 UPS failure: with nobody responding the room stays dark") {
  auto d = test::run_scenario(ups, Responders::nobody);
  CHECK_FALSE(up(*d, "ups_output"));
  CHECK(test::business(*d, "upload_noon") == BusinessState::missed);
  CHECK(test::business(*d, "payment_pm") == BusinessState::missed);
  CHECK_FALSE(up(*d, "core_business"));
}

// ---------------------------------------------------------------- network
TEST_CASE("003 network faults: the spare switch saves the payments, the suspension saves the uploads") {
  auto d = test::run_scenario(network, Responders::policy);
  CHECK(test::held(test::business(*d, "payment_am")));
  CHECK(test::business(*d, "upload_pm") == BusinessState::held_fallback);
  CHECK(did(*d, "enable_spare_switch"));
  CHECK(did(*d, "notify_subordinates_suspend"));
  CHECK(up(*d, "lan"));
}

TEST_CASE("003 network faults: with nobody responding the LAN stays down and business is missed") {
  auto d = test::run_scenario(network, Responders::nobody);
  CHECK(test::business(*d, "payment_am") == BusinessState::missed);
  CHECK(test::business(*d, "upload_pm") == BusinessState::missed);
  CHECK_FALSE(up(*d, "lan"));
  CHECK_FALSE(up(*d, "wan_uplink"));
}

// ---------------------------------------------------------------- security
TEST_CASE("003 security incidents: content cleared, attacks contained, business kept") {
  auto d = test::run_scenario(security, Responders::policy);
  CHECK(test::held(test::business(*d, "payment_pm")));
  CHECK(test::held(test::business(*d, "upload_pm")));
  CHECK(up(*d, "website_content"));
  CHECK(up(*d, "web_server"));
  CHECK(up(*d, "app_server"));
  CHECK(up(*d, "report_system"));
  CHECK(did(*d, "isolate_server"));
  CHECK(did(*d, "request_upper_support"));  // neither website maintainer could come
  CHECK(did(*d, "report_police_or_upper"));
}

TEST_CASE("003 security incidents: with nobody responding the site stays defaced and the reports are lost") {
  auto d = test::run_scenario(security, Responders::nobody);
  CHECK(has_fault(*d, "website_content"));
  CHECK(has_fault(*d, "web_server"));
  CHECK(has_fault(*d, "app_server"));
  CHECK_FALSE(up(*d, "report_system"));
  CHECK(test::business(*d, "upload_pm") == BusinessState::missed);
}

// ---------------------------------------------------------------- hosts and software
TEST_CASE("003 hosts and software: the integrator, the OS vendor and the developer bring everything back") {
  auto d = test::run_scenario(hosts, Responders::policy);
  CHECK(test::held(test::business(*d, "payment_am")));
  CHECK(test::held(test::business(*d, "upload_pm")));
  CHECK(up(*d, "host_cluster"));
  CHECK(up(*d, "app_server"));
  CHECK(did(*d, "call_integrator_onsite"));
  CHECK(did(*d, "call_os_vendor"));
  CHECK(did(*d, "call_tongfang"));
}

TEST_CASE("003 hosts and software: with nobody responding both hosts stay down") {
  auto d = test::run_scenario(hosts, Responders::nobody);
  CHECK_FALSE(up(*d, "host_cluster"));
  CHECK(test::business(*d, "payment_am") == BusinessState::missed);
  CHECK(test::business(*d, "upload_pm") == BusinessState::missed);
}

// ---------------------------------------------------------------- rainstorm and long outage
TEST_CASE("003 rainstorm: generator on a low battery, the upper unit rebuilds, no data lost") {
  auto d = test::run_scenario(rainstorm, Responders::policy);
  CHECK_FALSE(d->truth().data_lost);
  CHECK(up(*d, "core_business"));
  CHECK(up(*d, "finance_db"));
  CHECK(did(*d, "request_upper_unit_support"));
  CHECK(did(*d, "restore_data_after_rebuild"));
  CHECK(did(*d, "start_generator"));
  CHECK(did(*d, "shut_noncritical"));
  CHECK(did(*d, "ventilate"));  // the room passes 38 °C before the generator is started
  // the grid goes at 18:00 (30 min after the start): 38 °C at 19:04, but no device overheats
  CHECK(crossing(*d, "machine_room", 380) == at("0:30:00") + 64 * 60);
  CHECK_FALSE(any_overheated(*d));
  CHECK(up(*d, "ups_output"));
}

TEST_CASE("003 rainstorm: with nobody responding the UPS drain, the room overheats and nothing is rebuilt") {
  auto d = test::run_scenario(rainstorm, Responders::nobody);
  CHECK(any_overheated(*d));
  CHECK_FALSE(up(*d, "core_business"));
  CHECK_FALSE(up(*d, "host_cluster"));
}

// ---------------------------------------------------------------- planned outage
TEST_CASE("003 planned outage: the generator carries the room and is switched back by the rules") {
  auto d = test::run_scenario(planned, Responders::policy);
  CHECK(up(*d, "core_business"));
  CHECK(up(*d, "ups_output"));
  CHECK_FALSE(any_overheated(*d));
  CHECK(did(*d, "open_gen_breakers"));
  CHECK(did(*d, "stop_generator"));
  CHECK(comp(*d, "core_business").total_down == 0);
}

TEST_CASE("003 planned outage: with nobody responding the UPS run out and the devices overheat") {
  auto d = test::run_scenario(planned, Responders::nobody);
  CHECK(any_overheated(*d));
  CHECK_FALSE(up(*d, "core_business"));
}

// ---------------------------------------------------------------- coverage of the plan by the drills
TEST_CASE("003 every procedure of the plan is started by the plan-following team in some drill") {
  const std::vector<std::string> all = {annual, fire, ups, network, security, hosts, rainstorm, planned};
  auto model = test::load_or_fail(annual);
  std::vector<char> started(model->plan.procedures.size(), 0);
  for (const auto& path : all) {
    auto m = test::load_or_fail(path);
    Drill drill(m);
    PlanPolicy policy(*m);
    run_with_policy(drill, policy);
    for (Ix p = 0; p < m->plan.procedures.size(); ++p)
      if (policy.procedure_started(p)) started[p] = 1;
  }
  for (Ix p = 0; p < started.size(); ++p) {
    INFO("procedure " << model->plan.procedures[p].id);
    CHECK(started[p]);
  }
}

// ---------------------------------------------------------------- response files
TEST_CASE("003 the hand-written response file plays without refusals") {
  auto d = test::run_responses(annual, dir + "responses/annual_drill.yaml");
  CHECK(d->finished());
  CHECK(test::held(test::business(*d, "payment_am")));
  CHECK(test::held(test::business(*d, "payment_pm")));
  CHECK_FALSE(any_overheated(*d));
  std::size_t refused = 0;
  for (const JournalEntry& e : d->journal().entries())
    if (e.kind == EntryKind::rejected) ++refused;
  CHECK(refused == 0);
}

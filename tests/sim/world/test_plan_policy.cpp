// The plan-following policy: triggers, steps with their posts, branches on observations, jumps.
#include <doctest/doctest.h>

#include <fmt/ranges.h>

#include "sim/world/plan_policy.hpp"
#include "tests/sim/world/mini_platform.hpp"

using namespace drillsim;

namespace {
constexpr Ix srv_a = 7, srv_b = 8, app = 11;

// Procedure 0 "app unreachable": triggered by the hotline complaint; step 1 bastion login on app;
// if it fails, jump to procedure 1 "server problem": restart srv_b, then report.
Model with_plan() {
  Model m = test::mini_model();
  m.scenario.injects = {test::fault_at("a", 600, srv_a, 0), test::fault_at("b", 600, srv_b, 0)};
  Procedure diagnose;
  diagnose.id = "unreachable";
  diagnose.trigger.kind = Condition::Kind::message;
  diagnose.trigger.text = "app_down";
  Step login;
  login.id = "login";
  login.responsible = {0};
  login.expect = {ExpectedAction{1, app, "app"}};
  Branch to_server;
  to_server.when.kind = Condition::Kind::observed;
  to_server.when.ref = 1;
  to_server.when.text = "fail";
  to_server.goto_procedure = 1;
  Branch fine;
  fine.end = true;
  login.branches = {to_server, fine};
  diagnose.steps = {login};
  Procedure server;
  server.id = "server";
  Step restart;
  restart.id = "restart";
  restart.responsible = {0};
  restart.expect = {ExpectedAction{0, srv_b, "srv_b"}};
  Step report;
  report.id = "report";
  report.responsible = {1};
  report.expect = {ExpectedAction{3, no_ix, ""}};
  server.steps = {restart, report};
  m.plan.procedures = {diagnose, server};
  return m;
}

std::vector<std::string> done_actions(const Drill& d) {
  std::vector<std::string> out;
  for (const auto& e : d.journal().entries())
    if (e.kind == EntryKind::action_done) out.push_back(e.post + ":" + e.action + (e.target.empty() ? "" : "@" + e.target));
  return out;
}
}  // namespace

TEST_CASE("the policy diagnoses, follows the failed login to the server procedure, restores and reports") {
  auto model = test::share(with_plan());
  Drill d(model);
  PlanPolicy policy(*model);
  run_with_policy(d, policy);
  INFO(fmt::format("{}", fmt::join(done_actions(d), " ")));
  CHECK(done_actions(d) == std::vector<std::string>{"tech:bastion_login@app", "tech:restart@srv_b", "leader:report"});
  CHECK(policy.procedure_started(1));
  // Complaint at 600+120, login 120 s, restart 300 s: the app is back at 1140.
  CHECK(d.downtime(app) == 540);
}

TEST_CASE("the policy does not start a procedure whose trigger never holds") {
  Model m = with_plan();
  m.scenario.injects.clear();
  auto model = test::share(m);
  Drill d(model);
  PlanPolicy policy(*model);
  run_with_policy(d, policy);
  CHECK(done_actions(d).empty());
  CHECK_FALSE(policy.procedure_started(0));
}

TEST_CASE("the policy acts only for the posts it is given") {
  auto model = test::share(with_plan());
  Drill d(model);
  PlanPolicy policy(*model, {1});  // the leader only: the technical steps are left to the trainees
  run_with_policy(d, policy);
  for (const auto& a : done_actions(d)) CHECK(a.rfind("leader:", 0) == 0);
}

TEST_CASE("a step with branches waits until one holds, then goes where it says") {
  Model m = with_plan();
  // Make the login step wait for the application to come back instead of jumping.
  Step& login = m.plan.procedures[0].steps[0];
  Branch back;
  back.when.kind = Condition::Kind::health;
  back.when.component = app;
  back.when.health = Health::up;
  back.end = true;
  login.branches = {back};
  Inject fix;
  fix.id = "fix";
  fix.kind = Inject::Kind::clear;
  fix.at = 3000;
  fix.component = srv_b;
  fix.ref = 0;
  m.scenario.injects.push_back(fix);
  auto model = test::share(m);
  Drill d(model);
  PlanPolicy policy(*model);
  run_with_policy(d, policy);
  CHECK(done_actions(d) == std::vector<std::string>{"tech:bastion_login@app"});
  CHECK_FALSE(policy.procedure_started(1));
}

TEST_CASE("a repeatable procedure runs again when its symptom arrives anew; a plain one runs once") {
  for (bool repeat : {false, true}) {
    Model m = with_plan();
    m.plan.procedures[0].repeat = repeat;
    m.plan.procedures[1].repeat = repeat;
    // A second incident: both servers crash again at 7200 after the first restart.
    m.scenario.injects.push_back(test::fault_at("a2", 7200, srv_a, 0));
    m.scenario.injects.push_back(test::fault_at("b2", 7200, srv_b, 0));
    auto model = test::share(m);
    Drill d(model);
    PlanPolicy policy(*model);
    run_with_policy(d, policy);
    std::size_t logins = 0;
    for (const auto& a : done_actions(d)) logins += a == "tech:bastion_login@app";
    CHECK(logins == (repeat ? 2u : 1u));
  }
}

TEST_CASE("a step's starts run other procedures alongside, and the step goes on") {
  Model m = with_plan();
  m.plan.procedures[0].steps[0].starts = {1};  // start the server procedure as soon as the login is done
  m.plan.procedures[0].steps[0].branches.clear();
  auto model = test::share(m);
  Drill d(model);
  PlanPolicy policy(*model);
  run_with_policy(d, policy);
  CHECK(policy.procedure_started(1));
}

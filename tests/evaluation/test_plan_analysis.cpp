// Plan analysis finds the gaps a planner must see: single points, missing stand-ins, impossible limits.
#include <doctest/doctest.h>

#include "evaluation/plan_analysis.hpp"
#include "tests/sim/world/mini_platform.hpp"

using namespace drillsim;

namespace {
constexpr Ix srv_b = 8, db = 9, wan = 10, app = 11;

bool has(const PlanAnalysis& a, const std::string& kind, const std::string& subject) {
  for (const auto& f : a.findings)
    if (f.kind == kind && f.subject == subject) return true;
  return false;
}

// A plan over the mini platform with gaps on purpose.
Model planned() {
  Model m = test::mini_model();
  m.platform.components[app].kind = ComponentKind::application;
  Procedure proc;
  proc.id = "server";
  proc.within = 400;  // but login (120 s) + restart (300 s) + report (60 s) take 480 s at best
  Step login;
  login.id = "login";
  login.responsible = {0};
  login.expect = {ExpectedAction{1, app, "app"}};
  Branch odd;
  odd.when.kind = Condition::Kind::observed;
  odd.when.ref = 1;
  odd.when.text = "maybe";  // bastion_login only reports ok or fail
  odd.next_step = 2;
  Branch always;
  always.next_step = 1;
  Branch dead;
  dead.end = true;
  login.branches = {odd, always, dead};
  Step restart;
  restart.id = "restart";
  restart.responsible = {0};
  restart.expect = {ExpectedAction{0, srv_b, "srv_b"}};
  restart.within = 300;  // login 120 s + restart 300 s = 420 s at best
  Step report;
  report.id = "report";
  report.responsible = {1};  // the leader post has one holder
  report.expect = {ExpectedAction{3, no_ix, ""}};
  proc.steps = {login, restart, report};
  m.plan.procedures = {proc};
  Level low, high;
  low.id = "low";
  low.rank = 1;
  low.when.kind = Condition::Kind::outage_over;
  low.when.component = app;
  low.when.time = 7200;
  high = low;
  high.id = "high";
  high.rank = 2;
  high.when.time = 3600;  // more severe, yet reached sooner: contradicts the ranks
  m.plan.levels = {low, high};
  return m;
}
}  // namespace

TEST_CASE("single points of failure respect redundancy: one of two servers or UPS units is not one") {
  Model m = planned();
  std::vector<Ix> spof = single_points_of_failure(m, app);
  CHECK(spof == std::vector<Ix>{db, wan});
}

TEST_CASE("the fastest path adds the steps' least durations along the quickest branches") {
  Model m = planned();
  CHECK(fastest_time_to(m, 0, 0) == 120);
  CHECK(fastest_time_to(m, 0, 1) == 420);
  CHECK(fastest_time_to(m, 0, 2) == 480);
}

TEST_CASE("the analysis names each gap of the plan") {
  PlanAnalysis a = analyze_plan(planned());
  CHECK(has(a, "single_point", "db"));
  CHECK(has(a, "single_point", "wan"));
  CHECK_FALSE(has(a, "single_point", "srv_a"));
  CHECK(has(a, "no_stand_in", "leader"));
  CHECK_FALSE(has(a, "no_stand_in", "tech"));  // A and B
  CHECK(has(a, "infeasible_limit", "server/restart"));
  CHECK(has(a, "infeasible_limit", "server"));
  CHECK(has(a, "unreachable_branch", "server/login#1"));  // waits for a result never reported
  CHECK(has(a, "unreachable_branch", "server/login#3"));  // after an unconditional branch
  CHECK_FALSE(has(a, "unreachable_branch", "server/login#2"));
  CHECK(has(a, "level_conflict", "high<low"));
  CHECK(has(a, "unhandled_fault", "line_cut"));  // no action repairs a cut line
  CHECK(has(a, "unanswered_symptom", "app_down"));  // the procedure has no trigger on it
}

TEST_CASE("a plan without gaps of a kind reports none of that kind") {
  Model m = planned();
  m.plan.levels[1].when.time = 14400;
  m.plan.procedures[0].within = 0;
  m.plan.procedures[0].steps[1].within = 0;
  PlanAnalysis a = analyze_plan(m);
  CHECK(a.count("level_conflict") == 0);
  CHECK(a.count("infeasible_limit") == 0);
}

// ClockedCondition answers as evaluating the condition every time would, while evaluating it far
// less: checked after every event of policy runs of every shipped scenario, on every trigger,
// resolution, level and contingency condition, and on the horizon of an `outage_over` trigger as outages come and go.
#include "scoring/clocked_condition.hpp"
#include "tests/scoring/scoring_util.hpp"

using namespace drillsim;
using scoring::detail::ClockedCondition;

TEST_CASE("a clocked condition answers as evaluating it after every event, on every shipped scenario") {
  long asked = 0;
  for (const std::string& path : test::shipped_scenarios()) {
    LoadResult r = load_scenario(path);
    REQUIRE_MESSAGE(r.ok(), path);
    const Model& m = *r.model;
    std::vector<const Condition*> conditions;
    for (const Procedure& p : m.plan.procedures) {
      conditions.push_back(&p.trigger);
      conditions.push_back(&p.resolved);
    }
    for (const Level& l : m.plan.levels) conditions.push_back(&l.when);
    for (const Inject& inj : m.scenario.injects)
      if (!inj.timed) conditions.push_back(&inj.when);
    std::vector<ClockedCondition> clocked;
    for (const Condition* c : conditions) clocked.emplace_back(c);

    DrillOptions options;
    options.seed = 7;
    options.seed_given = true;
    Drill drill(r.model, options);
    int mismatches = 0;
    drill.set_observer([&](const Drill& d) {
      for (std::size_t i = 0; i < conditions.size(); ++i) {
        ++asked;
        if (clocked[i].holds(d) != d.condition_holds(*conditions[i])) ++mismatches;
      }
    });
    PlanPolicy policy(m);
    run_with_policy(drill, policy);
    INFO(path);
    CHECK(mismatches == 0);
  }
  CHECK(asked > 100000);
}

TEST_CASE("an outage_over is re-evaluated when the outage reaches its duration, not before") {
  auto model = test::load_model("scenarios/003_puyang/scenarios/annual_drill.yaml");
  // The plan's own trigger of the joint investigation: a business outage of 8 hours.
  const Procedure* joint = nullptr;
  for (const Procedure& p : model->plan.procedures)
    if (p.trigger.kind == Condition::Kind::outage_over && p.trigger.time == 8 * 3600) joint = &p;
  REQUIRE(joint != nullptr);
  DrillOptions options;
  options.seed = 7;
  options.seed_given = true;
  Drill drill(model, options);
  // The horizon of a condition that cannot change with the clock alone is `never`; once something
  // tagged is down, it is the moment the outage reaches its duration.
  SimTime horizon = scoring::detail::clock_horizon(drill, joint->trigger, 0);
  CHECK(horizon == never);
  PlanPolicy policy(*model);
  policy.act(drill);
  bool saw_down = false;
  while (drill.step()) {
    policy.act(drill);
    SimTime h = scoring::detail::clock_horizon(drill, joint->trigger, 0);
    if (h == never) continue;
    saw_down = true;
    CHECK(h > drill.now());
    CHECK(h - drill.now() <= 8 * 3600);
  }
  CHECK(saw_down);
}

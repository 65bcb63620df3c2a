// Good files load whole, with the values a trainer wrote: durations, distributions, conditions,
// resolved indices, the platform's topological order and the repairs each fault type has.
#include <algorithm>

#include "load_test_util.hpp"

using namespace drillsim;
using drillsim::test::all_problems;
using drillsim::test::fixture;

namespace {

std::shared_ptr<const Model> load_ok(const std::string& path, FileKind kind) {
  const LoadResult r = load_file(path);
  INFO(all_problems(r));
  REQUIRE(r.ok());
  CHECK(r.problems.empty());
  CHECK(r.kind == kind);
  return r.model;
}

}  // namespace

TEST_CASE("the mini organisation: groups, persons, posts with holders, parties") {
  const auto m = load_ok(fixture("mini_organisation.yaml"), FileKind::organisation);
  const Organisation& org = m->organisation;
  CHECK(org.id == "mini_org");
  CHECK(org.name.zh == "测试组织");
  CHECK(org.file == fixture("mini_organisation.yaml"));
  REQUIRE(org.groups.size() == 2);
  CHECK(org.groups[1].name.en == "Technical group");
  CHECK(org.groups[1].name.zh.empty());
  REQUIRE(org.persons.size() == 3);
  CHECK(org.persons[1].absent_probability == doctest::Approx(0.25));
  CHECK(org.persons[1].late.kind == Distribution::Kind::exponential);
  CHECK(org.persons[1].late.a == 300);
  CHECK(org.persons[2].late.kind == Distribution::Kind::fixed);
  CHECK(org.persons[2].late.a == 90);
  REQUIRE(org.posts.size() == 3);
  CHECK(org.posts[0].group == 0);
  CHECK(org.posts[1].holders == std::vector<Ix>{1, 2});
  CHECK(org.posts[2].holders.empty());
  REQUIRE(org.parties.size() == 3);
  CHECK(org.parties[0].response.kind == Distribution::Kind::normal);
  CHECK(org.parties[0].response.a == 1800);
  CHECK(org.parties[0].response.b == 300);
  CHECK(org.parties[1].kind == "fire_brigade");
  CHECK(org.parties[1].response.kind == Distribution::Kind::discrete);
  CHECK(org.parties[1].response.values == std::vector<double>{480, 900});
  CHECK(org.parties[1].response.weights == std::vector<double>{3, 1});
  CHECK(org.parties[1].name.zh == "119");
  CHECK(org.parties[2].kind == "telecom");
  // Nothing above the organisation was reached.
  CHECK(m->platform.id.empty());
  CHECK(m->scenario.id.empty());
}

TEST_CASE("the mini platform: kinds, dependencies, symptoms and a topological order") {
  const auto m = load_ok(fixture("mini_platform.yaml"), FileKind::platform);
  const Platform& p = m->platform;
  CHECK(m->organisation.id == "mini_org");
  REQUIRE(p.fault_types.size() == 2);
  CHECK(p.fault_types[0].effect == Health::down);
  CHECK(p.fault_types[1].effect == Health::degraded);
  CHECK(p.fault_types[1].cause.en == "slow");
  CHECK(p.fault_types[0].repaired_by.empty());  // no catalog loaded
  REQUIRE(p.components.size() == 11);
  const Component& app = p.components[0];
  CHECK(app.kind == ComponentKind::application);
  CHECK(app.tags == std::vector<std::string>{"business", "opening"});
  CHECK(app.requires_all == std::vector<Ix>{1});
  REQUIRE(app.requires_any.size() == 1);
  CHECK(app.requires_any[0] == std::vector<Ix>{3, 4});
  REQUIRE(app.symptoms.size() == 3);
  CHECK(app.symptoms[0].on == Health::down);
  CHECK(app.symptoms[0].to == 1);
  CHECK(app.symptoms[0].delay == 90);
  CHECK(app.symptoms[1].on == Health::degraded);
  CHECK(app.symptoms[1].text.en == "{component} is slow");
  CHECK(app.symptoms[2].on_recovery);
  CHECK(app.symptoms[2].from.zh == "用户");
  CHECK(app.symptoms[2].to == 0);
  CHECK(p.components[2].room == 5);
  CHECK(p.components[2].max_temp_c == 40);
  CHECK(p.components[2].fire_destroy == 600);
  CHECK(p.components[4].standby);
  CHECK(p.components[5].kind == ComponentKind::room);
  CHECK(p.components[5].base_temp_c == doctest::Approx(21.5));
  CHECK(p.components[5].fire_small == 180);
  CHECK(p.components[8].holdup == 3600);
  CHECK(p.components[8].recharge == 93600);
  CHECK(p.components[8].capacity == 11);
  CHECK(p.components[9].kind == ComponentKind::switch_device);
  CHECK(p.components[10].holds_data);

  // topo_order is a permutation with every dependency before its dependants.
  REQUIRE(p.topo_order.size() == p.components.size());
  std::vector<std::size_t> position(p.components.size(), 99);
  for (std::size_t i = 0; i < p.topo_order.size(); ++i) position[p.topo_order[i]] = i;
  for (std::size_t c = 0; c < p.components.size(); ++c) {
    CHECK(position[c] != 99);
    for (Ix d : p.components[c].requires_all) CHECK(position[d] < position[c]);
    for (const auto& group : p.components[c].requires_any)
      for (Ix d : group) CHECK(position[d] < position[c]);
  }
  // The file lists the application first; it depends on everything else it names.
  CHECK(position[0] > position[1]);
  CHECK(position[1] > position[2]);
  CHECK(position[2] > position[7]);
}

TEST_CASE("the mini catalog: every effect kind, $target, repaired_by") {
  const auto m = load_ok(fixture("mini_catalog.yaml"), FileKind::catalog);
  const Catalog& c = m->catalog;
  REQUIRE(c.facts.size() == 1);
  REQUIRE(c.actions.size() == 14);
  const ActionDef& restart = c.actions[0];
  CHECK(restart.posts == std::vector<Ix>{1});
  CHECK(restart.target == ActionDef::Target::component);
  CHECK(restart.target_choices == std::vector<Ix>{0, 1});
  CHECK(restart.duration.kind == Distribution::Kind::triangular);
  CHECK(restart.duration.a == 300);
  CHECK(restart.duration.b == 600);
  CHECK(restart.duration.c == 1800);
  CHECK(restart.precondition.kind == Condition::Kind::health);
  CHECK(restart.precondition.component == target_ix);
  CHECK(restart.precondition.not_up);
  REQUIRE(restart.effects.size() == 1);
  CHECK(restart.effects[0].kind == Effect::Kind::repair);
  CHECK(restart.effects[0].component == target_ix);
  CHECK(restart.effects[0].fixes == std::vector<Ix>{0, 1});
  CHECK(restart.effects[0].delay.kind == Distribution::Kind::uniform);
  CHECK(restart.effects[0].delay.a == 60);
  CHECK(restart.effects[0].delay.b == 120);
  REQUIRE(restart.observe.size() == 2);
  CHECK(restart.observe[0].when.kind == Condition::Kind::fault);
  CHECK(restart.observe[0].when.component == target_ix);
  CHECK(restart.observe[0].when.ref == no_ix);
  CHECK(restart.observe[0].result == "still_down");
  CHECK(restart.observe[0].text.zh == "{target} 仍未恢复");
  CHECK(restart.observe[1].when.kind == Condition::Kind::always);

  // repaired_by is filled from the repair effects, in catalog order.
  CHECK(m->platform.fault_types[0].repaired_by == std::vector<Ix>{0, 1});
  CHECK(m->platform.fault_types[1].repaired_by == std::vector<Ix>{0, 7});

  const auto& sw = c.actions[2].effects;
  REQUIRE(sw.size() == 2);
  CHECK(sw[0].kind == Effect::Kind::activate);
  CHECK(sw[0].component == 4);
  CHECK(sw[1].kind == Effect::Kind::deactivate);
  CHECK(sw[1].component == 3);
  CHECK(c.actions[3].effects[0].kind == Effect::Kind::move_out);
  CHECK(c.actions[3].effects[0].component == 10);
  CHECK(c.actions[4].effects[0].kind == Effect::Kind::extinguish);
  CHECK(c.actions[4].effects[0].component == 5);
  const auto& disc = c.actions[5].effects;
  CHECK(disc[0].kind == Effect::Kind::set_fact);
  CHECK(disc[0].ref == 0);
  CHECK(disc[1].kind == Effect::Kind::clear_fact);
  CHECK(disc[1].delay.a == 3600);
  CHECK(c.actions[6].effects[0].kind == Effect::Kind::postpone);
  CHECK(c.actions[6].effects[0].business_kind == "bid_opening");
  CHECK(c.actions[6].effects[0].amount == 1200);
  const ActionDef& call = c.actions[7];
  CHECK(call.target == ActionDef::Target::party);
  CHECK(call.target_choices == std::vector<Ix>{0});
  CHECK(call.effects[0].kind == Effect::Kind::call);
  CHECK(call.effects[0].ref == 0);
  CHECK(call.effects[1].after_party == 0);
  CHECK(c.actions[8].effects[0].kind == Effect::Kind::message);
  CHECK(c.actions[8].effects[0].ref == 0);
  CHECK(c.actions[8].effects[0].text.en == "Told");
  CHECK(c.actions[9].comm.kind == Communication::Kind::report);
  CHECK(c.actions[9].comm.to_posts == std::vector<Ix>{0});
  CHECK(c.actions[9].comm.to_groups == std::vector<Ix>{0});
  CHECK(c.actions[10].target == ActionDef::Target::level);
  CHECK(c.actions[10].target_choices.empty());  // levels live in the plan, not loaded here
  CHECK(c.actions[11].target == ActionDef::Target::business_event);
  CHECK(c.actions[12].harmful);
  CHECK(c.actions[12].target == ActionDef::Target::post);
  CHECK_FALSE(c.actions[0].harmful);
}

TEST_CASE("the mini plan: levels, rules, steps, every branch and condition kind") {
  const auto m = load_ok(fixture("mini_plan.yaml"), FileKind::plan);
  const Plan& p = m->plan;
  CHECK(p.version == "1");
  CHECK(m->catalog.actions[10].target_choices == std::vector<Ix>{0, 1});  // level targets, now resolved
  REQUIRE(p.levels.size() == 2);
  CHECK(p.levels[0].rank == 1);
  CHECK(p.levels[0].when.kind == Condition::Kind::outage_over);
  CHECK(p.levels[0].when.component == 0);
  CHECK(p.levels[0].when.time == 7200);
  CHECK(p.levels[0].declared_by == std::vector<Ix>{0});
  CHECK(p.levels[1].when.text == "business");
  CHECK(p.levels[1].when.component == no_ix);
  CHECK(p.levels[1].when.time == 14400);
  CHECK(p.grading.within == 1800);
  CHECK(p.grading.by == std::vector<Ix>{0});
  CHECK(p.reporting.first_within == 900);
  CHECK(p.reporting.cycle == 1800);
  CHECK(p.reporting.summary_within == 43200);
  CHECK(p.reporting.to_posts == std::vector<Ix>{0});
  CHECK(p.reporting.to_groups == std::vector<Ix>{1});
  CHECK(p.reporting.by == std::vector<Ix>{1});

  REQUIRE(p.procedures.size() == 2);
  const Procedure& outage = p.procedures[0];
  CHECK(outage.within == 6000);
  REQUIRE(outage.trigger.kind == Condition::Kind::any);
  REQUIRE(outage.trigger.children.size() == 3);
  CHECK(outage.trigger.children[0].kind == Condition::Kind::health);
  CHECK(outage.trigger.children[0].health == Health::down);
  CHECK_FALSE(outage.trigger.children[0].not_up);
  CHECK(outage.trigger.children[1].kind == Condition::Kind::fault);
  CHECK(outage.trigger.children[1].component == no_ix);
  CHECK(outage.trigger.children[1].ref == 0);
  CHECK(outage.trigger.children[2].kind == Condition::Kind::message);
  CHECK(outage.trigger.children[2].text == "sym_app_down");
  REQUIRE(outage.resolved.kind == Condition::Kind::all);
  CHECK(outage.resolved.children[0].health == Health::up);
  REQUIRE(outage.resolved.children[1].kind == Condition::Kind::negate);
  CHECK(outage.resolved.children[1].children[0].kind == Condition::Kind::fact);
  CHECK(outage.resolved.children[1].children[0].ref == 0);

  REQUIRE(outage.steps.size() == 3);
  const Step& s1 = outage.steps[0];
  CHECK(s1.responsible == std::vector<Ix>{1});
  REQUIRE(s1.expect.size() == 1);
  CHECK(s1.expect[0].action == 0);
  CHECK(s1.expect[0].target == 0);
  CHECK(s1.expect[0].target_id == "app");
  CHECK(s1.within == 1200);
  const Step& s2 = outage.steps[1];
  CHECK(s2.cooperating == std::vector<Ix>{2});
  REQUIRE(s2.expect.size() == 3);
  CHECK(s2.expect[0].action == 9);
  CHECK(s2.expect[0].target == no_ix);
  CHECK(s2.expect[1].target == 0);  // level l1
  CHECK(s2.expect[2].target == no_ix);
  CHECK(s2.expect[2].target_id == "bid_opening");
  CHECK(s2.before_business == "bid_opening");
  REQUIRE(s2.branches.size() == 6);
  CHECK(s2.branches[0].when.kind == Condition::Kind::observed);
  CHECK(s2.branches[0].when.ref == 0);
  CHECK(s2.branches[0].when.text == "ok");
  CHECK(s2.branches[0].end);
  CHECK(s2.branches[1].when.kind == Condition::Kind::done);
  CHECK(s2.branches[1].when.ref == 1);
  CHECK(s2.branches[1].when.post == 1);
  CHECK(s2.branches[1].next_step == 2);
  CHECK(s2.branches[1].note.zh == "继续");
  CHECK(s2.branches[2].when.kind == Condition::Kind::temp_above);
  CHECK(s2.branches[2].when.component == 5);
  CHECK(s2.branches[2].when.value == 38);
  CHECK(s2.branches[2].goto_procedure == 1);
  CHECK(s2.branches[3].when.kind == Condition::Kind::business);
  CHECK(s2.branches[3].when.text == "bid_opening");
  CHECK(s2.branches[3].when.business == BusinessState::held_fallback);
  CHECK(s2.branches[4].when.kind == Condition::Kind::not_done_by);
  CHECK(s2.branches[4].when.ref == 9);
  CHECK(s2.branches[4].when.time == 1800);
  CHECK(s2.branches[5].when.kind == Condition::Kind::after);
  CHECK(s2.branches[5].when.time == 3600);
  CHECK(outage.steps[2].branches.empty());

  REQUIRE(p.rules.size() == 2);
  CHECK(p.rules[0].kind == ConductRule::Kind::must_not);
  CHECK(p.rules[0].action == 12);
  CHECK(p.rules[0].posts == std::vector<Ix>{1});
  CHECK(p.rules[0].unless_after == 9);
  CHECK(p.rules[0].when.kind == Condition::Kind::fact);
  CHECK(p.rules[1].kind == ConductRule::Kind::must_first);
  CHECK(p.rules[1].first == std::vector<Ix>{3});
  CHECK(p.rules[1].before == std::vector<Ix>{4});
}

TEST_CASE("the mini scenario: times, calendar, every inject payload, objectives") {
  const auto m = load_ok(fixture("mini_scenario.yaml"), FileKind::scenario);
  const Scenario& s = m->scenario;
  CHECK(s.start == "2026-03-18 09:00");
  CHECK(s.start_epoch_s == 1773824400);
  CHECK(s.end == 86400);
  CHECK(s.seed == 1);
  CHECK(s.trainee_posts == std::vector<Ix>{1});
  REQUIRE(s.calendar.size() == 1);
  const BusinessEvent& open = s.calendar[0];
  CHECK(open.kind == "bid_opening");
  CHECK(open.at == 3600);
  CHECK(open.duration == 1800);
  CHECK(open.grace == 1200);
  CHECK(open.needs == std::vector<Ix>{0});
  CHECK(open.fallback == std::vector<Ix>{0});
  REQUIRE(open.loads.size() == 1);
  CHECK(open.loads[0].component == 0);
  CHECK(open.loads[0].amount == 80);
  CHECK(open.loads[0].lead == 900);

  REQUIRE(s.injects.size() == 8);
  const auto& in = s.injects;
  CHECK(in[0].kind == Inject::Kind::fault);
  CHECK(in[0].timed);
  CHECK(in[0].at == 600);
  CHECK(in[0].component == 0);
  CHECK(in[0].ref == 0);
  CHECK(in[0].objective == "o1");
  CHECK(in[1].kind == Inject::Kind::clear);
  CHECK(in[1].at == 1830);
  CHECK(in[1].ref == no_ix);
  CHECK(in[2].kind == Inject::Kind::message);
  CHECK(in[2].at == 23 * 3600);
  CHECK(in[2].ref == 0);
  CHECK(in[2].from.zh == "投标人");
  CHECK(in[2].text.zh == "打不开");
  CHECK(in[3].kind == Inject::Kind::absent);
  CHECK(in[3].at_is_random);
  CHECK(in[3].at_dist.kind == Distribution::Kind::lognormal);
  CHECK(in[3].at_dist.a == 600);
  CHECK(in[3].at_dist.b == doctest::Approx(0.5));
  CHECK(in[3].ref == 0);
  CHECK(in[4].kind == Inject::Kind::late);
  CHECK(in[4].at == 0);
  CHECK(in[4].ref == 2);
  CHECK(in[4].late_by.kind == Distribution::Kind::exponential);
  CHECK(in[4].late_by.a == 600);
  CHECK(in[5].kind == Inject::Kind::fire);
  CHECK_FALSE(in[5].timed);
  CHECK(in[5].when.kind == Condition::Kind::message);
  CHECK(in[5].when.text == "i_msg");
  CHECK(in[5].component == 5);
  CHECK(in[6].kind == Inject::Kind::load);
  CHECK(in[6].when.kind == Condition::Kind::not_done_by);
  CHECK(in[6].when.time == 4500);
  CHECK(in[6].amount == 50);
  CHECK(in[7].kind == Inject::Kind::fact);
  CHECK(in[7].when.time == 3 * 3600);
  CHECK(in[7].ref == 0);
  REQUIRE(s.objectives.size() == 1);
  CHECK(s.objectives[0].procedures == std::vector<Ix>{0});
  // The chain below was loaded too.
  CHECK(m->plan.id == "mini_plan");
  CHECK(m->catalog.id == "mini_catalog");
  CHECK(m->platform.id == "mini_platform");
  CHECK(m->organisation.id == "mini_org");
  CHECK(m->plan.file == fixture("mini_plan.yaml"));
}

TEST_CASE("the worked examples of docs/format.md load together") {
  const auto m = load_ok(fixture("example_scenario.yaml"), FileKind::scenario);
  CHECK(m->scenario.id == "smx_letters_crash");
  CHECK(m->scenario.seed == 42);
  CHECK(m->scenario.calendar[0].at == 40 * 60);
  CHECK(m->scenario.injects[0].at == 20 * 60);
  CHECK(m->scenario.injects[1].at_is_random);
  const Ix crash = m->find_fault_type("crash");
  REQUIRE(crash != no_ix);
  CHECK(m->platform.fault_types[crash].repaired_by == std::vector<Ix>{m->find_action("restart_app")});
  CHECK(m->platform.topo_order.size() == m->platform.components.size());
  const Procedure& letters = m->plan.procedures[m->find_procedure("letters")];
  CHECK(letters.steps[1].branches[0].goto_procedure == m->find_procedure("network_server"));
  CHECK(m->plan.procedures[m->find_procedure("network_server")].within == 100 * 60);
  for (const char* f :
       {"example_organisation.yaml", "example_platform.yaml", "example_catalog.yaml", "example_plan.yaml"})
    CHECK(load_file(fixture(f)).ok());
}

TEST_CASE("load_scenario and load_plan take their own kind, load_file any kind") {
  const LoadResult plan = load_plan(fixture("mini_plan.yaml"));
  CHECK(plan.ok());
  CHECK(plan.kind == FileKind::plan);
  CHECK(plan.model->scenario.id.empty());
  CHECK(load_scenario(fixture("mini_scenario.yaml")).ok());

  const LoadResult not_scenario = load_scenario(fixture("mini_plan.yaml"));
  CHECK_PROBLEM(not_scenario, fixture("mini_plan.yaml") + ":2:1: ", "a plan file; a scenario file is expected");
  const LoadResult not_plan = load_plan(fixture("mini_catalog.yaml"));
  CHECK_PROBLEM(not_plan, fixture("mini_catalog.yaml") + ":2:1: ", "a catalog file; a plan file is expected");
}

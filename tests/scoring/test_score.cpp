// Scoring seed 000's drills: the plan-following team tops the scale, nobody responding sits at the
// bottom with every missed step named, and a hand-made journal gets exactly the verdicts it earned.
#include <algorithm>
#include <functional>

#include "scoring/score_text.hpp"
#include "tests/scoring/scoring_util.hpp"

using namespace drillsim;
using scoring::ItemKind;
using scoring::Verdict;

namespace {

const std::string network_cut = "scenarios/000_sanmenxia/scenarios/network_cut_opening.yaml";
const std::string letters = "scenarios/000_sanmenxia/scenarios/letters_not_retrieved.yaml";

int count(const scoring::ScoreSheet& s, ItemKind kind, Verdict verdict) {
  return static_cast<int>(std::count_if(s.items.begin(), s.items.end(),
                                        [&](const scoring::Item& it) { return it.kind == kind && it.verdict == verdict; }));
}

// The hand-made drill on the network cut: every action right except three.
//  - the delivery group locates the project and calls the bidders at 09:31, after the 09:30 opening (late);
//  - the technical group writes the solution for the leadership group, a job §5.2 gives to the
//    network/server and delivery groups (wrong post);
//  - the delivery group tells the agent the cause at 09:25, before the technical group confirmed it
//    (the must_not rule of §3.2.1).
std::vector<test::Act> hand_made() {
  return {
      {"09:15", "netserver", "diagnose_network", "", "学员5"},
      {"09:25", "delivery", "tell_root_cause", "", "学员2"},
      {"09:29", "netserver", "call_telecom_repair", "", "学员5"},
      {"09:31", "delivery", "locate_project_contact_bidder", "", "学员1"},
      {"09:35", "technical", "solution_to_leadership", "", "学员3"},
  };
}

}  // namespace

TEST_CASE("000: the plan-following policy scores at the top of the scale on every shipped drill") {
  for (const std::string& file : test::shipped_000_scenarios()) {
    CAPTURE(file);
    auto model = test::load_model(file);
    auto drill = test::run_policy(model);
    auto sheet = test::score(model, drill->journal().entries());
    INFO(scoring::score_text(*model, sheet, Lang::en));
    CHECK(sheet.finished);
    CHECK(sheet.overall.percent() >= 90.0);
    CHECK(sheet.overall_rating == 'P');
    CHECK(count(sheet, ItemKind::step, Verdict::missed) == 0);
    CHECK(count(sheet, ItemKind::must_not, Verdict::violation) == 0);
    CHECK(count(sheet, ItemKind::must_first, Verdict::violation) == 0);
  }
}

TEST_CASE("000: nobody responding scores near the bottom, and every expected step is named as missed") {
  for (const std::string& file : test::shipped_000_scenarios()) {
    CAPTURE(file);
    auto model = test::load_model(file);
    auto drill = test::run_nobody(model);
    auto sheet = test::score(model, drill->journal().entries());
    CHECK(sheet.overall.percent() <= 10.0);
    CHECK(sheet.overall_rating == 'U');
    int steps = 0;
    std::string text = scoring::score_text(*model, sheet, Lang::zh);
    for (const auto& it : sheet.items) {
      if (it.kind != ItemKind::step) continue;
      ++steps;
      CHECK(it.verdict == Verdict::missed);
      const Step& step = model->plan.procedures[it.procedure].steps[it.step];
      CHECK_MESSAGE(text.find(step.text.zh) != std::string::npos, "not named: " << step.id);
    }
    CHECK(steps > 0);
    // Ignoring the inject is not free: the procedures it triggered are all on the sheet.
    CHECK(!sheet.procedures.empty());
  }
}

TEST_CASE("000 network cut: nobody responding leaves the network/server procedure's steps missed and its limit broken") {
  auto model = test::load_model(network_cut);
  auto sheet = test::score(model, test::run_nobody(model)->journal().entries());
  CHECK(test::step_item(*model, sheet, "p52_network_server", "s1").verdict == Verdict::missed);
  // The truth would have shown a cut line: the walk expects the operator to be called.
  CHECK(test::step_item(*model, sheet, "p52_network_server", "s2_line").verdict == Verdict::missed);
  bool unresolved = false;
  for (const auto& it : sheet.items)
    unresolved = unresolved || (it.kind == ItemKind::resolution && it.verdict == Verdict::missed && it.points > 0);
  CHECK(unresolved);
  CHECK(count(sheet, ItemKind::business, Verdict::lost) == 2);
}

TEST_CASE("000 network cut: a hand-made journal gets exactly one late step, one wrong post and one forbidden action") {
  auto model = test::load_model(network_cut);
  auto drill = test::drive(model, hand_made());
  auto sheet = test::score(model, drill->journal().entries());
  INFO(scoring::score_text(*model, sheet, Lang::en));
  const Model& m = *model;

  const auto& locate = test::step_item(m, sheet, "p321_letters", "s1");
  CHECK(locate.verdict == Verdict::late);
  CHECK(locate.late_by > 0);
  CHECK(locate.due == 3600);  // the 09:30 opening, an hour after the 08:30 start
  CHECK(locate.actor == "学员1");
  CHECK(locate.points == doctest::Approx(test::shipped_rubric().step_points * test::shipped_rubric().step_credit.late));

  const auto& solution = test::step_item(m, sheet, "p52_network_server", "s3");
  CHECK(solution.verdict == Verdict::wrong_post);
  CHECK(solution.post == m.find_post("technical"));
  CHECK_FALSE(solution.late);

  CHECK(test::step_item(m, sheet, "p52_network_server", "s1").verdict == Verdict::done);
  CHECK(test::step_item(m, sheet, "p52_network_server", "s2_line").verdict == Verdict::done);

  // Exactly those: one late step, one by the wrong post, one rule broken; every other step missed.
  CHECK(count(sheet, ItemKind::step, Verdict::late) == 1);
  CHECK(count(sheet, ItemKind::step, Verdict::wrong_post) == 1);
  CHECK(count(sheet, ItemKind::step, Verdict::out_of_order) == 0);
  CHECK(count(sheet, ItemKind::step, Verdict::partial) == 0);
  CHECK(count(sheet, ItemKind::must_not, Verdict::violation) == 1);
  CHECK(count(sheet, ItemKind::must_first, Verdict::violation) == 0);
  CHECK(count(sheet, ItemKind::harmful, Verdict::violation) == 0);
  int done = count(sheet, ItemKind::step, Verdict::done);
  int steps = static_cast<int>(std::count_if(sheet.items.begin(), sheet.items.end(),
                                             [](const auto& it) { return it.kind == ItemKind::step; }));
  CHECK(done == 2);
  CHECK(count(sheet, ItemKind::step, Verdict::missed) == steps - 4);

  for (const auto& it : sheet.items) {
    if (it.kind != ItemKind::must_not) continue;
    CHECK(m.plan.rules[it.rule].id == "no_root_cause_before_confirmed");
    CHECK(it.post == m.find_post("delivery"));
    CHECK(it.actor == "学员2");
    CHECK(it.points == doctest::Approx(test::shipped_rubric().penalties.must_not));
    CHECK(it.why.zh.find("技术组确定问题根因") != std::string::npos);
  }
  // The participants' scores follow what each one did.
  bool found = false;
  for (const auto& p : sheet.by_participant)
    if (p.key == "学员2") {
      found = true;
      CHECK(p.tally.penalty == doctest::Approx(test::shipped_rubric().penalties.must_not));
    }
  CHECK(found);
}

TEST_CASE("the root cause told after the technical group confirmed it is no violation") {
  auto model = test::load_model(network_cut);
  auto drill = test::drive(model, {{"09:15", "technical", "bastion_login", "app_server", ""},
                                   {"09:25", "technical", "confirm_root_cause", "", ""},
                                   {"10:30", "delivery", "tell_root_cause", "", ""}});
  auto sheet = test::score(model, drill->journal().entries());
  CHECK(count(sheet, ItemKind::must_not, Verdict::violation) == 0);
}

TEST_CASE("the same journal always gives the same score") {
  auto model = test::load_model(letters);
  ResponseFile responses;
  Diagnostics problems;
  REQUIRE(load_responses(test::source("scenarios/000_sanmenxia/responses/letters_not_retrieved.yaml"), *model, responses,
                         problems));
  Drill drill(model);
  run_with_responses(drill, responses);
  auto a = test::score(model, drill.journal().entries());
  auto b = test::score(model, drill.journal().entries());
  CHECK(scoring::score_text(*model, a, Lang::zh) == scoring::score_text(*model, b, Lang::zh));
  CHECK(scoring::score_text(*model, a, Lang::en) == scoring::score_text(*model, b, Lang::en));
  CHECK(a.overall.percent() == b.overall.percent());
  CHECK(a.items.size() == b.items.size());
  // And the recorded trainee run of drill 2 lands between the extremes, with its known faults.
  CHECK(a.overall.percent() > 30.0);
  CHECK(a.overall.percent() < 90.0);
  CHECK(count(a, ItemKind::must_not, Verdict::violation) == 1);
}

TEST_CASE("a running drill is scored on what has happened so far") {
  auto model = test::load_model(network_cut);
  auto full = test::drive(model, hand_made());
  auto partial = test::drive(model, hand_made(), /*to_end=*/false);
  // Cut the journal at 09:45, as if the drill were still running.
  std::vector<JournalEntry> so_far;
  for (const auto& e : partial->journal().entries())
    if (e.t <= 4500) so_far.push_back(e);
  auto sheet = test::score(model, so_far);
  CHECK_FALSE(sheet.finished);
  CHECK(count(sheet, ItemKind::step, Verdict::open) > 0);
  CHECK(count(sheet, ItemKind::must_not, Verdict::violation) == 1);
  CHECK(test::step_item(*model, sheet, "p52_network_server", "s1").verdict == Verdict::done);
  auto final_sheet = test::score(model, full->journal().entries());
  CHECK(final_sheet.finished);
  CHECK(count(final_sheet, ItemKind::step, Verdict::open) == 0);
}

TEST_CASE("a journal that does not reproduce with the scenario is refused, not scored") {
  auto model = test::load_model(network_cut);
  auto drill = test::run_policy(model);
  std::vector<JournalEntry> edited = drill->journal().entries();
  for (auto& e : edited)
    if (e.kind == EntryKind::observation) {
      e.result = "ok";  // an observation the world never gave
      break;
    }
  scoring::ScoreSheet sheet;
  std::string error;
  CHECK_FALSE(scoring::score_journal(model, edited, test::shipped_rubric(), sheet, error));
  CHECK(error.find("does not reproduce") != std::string::npos);

  auto other = test::load_model(letters);
  CHECK_FALSE(scoring::score_journal(other, drill->journal().entries(), test::shipped_rubric(), sheet, error));
  CHECK(error.find("smx000_network_cut_opening") != std::string::npos);
}

TEST_CASE("evaluators' observations sit beside the computed HSEEP rating of their objective") {
  auto model = test::load_model(network_cut);
  Drill drill(model);
  PlanPolicy policy(*model);
  policy.act(drill);
  bool added = false;
  while (drill.step()) {
    policy.act(drill);
    if (!added && drill.now() >= 5400) {
      REQUIRE(drill.add_evaluation("评估员甲", "obj_conduct", "S", "交付组险些答复原因"));
      added = true;
    }
  }
  scoring::Evaluation later{-1, "评估员乙", "obj_opening", "P", "开标按备用方案顺利进行"};
  auto sheet = test::score(model, drill.journal().entries(), {later});
  bool conduct = false, opening = false;
  for (const auto& o : sheet.objectives) {
    const std::string& id = model->scenario.objectives[o.objective].id;
    for (const auto& e : o.evaluations) {
      if (id == "obj_conduct") conduct = conduct || (e.rating == "S" && e.author == "评估员甲" && e.t >= 5400);
      if (id == "obj_opening") opening = opening || (e.rating == "P" && e.t == -1);
    }
    CHECK(o.rating != '-');  // every objective of this drill was exercised
  }
  CHECK(conduct);
  CHECK(opening);
}

namespace {

// Seed 000's plan with one change, for the plan features its data does not use yet.
std::shared_ptr<const Model> with_plan_change(const std::string& scenario, const std::function<void(Plan&)>& change) {
  auto model = std::make_shared<Model>(*test::load_model(scenario));
  change(model->plan);
  return model;
}

Ix step_index(const Procedure& p, const std::string& id) {
  for (Ix s = 0; s < p.steps.size(); ++s)
    if (p.steps[s].id == id) return s;
  FAIL("no step " << id);
  return no_ix;
}

}  // namespace

TEST_CASE("a repeatable procedure is called for again by a new incident, and scored per run") {
  auto model = with_plan_change(letters, [](Plan& plan) {
    for (Procedure& p : plan.procedures)
      if (p.id == "p321_letters") p.repeat = true;
  });
  const Ix letters_proc = model->find_procedure("p321_letters");
  auto runs_of = [&](const scoring::ScoreSheet& s) {
    int n = 0;
    for (const auto& r : s.procedures) n += r.procedure == letters_proc;
    return n;
  };
  // The afternoon's letters message is a new incident: the plan-following team answers it again,
  // and that second run is scored on its own (the drill ends at 15:00, before its last steps).
  auto policy = test::score(model, test::run_policy(model)->journal().entries());
  INFO(scoring::score_text(*model, policy, Lang::en));
  REQUIRE(runs_of(policy) == 2);
  CHECK(policy.overall.percent() >= 80.0);
  bool second = false;
  for (const auto& nt : policy.by_procedure) second = second || nt.key == "p321_letters#2";
  CHECK(second);
  int done_second = 0;
  for (const auto& it : policy.items)
    if (it.kind == ItemKind::step && it.procedure == letters_proc && policy.procedures[it.procedure_run].started > 5 * 3600)
      done_second += it.verdict == Verdict::done || it.verdict == Verdict::late;
  CHECK(done_second >= 4);
  // With nobody answering, the morning's letters never come back: no new incident, one run, all missed.
  auto nobody = test::score(model, test::run_nobody(model)->journal().entries());
  CHECK(runs_of(nobody) == 1);
  for (const auto& it : nobody.items)
    if (it.kind == ItemKind::step && it.procedure == letters_proc) CHECK(it.verdict == Verdict::missed);
}

TEST_CASE("a step limit measured from another action (within_after), and procedures started alongside a step") {
  // §5.2: the operator is called within 5 minutes of the line being found cut; finding it starts §4
  // level 1 alongside.
  auto changed = std::make_shared<Model>(*test::load_model(network_cut));
  for (Procedure& p : changed->plan.procedures) {
    if (p.id != "p52_network_server") continue;
    Step& line = p.steps[step_index(p, "s2_line")];
    line.after_action = changed->find_action("diagnose_network");
    line.after_within = 300;
    p.steps[step_index(p, "s1")].starts = {changed->find_procedure("p4_level1")};
  }
  // The network is checked at 09:15 (done about 09:28); the operator is called at 09:50: late.
  auto drill = test::drive(changed, {{"09:15", "netserver", "diagnose_network", "", ""},
                                     {"09:50", "netserver", "call_telecom_repair", "", ""}});
  auto sheet = test::score(changed, drill->journal().entries());
  INFO(scoring::score_text(*changed, sheet, Lang::en));
  const auto& call = test::step_item(*changed, sheet, "p52_network_server", "s2_line");
  CHECK(call.verdict == Verdict::late);
  SimTime diagnosed = never;
  for (const auto& e : drill->journal().entries())
    if (e.kind == EntryKind::action_done && e.action == "diagnose_network") diagnosed = e.t;
  CHECK(call.due == diagnosed + 300);
  // p4_level1 was started alongside §5.2 第一步, before its own trigger held.
  const Ix level1 = changed->find_procedure("p4_level1");
  bool started_alongside = false;
  for (const auto& r : sheet.procedures)
    if (r.procedure == level1) started_alongside = !r.by_trigger && r.from_procedure == changed->find_procedure("p52_network_server");
  CHECK(started_alongside);
}

// The console's drill session: clock control in both modes, the policy for the other posts, and
// resuming a drill from its saved journal.
#include <doctest/doctest.h>

#include "gui/session.hpp"
#include "gui_test_support.hpp"

using namespace drillsim;
using namespace drillsim::gui;

namespace {

SessionSetup two_trainees(const Model& m, DrillMode mode = DrillMode::tabletop) {
  SessionSetup s;
  s.scenario_path = test::default_scenario();
  s.mode = mode;
  s.participants = {{"甲", m.find_post("delivery"), 0}, {"乙", m.find_post("technical"), 1}};
  return s;
}

std::string jsonl(const Drill& d) { return d.journal().to_jsonl(); }

}  // namespace

TEST_CASE("the policy plays only the posts no participant holds") {
  auto model = test::load_or_fail(test::default_scenario());
  DrillSession s(model, two_trainees(*model), 0);
  s.advance_to(s.drill().end_time());
  CHECK(s.drill().finished());
  int policy_actions = 0;
  for (const JournalEntry& e : s.drill().journal().entries()) {
    if (e.kind != EntryKind::submit) continue;
    ++policy_actions;
    CHECK(e.post != "delivery");
    CHECK(e.post != "technical");
  }
  CHECK(policy_actions > 5);
  CHECK(s.policy_plays(model->find_post("hotline")));
  CHECK_FALSE(s.policy_plays(model->find_post("technical")));
}

TEST_CASE("without the policy nobody acts but the trainees") {
  auto model = test::load_or_fail(test::default_scenario());
  SessionSetup setup = two_trainees(*model);
  setup.policy_plays_others = false;
  DrillSession s(model, setup, 0);
  s.advance_to(s.drill().end_time());
  for (const JournalEntry& e : s.drill().journal().entries()) CHECK(e.kind != EntryKind::submit);
}

TEST_CASE("tabletop: next event runs one time slice, advance stops at the time asked") {
  auto model = test::load_or_fail(test::default_scenario());
  DrillSession s(model, two_trainees(*model), 0);
  SimTime first = s.drill().next_event_time();
  REQUIRE(s.next_event());
  CHECK(s.drill().now() == first);
  s.advance_to(first + 123);
  CHECK(s.drill().now() == first + 123);
  s.advance_by(300);
  CHECK(s.drill().now() == first + 423);
}

TEST_CASE("tabletop: with every trainee post busy the clock runs until one is free or news arrives") {
  auto model = test::load_or_fail(test::default_scenario());
  const Model& m = *model;
  DrillSession s(model, two_trainees(m), 0);
  s.advance_to(2400);  // 09:10, the line is cut
  Ix delivery = m.find_post("delivery"), technical = m.find_post("technical");
  SubmitResult a = s.submit("甲", delivery, m.find_action("report_to_leadership"), no_ix, "", "");
  REQUIRE(a.accepted);
  CHECK_FALSE(s.drill().post_free_at(technical) > s.drill().now());
  CHECK_FALSE(s.auto_advance());  // the technical group is free: the clock waits for it
  SubmitResult b = s.submit("乙", technical, m.find_action("bastion_login"), m.find_component("app_server"),
                            "app_server", "");
  REQUIRE(b.accepted);
  SimTime before = s.drill().now();
  CHECK(s.auto_advance());
  CHECK(s.drill().now() > before);
  CHECK(s.drill().now() <= std::min(a.completes, b.completes));
}

TEST_CASE("timed: the clock follows the pacer at x1, x10, x60 and stands still while paused") {
  auto model = test::load_or_fail(test::default_scenario());
  DrillSession s(model, two_trainees(*model, DrillMode::timed), 1000);
  CHECK(s.paused());  // the facilitator starts the clock
  s.tick(61000);
  CHECK(s.drill().now() == 0);
  s.resume(61000);
  s.tick(71000);
  CHECK(s.drill().now() == 10);
  s.set_speed(10, 71000);
  s.tick(72000);
  CHECK(s.drill().now() == 20);
  s.set_speed(60, 72000);
  s.tick(73000);
  CHECK(s.drill().now() == 80);
  s.pause(73000);
  s.tick(999000);
  CHECK(s.drill().now() == 80);
}

TEST_CASE("a session resumed from its journal reproduces it to the byte") {
  auto model = test::load_or_fail(test::default_scenario());
  const Model& m = *model;
  SessionSetup setup = two_trainees(m);
  DrillSession live(model, setup, 0);
  live.advance_to(2500);
  live.submit("乙", m.find_post("technical"), m.find_action("bastion_login"), m.find_component("app_server"),
              "app_server", "先登录应用服务器");
  live.submit("甲", m.find_post("delivery"), m.find_action("report_to_leadership"), no_ix, "", "");
  REQUIRE(live.auto_advance());
  live.submit("甲", m.find_post("delivery"), m.find_action("bastion_login"), m.find_component("app_server"),
              "app_server", "");  // refused: not the delivery group's action
  Inject msg;
  msg.kind = Inject::Kind::message;
  msg.at = live.drill().now() + 60;
  msg.ref = m.find_post("technical");
  msg.text = Text{"主持人：请汇报进展", "Facilitator: report progress"};
  REQUIRE(live.add_inject(msg));
  for (Ix i = 0; i < live.drill().injects().size(); ++i)
    if (!live.drill().injects()[i].timed && !live.drill().inject_fired(i)) {
      REQUIRE(live.hold_inject(i));
      break;
    }
  live.add_evaluation("评估员", "obj_diagnose", "S", "排查较快");
  live.advance_by(1800);
  live.add_note("主持人", "进入下一阶段");
  live.advance_by(600);
  std::vector<JournalEntry> saved = live.drill().journal().entries();

  std::string error;
  auto resumed = resume_session(model, setup, saved, live.drill().now(), 0, error);
  INFO(error);
  REQUIRE(resumed);
  CHECK(resumed->drill().now() == live.drill().now());
  CHECK(jsonl(resumed->drill()) == jsonl(live.drill()));
  // And both go on alike.
  live.advance_to(live.drill().end_time());
  resumed->advance_to(resumed->drill().end_time());
  CHECK(jsonl(resumed->drill()) == jsonl(live.drill()));
}

TEST_CASE("a drill the facilitator ended early resumes as ended") {
  auto model = test::load_or_fail(test::default_scenario());
  SessionSetup setup = two_trainees(*model);
  DrillSession live(model, setup, 0);
  live.advance_to(4000);
  live.end();
  std::string error;
  auto resumed = resume_session(model, setup, live.drill().journal().entries(), 4000, 0, error);
  REQUIRE(resumed);
  CHECK(resumed->drill().finished());
  CHECK(jsonl(resumed->drill()) == jsonl(live.drill()));
}

TEST_CASE("a journal of another scenario is refused") {
  auto model = test::load_or_fail(test::default_scenario());
  std::vector<JournalEntry> journal = {JournalEntry{.kind = EntryKind::drill_start, .subject = "other"}};
  std::string error;
  CHECK_FALSE(resume_session(model, two_trainees(*model), journal, 0, 0, error));
  CHECK_FALSE(error.empty());
}

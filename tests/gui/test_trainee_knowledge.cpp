// What the trainees can know comes from the messages and observations that reach their posts,
// never from the truth: a cut line is "no news" until someone reports a symptom.
#include <doctest/doctest.h>

#include "gui/session.hpp"
#include "gui/trainee_knowledge.hpp"
#include "gui_test_support.hpp"

using namespace drillsim;
using namespace drillsim::gui;

TEST_CASE("components are unknown until a symptom reaches a trainee post") {
  auto model = test::load_or_fail(test::default_scenario());
  const Model& m = *model;
  SessionSetup setup;
  setup.participants = {{"甲", m.find_post("delivery"), 0}, {"乙", m.find_post("technical"), 0}};
  DrillSession s(model, setup, 0);
  TraineeKnowledge k;
  k.reset(m, s.trainee_posts());
  s.advance_to(2400 + 1);  // 09:10:01: the line was cut a second ago
  k.update(m, s.drill().journal());
  Ix wan = m.find_component("wan_line");
  REQUIRE(wan != no_ix);
  CHECK(s.drill().truth().components[wan].health == Health::down);  // the truth
  CHECK(k.components()[wan].reported == Reported::unknown);         // what the trainees know
  for (const auto& c : k.components()) CHECK(c.reported == Reported::unknown);

  s.advance_to(s.drill().end_time());
  k.update(m, s.drill().journal());
  int reported = 0;
  for (Ix c = 0; c < k.components().size(); ++c) {
    const ComponentKnowledge& ck = k.components()[c];
    if (ck.reported == Reported::unknown) continue;
    ++reported;
    REQUIRE_FALSE(ck.evidence.empty());
    for (std::size_t e : ck.evidence) {
      const JournalEntry& j = s.drill().journal().entries()[e];
      CHECK_FALSE(j.truth_only);
      Ix p = m.find_post(j.post);
      CHECK((p == no_ix || s.is_trainee_post(p)));
    }
  }
  CHECK(reported > 0);
}

TEST_CASE("knowledge for one post ignores messages to the other posts") {
  auto model = test::load_or_fail(test::default_scenario());
  const Model& m = *model;
  SessionSetup setup;
  setup.participants = {{"甲", m.find_post("delivery"), 0}};
  DrillSession s(model, setup, 0);
  s.advance_to(s.drill().end_time());
  TraineeKnowledge all, hotline;
  all.reset(m, {});
  hotline.reset(m, {m.find_post("hotline")});
  all.update(m, s.drill().journal());
  hotline.update(m, s.drill().journal());
  std::size_t all_evidence = 0, hotline_evidence = 0;
  for (const auto& c : all.components()) all_evidence += c.evidence.size();
  for (const auto& c : hotline.components()) hotline_evidence += c.evidence.size();
  CHECK(all_evidence > hotline_evidence);
}

TEST_CASE("the calendar as the trainees know it: held, missed, waiting; the next deadline") {
  auto model = test::load_or_fail(test::default_scenario());
  const Model& m = *model;
  SessionSetup setup;
  setup.participants = {{"甲", m.find_post("delivery"), 0}};
  setup.policy_plays_others = false;  // nobody responds: the morning opening cannot be held
  DrillSession s(model, setup, 0);
  TraineeKnowledge k;
  k.reset(m, s.trainee_posts());
  k.update(m, s.drill().journal());
  REQUIRE(k.calendar().size() == m.scenario.calendar.size());
  CHECK(next_deadline(k.calendar()) == 0);
  s.advance_to(m.scenario.calendar[0].at + 1);
  k.update(m, s.drill().journal());
  CHECK(k.calendar()[0].state == "waiting");
  CHECK(next_deadline(k.calendar()) == 0);
  s.advance_to(s.drill().end_time());
  k.update(m, s.drill().journal());
  CHECK(k.calendar()[0].state == "missed");
}

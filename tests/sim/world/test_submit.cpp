// Submitting actions: who may act, who is present, A/B stand-ins, queuing, observations.
#include <doctest/doctest.h>

#include "sim/world/drill.hpp"
#include "tests/sim/world/mini_platform.hpp"

using namespace drillsim;

namespace {
constexpr Ix srv_a = 7, app = 11;

Submission make(Ix post, Ix action, Ix target = no_ix) {
  Submission s;
  s.post = post;
  s.action = action;
  s.target = target;
  s.actor = "学员1";
  return s;
}

const JournalEntry* last(const Drill& d, EntryKind kind) {
  const JournalEntry* found = nullptr;
  for (const auto& e : d.journal().entries())
    if (e.kind == kind) found = &e;
  return found;
}
}  // namespace

TEST_CASE("a post the catalog does not allow is refused, with the reason journaled") {
  Drill d(test::share(test::mini_model()));
  SubmitResult r = d.submit(make(2, 0, srv_a));  // the hotline may not restart servers
  CHECK_FALSE(r.accepted);
  CHECK(r.reason_code == "not_allowed");
  REQUIRE(last(d, EntryKind::rejected));
  CHECK(last(d, EntryKind::rejected)->post == "hotline");
}

TEST_CASE("a target of the wrong kind or out of range is refused") {
  Drill d(test::share(test::mini_model()));
  CHECK(d.submit(make(0, 0, 999)).reason_code == "bad_target");
}

TEST_CASE("the B person acts when the A person is absent; nobody present means the post cannot act") {
  Model m = test::mini_model();
  Inject absent_a;
  absent_a.id = "absent_a";
  absent_a.kind = Inject::Kind::absent;
  absent_a.at = 60;
  absent_a.ref = 0;
  Inject absent_b = absent_a;
  absent_b.id = "absent_b";
  absent_b.at = 120;
  absent_b.ref = 1;
  m.scenario.injects = {absent_a, absent_b};
  Drill d(test::share(m));
  d.advance_to(60);
  CHECK(d.acting_person(0) == 1);
  CHECK(d.submit(make(0, 1, app)).accepted);
  d.advance_to(120);
  CHECK_FALSE(d.post_staffed(0));
  CHECK(d.submit(make(0, 1, app)).reason_code == "nobody_at_post");
}

TEST_CASE("a post does one thing at a time: a second action queues behind the first") {
  Drill d(test::share(test::mini_model()));
  SubmitResult first = d.submit(make(0, 1, app));   // 120 s
  SubmitResult second = d.submit(make(0, 1, srv_a));
  CHECK(first.completes == 120);
  CHECK(second.starts == 120);
  CHECK(second.completes == 240);
}

TEST_CASE("a diagnostic action reveals the true state as an observation with a result") {
  Model m = test::mini_model();
  m.scenario.injects = {test::fault_at("wan", 0, 10, 1)};
  Drill d(test::share(m));
  d.advance_to(1);
  d.submit(make(0, 1, app));
  d.submit(make(0, 1, srv_a));
  d.advance_to(600);
  std::vector<std::string> results;
  for (const auto& e : d.journal().entries())
    if (e.kind == EntryKind::observation) results.push_back(e.result + ":" + e.target + ":" + e.text.en);
  REQUIRE(results.size() == 2);
  CHECK(results[0] == "fail:app:cannot log in to app");
  CHECK(results[1] == "ok:srv_a:logged in");
  Condition seen;
  seen.kind = Condition::Kind::observed;
  seen.ref = 1;
  seen.text = "fail";
  CHECK(d.condition_holds(seen));
}

TEST_CASE("symptoms reach their post after the delay, and only if the state lasted") {
  Model m = test::mini_model();
  m.scenario.injects = {test::fault_at("wan", 100, 10, 1)};
  Inject back;
  back.id = "back";
  back.kind = Inject::Kind::clear;
  back.at = 150;  // before the 120 s complaint delay has passed
  back.component = 10;
  back.ref = 1;
  Model m2 = m;
  m2.scenario.injects.push_back(back);
  Drill lasting(test::share(m));
  lasting.advance_to(1000);
  REQUIRE(last(lasting, EntryKind::message));
  CHECK(last(lasting, EntryKind::message)->t == 220);
  CHECK(last(lasting, EntryKind::message)->post == "hotline");
  CHECK(last(lasting, EntryKind::message)->text.zh == "app无法访问");
  Drill brief(test::share(m2));
  brief.advance_to(1000);
  CHECK(last(brief, EntryKind::message) == nullptr);
}

TEST_CASE("a contingency inject fires when its action has not been done by its time") {
  Model m = test::mini_model();
  Inject nudge;
  nudge.id = "nudge";
  nudge.kind = Inject::Kind::message;
  nudge.timed = false;
  nudge.when.kind = Condition::Kind::not_done_by;
  nudge.when.ref = 3;  // report
  nudge.when.time = 1800;
  nudge.ref = 1;
  nudge.text = {"上级询问进展", "Superiors ask for news"};
  m.scenario.injects = {nudge};

  SUBCASE("not reported: it fires at the time") {
    Drill d(test::share(m));
    d.advance_to(d.end_time());
    REQUIRE(last(d, EntryKind::message));
    CHECK(last(d, EntryKind::message)->t == 1800);
  }
  SUBCASE("reported in time: it never fires") {
    Drill d(test::share(m));
    d.submit(make(1, 3));
    d.advance_to(d.end_time());
    CHECK(last(d, EntryKind::message) == nullptr);
  }
  SUBCASE("held by the facilitator: it does not fire until released") {
    Drill d(test::share(m));
    CHECK(d.hold_inject(0));
    d.advance_to(2400);
    CHECK(last(d, EntryKind::message) == nullptr);
    CHECK(d.release_inject(0));
    REQUIRE(last(d, EntryKind::message));
    CHECK(last(d, EntryKind::message)->t == 2400);
  }
}

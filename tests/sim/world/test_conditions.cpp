// Conditions that read time and history: latest observations, time since an action, temperature thresholds.
#include <doctest/doctest.h>

#include "sim/world/drill.hpp"
#include "tests/sim/world/mini_platform.hpp"

using namespace drillsim;

namespace {
constexpr Ix ac1 = 4, ac2 = 5, room = 6, srv_a = 7, srv_b = 8, app = 11;

void login(Drill& d, Ix target) {
  Submission s;
  s.post = 0;
  s.action = 1;  // bastion_login: fail while the target is not up, else ok
  s.target = target;
  REQUIRE(d.submit(s).accepted);
}

Condition observed(const char* result, bool latest, const std::string& target = "") {
  Condition c;
  c.kind = Condition::Kind::observed;
  c.ref = 1;
  c.text = result;
  c.latest = latest;
  c.target_id = target;
  return c;
}
}  // namespace

TEST_CASE("observed: any earlier result, the latest result, or the result for one target") {
  Model m = test::mini_model();
  m.scenario.injects = {test::fault_at("a", 0, srv_a, 0), test::fault_at("b", 0, srv_b, 0)};
  Inject fix;
  fix.id = "fix";
  fix.kind = Inject::Kind::clear;  // no type: clears every fault on srv_b
  fix.at = 600;
  fix.component = srv_b;
  m.scenario.injects.push_back(fix);
  Drill d(test::share(m));
  d.advance_to(1);
  login(d, app);  // fails at 121
  d.advance_to(700);
  login(d, app);  // ok at 820 (srv_b is back)
  login(d, srv_a);  // fails at 940
  d.advance_to(1000);
  CHECK(d.condition_holds(observed("fail", false)));
  CHECK(d.condition_holds(observed("ok", false)));
  CHECK_FALSE(d.condition_holds(observed("ok", true)));  // the latest login was srv_a's, which failed
  CHECK(d.condition_holds(observed("ok", true, "app")));  // the latest for the app succeeded
  CHECK_FALSE(d.condition_holds(observed("fail", true, "app")));
}

TEST_CASE("since_done holds once that long has passed since the action was first done") {
  Model m = test::mini_model();
  Condition since;
  since.kind = Condition::Kind::since_done;
  since.ref = 3;  // report, 60 s
  since.time = 600;
  Inject nudge;
  nudge.id = "nudge";
  nudge.kind = Inject::Kind::message;
  nudge.timed = false;
  nudge.when = since;
  nudge.ref = 0;
  nudge.text = {"到场了吗？", "On site yet?"};
  m.scenario.injects = {nudge};
  Drill d(test::share(m));
  Submission report;
  report.post = 1;
  report.action = 3;
  d.advance_to(100);
  REQUIRE(d.submit(report).accepted);
  d.advance_to(d.end_time());
  const JournalEntry* msg = nullptr;
  for (const auto& e : d.journal().entries())
    if (e.kind == EntryKind::message) msg = &e;
  REQUIRE(msg);
  CHECK(msg->t == 100 + 60 + 600);  // at the exact second, by a wake-up
}

TEST_CASE("a temperature a condition tests is a crossing point: the contingency fires at the exact second") {
  Model m = test::mini_model();
  m.scenario.injects = {test::fault_at("ac1", 0, ac1, 0), test::fault_at("ac2", 0, ac2, 0)};
  Inject hot;
  hot.id = "hot";
  hot.kind = Inject::Kind::message;
  hot.timed = false;
  hot.when.kind = Condition::Kind::temp_above;
  hot.when.component = room;
  hot.when.value = 30;  // 8 °C above 22 at 0.5 °C/min: 16 min
  hot.ref = 0;
  hot.text = {"机房温度30度", "Room at 30 °C"};
  m.scenario.injects.push_back(hot);
  Drill d(test::share(m));
  d.advance_to(3600);
  const JournalEntry* msg = nullptr;
  for (const auto& e : d.journal().entries())
    if (e.kind == EntryKind::message && e.subject == "hot") msg = &e;
  REQUIRE(msg);
  INFO("at " << msg->t);
  CHECK(msg->t == 16 * 60);
}

TEST_CASE("a symptom tied to a fault type is sent only when that fault brought the component down") {
  Model m = test::mini_model();
  m.platform.components[app].symptoms[0].fault = 1;  // only for a cut line on the app itself
  Model crash = m, cut = m;
  crash.scenario.injects = {test::fault_at("crash", 60, app, 0)};
  cut.scenario.injects = {test::fault_at("cut", 60, app, 1)};
  for (auto* model : {&crash, &cut}) {
    Drill d(test::share(*model));
    d.advance_to(3600);
    bool sent = false;
    for (const auto& e : d.journal().entries()) sent = sent || e.kind == EntryKind::message;
    CHECK(sent == (model == &cut));
  }
}

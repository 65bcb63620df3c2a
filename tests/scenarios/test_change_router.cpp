// The Drill's change logs miss nothing a condition reads, and a ChangeRouter never calls a condition
// unchanged when its value moved: checked after every event and submission of every shipped scenario.
#include <algorithm>

#include "sim/world/change_router.hpp"
#include "sim/world/policy_watch.hpp"
#include "tests/scenarios/scenario_run.hpp"

using namespace drillsim;

namespace {

// What conditions read of one component.
struct Seen {
  Health health = Health::up;
  OffReason off = OffReason::none;
  bool fire = false;
  std::vector<Ix> faults;
  bool operator==(const Seen&) const = default;
};

std::vector<Seen> snapshot(const Drill& d) {
  std::vector<Seen> out;
  for (const ComponentState& cs : d.truth().components) out.push_back(Seen{cs.health, cs.off, cs.on_fire, cs.faults});
  return out;
}

// Every condition of the plan, the levels and the contingencies.
std::vector<const Condition*> conditions_of(const Model& m) {
  std::vector<const Condition*> out;
  for (const Procedure& p : m.plan.procedures) {
    out.push_back(&p.trigger);
    out.push_back(&p.resolved);
    for (const Step& s : p.steps)
      for (const Branch& b : s.branches) out.push_back(&b.when);
  }
  for (const Level& l : m.plan.levels) out.push_back(&l.when);
  for (const Inject& i : m.scenario.injects)
    if (!i.timed) out.push_back(&i.when);
  return out;
}

}  // namespace

TEST_CASE("the change logs name every component, fault type and message that changed") {
  for (const std::string& path : test::shipped_scenarios()) {
    CAPTURE(path);
    auto model = test::load_or_fail(path);
    for (std::uint64_t seed : {1ull, 2ull}) {
      DrillOptions options;
      options.seed = seed;
      options.seed_given = true;
      Drill drill(model, options);
      std::vector<Seen> before = snapshot(drill);
      std::size_t components = drill.component_changes().size(), faults = drill.fault_changes().size();
      int missed = 0, wrong_deliveries = 0;
      drill.set_observer([&](const Drill& d) {
        std::vector<Seen> now = snapshot(d);
        const auto& log = d.component_changes();
        for (Ix c = 0; c < now.size(); ++c) {
          if (now[c] == before[c]) continue;
          if (std::find(log.begin() + static_cast<std::ptrdiff_t>(components), log.end(), c) == log.end()) ++missed;
          if (now[c].faults != before[c].faults && d.fault_changes().size() == faults) ++missed;
        }
        if (d.deliveries().size() != d.truth().delivered.size()) ++wrong_deliveries;
        before = std::move(now);
        components = log.size();
        faults = d.fault_changes().size();
      });
      PlanPolicy policy(*model);
      run_with_policy(drill, policy);
      CHECK(missed == 0);
      CHECK(wrong_deliveries == 0);
    }
  }
}

TEST_CASE("a condition the router leaves out has the value it had at the previous look") {
  for (const std::string& path : test::shipped_scenarios()) {
    CAPTURE(path);
    auto model = test::load_or_fail(path);
    const std::vector<const Condition*> conditions = conditions_of(*model);
    ChangeRoutes routes(*model, conditions);
    ChangeRouter router(routes);
    Drill drill(model);
    AspectWatch watch;
    std::vector<char> last(conditions.size(), 0);
    int wrong = 0, skipped = 0;
    auto look = [&](const Drill& d) {
      router.look(d, watch.moved(d));
      for (std::size_t i = 0; i < conditions.size(); ++i) {
        if (reads_clock(*conditions[i])) continue;  // followed by aspect; their values move with the clock too
        const bool now = d.condition_holds(*conditions[i]);
        if (!router.may_have_changed(i)) {
          ++skipped;
          if (now != (last[i] != 0)) ++wrong;
        }
        last[i] = now;
      }
    };
    drill.set_observer(look);
    look(drill);
    PlanPolicy policy(*model);
    run_with_policy(drill, policy);
    CHECK(wrong == 0);
    CHECK(skipped > 0);
  }
}

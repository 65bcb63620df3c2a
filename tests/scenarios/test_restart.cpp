// A drill and a policy restarted for another run (how Monte Carlo reuses them) play exactly what a new
// drill and a new policy play: the same journal, entry for entry, on every shipped scenario.
#include <algorithm>

#include "tests/scenarios/scenario_run.hpp"

using namespace drillsim;

namespace {

DrillOptions seeded(std::uint64_t seed) {
  DrillOptions options;
  options.seed = seed;
  options.seed_given = true;
  return options;
}

std::string fresh_run(const std::shared_ptr<const Model>& model, std::uint64_t seed, bool policy) {
  Drill drill(model, seeded(seed));
  if (policy) {
    PlanPolicy p(*model);
    run_with_policy(drill, p);
  } else {
    drill.advance_to(drill.end_time());
  }
  return drill.journal().to_jsonl();
}

}  // namespace

TEST_CASE("a restarted drill and policy play what new ones play, on every shipped scenario") {
  const std::vector<std::uint64_t> seeds = {11, 5, 11, 29};
  for (const std::string& path : test::shipped_scenarios()) {
    CAPTURE(path);
    auto model = test::load_or_fail(path);
    Drill drill(model, seeded(7));
    PlanPolicy policy(*model);
    std::vector<TimedSubmission> log;
    drill.set_submission_log(&log);
    run_with_policy(drill, policy);  // leaves state behind: runs, faults, fired injects, a submission log
    for (std::uint64_t seed : seeds) {
      CAPTURE(seed);
      drill.restart(seed);
      policy.restart();
      run_with_policy(drill, policy);
      CHECK(drill.journal().to_jsonl() == fresh_run(model, seed, true));
    }
    // And with nobody answering, after runs with the policy.
    drill.restart(seeds.front());
    drill.advance_to(drill.end_time());
    CHECK(drill.journal().to_jsonl() == fresh_run(model, seeds.front(), false));
  }
}

TEST_CASE("a restart forgets live injects, holds and the submission log") {
  auto model = test::load_or_fail("003_puyang/scenarios/annual_drill.yaml");
  Drill drill(model, seeded(3));
  std::vector<TimedSubmission> log;
  drill.set_submission_log(&log);
  for (Ix i = 0; i < drill.injects().size(); ++i)
    if (!drill.injects()[i].timed) {
      drill.hold_inject(i);
      break;
    }
  Inject extra = drill.injects().front();
  extra.id = "live_extra";
  extra.timed = true;
  extra.at = 600;
  std::string error;
  REQUIRE_MESSAGE(drill.add_inject(extra, &error), error);
  PlanPolicy policy(*model);
  run_with_policy(drill, policy);
  const std::size_t logged = log.size();
  REQUIRE(logged > 0);
  drill.restart(3);
  CHECK(drill.injects().size() == model->scenario.injects.size());
  for (Ix i = 0; i < drill.injects().size(); ++i) CHECK_FALSE(drill.inject_held(i));
  policy.restart();
  run_with_policy(drill, policy);
  CHECK(log.size() == logged);  // the log was let go at the restart
  CHECK(drill.journal().to_jsonl() == fresh_run(model, 3, true));
}

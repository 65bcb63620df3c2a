// "Try it": the scenario run by the plan-following policy at full speed, scored, with its coverage.
#include "authoring/try_run.hpp"

#include <filesystem>

#include "scoring/rubric.hpp"
#include "sim/world/drill.hpp"
#include "sim/world/plan_policy.hpp"

namespace drillsim::authoring {

namespace {

// scenarios/rubric.yaml: in a folder above the scenario (seed folders sit in scenarios/), else the
// one the command line would use.
std::string find_rubric(const std::string& scenario_file) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path dir = fs::absolute(fs::path(scenario_file), ec).parent_path();
  for (int up = 0; up < 8 && !dir.empty(); ++up) {
    for (const fs::path& candidate : {dir / "rubric.yaml", dir / "scenarios" / "rubric.yaml"})
      if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
#ifdef DRILLSIM_SOURCE_DIR
  return scoring::default_rubric_path(DRILLSIM_SOURCE_DIR);
#else
  return scoring::default_rubric_path(".");
#endif
}

}  // namespace

TryResult try_scenario(std::shared_ptr<const Model> model, const std::string& rubric_path) {
  TryResult result;
  result.model = model;
  if (!model) {
    result.error = "no scenario to try: it does not load";
    return result;
  }
  scoring::Rubric rubric;
  Diagnostics problems;
  const std::string path = rubric_path.empty() ? find_rubric(model->scenario.file) : rubric_path;
  if (!scoring::load_rubric(path, rubric, problems)) {
    result.error = problems.empty() ? path + ": cannot read the rubric" : problems.front().str();
    return result;
  }

  Drill drill(model);
  PlanPolicy policy(*model);
  run_with_policy(drill, policy);
  result.journal = drill.journal().entries();
  result.ended_at = drill.now();

  const Plan& plan = model->plan;
  result.coverage.resize(plan.procedures.size());
  for (Ix i = 0; i < plan.procedures.size(); ++i) {
    ProcedureReach& reach = result.coverage[i];
    reach.procedure = i;
    reach.started = policy.procedure_started(i);
    reach.steps_reached.resize(plan.procedures[i].steps.size());
    for (Ix s = 0; s < plan.procedures[i].steps.size(); ++s) reach.steps_reached[s] = policy.step_reached(i, s);
  }

  std::string error;
  if (!scoring::score_journal(model, result.journal, rubric, result.sheet, error)) {
    result.error = "the run could not be scored: " + error;
    return result;
  }
  result.ok = true;
  return result;
}

}  // namespace drillsim::authoring

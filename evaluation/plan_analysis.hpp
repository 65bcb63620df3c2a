// Static analysis of a plan against its platform and organisation: gaps a planner should close.
#pragma once

#include <string>
#include <vector>

#include "sim/model/model.hpp"

namespace drillsim {

// One gap. kind is one of:
//   unhandled_fault      a fault type no expected action of any step repairs
//   unanswered_symptom   a symptom no procedure is triggered by
//   no_stand_in          a post responsible for steps with a single holder (no B角)
//   shared_person        a person holding several posts that are responsible for steps
//   single_point         a component whose failure alone stops a service
//   infeasible_limit     a time limit the fastest path through the steps cannot meet
//   unreachable_branch   a branch that can never be taken
//   level_conflict       levels whose thresholds contradict their ranks
struct Finding {
  std::string kind;
  std::string subject;  // the id of what it is about
  Text message;
  std::string source;   // where the plan says it, when known
};

struct PlanAnalysis {
  std::vector<Finding> findings;
  std::size_t count(const std::string& kind) const;
};

PlanAnalysis analyze_plan(const Model& model);

// The components whose failure alone takes `service` down (the service itself excluded), computed
// by failing each one in turn and propagating with the drill's own redundancy rules.
std::vector<Ix> single_points_of_failure(const Model& model, Ix service);

// False when a step's branch can never be taken: it follows an unconditional branch, or it needs an
// observation result its action never reports.
bool branch_possible(const Model& model, const Step& step, std::size_t branch);

// The least time in which a procedure's steps up to and including `step` can be done, taking the
// fastest branch at every fork and each post working through its own actions one after another.
SimTime fastest_time_to(const Model& model, Ix procedure, Ix step);

}  // namespace drillsim

// "Try it": runs a scenario from the editor with the plan-following policy at full speed and keeps
// what the author needs to see: the journal (for the timeline), the score, the business outcomes and
// which procedures and steps the scenario reaches (coverage).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "scoring/score.hpp"
#include "sim/model/model.hpp"
#include "sim/world/journal.hpp"

namespace drillsim::authoring {

struct ProcedureReach {
  Ix procedure = no_ix;
  bool started = false;
  std::vector<bool> steps_reached;  // by step index
};

struct TryResult {
  bool ok = false;
  std::string error;                 // the rubric or the run failed
  std::shared_ptr<const Model> model;
  std::vector<JournalEntry> journal;  // the run, as the timeline shows it
  scoring::ScoreSheet sheet;          // the policy's score
  std::vector<ProcedureReach> coverage;  // one per procedure of the plan
  SimTime ended_at = 0;
};

// `rubric_path`: scenarios/rubric.yaml (empty: the one found beside the scenarios folder).
TryResult try_scenario(std::shared_ptr<const Model> model, const std::string& rubric_path = {});

}  // namespace drillsim::authoring

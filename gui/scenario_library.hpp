// The scenarios a facilitator can choose from: every scenario file under a folder, with its plan.
#pragma once

#include <string>
#include <vector>

#include "sim/model/basics.hpp"

namespace drillsim::gui {

struct ScenarioEntry {
  std::string path;       // the scenario file
  std::string id;
  Text name;
  Text description;
  std::string plan_path;  // resolved against the scenario's folder
  Text plan_name;
};

// Scans folder (recursively) for YAML files whose top-level key is `scenario`. Reads only the
// names: a choice is loaded in full (and validated) when the facilitator picks it.
std::vector<ScenarioEntry> scan_scenarios(const std::string& folder);

// The folder of shipped scenarios, and the default drill (README's main command).
std::string shipped_scenarios_dir();
std::string default_scenario_path();

}  // namespace drillsim::gui

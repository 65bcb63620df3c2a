// Response files: a trainee team's actions written down in advance, played into a drill.
#pragma once

#include <string>
#include <vector>

#include "sim/load/diagnostic.hpp"
#include "sim/load/loader.hpp"
#include "sim/world/drill.hpp"

namespace drillsim {

// YAML: responses: {scenario: id, actions: [{at: TIME, post, action, target?, actor?, note?}]}
struct ScriptedAction {
  SimTime at = 0;
  Submission submission;
  int line = 0;
};

struct ResponseFile {
  std::string scenario;
  std::vector<ScriptedAction> actions;  // sorted by time, stable
};

// A scenario TIME ("HH:MM", "+20m", "YYYY-MM-DD HH:MM") as seconds from the scenario's start.
inline bool parse_scenario_time(const std::string& text, const Scenario& scenario, SimTime& out) {
  return parse_scenario_time(text, scenario.start_epoch_s, out);
}

// Loads and checks a response file against the model; problems as file:line:col: message.
bool load_responses(const std::string& path, const Model& model, ResponseFile& out, Diagnostics& problems);

// Plays the scripted actions into the drill, then runs it to its end.
void run_with_responses(Drill& drill, const ResponseFile& responses);

}  // namespace drillsim

// Finding the scenario file a journal was run with, from the scenario id its first entry names.
#pragma once

#include <string>
#include <vector>

namespace drillsim::scoring {

// Looks for a scenario file whose `id:` is `scenario_id` under each root's scenarios/*/scenarios/
// (and scenarios/*/ itself). Returns the first path whose text names that id ("" when none does);
// the caller loads it, which confirms the match.
std::string find_scenario_file(const std::string& scenario_id, const std::vector<std::string>& roots);

}  // namespace drillsim::scoring

// The closing summary the CLI prints after a drill's timeline.
#pragma once

#include <string>

#include "sim/world/drill.hpp"

namespace drillsim::app {

std::string summary_text(const Drill& drill, Lang lang);

}  // namespace drillsim::app

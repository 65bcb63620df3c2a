// Human-readable descriptions of model parts (conditions, durations), for `drillsim show` and the GUI.
#pragma once

#include <string>

#include "sim/model/model.hpp"

namespace drillsim {

std::string describe_duration(SimTime seconds, Lang lang);
std::string describe_condition(const Model& model, const Condition& condition, Lang lang);
// Names of posts (and groups) joined with "、" or ", ".
std::string describe_posts(const Model& model, const std::vector<Ix>& posts, Lang lang);

}  // namespace drillsim

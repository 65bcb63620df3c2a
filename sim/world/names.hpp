// Names of enumerations and of targets, for the journal and the timeline.
#pragma once

#include "sim/model/model.hpp"
#include "sim/world/world_state.hpp"

namespace drillsim {

const char* comm_kind_name(Communication::Kind kind);
const char* health_name(Health health);
const char* business_state_name(BusinessState state);
const char* off_reason_name(OffReason reason);
// The display name of an action's target (component, post, party, level) or the raw id.
Text target_text(const Model& model, const ActionDef& action, Ix target, const std::string& target_id);

}  // namespace drillsim

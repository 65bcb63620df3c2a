// Names of enumerations and targets.
#include "sim/world/names.hpp"

namespace drillsim {

const char* comm_kind_name(Communication::Kind kind) {
  switch (kind) {
    case Communication::Kind::none: return "none";
    case Communication::Kind::report: return "report";
    case Communication::Kind::notify: return "notify";
    case Communication::Kind::declare_level: return "declare_level";
    case Communication::Kind::start_emergency: return "start_emergency";
    case Communication::Kind::end_emergency: return "end_emergency";
    case Communication::Kind::notice: return "notice";
    case Communication::Kind::summary_report: return "summary_report";
  }
  return "none";
}

const char* health_name(Health health) {
  switch (health) {
    case Health::up: return "up";
    case Health::degraded: return "degraded";
    case Health::down: return "down";
  }
  return "up";
}

const char* business_state_name(BusinessState state) {
  switch (state) {
    case BusinessState::pending: return "pending";
    case BusinessState::held: return "held";
    case BusinessState::held_fallback: return "held_fallback";
    case BusinessState::delayed: return "delayed";
    case BusinessState::missed: return "missed";
  }
  return "pending";
}

const char* off_reason_name(OffReason r) {
  switch (r) {
    case OffReason::none: return "on";
    case OffReason::standby: return "standby";
    case OffReason::switched_off: return "switched_off";
    case OffReason::moved_out: return "moved_out";
    case OffReason::destroyed: return "destroyed";
    case OffReason::overheated: return "overheated";
    case OffReason::battery_empty: return "battery_empty";
  }
  return "on";
}

Text target_text(const Model& m, const ActionDef& action, Ix target, const std::string& target_id) {
  switch (action.target) {
    case ActionDef::Target::component:
      if (target < m.platform.components.size()) return m.platform.components[target].name;
      break;
    case ActionDef::Target::post:
      if (target < m.organisation.posts.size()) return m.organisation.posts[target].name;
      break;
    case ActionDef::Target::party:
      if (target < m.organisation.parties.size()) return m.organisation.parties[target].name;
      break;
    case ActionDef::Target::level:
      if (target < m.plan.levels.size()) return m.plan.levels[target].name;
      break;
    default: break;
  }
  return Text{target_id, target_id};
}

}  // namespace drillsim

// The platform: components, their dependencies (a Boost.Graph), fault types and symptoms.
#pragma once

#include "sim/model/condition.hpp"

namespace drillsim {

enum class ComponentKind : std::uint8_t {
  mains_power, ups, generator, cooling, room, wan_line, lan, firewall, switch_device, server,
  database, storage, backup_media, application, external_system, client_environment, other
};

// A message that users or monitors send when a component's health reaches a state.
// YAML: components[].symptoms[] {id, on: down|degraded|up, from: {zh,en}, to: post, delay: DURATION, text: {zh,en}}
// The text may use {component} for the component's name.
struct Symptom {
  std::string id;
  Health on = Health::down;
  bool on_recovery = false;  // on: up  -> sent when the component comes back up
  Text from;                 // 投标人, 监控系统, 代理机构 ...
  Ix to = no_ix;             // post that receives it
  SimTime delay = 0;         // after the state is reached; dropped if the state ended meanwhile
  Ix fault = no_ix;          // fault: type   only when this fault type is what brought the component there
  Text text;
};

// YAML: platform.components[]
struct Component {
  std::string id;
  Text name;
  ComponentKind kind = ComponentKind::other;
  std::vector<std::string> tags;              // e.g. business, opening (seed 002's two threshold sets)
  std::vector<Ix> requires_all;               // requires: [a, b]            all must be up
  std::vector<std::vector<Ix>> requires_any;  // requires_any: [[a, b], ...]  one of each group suffices
  Ix room = no_ix;          // room: id      the room it stands in (temperature, fire)
  bool standby = false;     // standby: true off until an action activates it (backup line, generator)
  double max_temp_c = 0;    // max_temp_c    shuts down when its room is hotter (0: no limit)
  // ups: battery hold-up at full charge, and the time to recharge fully
  SimTime holdup = 0;       // holdup: DURATION
  SimTime recharge = 0;     // recharge: DURATION
  // room: temperature dynamics (°C, °C per minute); cooling is the room's requires/requires_any
  double base_temp_c = 22;  // temperature with cooling working
  double heat_rate_c_per_min = 0;  // rise without cooling
  double cool_rate_c_per_min = 0;  // fall back towards base once cooling returns
  double alarm_temp_c = 0;         // alarm threshold (seed 003: 38 °C); 0: none
  // fire in this component's room destroys it after this long unless moved out (0: the room's default)
  SimTime fire_destroy = 0;
  SimTime fire_small = 0;   // room: a fire younger than this can still be put out by hand
  bool holds_data = false;  // backup_media, database: destroying it loses data
  std::vector<Ix> backups;  // backups: [ids]  components holding copies of its data: its loss is only a
                            // loss of data while none of them still has the data
  double capacity = 0;      // load above capacity degrades it (0: unlimited)
  std::vector<Symptom> symptoms;
};

// A kind of fault a scenario can inject on a component.
// YAML: platform.fault_types[] {id, name, effect: down|degraded, cause: {zh,en}, repaired_by: [action ids]}
// repaired_by is filled from the catalog (actions with a `repair` effect name fault types they fix).
struct FaultType {
  std::string id;
  Text name;
  Health effect = Health::down;
  Text cause;  // what the technical group finds; shown to trainees only through observations
  bool loses_data = false;  // loses_data: true  the component's data is corrupted or wiped (restore it)
  std::vector<Ix> repaired_by;  // actions whose repair effect clears it
};

struct Platform {
  std::string id;
  std::string file;
  Text name;
  std::vector<Component> components;
  std::vector<FaultType> fault_types;
  std::vector<Ix> topo_order;  // components, dependencies before dependants (set by the loader)
};

}  // namespace drillsim

// The true state of the world during a drill: components, rooms, people, facts, business events.
#pragma once

#include <string>
#include <vector>

#include "sim/kernel/event_queue.hpp"
#include "sim/model/condition.hpp"

namespace drillsim {

// Why a component is off regardless of its dependencies.
enum class OffReason : std::uint8_t { none, standby, switched_off, moved_out, destroyed, overheated, battery_empty };

struct ComponentState {
  Health health = Health::up;  // derived by propagation
  OffReason off = OffReason::none;
  std::vector<Ix> faults;      // active fault types
  SimTime down_since = never;  // when health last became down (never while not down)
  SimTime total_down = 0;      // accumulated down time, closed intervals only
  std::uint32_t epoch = 0;     // bumps on every health change: stale symptom events are dropped
  double load = 0;
  // ups
  double charge = 1;           // battery charge at charge_at
  SimTime charge_at = 0;
  bool on_battery = false;
  std::uint32_t battery_epoch = 0;
  // room
  double temp_c = 0;           // temperature at temp_at
  SimTime temp_at = 0;
  double slope_c_per_s = 0;
  std::uint32_t temp_epoch = 0;
  bool alarm = false;          // above alarm_temp_c
  bool data_lost = false;      // its data is corrupted, wiped or burnt (until restored from a backup)
  bool on_fire = false;
  SimTime fire_start = 0;
  std::uint32_t fire_epoch = 0;
};

struct PersonState {
  bool absent = false;
  SimTime arrives = 0;  // late persons act from then on
};

struct BusinessRuntime {
  BusinessState state = BusinessState::pending;
  SimTime at = 0;        // current scheduled time (postponed events move)
  SimTime settled_at = never;
  bool waiting = false;  // past `at`, inside its grace
  std::uint32_t epoch = 0;
};

struct PartyState {
  SimTime arrives = never;  // latest call's arrival time
};

struct WorldState {
  std::vector<ComponentState> components;
  std::vector<PersonState> persons;
  std::vector<PartyState> parties;
  std::vector<char> facts;                  // by fact index
  std::vector<BusinessRuntime> business;    // by calendar index
  std::vector<SimTime> post_free_at;        // a post does one action at a time
  std::vector<std::uint32_t> done_count;    // by action: completed count
  std::vector<std::vector<Ix>> done_by_post;  // by action: posts that completed it
  struct Observation {
    Ix action = no_ix;
    std::string result;
    std::string target;
  };
  std::vector<Observation> observed;        // in the order they were made
  std::vector<SimTime> first_done_at;       // by action: first completion (never: not yet)
  std::vector<std::string> delivered;       // symptom and inject message ids delivered, in order
  std::vector<std::uint32_t> last_delivery; // by Model::message_ids index: position in `delivered` + 1 (0: never)
  int level_rank = 0;                       // highest true level rank reached (0: none)
  Ix level = no_ix;
  bool data_lost = false;  // some data is gone for good: lost where no backup still had it
};

}  // namespace drillsim

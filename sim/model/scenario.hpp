// A scenario: which plan and platform, the business calendar, the MSEL of injects, the seed and the trainees.
#pragma once

#include "sim/model/condition.hpp"

namespace drillsim {

// A business event with a hard time. YAML: scenario.calendar[]
//   {id, kind, name, at: TIME, duration: DURATION, grace: DURATION, requires: [components],
//    fallback: [facts], load: [{component, amount, from: DURATION}]}
// At `at` it is held if every required component is up, or held by fallback if one of the
// fallback facts is set; otherwise it waits up to `grace` for a recovery (delayed), then is missed.
struct Load {
  Ix component = no_ix;
  double amount = 0;
  SimTime lead = 0;  // from: the load starts this long before the event
};
struct BusinessEvent {
  std::string id;
  std::string kind;  // bid_deadline, bid_opening, decryption_deadline, evaluation, land_auction, property_auction, deposit, ...
  Text name;
  SimTime at = 0;
  SimTime duration = 0;
  SimTime grace = 0;
  std::vector<Ix> needs;      // YAML key: requires (a C++ keyword, hence the name)
  bool strict = false;        // strict: true  a degraded component blocks it too (wrong data, saturation)
  std::vector<Ix> fallback;  // facts
  std::vector<Load> loads;
};

// One entry of the MSEL. YAML: scenario.injects[]
//   {id, at: TIME | at: DISTRIBUTION (from the start) | when: CONDITION, note: {zh,en}, objective: id,
//    fault: {component, type} | clear: {component, type} | message: {from: {zh,en}, to: post, text: {zh,en}}
//    | absent: person | late: {person, by: DURATION} | fire: room | load: {component, amount} | fact: FACT,
//    expect: {zh,en}}
// An inject with `when` is a contingency inject: it fires the first time the condition holds
// (checked after every event, and at any `not_done.by` time), unless the facilitator holds it.
struct Inject {
  std::string id;
  enum class Kind : std::uint8_t { fault, clear, message, absent, late, fire, load, fact } kind = Kind::message;
  bool timed = true;          // false: contingency (`when`)
  bool at_is_random = false;
  SimTime at = 0;
  Distribution at_dist;       // fault timing stream
  Condition when;
  Ix component = no_ix;       // fault, clear, fire (room), load
  Ix ref = no_ix;             // fault type, person, fact, post (message `to`)
  Text from;                  // message sender
  Text text;                  // message text
  Distribution late_by;       // late
  double amount = 0;          // load
  Text note;                  // for the facilitator
  Text expect;                // the expected response, for the facilitator and the evaluators
  std::string objective;      // objective id
};

// An exercise objective (HSEEP). YAML: scenario.objectives[] {id, text: {zh,en}, procedures: [ids]}
struct Objective {
  std::string id;
  Text text;
  std::vector<Ix> procedures;
};

struct Scenario {
  std::string id;
  std::string file;
  Text name;
  Text description;
  std::string start;        // start: "2026-03-18 09:00" local wall clock of time 0
  std::int64_t start_epoch_s = 0;  // start as seconds since 1970 (no time zone; for clock display)
  SimTime end = 0;          // end_after: DURATION, the drill ends then at the latest
  std::uint64_t seed = 1;
  std::vector<Ix> trainee_posts;  // trainees: [posts]; the other posts are played by the facilitator/policy
  std::vector<BusinessEvent> calendar;
  std::vector<Inject> injects;
  std::vector<Objective> objectives;
};

}  // namespace drillsim

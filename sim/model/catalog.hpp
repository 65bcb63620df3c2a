// The action catalog: what each post may do, how long it takes, what it changes and reveals.
#pragma once

#include "sim/model/condition.hpp"

namespace drillsim {

// What an action does to the world when it completes (or `delay` later).
// YAML: actions[].effects[] — a map with one effect key plus optional delay/after_party:
//   {repair: COMPONENT, fixes: [fault types]}   clears those active faults on the component
//   {activate: COMPONENT} / {deactivate: COMPONENT}   switch a standby on, or a component off
//   {move_out: COMPONENT}    carried out of its room: safe from fire, off until moved back
//   {extinguish: ROOM}       puts out a fire that is still small
//   {set_fact: FACT} / {clear_fact: FACT}
//   {postpone: KIND, by: DURATION}   move the next pending business event of that kind (adjust the opening time)
//   {call: PARTY}            the party is called; a message when they arrive/answer ("$target": the chosen party)
//   {restore: COMPONENT}     its lost data is restored from a backup that still has it
//   {message: {to: POST, text: {zh,en}}}
// COMPONENT may be "$target" (the component the trainee chose). `delay: DISTRIBUTION` applies the
// effect later; `after_party: PARTY` applies it once that party's response time has passed.
struct Effect {
  enum class Kind : std::uint8_t {
    repair, activate, deactivate, move_out, extinguish, set_fact, clear_fact, postpone, call, message, restore
  };
  Kind kind = Kind::repair;
  Ix component = no_ix;         // or target_ix
  Ix ref = no_ix;               // fact, party (or target_ix), or post (message)
  std::string business_kind;    // postpone
  std::vector<Ix> fixes;        // repair: fault types
  SimTime amount = 0;           // postpone: seconds
  Distribution delay;           // fixed 0 = immediately
  Ix after_party = no_ix;
  Text text;                    // message
};

// What the action reveals to the one who took it, read from the true state. First match wins.
// YAML: actions[].observe[] {when: CONDITION, result: ok|fail|..., text: {zh,en}}; the last may omit when.
struct ObservationRule {
  Condition when;
  std::string result;
  Text text;  // may use {target}
};

// A communication the action carries: reports, notices, declarations. Scored against the plan's
// reporting and grading rules. YAML: actions[].comm {kind: report|notify|declare_level|start_emergency|
// end_emergency|notice|summary_report, to: [post or group ids]}
struct Communication {
  enum class Kind : std::uint8_t { none, report, notify, declare_level, start_emergency, end_emergency, notice, summary_report };
  Kind kind = Kind::none;
  std::vector<Ix> to_posts;
  std::vector<Ix> to_groups;
};

// YAML: catalog.actions[]
struct ActionDef {
  std::string id;
  Text name;
  std::vector<Ix> posts;  // posts that may perform it (empty: any post)
  enum class Target : std::uint8_t { none, component, post, party, business_event, level } target = Target::none;
  std::vector<Ix> target_choices;  // optional restriction of the allowed targets (components, ...)
  Distribution duration;
  Condition precondition;          // refused (with a reason) when false
  std::vector<Effect> effects;
  std::vector<ObservationRule> observe;
  Communication comm;
  bool harmful = false;            // harmful: true  marks an action the plan never wants (scoring)
};

// A named fact actions can set and conditions can test (emergency disc imported, expert drawn ...).
// YAML: catalog.facts[] {id, name}
struct Fact {
  std::string id;
  Text name;
};

struct Catalog {
  std::string id;
  std::string file;
  std::vector<Fact> facts;
  std::vector<ActionDef> actions;
};

}  // namespace drillsim

// Conditions over the drill's state: used by injects, observations, plan triggers, branches and levels.
#pragma once

#include "sim/model/basics.hpp"

namespace drillsim {

enum class Health : std::uint8_t { up = 0, degraded = 1, down = 2 };

// Outcome of a business-calendar event (开标, 解密, 评标, 拍卖 ...).
enum class BusinessState : std::uint8_t { pending, held, held_fallback, delayed, missed };

// One node of a condition tree. YAML form in comments (a map with exactly one key):
struct Condition {
  enum class Kind : std::uint8_t {
    always,       // (absent condition)
    all,          // {all: [cond, ...]}
    any,          // {any: [cond, ...]}
    negate,       // {not: cond}
    health,       // {health: {component: id, is: up|degraded|down|not_up}}   -> component, health, flag=not_up
    fault,        // {fault: {component: id?, type: id?}}  an active fault (either field may be omitted)
    fact,         // {fact: id}                            a fact is set (facts: scenario.facts or implicit)
    done,         // {done: {action: id, post: id?}}       the action has completed at least once
    not_done_by,  // {not_done: {action: id, by: TIME}}    TIME has come and the action has not completed
    observed,     // {observed: {action: id, result: text, target: id?, latest: bool?}} an observation with that
                  //   result was made (of that target); latest: the most recent one of that action had it
    message,      // {message: id}                         a symptom or inject message with that id was delivered (text)
    temp_above,   // {temp_above: {room: id, c: 38}}
    outage_over,  // {outage_over: {component: id | tag: text, s: DURATION}} a (tagged) component has been down that long
    business,     // {business: {kind: bid_opening, is: pending|held|held_fallback|delayed|missed}} any event of that kind
    after,        // {after: TIME}                          simulated time has reached TIME
    off,          // {off: {component: id, reason: any|standby|switched_off|moved_out|destroyed|overheated|battery_empty}}
                  //   the component is off for that reason (text; "any" or empty: for any reason)
    fire,         // {fire: room}                           a fire is burning in the room
    since_done,   // {since_done: {action: id, s: DURATION}}  that long has passed since the action was first done
    elapsed,      // {elapsed: DURATION}  that long has passed since the procedure (of the trigger or
                  //   branch being tested) started; in other places, since the drill started
  };
  Kind kind = Kind::always;
  Ix component = no_ix;  // component, room; may be target_ix inside a catalog action
  Ix ref = no_ix;        // fault type, fact or action (see kind)
  Ix post = no_ix;       // done: optional post
  Health health = Health::up;
  bool not_up = false;   // health: true means "degraded or down"
  std::string text;      // observed: result; outage_over: tag; business: event kind; message: id; off: reason
  BusinessState business = BusinessState::pending;
  bool latest = false;    // observed: only the most recent observation of the action counts
  std::string target_id;  // observed: only observations of this target
  double value = 0;      // temp_above: °C
  SimTime time = 0;      // not_done_by / after: absolute time; outage_over: seconds
  std::vector<Condition> children;  // all / any / not
};

}  // namespace drillsim

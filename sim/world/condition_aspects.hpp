// What a condition reads, so that callers can skip re-evaluating it while none of that has changed.
#pragma once

#include <cstdint>

#include "sim/model/condition.hpp"

namespace drillsim {

enum class Aspect : std::uint8_t { messages, world, facts, actions, observations, business, time, people, count };

constexpr std::uint32_t aspect_bit(Aspect a) { return 1u << static_cast<unsigned>(a); }

// The aspects a condition (with its children) reads. `always` reads nothing.
std::uint32_t aspects_of(const Condition& condition);
// Whether its value can change with the clock alone, between the events that touch its aspects:
// times and durations, and room temperatures (which move continuously between their crossings).
bool reads_clock(const Condition& condition);

}  // namespace drillsim

namespace drillsim {

// A condition evaluated at one place, re-evaluated only when an aspect it reads has changed or it is
// asked with other arguments. `Source` is the Drill (a template to keep this header free of it).
// The time aspect moves at the wake-ups the Drill schedules for the times conditions name; with
// `exact_clock`, a condition that reads the clock is also re-evaluated whenever the clock has moved
// (an `elapsed` nobody wakes for, a temperature between crossings): the same answers as evaluating
// it every time.
class CachedCondition {
 public:
  explicit CachedCondition(const Condition* condition = nullptr, bool exact_clock = false)
      : condition_(condition),
        mask_(condition ? aspects_of(*condition) : 0),
        clock_(exact_clock && condition && reads_clock(*condition)) {}
  template <class Source>
  bool holds(const Source& drill, Ix target = no_ix, std::size_t messages_from = 0, SimTime since = 0) {
    std::uint64_t sig = drill.signature(mask_);
    if (sig != signature_ || !valid_ || target != target_ || messages_from != messages_from_ || since != since_ ||
        (clock_ && drill.now() != now_)) {
      now_ = drill.now();
      value_ = drill.condition_holds(*condition_, target, messages_from, since);
      signature_ = sig;
      target_ = target;
      messages_from_ = messages_from;
      since_ = since;
      valid_ = true;
    }
    return value_;
  }
  void invalidate() { valid_ = false; }

 private:
  const Condition* condition_;
  std::uint32_t mask_;
  bool clock_;
  SimTime now_ = 0;
  std::uint64_t signature_ = 0;
  Ix target_ = no_ix;
  std::size_t messages_from_ = 0;
  SimTime since_ = 0;
  bool valid_ = false;
  bool value_ = false;
};

}  // namespace drillsim

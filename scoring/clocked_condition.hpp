// A condition asked again and again as a run goes, evaluated only when its value can have changed:
// when an aspect of the drill it reads has changed, or the clock has reached the next moment at
// which time alone could change it (a threshold of `after`, `outage_over`, `since_done`, ...).
//
// The answers are those of evaluating it at every look (CachedCondition's exact clock), for far
// fewer evaluations: an `outage_over` on a tag asked after every event is evaluated once per outage
// change and once when the outage crosses its duration, not every time the clock moves; and a value
// rests only on the part of the condition that decided it (the undelivered message of an `all`).
#pragma once

#include <vector>

#include "sim/world/drill.hpp"

namespace drillsim::scoring::detail {

// The earliest time after now at which `c` could change value with nothing it reads changing, only
// the clock (never: it cannot). `since`: when the procedure started (for `elapsed`).
SimTime clock_horizon(const Drill& drill, const Condition& c, SimTime since);

class ClockedCondition {
 public:
  explicit ClockedCondition(const Condition* condition) : condition_(condition) {}
  // The value now, messages counted from `messages_from` (see Drill::condition_holds).
  bool holds(const Drill& drill, std::size_t messages_from = 0) {
    if (valid_ && messages_from == messages_from_ && drill.now() < horizon_ && !moved(drill)) return value_;
    return reevaluate(drill, messages_from);
  }
  void invalidate() { valid_ = false; }
  // Whether its value may have changed given the aspects that moved since it was last asked (and the
  // clock now): false means it has not, and asking would only confirm it.
  bool may_have_moved(std::uint32_t moved, SimTime now) const {
    return !valid_ || (watch_ & moved) != 0 || now >= horizon_;
  }
  // What the last value rests on: the aspects whose move may change it (not the time aspect), and the
  // next moment the clock alone may (never: none). Meaningful once asked.
  std::uint32_t watch() const { return watch_; }
  SimTime horizon() const { return horizon_; }
  // How many times it was evaluated: what it rests on changes only then.
  std::uint64_t evaluations() const { return evaluations_; }

  struct Key {
    const Condition* leaf;
    std::int64_t value;  // what it read (a message's last delivery, an action's count, a health ...)
  };

 private:
  bool moved(const Drill& drill) const;
  bool reevaluate(const Drill& drill, std::size_t messages_from);
  std::vector<Key> keys_;   // the leaves the last value rests on, read by entry
  const Condition* condition_;
  std::uint32_t mask_ = 0;   // the aspects the last value rests on (not the clock: the horizon covers it)
  std::uint32_t watch_ = 0;  // mask_ and the aspects of the entries in keys_
  std::uint64_t signature_ = 0;
  std::size_t messages_from_ = 0;
  SimTime horizon_ = never;
  std::uint64_t evaluations_ = 0;
  bool valid_ = false;
  bool value_ = false;
};

}  // namespace drillsim::scoring::detail

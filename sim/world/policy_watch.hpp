// What the plan-following policy keeps to skip work while nothing it reads has moved.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "sim/world/condition_aspects.hpp"
#include "sim/world/drill.hpp"

namespace drillsim {

// The aspect versions one reader saw at its last look: `moved()` tells which aspects changed since
// then (one bit per Aspect) and remembers the new versions. Each reader keeps its own, so what one
// part of the policy does in between (a submission) cannot hide a change from another part.
class AspectWatch {
 public:
  std::uint32_t moved(const Drill& drill) {
    if (drill.state_version() == version_) return 0;  // every change bumps the state version
    version_ = drill.state_version();
    return compare(drill);
  }

 private:
  std::uint64_t version_ = ~0ull;
  std::array<std::uint64_t, static_cast<std::size_t>(Aspect::count)> seen_{};

  std::uint32_t compare(const Drill& drill);
};

// A trigger or level condition, asked at every act() with the aspects moved since the previous ask:
// the same answers as a CachedCondition without exact_clock (re-evaluated only when an aspect it
// reads moved, or when asked about other messages), at a fraction of the cost. A top-level `all` or
// `any` keeps its children's answers apart: a child that does not read the clock keeps its answer
// while its own aspects stay put, and one such false child of an `all` (true child of an `any`)
// decides without evaluating the others. Triggers are mostly `all: [a message, some world state]`:
// the world moves at almost every event, the messages rarely.
// The caller must ask at every act while the answer matters, or invalidate() before asking again
// after a pause: `moved` only covers the interval since the previous ask.
class WatchedCondition {
 public:
  explicit WatchedCondition(const Condition& condition);
  bool holds(const Drill& drill, std::uint32_t moved, std::size_t messages_from = 0) {
    if (valid_ && (mask_ & moved) == 0 && messages_from == messages_from_) return value_;
    return reevaluate(drill, moved, messages_from);
  }
  void invalidate();
  std::uint32_t reads() const { return mask_; }  // the aspects it reads

 private:
  struct Part {
    const Condition* condition = nullptr;
    std::uint32_t mask = 0;
    bool clock = false;  // reads the clock: evaluated afresh whenever the whole is
    bool valid = false;
    bool value = false;
  };
  const Condition* whole_;
  std::vector<Part> parts_;  // the children of a top-level all / any; none when not split
  bool any_ = false;         // parts joined by `any` (else by `all`)
  std::uint32_t mask_ = 0;
  std::size_t messages_from_ = 0;
  bool valid_ = false;
  bool value_ = false;

  bool reevaluate(const Drill& drill, std::uint32_t moved, std::size_t messages_from);
};

}  // namespace drillsim

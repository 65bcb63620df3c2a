// What a condition reads, so that callers can skip re-evaluating it while none of that has changed.
#pragma once

#include <cstdint>

#include "sim/model/condition.hpp"

namespace drillsim {

enum class Aspect : std::uint8_t { messages, world, facts, actions, observations, business, time, people, count };

constexpr std::uint32_t aspect_bit(Aspect a) { return 1u << static_cast<unsigned>(a); }

// The aspects a condition (with its children) reads. `always` reads nothing.
std::uint32_t aspects_of(const Condition& condition);

}  // namespace drillsim

namespace drillsim {

// A condition evaluated at one place with fixed arguments, re-evaluated only when an aspect it reads
// has changed. `Source` is the Drill (a template to keep this header free of it).
class CachedCondition {
 public:
  explicit CachedCondition(const Condition* condition = nullptr)
      : condition_(condition), mask_(condition ? aspects_of(*condition) : 0) {}
  template <class Source>
  bool holds(const Source& drill, Ix target = no_ix, std::size_t messages_from = 0, SimTime since = 0) {
    std::uint64_t sig = drill.signature(mask_);
    if (sig != signature_ || !valid_) {
      value_ = drill.condition_holds(*condition_, target, messages_from, since);
      signature_ = sig;
      valid_ = true;
    }
    return value_;
  }
  void invalidate() { valid_ = false; }

 private:
  const Condition* condition_;
  std::uint32_t mask_;
  std::uint64_t signature_ = 0;
  bool valid_ = false;
  bool value_ = false;
};

}  // namespace drillsim

// Mapping condition kinds to the aspects of the drill's state they read.
#include "sim/world/condition_aspects.hpp"

namespace drillsim {

std::uint32_t aspects_of(const Condition& c) {
  std::uint32_t mask = 0;
  switch (c.kind) {
    case Condition::Kind::always:
    case Condition::Kind::all:
    case Condition::Kind::any:
    case Condition::Kind::negate: break;
    case Condition::Kind::message: mask = aspect_bit(Aspect::messages); break;
    case Condition::Kind::health:
    case Condition::Kind::fault:
    case Condition::Kind::off:
    case Condition::Kind::fire:
    case Condition::Kind::temp_above: mask = aspect_bit(Aspect::world); break;
    case Condition::Kind::outage_over: mask = aspect_bit(Aspect::world) | aspect_bit(Aspect::time); break;
    case Condition::Kind::fact: mask = aspect_bit(Aspect::facts); break;
    case Condition::Kind::done: mask = aspect_bit(Aspect::actions); break;
    case Condition::Kind::not_done_by:
    case Condition::Kind::since_done: mask = aspect_bit(Aspect::actions) | aspect_bit(Aspect::time); break;
    case Condition::Kind::observed: mask = aspect_bit(Aspect::observations); break;
    case Condition::Kind::business: mask = aspect_bit(Aspect::business); break;
    case Condition::Kind::after:
    case Condition::Kind::elapsed: mask = aspect_bit(Aspect::time); break;
  }
  for (const Condition& child : c.children) mask |= aspects_of(child);
  return mask;
}

bool reads_clock(const Condition& c) {
  switch (c.kind) {
    case Condition::Kind::not_done_by:
    case Condition::Kind::since_done:
    case Condition::Kind::outage_over:
    case Condition::Kind::after:
    case Condition::Kind::elapsed:
    case Condition::Kind::temp_above: return true;
    default: break;
  }
  for (const Condition& child : c.children)
    if (reads_clock(child)) return true;
  return false;
}

}  // namespace drillsim

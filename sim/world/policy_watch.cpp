// What the plan-following policy keeps to skip work while nothing it reads has moved.
#include "sim/world/policy_watch.hpp"

namespace drillsim {

std::uint32_t AspectWatch::compare(const Drill& drill) {
  std::uint32_t mask = 0;
  for (unsigned a = 0; a < seen_.size(); ++a) {
    std::uint64_t version = drill.aspect_version(static_cast<Aspect>(a));
    if (version == seen_[a]) continue;
    seen_[a] = version;
    mask |= aspect_bit(static_cast<Aspect>(a));
  }
  return mask;
}

WatchedCondition::WatchedCondition(const Condition& condition) : whole_(&condition) {
  any_ = condition.kind == Condition::Kind::any;
  bool split = (any_ || condition.kind == Condition::Kind::all) && !condition.children.empty();
  if (!split) {
    mask_ = aspects_of(condition);
    return;
  }
  parts_.reserve(condition.children.size());
  for (const Condition& child : condition.children) {
    parts_.push_back(Part{&child, aspects_of(child), reads_clock(child)});
    mask_ |= parts_.back().mask;
  }
}

void WatchedCondition::invalidate() {
  valid_ = false;
  for (Part& part : parts_) part.valid = false;
}

bool WatchedCondition::reevaluate(const Drill& drill, std::uint32_t moved, std::size_t messages_from) {
  if (messages_from != messages_from_) invalidate();
  messages_from_ = messages_from;
  valid_ = true;
  if (parts_.empty()) return value_ = drill.condition_holds(*whole_, no_ix, messages_from);
  // `all` is decided by a false part, `any` by a true one. Forget the parts that may have changed;
  // the others were evaluated on the state they read now, and one of them may decide already.
  const bool decisive = any_;
  bool decided = false;
  for (Part& part : parts_) {
    if (part.clock || (part.mask & moved) != 0) part.valid = false;
    decided = decided || (part.valid && part.value == decisive);
  }
  if (!decided) {
    for (Part& part : parts_) {
      if (part.valid) continue;
      part.value = drill.condition_holds(*part.condition, no_ix, messages_from);
      part.valid = true;
      if (part.value == decisive) {
        decided = true;
        break;  // the parts after it stay unknown until asked
      }
    }
  }
  return value_ = decided ? decisive : !decisive;
}

}  // namespace drillsim

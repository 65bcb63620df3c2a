// Conditions evaluated when they can have changed (see clocked_condition.hpp).
#include "scoring/clocked_condition.hpp"

#include <algorithm>

#include "sim/world/condition_aspects.hpp"

namespace drillsim::scoring::detail {

namespace {

// `at` if it is still ahead, else never (the change has happened).
SimTime ahead(SimTime now, SimTime at) { return at > now ? at : never; }

// An outage_over term switches from false to true when the outage it watches reaches the duration.
SimTime outage_horizon(const Drill& d, const Condition& c, Ix target) {
  const auto& components = d.truth().components;
  auto reaches = [&](Ix i) { return components[i].down_since == never ? never : ahead(d.now(), components[i].down_since + c.time); };
  if (c.component != no_ix) {
    Ix comp = c.component == target_ix ? target : c.component;
    return comp < components.size() ? reaches(comp) : never;
  }
  SimTime first = never;
  const Model& m = d.model();
  if (c.ref < m.tagged.size()) {  // an indexed tag: the components carrying it
    for (Ix i : m.tagged[c.ref]) first = std::min(first, reaches(i));
    return first;
  }
  const auto& platform = m.platform.components;
  for (Ix i = 0; i < components.size(); ++i) {
    if (components[i].down_since == never) continue;
    const auto& tags = platform[i].tags;
    if (std::find(tags.begin(), tags.end(), c.text) != tags.end()) first = std::min(first, reaches(i));
  }
  return first;
}

}  // namespace

SimTime clock_horizon(const Drill& d, const Condition& c, SimTime since) {
  const SimTime now = d.now();
  switch (c.kind) {
    case Condition::Kind::after:
    case Condition::Kind::not_done_by: return ahead(now, c.time);
    case Condition::Kind::elapsed: return ahead(now, since + c.time);
    case Condition::Kind::since_done: {
      const auto& first = d.truth().first_done_at;
      return c.ref < first.size() && first[c.ref] != never ? ahead(now, first[c.ref] + c.time) : never;
    }
    case Condition::Kind::outage_over: return outage_horizon(d, c, no_ix);
    case Condition::Kind::temp_above: return now + 1;  // moves continuously: any later moment
    default: break;
  }
  SimTime first = never;
  for (const Condition& child : c.children) first = std::min(first, clock_horizon(d, child, since));
  return first;
}

namespace {

// The component a leaf names (none when it names the target: there is none here).
Ix named_component(const Drill& d, const Condition& c) {
  return c.component < d.truth().components.size() ? c.component : no_ix;
}

// The earliest start of an outage among the components an `outage_over` watches (never: none is
// down). The term holds once the clock is that long past it, so it rests on that start alone.
SimTime earliest_outage(const Drill& d, const Condition& c) {
  const auto& components = d.truth().components;
  if (c.component != no_ix) {
    Ix comp = named_component(d, c);
    return comp == no_ix ? never : components[comp].down_since;
  }
  SimTime first = never;
  for (Ix i : d.model().tagged[c.ref]) first = std::min(first, components[i].down_since);
  return first;
}

// What one leaf read, for leaves whose value rests on little of the state: a message's last
// delivery, an action's completions, one component's health (off state, fire), the earliest outage
// an `outage_over` watches, or for other cheap leaves that do not read the clock, their value itself.
// Their value stays while that key stays (and the clock stays short of the horizon), whatever else
// changes.
std::int64_t leaf_key(const Drill& d, const Condition& c) {
  const WorldState& s = d.truth();
  switch (c.kind) {
    case Condition::Kind::message: return s.last_delivery[c.ref];
    case Condition::Kind::done:
    case Condition::Kind::not_done_by: return c.ref < s.done_count.size() ? s.done_count[c.ref] : -1;
    case Condition::Kind::since_done: return c.ref < s.first_done_at.size() ? s.first_done_at[c.ref] : -1;
    case Condition::Kind::health: {
      Ix comp = named_component(d, c);
      return comp == no_ix ? -1 : static_cast<std::int64_t>(s.components[comp].health);
    }
    case Condition::Kind::off: {
      Ix comp = named_component(d, c);
      return comp == no_ix ? -1 : static_cast<std::int64_t>(s.components[comp].off);
    }
    case Condition::Kind::fire: {
      Ix comp = named_component(d, c);
      return comp == no_ix ? -1 : static_cast<std::int64_t>(s.components[comp].on_fire);
    }
    case Condition::Kind::outage_over: return earliest_outage(d, c);
    case Condition::Kind::fault:
    case Condition::Kind::fact:
    case Condition::Kind::business: return d.condition_holds(c) ? 1 : 0;
    default: return -1;
  }
}

bool keyed(const Drill& d, const Condition& c) {
  switch (c.kind) {
    case Condition::Kind::message: return c.ref < d.truth().last_delivery.size();
    case Condition::Kind::outage_over: return c.component != no_ix || c.ref < d.model().tagged.size();
    case Condition::Kind::done:
    case Condition::Kind::not_done_by:
    case Condition::Kind::since_done:
    case Condition::Kind::health:
    case Condition::Kind::off:
    case Condition::Kind::fire:
    case Condition::Kind::fault:
    case Condition::Kind::fact:
    case Condition::Kind::business: return true;
    default: return false;
  }
}

// A value with what it rests on: the aspects whose change could change it (`mask`), the leaves whose
// entry could (appended to `keys`), and the next moment the clock alone could. For `all` and `any`
// that is the child that decided (the first false, the first true) when there is one: `all` of an
// undelivered message and a health stays false, whatever the health does, until the message comes.
struct Evaluation {
  bool value = false;
  std::uint32_t mask = 0;
  SimTime horizon = never;
};

Evaluation evaluate(const Drill& d, const Condition& c, std::size_t messages_from, std::vector<ClockedCondition::Key>& keys) {
  switch (c.kind) {
    case Condition::Kind::always: return {true, 0, never};
    case Condition::Kind::all:
    case Condition::Kind::any: {
      const bool deciding = c.kind == Condition::Kind::any;  // the value that decides at once
      const std::size_t first = keys.size();
      Evaluation all{!deciding, 0, never};
      for (const Condition& child : c.children) {
        const std::size_t mine = keys.size();
        Evaluation e = evaluate(d, child, messages_from, keys);
        if (e.value == deciding) {  // it alone decides: forget what the others rested on
          keys.erase(keys.begin() + static_cast<std::ptrdiff_t>(first), keys.begin() + static_cast<std::ptrdiff_t>(mine));
          return e;
        }
        all.mask |= e.mask;
        all.horizon = std::min(all.horizon, e.horizon);
      }
      return all;
    }
    case Condition::Kind::negate: {
      if (c.children.empty()) return {true, 0, never};
      Evaluation e = evaluate(d, c.children.front(), messages_from, keys);
      e.value = !e.value;
      return e;
    }
    default: break;
  }
  Evaluation e{d.condition_holds(c, no_ix, messages_from, 0), 0, reads_clock(c) ? clock_horizon(d, c, 0) : never};
  if (keyed(d, c))
    keys.push_back({&c, leaf_key(d, c)});
  else
    e.mask = aspects_of(c) & ~aspect_bit(Aspect::time);
  return e;
}

}  // namespace

bool ClockedCondition::moved(const Drill& d) const {
  if (mask_ != 0 && d.signature(mask_) != signature_) return true;
  for (const Key& k : keys_)
    if (leaf_key(d, *k.leaf) != k.value) return true;
  return false;
}

// What it rests on has moved, or it was asked with other messages, or not yet: evaluated afresh.
bool ClockedCondition::reevaluate(const Drill& d, std::size_t messages_from) {
  keys_.clear();
  Evaluation e = evaluate(d, *condition_, messages_from, keys_);
  value_ = e.value;
  mask_ = e.mask;
  watch_ = e.mask;
  for (const Key& k : keys_) watch_ |= aspects_of(*k.leaf);
  watch_ &= ~aspect_bit(Aspect::time);
  horizon_ = e.horizon;
  signature_ = d.signature(mask_);
  messages_from_ = messages_from;
  valid_ = true;
  ++evaluations_;
  return value_;
}

}  // namespace drillsim::scoring::detail

// Evaluating conditions on the drill's state; contingency injects; the true response level.
#include <algorithm>

#include "sim/world/drill.hpp"
#include "sim/world/drill_priorities.hpp"

namespace drillsim {

bool Drill::condition_holds(const Condition& c, Ix target) const {
  const Model& m = *model_;
  auto component = [&](Ix ix) { return ix == target_ix ? target : ix; };
  switch (c.kind) {
    case Condition::Kind::always: return true;
    case Condition::Kind::all:
      for (const auto& child : c.children)
        if (!condition_holds(child, target)) return false;
      return true;
    case Condition::Kind::any:
      for (const auto& child : c.children)
        if (condition_holds(child, target)) return true;
      return false;
    case Condition::Kind::negate: return c.children.empty() || !condition_holds(c.children.front(), target);
    case Condition::Kind::health: {
      Ix comp = component(c.component);
      if (comp >= state_.components.size()) return false;
      Health h = state_.components[comp].health;
      return c.not_up ? h != Health::up : h == c.health;
    }
    case Condition::Kind::fault: {
      auto has = [&](const ComponentState& cs) {
        return c.ref == no_ix ? !cs.faults.empty()
                              : std::find(cs.faults.begin(), cs.faults.end(), c.ref) != cs.faults.end();
      };
      if (c.component != no_ix) {
        Ix comp = component(c.component);
        return comp < state_.components.size() && has(state_.components[comp]);
      }
      return std::any_of(state_.components.begin(), state_.components.end(), has);
    }
    case Condition::Kind::fact: return c.ref < state_.facts.size() && state_.facts[c.ref];
    case Condition::Kind::done: {
      if (c.ref >= state_.done_count.size() || state_.done_count[c.ref] == 0) return false;
      if (c.post == no_ix) return true;
      const auto& posts = state_.done_by_post[c.ref];
      return std::find(posts.begin(), posts.end(), c.post) != posts.end();
    }
    case Condition::Kind::not_done_by:
      return now_ >= c.time && (c.ref >= state_.done_count.size() || state_.done_count[c.ref] == 0);
    case Condition::Kind::observed:
      return std::find(state_.observed.begin(), state_.observed.end(), std::make_pair(c.ref, c.text)) !=
             state_.observed.end();
    case Condition::Kind::message:
      return std::find(state_.delivered.begin(), state_.delivered.end(), c.text) != state_.delivered.end();
    case Condition::Kind::temp_above: {
      Ix room = component(c.component);
      return room < state_.components.size() && room_temperature(room) > c.value;
    }
    case Condition::Kind::outage_over: {
      for (std::size_t i = 0; i < state_.components.size(); ++i) {
        const ComponentState& cs = state_.components[i];
        if (cs.down_since == never || now_ - cs.down_since < c.time) continue;
        if (c.component != no_ix ? component(c.component) == i
                                 : std::find(m.platform.components[i].tags.begin(), m.platform.components[i].tags.end(),
                                             c.text) != m.platform.components[i].tags.end())
          return true;
      }
      return false;
    }
    case Condition::Kind::business:
      for (std::size_t b = 0; b < m.scenario.calendar.size(); ++b)
        if (m.scenario.calendar[b].kind == c.text && state_.business[b].state == c.business) return true;
      return false;
    case Condition::Kind::after: return now_ >= c.time;
  }
  return false;
}

void Drill::collect_condition_times(const Condition& c) {
  switch (c.kind) {
    case Condition::Kind::not_done_by:
    case Condition::Kind::after: wake_at(c.time); break;
    case Condition::Kind::outage_over: outage_thresholds_.push_back(c.time); break;
    default: break;
  }
  for (const auto& child : c.children) collect_condition_times(child);
}

void Drill::check_contingencies() {
  // Firing one may change the state others test, so loop until nothing more fires.
  for (bool again = true; again && !finished_;) {
    again = false;
    for (std::size_t i = 0; i < injects_.size(); ++i) {
      const Inject& inj = injects_[i];
      if (inj.timed || fired_[i] || held_[i]) continue;
      if (condition_holds(inj.when)) {
        fire_inject(static_cast<Ix>(i));
        again = true;
      }
    }
  }
}

void Drill::check_levels() {
  const Plan& plan = model_->plan;
  for (std::size_t l = 0; l < plan.levels.size(); ++l) {
    const Level& level = plan.levels[l];
    if (level.rank <= state_.level_rank) continue;
    if (!condition_holds(level.when)) continue;
    state_.level_rank = level.rank;
    state_.level = static_cast<Ix>(l);
    record({.kind = EntryKind::level_reached, .truth_only = true, .subject = level.id, .text = level.name,
            .value = level.rank});
  }
}

}  // namespace drillsim

// Evaluating conditions on the drill's state; contingency injects; the true response level.
#include <algorithm>

#include "sim/world/drill.hpp"
#include "sim/world/drill_priorities.hpp"
#include "sim/world/names.hpp"

namespace drillsim {

bool Drill::condition_holds(const Condition& c, Ix target, std::size_t messages_from, SimTime since) const {
  const Model& m = *model_;
  auto component = [&](Ix ix) { return ix == target_ix ? target : ix; };
  switch (c.kind) {
    case Condition::Kind::always: return true;
    case Condition::Kind::all:
      for (const auto& child : c.children)
        if (!condition_holds(child, target, messages_from, since)) return false;
      return true;
    case Condition::Kind::any:
      for (const auto& child : c.children)
        if (condition_holds(child, target, messages_from, since)) return true;
      return false;
    case Condition::Kind::negate: return c.children.empty() || !condition_holds(c.children.front(), target, messages_from, since);
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
    case Condition::Kind::observed: {
      // Newest first: with `latest`, the first observation of the action (and target) decides.
      for (auto it = state_.observed.rbegin(); it != state_.observed.rend(); ++it) {
        if (it->action != c.ref || (!c.target_id.empty() && it->target != c.target_id)) continue;
        if (it->result == c.text) return true;
        if (c.latest) return false;
      }
      return false;
    }
    case Condition::Kind::since_done:
      return c.ref < state_.first_done_at.size() && state_.first_done_at[c.ref] != never &&
             now_ - state_.first_done_at[c.ref] >= c.time;
    case Condition::Kind::message: {
      if (c.ref < state_.last_delivery.size()) return state_.last_delivery[c.ref] > messages_from;
      auto from = state_.delivered.begin() + static_cast<std::ptrdiff_t>(std::min(messages_from, state_.delivered.size()));
      return std::find(from, state_.delivered.end(), c.text) != state_.delivered.end();
    }
    case Condition::Kind::temp_above: {
      Ix room = component(c.component);
      return room < state_.components.size() && room_temperature(room) >= c.value - 1e-6;
    }
    case Condition::Kind::outage_over: {
      auto long_down = [&](const ComponentState& cs) {
        return cs.down_since != never && now_ - cs.down_since >= c.time;
      };
      if (c.component != no_ix) {  // one component: look at it alone
        Ix comp = component(c.component);
        return comp < state_.components.size() && long_down(state_.components[comp]);
      }
      for (std::size_t i = 0; i < state_.components.size(); ++i) {  // by tag: any component carrying it
        if (!long_down(state_.components[i])) continue;
        const auto& tags = m.platform.components[i].tags;
        if (std::find(tags.begin(), tags.end(), c.text) != tags.end()) return true;
      }
      return false;
    }
    case Condition::Kind::business:
      for (std::size_t b = 0; b < m.scenario.calendar.size(); ++b)
        if (m.scenario.calendar[b].kind == c.text && state_.business[b].state == c.business) return true;
      return false;
    case Condition::Kind::after: return now_ >= c.time;
    case Condition::Kind::off: {
      Ix comp = component(c.component);
      if (comp >= state_.components.size()) return false;
      OffReason off = state_.components[comp].off;
      return c.text == "any" || c.text.empty() ? off != OffReason::none : c.text == off_reason_name(off);
    }
    case Condition::Kind::elapsed: return now_ - since >= c.time;
    case Condition::Kind::fire: {
      Ix room = component(c.component);
      return room < state_.components.size() && state_.components[room].on_fire;
    }
  }
  return false;
}

void Drill::collect_condition_times(const Condition& c) {
  switch (c.kind) {
    case Condition::Kind::not_done_by:
    case Condition::Kind::after: wake_at(c.time); break;
    case Condition::Kind::outage_over: outage_thresholds_.push_back(c.time); break;
    case Condition::Kind::since_done: since_done_thresholds_.emplace_back(c.ref, c.time); break;
    case Condition::Kind::temp_above:
      // The temperature is event-driven: a threshold a condition tests must be a crossing point.
      if (c.component < room_thresholds_.size()) room_thresholds_[c.component].push_back(c.value);
      break;
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
      if (inject_conditions_[i].holds(*this)) {
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
    if (!level_conditions_[l].holds(*this)) continue;
    state_.level_rank = level.rank;
    state_.level = static_cast<Ix>(l);
    levels_reached_.emplace_back(static_cast<Ix>(l), now_);
    record(EntryKind::level_reached, [&] {
      return JournalEntry{.kind = EntryKind::level_reached,
                          .truth_only = true,
                          .subject = level.id,
                          .text = level.name,
                          .value = level.rank};
    });
  }
}

}  // namespace drillsim

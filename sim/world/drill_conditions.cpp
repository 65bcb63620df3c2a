// Evaluating conditions on the drill's state; contingency injects; the true response level.
#include <algorithm>
#include <utility>

#include "sim/world/drill.hpp"
#include "sim/world/drill_priorities.hpp"
#include "sim/world/drill_statics.hpp"
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
      if (c.component != no_ix) {
        Ix comp = component(c.component);
        if (comp >= state_.components.size()) return false;
        const auto& faults = state_.components[comp].faults;
        return c.ref == no_ix ? !faults.empty() : std::find(faults.begin(), faults.end(), c.ref) != faults.end();
      }
      // On any component: the counts add_fault and clear_fault keep.
      if (c.ref == no_ix) return faulty_components_ != 0;
      return c.ref < fault_type_active_.size() && fault_type_active_[c.ref] != 0;
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
      if (c.ref < m.tagged.size()) {  // an indexed tag: the components carrying it
        for (Ix i : m.tagged[c.ref])
          if (long_down(state_.components[i])) return true;
        return false;
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

namespace {
// A pseudo-aspect every condition reads and that moves only before the first look, so that even a
// condition reading nothing (`always`) is evaluated once.
constexpr std::uint32_t first_look = 1u << 31;
}  // namespace

void Drill::check_contingencies() {
  const auto& injects = model_->scenario.injects;  // contingencies are never live injects
  const auto& aspects = statics_->inject_aspects;
  std::uint32_t moved = std::exchange(contingencies_moved_, 0);
  // Firing one may change the state others test, so loop until nothing more fires; each pass looks
  // again at what read an aspect moved since the previous pass began.
  while (moved != 0 && !finished_) {
    bool fired = false;
    for (Ix i : statics_->contingencies) {
      if (fired_[i] || held_[i] || ((aspects[i] | first_look) & moved) == 0) continue;
      if (condition_holds(injects[i].when)) {
        fire_inject(i);
        fired = true;
      }
    }
    if (!fired) break;
    moved = std::exchange(contingencies_moved_, 0);
  }
}

void Drill::check_levels() {
  const Plan& plan = model_->plan;
  std::uint32_t moved = std::exchange(levels_moved_, 0);
  if (moved == 0) return;
  for (std::size_t l = 0; l < plan.levels.size(); ++l) {
    const Level& level = plan.levels[l];
    if (level.rank <= state_.level_rank || ((statics_->level_aspects[l] | first_look) & moved) == 0) continue;
    if (!condition_holds(level.when)) continue;
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

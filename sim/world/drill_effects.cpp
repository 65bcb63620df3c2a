// What completed actions do to the world: repairs, switching, moving, facts, postponing, calling parties.
#include <algorithm>

#include "sim/world/drill.hpp"
#include "sim/world/drill_priorities.hpp"
#include "sim/world/names.hpp"

namespace drillsim {
namespace {
bool is_immediate(const Distribution& d) { return d.kind == Distribution::Kind::fixed && d.a <= 0; }
}  // namespace

void Drill::schedule_effects(std::uint32_t run_index) {
  const Run& run = runs_[run_index];
  const ActionDef& def = model_->catalog.actions[run.submission.action];
  for (std::size_t i = 0; i < def.effects.size(); ++i) {
    const Effect& eff = def.effects[i];
    SimTime at = now_;
    if (!is_immediate(eff.delay))
      at += draw(Stream::effect_delays, run.submission.action * 64u + static_cast<std::uint32_t>(i), run.occurrence, eff.delay);
    if (eff.after_party != no_ix) {
      SimTime arrival = state_.parties[eff.after_party].arrives;
      if (arrival == never || arrival < now_)
        arrival = call_party(eff.after_party, model_->organisation.posts[run.submission.post].id);
      at = std::max(at, arrival);
    }
    if (at == now_)
      apply_effect(run_index, static_cast<std::uint32_t>(i));
    else
      schedule(at, prio::action, ev_effect_due, run_index, static_cast<std::uint32_t>(i));
  }
}

SimTime Drill::call_party(Ix party, const std::string& by_post) {
  const Party& p = model_->organisation.parties[party];
  SimTime arrival = now_ + draw(Stream::parties, party, party_calls_[party]++, p.response);
  state_.parties[party].arrives = arrival;
  record(EntryKind::party_called, [&] {
    return JournalEntry{.kind = EntryKind::party_called, .post = by_post, .subject = p.id, .text = p.name};
  });
  // When they will come is the truth: the facilitator sees it, the trainees wait and see.
  record(EntryKind::party_called, [&] {
    return JournalEntry{.kind = EntryKind::party_called,
                        .truth_only = true,
                        .post = by_post,
                        .subject = p.id,
                        .result = "eta",
                        .text = p.name,
                        .value = arrival - now_};
  });
  schedule(arrival, prio::dynamics, ev_party_arrive, party);
  return arrival;
}

void Drill::set_off(Ix component, OffReason reason) {
  ComponentState& cs = state_.components[component];
  if (cs.off == reason) return;
  if (cs.off == OffReason::destroyed) return;  // nothing brings it back
  cs.off = reason;
  component_changed(component);
  const Component& c = model_->platform.components[component];
  record(EntryKind::component_state, [&] {
    return JournalEntry{.kind = EntryKind::component_state,
                        .truth_only = true,
                        .subject = c.id,
                        .result = off_reason_name(reason),
                        .text = c.name};
  });
  propagate(component);
}

void Drill::apply_effect(std::uint32_t run_index, std::uint32_t effect_index) {
  if (finished_) return;
  const Model& m = *model_;
  const Run& run = runs_[run_index];
  const Effect& eff = m.catalog.actions[run.submission.action].effects[effect_index];
  Ix comp = eff.component == target_ix ? run.submission.target : eff.component;
  const std::string& post = m.organisation.posts[run.submission.post].id;
  switch (eff.kind) {
    case Effect::Kind::repair:
      if (comp >= m.platform.components.size()) break;
      for (Ix ft : eff.fixes) clear_fault(comp, ft);
      break;
    case Effect::Kind::activate: {
      if (comp >= m.platform.components.size()) break;
      const ComponentState& cs = state_.components[comp];
      const Component& c = m.platform.components[comp];
      bool too_hot = c.room != no_ix && c.max_temp_c > 0 && room_temperature(c.room) >= c.max_temp_c;
      if (cs.off == OffReason::battery_empty || cs.off == OffReason::destroyed || too_hot) break;
      set_off(comp, OffReason::none);
      break;
    }
    case Effect::Kind::deactivate:
      if (comp < m.platform.components.size()) set_off(comp, OffReason::switched_off);
      break;
    case Effect::Kind::move_out:
      if (comp < m.platform.components.size()) set_off(comp, OffReason::moved_out);
      break;
    case Effect::Kind::extinguish:
      if (comp < m.platform.components.size()) extinguish(comp, eff.after_party != no_ix);
      break;
    case Effect::Kind::set_fact:
    case Effect::Kind::clear_fact: {
      char value = eff.kind == Effect::Kind::set_fact ? 1 : 0;
      if (state_.facts[eff.ref] == value) break;
      state_.facts[eff.ref] = value;
      record(EntryKind::fact, [&] {
        return JournalEntry{.kind = EntryKind::fact,
                            .post = post,
                            .subject = m.catalog.facts[eff.ref].id,
                            .result = value ? "set" : "cleared",
                            .text = m.catalog.facts[eff.ref].name};
      });
      break;
    }
    case Effect::Kind::postpone:
      postpone_business(eff.business_kind.empty() ? run.submission.target_id : eff.business_kind, eff.amount);
      break;
    case Effect::Kind::call: {
      Ix party = eff.ref == target_ix ? run.submission.target : eff.ref;
      if (party >= m.organisation.parties.size()) break;
      // A party already on its way is not called again: its arrival stands.
      if (state_.parties[party].arrives == never || state_.parties[party].arrives < now_) call_party(party, post);
      break;
    }
    case Effect::Kind::restore: {
      if (comp >= m.platform.components.size() || !state_.components[comp].data_lost) break;
      const Component& c = m.platform.components[comp];
      bool copy = std::any_of(c.backups.begin(), c.backups.end(), [&](Ix b) { return has_data(b); });
      if (!copy || state_.components[comp].off == OffReason::destroyed) break;
      state_.components[comp].data_lost = false;
      record(EntryKind::component_state, [&] {
        return JournalEntry{.kind = EntryKind::component_state,
                            .truth_only = true,
                            .subject = c.id,
                            .result = "data_restored",
                            .text = c.name};
      });
      break;
    }
    case Effect::Kind::message:
      record(EntryKind::message, [&] {
        return JournalEntry{.kind = EntryKind::message,
                            .post = m.organisation.posts[eff.ref].id,
                            .subject = "",
                            .text = eff.text,
                            .from = m.organisation.posts[run.submission.post].name};
      });
      break;
  }
}

}  // namespace drillsim

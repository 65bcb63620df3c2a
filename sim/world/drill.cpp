// The Drill's core: construction, the event loop, injects, ending.
#include "sim/world/drill.hpp"

#include <algorithm>
#include <cmath>

#include "sim/world/drill_priorities.hpp"
#include "sim/world/drill_statics.hpp"

namespace drillsim {
Drill::Drill(std::shared_ptr<const Model> model, DrillOptions options)
    : model_(std::move(model)),
      statics_(DrillStatics::of(model_)),
      graph_(&statics_->graph),
      journal_on_(options.journal) {
  queue_.reserve(256);
  runs_.reserve(128);
  completed_.reserve(128);
  moved_.reserve(model_->platform.components.size());
  restart(options.seed_given ? options.seed : model_->scenario.seed);
}

// Everything a run changes, set as a new drill has it. `assign` keeps each vector's storage (and
// that of the vectors inside it), so a drill restarted for the next replication allocates almost
// nothing.
void Drill::restart(std::uint64_t seed) {
  const Model& m = *model_;
  seed_ = seed;
  state_.components.assign(m.platform.components.size(), ComponentState{});
  state_.persons.assign(m.organisation.persons.size(), PersonState{});
  state_.parties.assign(m.organisation.parties.size(), PartyState{});
  state_.facts.assign(m.catalog.facts.size(), 0);
  state_.business.assign(m.scenario.calendar.size(), BusinessRuntime{});
  state_.post_free_at.assign(m.organisation.posts.size(), 0);
  state_.done_count.assign(m.catalog.actions.size(), 0);
  state_.done_by_post.assign(m.catalog.actions.size(), {});
  state_.observed.clear();
  state_.first_done_at.assign(m.catalog.actions.size(), never);
  state_.delivered.clear();
  state_.last_delivery.assign(m.message_ids.size(), 0);
  state_.level_rank = 0;
  state_.level = no_ix;
  state_.data_lost = false;
  action_draws_.assign(m.catalog.actions.size(), 0);
  party_calls_.assign(m.organisation.parties.size(), 0);
  queue_.clear();
  journal_.clear();
  has_live_injects_ = false;
  live_injects_.clear();
  fired_.assign(m.scenario.injects.size(), 0);
  held_.assign(m.scenario.injects.size(), 0);
  contingencies_moved_ = levels_moved_ = ~0u;
  business_waiting_ = 0;
  faulty_components_ = 0;
  fault_type_active_.assign(m.platform.fault_types.size(), 0);
  runs_.clear();
  completed_.clear();
  levels_reached_.clear();
  component_log_.clear();
  fault_log_.clear();
  delivery_log_.clear();
  submission_log_ = nullptr;
  scratch_health_.assign(m.platform.components.size(), Health::up);
  dirty_.assign(m.platform.components.size(), 0);
  moved_.clear();
  now_ = 0;
  own_events_ = 0;
  version_ = 0;
  aspect_versions_ = {};
  checked_version_ = ~0ull;
  finished_ = false;
  started_ = false;
  observer_ = nullptr;
  sink_ = nullptr;
  start();
}

void Drill::schedule(SimTime t, std::int32_t priority, EventKind kind, std::uint32_t a, std::uint32_t b,
                     std::int64_t c) {
  queue_.schedule(t, priority, EventData{kind, a, b, c});
}

SimTime Drill::draw(Stream purpose, std::uint32_t entity, std::uint32_t occurrence, const Distribution& d) const {
  if (d.kind == Distribution::Kind::fixed) return std::max<SimTime>(0, std::llround(d.a));  // no generator needed
  Rng rng = substream(seed_, purpose, entity, occurrence);
  return rng.sample(d);
}

void Drill::changed(EntryKind kind) {
  ++version_;
  switch (kind) {  // which aspect of the state this entry changed (see condition_aspects.hpp)
    case EntryKind::message: touch(Aspect::messages); break;
    case EntryKind::fault:
    case EntryKind::fault_cleared:
    case EntryKind::health:
    case EntryKind::component_state:
    case EntryKind::temperature:
    case EntryKind::battery:
    case EntryKind::fire: touch(Aspect::world); break;
    case EntryKind::fact: touch(Aspect::facts); break;
    case EntryKind::action_done: touch(Aspect::actions); break;
    case EntryKind::observation: touch(Aspect::observations); break;
    case EntryKind::business: touch(Aspect::business); break;
    case EntryKind::person: touch(Aspect::people); break;
    default: break;
  }
}

void Drill::record(JournalEntry e) {
  changed(e.kind);
  if (!journal_on_) return;
  e.t = now_;
  journal_.add(std::move(e));
  if (sink_) sink_(journal_.entries().back());
}

void Drill::start() {
  const Model& m = *model_;
  record(EntryKind::drill_start, [&] {
    JournalEntry first{};
    first.kind = EntryKind::drill_start;
    first.subject = m.scenario.id;
    first.result = m.plan.id + "@" + m.plan.version;
    first.text = m.scenario.name;
    first.value = static_cast<std::int64_t>(seed_);
    return first;
  });

  for (std::size_t c = 0; c < m.platform.components.size(); ++c)
    if (m.platform.components[c].standby) {
      state_.components[c].off = OffReason::standby;
      component_changed(static_cast<Ix>(c));
    }
  for (std::size_t p = 0; p < m.organisation.persons.size(); ++p) {
    const Person& person = m.organisation.persons[p];
    if (person.absent_probability > 0 &&
        substream(seed_, Stream::people, static_cast<std::uint32_t>(p), 0).uniform01() < person.absent_probability) {
      state_.persons[p].absent = true;
      record(EntryKind::person, [&] {
        return JournalEntry{.kind = EntryKind::person, .subject = person.id, .result = "absent", .text = person.name};
      });
    }
    SimTime late = draw(Stream::people, static_cast<std::uint32_t>(p), 1, person.late);
    if (late > 0 && !state_.persons[p].absent) {
      state_.persons[p].arrives = late;
      record(EntryKind::person, [&] {
        return JournalEntry{
            .kind = EntryKind::person, .subject = person.id, .result = "late", .text = person.name, .value = late};
      });
      schedule(late, prio::inject, ev_person_arrive, static_cast<std::uint32_t>(p));
    }
  }

  for (std::size_t i = 0; i < injects().size(); ++i) {
    const Inject& inj = injects()[i];
    if (!inj.timed) continue;
    SimTime at = inj.at_is_random ? draw(Stream::fault_timing, static_cast<std::uint32_t>(i), 0, inj.at_dist) : inj.at;
    schedule(at, prio::inject, ev_inject, static_cast<std::uint32_t>(i));
  }
  // The times the conditions of contingencies, levels and the plan name (not_done_by, after).
  for (SimTime t : statics_->condition_wakes) wake_self(t);
  init_dynamics();
  propagate();  // the baseline: standby equipment off, rooms at their base temperature

  init_business();
  schedule(m.scenario.end, prio::end, ev_end);
  started_ = true;
  after_change();
}

void Drill::deliver(const std::string& message_id, Ix index) {
  state_.delivered.push_back(message_id);
  delivery_log_.push_back(index);
  if (index != no_ix) state_.last_delivery[index] = static_cast<std::uint32_t>(state_.delivered.size());
}

SimTime Drill::next_event_time() const { return finished_ ? never : queue_.next_time(); }

void Drill::advance_to(SimTime t) {
  while (!finished_ && !queue_.empty() && queue_.next_time() <= t) {
    Event e = queue_.pop();
    now_ = std::max(now_, e.time);
    if (e.data.kind != ev_wake || e.data.a == 0) ++own_events_;
    dispatch(e);
    if (!finished_) after_change();
    if (observer_) observer_(*this);
  }
  if (!finished_ && t > now_) now_ = std::min(t, end_time());
}

bool Drill::step() {
  if (finished_ || queue_.empty()) return false;
  advance_to(queue_.next_time());
  return true;
}

// A wake-up's `a` says whose it is: 1 the caller's, 0 the drill's own.
void Drill::wake_at(SimTime t) {
  if (!finished_) schedule(std::max(t, now_), prio::wake, ev_wake, 1);
}

void Drill::wake_self(SimTime t) {
  if (!finished_) schedule(std::max(t, now_), prio::wake, ev_wake, 0);
}

void Drill::dispatch(const Event& e) {
  const EventData& d = e.data;
  switch (static_cast<EventKind>(d.kind)) {
    case ev_inject: fire_inject(d.a); break;
    case ev_action_done: complete_action(d.a); break;
    case ev_effect_due: apply_effect(d.a, d.b); break;
    case ev_symptom: deliver_symptom(d.a, d.b, static_cast<std::uint32_t>(d.c)); break;
    case ev_business_start: business_check(d.a, static_cast<std::uint32_t>(d.c)); break;
    case ev_business_grace: business_grace_over(d.a, static_cast<std::uint32_t>(d.c)); break;
    case ev_load_start:
    case ev_load_end: {
      const Load& load = model_->scenario.calendar[d.a].loads[d.b];
      state_.components[load.component].load += d.kind == ev_load_start ? load.amount : -load.amount;
      propagate(load.component);
      break;
    }
    case ev_temperature: on_temperature(d.a, static_cast<std::uint32_t>(d.c)); break;
    case ev_battery: on_battery_empty(d.a, static_cast<std::uint32_t>(d.c)); break;
    case ev_fire_destroy: on_fire_destroy(d.a, static_cast<std::uint32_t>(d.c)); break;
    case ev_party_arrive: {
      const Party& party = model_->organisation.parties[d.a];
      record(EntryKind::party_arrived,
             [&] { return JournalEntry{.kind = EntryKind::party_arrived, .subject = party.id, .text = party.name}; });
      break;
    }
    case ev_person_arrive: {
      const Person& person = model_->organisation.persons[d.a];
      record(EntryKind::person, [&] {
        return JournalEntry{.kind = EntryKind::person, .subject = person.id, .result = "arrived", .text = person.name};
      });
      break;
    }
    case ev_wake:  // time-based conditions may hold now
      ++version_;
      touch(Aspect::time);
      break;
    case ev_end: end(); break;
  }
}

void Drill::fire_inject(Ix i) {
  if (fired_[i] || finished_) return;
  fired_[i] = 1;
  // Nothing below adds injects (only front ends do, between events), so the reference stays valid.
  const Inject& inj = injects()[i];
  const Model& m = *model_;
  record(EntryKind::inject, [&] {
    return JournalEntry{.kind = EntryKind::inject, .truth_only = true, .subject = inj.id, .text = inj.note};
  });
  switch (inj.kind) {
    case Inject::Kind::fault: add_fault(inj.component, inj.ref); break;
    case Inject::Kind::clear:
      if (inj.ref != no_ix) {
        clear_fault(inj.component, inj.ref);
      } else {  // no type: every fault on the component
        std::vector<Ix> faults = state_.components[inj.component].faults;
        for (Ix ft : faults) clear_fault(inj.component, ft);
      }
      break;
    case Inject::Kind::message: {
      deliver(inj.id, i < statics_->inject_message.size() ? statics_->inject_message[i] : m.find_message(inj.id));
      record(EntryKind::message, [&] {
        return JournalEntry{.kind = EntryKind::message,
                            .post = inj.ref == no_ix ? "" : m.organisation.posts[inj.ref].id,
                            .subject = inj.id,
                            .text = inj.text,
                            .from = inj.from};
      });
      break;
    }
    case Inject::Kind::absent: {
      state_.persons[inj.ref].absent = true;
      record(EntryKind::person, [&] {
        return JournalEntry{.kind = EntryKind::person,
                            .subject = m.organisation.persons[inj.ref].id,
                            .result = "absent",
                            .text = m.organisation.persons[inj.ref].name};
      });
      break;
    }
    case Inject::Kind::late: {
      SimTime by = draw(Stream::people, inj.ref, 2 + i, inj.late_by);
      state_.persons[inj.ref].arrives = std::max(state_.persons[inj.ref].arrives, now_ + by);
      record(EntryKind::person, [&] {
        return JournalEntry{.kind = EntryKind::person,
                            .subject = m.organisation.persons[inj.ref].id,
                            .result = "late",
                            .text = m.organisation.persons[inj.ref].name,
                            .value = by};
      });
      schedule(now_ + by, prio::inject, ev_person_arrive, inj.ref);
      break;
    }
    case Inject::Kind::fire: start_fire(inj.component); break;
    case Inject::Kind::load:
      state_.components[inj.component].load += inj.amount;
      propagate(inj.component);
      break;
    case Inject::Kind::fact:
      state_.facts[inj.ref] = 1;
      record(EntryKind::fact, [&] {
        return JournalEntry{.kind = EntryKind::fact,
                            .truth_only = true,
                            .subject = m.catalog.facts[inj.ref].id,
                            .result = "set",
                            .text = m.catalog.facts[inj.ref].name};
      });
      break;
  }
}

bool Drill::add_inject(Inject inject, std::string* error) {
  auto fail = [&](const char* why) {
    if (error) *error = why;
    return false;
  };
  if (finished_) return fail("the drill is over");
  if (inject.timed && inject.at < now_) inject.at = now_;
  inject.at_is_random = false;
  if (inject.id.empty()) inject.id = "live" + std::to_string(injects().size() + 1);
  if (model_->find_inject(inject.id) != no_ix) return fail("an inject with that id exists");
  for (const auto& existing : injects())
    if (existing.id == inject.id) return fail("an inject with that id exists");
  const Model& m = *model_;
  JournalEntry e{.kind = EntryKind::live_inject, .truth_only = true, .subject = inject.id};
  e.result = std::to_string(static_cast<int>(inject.kind));
  e.value = inject.at;
  if (inject.component != no_ix) e.target = m.platform.components[inject.component].id;
  switch (inject.kind) {
    case Inject::Kind::fault:
    case Inject::Kind::clear: e.action = inject.ref == no_ix ? "" : m.platform.fault_types[inject.ref].id; break;
    case Inject::Kind::message: e.post = inject.ref == no_ix ? "" : m.organisation.posts[inject.ref].id; break;
    case Inject::Kind::absent:
    case Inject::Kind::late: e.action = m.organisation.persons[inject.ref].id; break;
    case Inject::Kind::fact: e.action = m.catalog.facts[inject.ref].id; break;
    default: break;
  }
  e.text = inject.text;
  e.from = inject.from;
  if (!inject.timed) return fail("live contingency injects are not supported yet");
  record(std::move(e));
  if (!has_live_injects_) {  // the first live inject: from now on the drill keeps its own list
    live_injects_ = m.scenario.injects;
    has_live_injects_ = true;
  }
  live_injects_.push_back(std::move(inject));
  fired_.push_back(0);
  held_.push_back(0);
  schedule(live_injects_.back().at, prio::inject, ev_inject, static_cast<std::uint32_t>(live_injects_.size() - 1));
  return true;
}

bool Drill::hold_inject(Ix i) {
  if (i >= injects().size() || fired_[i] || held_[i]) return false;
  held_[i] = 1;
  record(EntryKind::inject_held,
         [&] { return JournalEntry{.kind = EntryKind::inject_held, .truth_only = true, .subject = injects()[i].id}; });
  return true;
}

bool Drill::release_inject(Ix i) {
  if (i >= injects().size() || !held_[i]) return false;
  held_[i] = 0;
  contingencies_moved_ = ~0u;  // it was skipped while held: look at it again whatever moved
  record(EntryKind::inject_released, [&] {
    return JournalEntry{.kind = EntryKind::inject_released, .truth_only = true, .subject = injects()[i].id};
  });
  after_change();
  return true;
}

void Drill::add_note(const std::string& author, const std::string& text) {
  record(EntryKind::note, [&] {
    return JournalEntry{.kind = EntryKind::note, .actor = author, .text = Text{text, text}};
  });
}

bool Drill::add_evaluation(const std::string& author, const std::string& objective, const std::string& rating,
                           const std::string& text) {
  if (rating != "P" && rating != "S" && rating != "M" && rating != "U") return false;
  bool known = false;
  for (const auto& o : model_->scenario.objectives) known = known || o.id == objective;
  if (!known) return false;
  record(EntryKind::note, [&] {
    return JournalEntry{
        .kind = EntryKind::note, .actor = author, .subject = objective, .result = rating, .text = Text{text, text}};
  });
  return true;
}

void Drill::end() {
  if (finished_) return;
  const Model& m = *model_;
  // Close the books: downtime per component and business events still pending.
  for (std::size_t b = 0; b < m.scenario.calendar.size(); ++b) {
    BusinessRuntime& rt = state_.business[b];
    if (rt.state == BusinessState::pending && rt.at <= now_) {
      rt.state = BusinessState::missed;
      rt.settled_at = now_;
      record(EntryKind::business, [&] {
        return JournalEntry{.kind = EntryKind::business,
                            .subject = m.scenario.calendar[b].id,
                            .result = "missed",
                            .text = m.scenario.calendar[b].name};
      });
    }
  }
  for (std::size_t c = 0; c < m.platform.components.size(); ++c) {
    SimTime down = downtime(static_cast<Ix>(c));
    if (down > 0)
      record(EntryKind::health, [&] {
        return JournalEntry{.kind = EntryKind::health,
                            .truth_only = true,
                            .subject = m.platform.components[c].id,
                            .result = "downtime",
                            .text = m.platform.components[c].name,
                            .value = down};
      });
  }
  record(EntryKind::drill_end, [&] {
    return JournalEntry{
        .kind = EntryKind::drill_end, .subject = m.scenario.id, .result = state_.data_lost ? "data_lost" : ""};
  });
  finished_ = true;
  queue_.clear();
}

SimTime Drill::downtime(Ix component) const {
  const ComponentState& cs = state_.components[component];
  return cs.total_down + (cs.down_since != never ? now_ - cs.down_since : 0);
}

bool Drill::post_staffed(Ix post) const { return acting_person(post) != no_ix; }

Ix Drill::acting_person(Ix post) const {
  for (Ix person : model_->organisation.posts[post].holders) {
    const PersonState& ps = state_.persons[person];
    if (!ps.absent && ps.arrives <= now_) return person;
  }
  return no_ix;
}

void Drill::after_change() {
  if (!started_ || finished_ || version_ == checked_version_) return;
  checked_version_ = version_;
  recheck_waiting_business();
  check_levels();
  check_contingencies();
}

}  // namespace drillsim

// The business calendar: bid openings, decryption deadlines, evaluations, auctions and their outcomes.
#include "sim/world/drill.hpp"
#include "sim/world/drill_priorities.hpp"
#include "sim/world/names.hpp"

namespace drillsim {

void Drill::init_business() {
  const auto& calendar = model_->scenario.calendar;
  for (std::size_t b = 0; b < calendar.size(); ++b) {
    const BusinessEvent& ev = calendar[b];
    BusinessRuntime& rt = state_.business[b];
    rt.at = ev.at;
    schedule(ev.at, prio::business, ev_business_start, static_cast<std::uint32_t>(b), 0, rt.epoch);
    for (std::size_t l = 0; l < ev.loads.size(); ++l) {
      schedule(std::max<SimTime>(0, ev.at - ev.loads[l].lead), prio::dynamics, ev_load_start,
               static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(l));
      schedule(ev.at + ev.duration, prio::dynamics, ev_load_end, static_cast<std::uint32_t>(b),
               static_cast<std::uint32_t>(l));
    }
  }
}

bool Drill::business_ready(Ix b) const {
  const BusinessEvent& ev = model_->scenario.calendar[b];
  for (Ix c : ev.needs) {
    Health h = state_.components[c].health;
    if (h == Health::down || (ev.strict && h != Health::up)) return false;
  }
  return true;
}

void Drill::settle_business(Ix b, BusinessState st) {
  const BusinessEvent& ev = model_->scenario.calendar[b];
  BusinessRuntime& rt = state_.business[b];
  if (st == BusinessState::held && now_ > ev.at) st = BusinessState::delayed;
  rt.state = st;
  rt.settled_at = now_;
  set_waiting(rt, false);
  record(EntryKind::business, [&] {
    return JournalEntry{.kind = EntryKind::business,
                        .subject = ev.id,
                        .result = business_state_name(st),
                        .text = ev.name,
                        .value = now_ - ev.at};
  });
}

void Drill::business_check(Ix b, std::uint32_t epoch) {
  BusinessRuntime& rt = state_.business[b];
  if (rt.epoch != epoch || rt.state != BusinessState::pending) return;
  const BusinessEvent& ev = model_->scenario.calendar[b];
  if (business_ready(b)) return settle_business(b, BusinessState::held);
  for (Ix f : ev.fallback)
    if (state_.facts[f]) return settle_business(b, BusinessState::held_fallback);
  if (ev.grace <= 0) return settle_business(b, BusinessState::missed);
  set_waiting(rt, true);
  record(EntryKind::business, [&] {
    return JournalEntry{
        .kind = EntryKind::business, .subject = ev.id, .result = "waiting", .text = ev.name, .value = ev.grace};
  });
  schedule(now_ + ev.grace, prio::business, ev_business_grace, b, 0, rt.epoch);
}

void Drill::business_grace_over(Ix b, std::uint32_t epoch) {
  BusinessRuntime& rt = state_.business[b];
  if (rt.epoch != epoch || rt.state != BusinessState::pending || !rt.waiting) return;
  settle_business(b, BusinessState::missed);
}

void Drill::set_waiting(BusinessRuntime& rt, bool waiting) {
  if (rt.waiting == waiting) return;
  rt.waiting = waiting;
  if (waiting)
    ++business_waiting_;
  else
    --business_waiting_;
}

void Drill::recheck_waiting_business() {
  if (business_waiting_ == 0) return;  // the common case: nothing to look at
  const auto& calendar = model_->scenario.calendar;
  for (std::size_t b = 0; b < calendar.size(); ++b) {
    const BusinessRuntime& rt = state_.business[b];
    if (!rt.waiting || rt.state != BusinessState::pending) continue;
    if (business_ready(static_cast<Ix>(b))) {
      settle_business(static_cast<Ix>(b), BusinessState::held);
      continue;
    }
    for (Ix f : calendar[b].fallback)
      if (state_.facts[f]) {
        settle_business(static_cast<Ix>(b), BusinessState::held_fallback);
        break;
      }
  }
}

void Drill::postpone_business(const std::string& kind, SimTime by) {
  const auto& calendar = model_->scenario.calendar;
  for (std::size_t b = 0; b < calendar.size(); ++b) {
    BusinessRuntime& rt = state_.business[b];
    if (calendar[b].kind != kind || rt.state != BusinessState::pending) continue;
    rt.at = std::max(rt.at, now_) + by;
    set_waiting(rt, false);
    ++rt.epoch;
    record(EntryKind::business, [&] {
      return JournalEntry{.kind = EntryKind::business,
                          .subject = calendar[b].id,
                          .result = "postponed",
                          .text = calendar[b].name,
                          .value = by};
    });
    schedule(rt.at, prio::business, ev_business_start, static_cast<std::uint32_t>(b), 0, rt.epoch);
    return;
  }
}

}  // namespace drillsim

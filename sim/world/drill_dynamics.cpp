// Dynamics as scheduled events: room temperature, UPS batteries, fire. Every rate comes from the files.
#include <algorithm>
#include <cmath>

#include "sim/world/drill.hpp"
#include "sim/world/drill_priorities.hpp"
#include "sim/world/drill_statics.hpp"

namespace drillsim {
namespace {
constexpr double eps = 1e-9;
}  // namespace

void Drill::init_dynamics() {
  const Platform& platform = model_->platform;
  for (std::size_t c = 0; c < platform.components.size(); ++c) {
    ComponentState& cs = state_.components[c];
    cs.temp_c = platform.components[c].base_temp_c;
    cs.temp_at = 0;
    cs.charge = 1;
    cs.charge_at = 0;
  }
}

double Drill::room_temperature(Ix room) const {
  const ComponentState& cs = state_.components[room];
  return cs.temp_c + cs.slope_c_per_s * static_cast<double>(now_ - cs.temp_at);
}

double Drill::battery_charge(Ix ups) const {
  const ComponentState& cs = state_.components[ups];
  const Component& c = model_->platform.components[ups];
  double dt = static_cast<double>(now_ - cs.charge_at);
  if (cs.on_battery) return c.holdup > 0 ? std::max(0.0, cs.charge - dt / static_cast<double>(c.holdup)) : 0.0;
  if (c.recharge <= 0) return 1.0;
  return std::min(1.0, cs.charge + dt / static_cast<double>(c.recharge));
}

void Drill::update_ups(Ix ups, bool inputs_down) {
  ComponentState& cs = state_.components[ups];
  const Component& c = model_->platform.components[ups];
  cs.charge = battery_charge(ups);
  cs.charge_at = now_;
  cs.on_battery = inputs_down;
  ++cs.battery_epoch;
  if (inputs_down) {
    SimTime left = static_cast<SimTime>(std::ceil(cs.charge * static_cast<double>(c.holdup) - eps));
    schedule(now_ + std::max<SimTime>(left, 0), prio::dynamics, ev_battery, ups, 0, cs.battery_epoch);
  } else if (cs.off == OffReason::battery_empty) {
    cs.off = OffReason::none;  // input power is back
    component_changed(ups);
  }
  record(EntryKind::battery, [&] {
    return JournalEntry{.kind = EntryKind::battery,
                        .truth_only = true,
                        .subject = c.id,
                        .result = inputs_down ? "on_battery" : "charging",
                        .text = c.name,
                        .value = std::lround(cs.charge * 100)};
  });
}

void Drill::on_battery_empty(Ix ups, std::uint32_t epoch) {
  ComponentState& cs = state_.components[ups];
  if (cs.battery_epoch != epoch || !cs.on_battery) return;
  cs.charge = 0;
  cs.charge_at = now_;
  const Component& c = model_->platform.components[ups];
  record(EntryKind::battery, [&] {
    return JournalEntry{
        .kind = EntryKind::battery, .truth_only = true, .subject = c.id, .result = "empty", .text = c.name};
  });
  set_off(ups, OffReason::battery_empty);
}

void Drill::update_room(Ix room) {
  const Platform& platform = model_->platform;
  const Component& r = platform.components[room];
  ComponentState& cs = state_.components[room];
  double temp = room_temperature(room);
  cs.temp_c = temp;
  cs.temp_at = now_;
  bool cooling = graph_->inherited(room, scratch_health_) != Health::down;
  double slope = 0;
  if (!cooling)
    slope = r.heat_rate_c_per_min / 60.0;
  else if (temp > r.base_temp_c + eps)
    slope = -r.cool_rate_c_per_min / 60.0;
  cs.slope_c_per_s = slope;
  ++cs.temp_epoch;
  if (slope == 0) return;
  // The next threshold the temperature will cross in its direction of travel.
  double next = slope > 0 ? 1e300 : -1e300;
  auto consider = [&](double threshold) {
    if (threshold <= 0) return;
    if (slope > 0 && threshold > temp + eps) next = std::min(next, threshold);
    if (slope < 0 && threshold < temp - eps) next = std::max(next, threshold);
  };
  consider(r.alarm_temp_c);
  for (double t : statics_->room_thresholds[room]) consider(t);
  if (slope < 0) consider(r.base_temp_c);
  for (Ix c : statics_->in_room[room]) consider(platform.components[c].max_temp_c);
  if (std::abs(next) > 1e299) return;
  SimTime dt = static_cast<SimTime>(std::ceil((next - temp) / slope - eps));
  schedule(now_ + std::max<SimTime>(dt, 1), prio::dynamics, ev_temperature, room, 0, cs.temp_epoch);
}

void Drill::on_temperature(Ix room, std::uint32_t epoch) {
  ComponentState& cs = state_.components[room];
  if (cs.temp_epoch != epoch) return;
  const Platform& platform = model_->platform;
  const Component& r = platform.components[room];
  double temp = room_temperature(room);
  bool rising = cs.slope_c_per_s > 0;
  if (!rising && temp < r.base_temp_c) temp = r.base_temp_c;
  cs.temp_c = temp;
  cs.temp_at = now_;
  record(EntryKind::temperature, [&] {
    return JournalEntry{.kind = EntryKind::temperature,
                        .truth_only = true,
                        .subject = r.id,
                        .result = rising ? "rising" : "falling",
                        .text = r.name,
                        .value = std::lround(temp * 10)};
  });
  bool alarm = r.alarm_temp_c > 0 && (rising ? temp >= r.alarm_temp_c - 1e-6 : temp > r.alarm_temp_c + 1e-6);
  if (rising)
    for (Ix c : statics_->in_room[room]) {
      const Component& comp = platform.components[c];
      if (comp.max_temp_c > 0 && temp >= comp.max_temp_c - 1e-6 && state_.components[c].off == OffReason::none)
        set_off(c, OffReason::overheated);
    }
  if (alarm != cs.alarm) {
    cs.alarm = alarm;
    propagate(room);
  }
  update_room(room);
}

void Drill::start_fire(Ix room) {
  const Platform& platform = model_->platform;
  ComponentState& cs = state_.components[room];
  if (cs.on_fire) return;
  cs.on_fire = true;
  component_changed(room);
  cs.fire_start = now_;
  ++cs.fire_epoch;
  const Component& r = platform.components[room];
  record(EntryKind::fire, [&] {
    return JournalEntry{
        .kind = EntryKind::fire, .truth_only = true, .subject = r.id, .result = "started", .text = r.name};
  });
  for (Ix c : statics_->in_room[room]) {
    const Component& comp = platform.components[c];
    SimTime after = comp.fire_destroy > 0 ? comp.fire_destroy : r.fire_destroy;
    if (after > 0) schedule(now_ + after, prio::dynamics, ev_fire_destroy, c, 0, cs.fire_epoch);
  }
  propagate(room);
}

bool Drill::extinguish(Ix room, bool professional) {
  ComponentState& cs = state_.components[room];
  if (!cs.on_fire) return false;
  const Component& r = model_->platform.components[room];
  bool small = r.fire_small > 0 && now_ - cs.fire_start < r.fire_small;
  if (!professional && !small) {
    record(EntryKind::fire, [&] {
      return JournalEntry{
          .kind = EntryKind::fire, .truth_only = true, .subject = r.id, .result = "too_big", .text = r.name};
    });
    return false;
  }
  cs.on_fire = false;
  component_changed(room);
  ++cs.fire_epoch;
  record(EntryKind::fire, [&] {
    return JournalEntry{
        .kind = EntryKind::fire, .truth_only = true, .subject = r.id, .result = "extinguished", .text = r.name};
  });
  propagate(room);
  return true;
}

void Drill::on_fire_destroy(Ix component, std::uint32_t epoch) {
  const Component& comp = model_->platform.components[component];
  const ComponentState& room = state_.components[comp.room];
  if (!room.on_fire || room.fire_epoch != epoch) return;
  if (state_.components[component].off == OffReason::moved_out) return;  // carried out in time
  record(EntryKind::fire, [&] {
    return JournalEntry{
        .kind = EntryKind::fire, .truth_only = true, .subject = comp.id, .result = "destroyed", .text = comp.name};
  });
  set_off(component, OffReason::destroyed);
  if (comp.holds_data) lose_data(component, "fire");
}

bool Drill::has_data(Ix component) const {
  const ComponentState& cs = state_.components[component];
  return !cs.data_lost && cs.off != OffReason::destroyed;
}

void Drill::lose_data(Ix component, const char* how) {
  ComponentState& cs = state_.components[component];
  if (cs.data_lost) return;
  cs.data_lost = true;
  const Platform& platform = model_->platform;
  record(EntryKind::component_state, [&] {
    return JournalEntry{.kind = EntryKind::component_state,
                        .truth_only = true,
                        .subject = platform.components[component].id,
                        .result = "data_lost",
                        .text = platform.components[component].name,
                        .from = Text{how, how}};
  });
  if (state_.data_lost) return;
  // Data is gone for good when a data-holding component has lost it and none of its backups has it.
  for (std::size_t c = 0; c < platform.components.size(); ++c) {
    const Component& comp = platform.components[c];
    if (!comp.holds_data || has_data(static_cast<Ix>(c))) continue;
    if (std::any_of(comp.backups.begin(), comp.backups.end(), [&](Ix b) { return has_data(b); })) continue;
    state_.data_lost = true;
    record(EntryKind::fire, [&] {
      return JournalEntry{
          .kind = EntryKind::fire, .truth_only = true, .subject = comp.id, .result = "data_lost", .text = comp.name};
    });
    return;
  }
}

}  // namespace drillsim

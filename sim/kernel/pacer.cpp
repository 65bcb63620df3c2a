// The real-time pacer: wall-clock milliseconds to simulated seconds, with pause, resume and speed.
#include "sim/kernel/pacer.hpp"

#include <algorithm>
#include <cmath>

namespace drillsim {

double Pacer::sim_ms_at(std::int64_t wall_ms) const {
  if (paused_) return anchor_sim_ms_;
  // A wall clock that stepped back before the anchor holds the position instead of reversing it.
  const std::int64_t elapsed = std::max<std::int64_t>(0, wall_ms - anchor_wall_ms_);
  return anchor_sim_ms_ + static_cast<double>(elapsed) * speed_;
}

void Pacer::reanchor(std::int64_t wall_ms) {
  anchor_sim_ms_ = sim_ms_at(wall_ms);
  anchor_wall_ms_ = std::max(anchor_wall_ms_, wall_ms);
}

void Pacer::start(std::int64_t wall_ms, SimTime sim_now) {
  anchor_wall_ms_ = wall_ms;
  anchor_sim_ms_ = static_cast<double>(sim_now) * 1000.0;
  paused_ = false;
}

void Pacer::pause(std::int64_t wall_ms) {
  if (paused_) return;
  reanchor(wall_ms);
  paused_ = true;
}

void Pacer::resume(std::int64_t wall_ms) {
  if (!paused_) return;
  // The time spent paused is simply not counted: the anchor moves to now, the position stays.
  anchor_wall_ms_ = wall_ms;
  paused_ = false;
}

void Pacer::set_speed(double factor, std::int64_t wall_ms) {
  if (!(factor > 0) || !std::isfinite(factor)) return;
  if (!paused_) reanchor(wall_ms);  // the position reached so far was earned at the old speed
  speed_ = factor;
}

SimTime Pacer::target(std::int64_t wall_ms) const {
  const double ms = std::floor(sim_ms_at(wall_ms));
  if (ms >= 9.0e18) return never;
  const auto whole_ms = static_cast<std::int64_t>(ms);
  // Round down to whole seconds, also for negative positions.
  return whole_ms >= 0 ? whole_ms / 1000 : -((-whole_ms + 999) / 1000);
}

std::int64_t Pacer::wall_ms_at(SimTime sim, std::int64_t wall_now) const {
  if (target(wall_now) >= sim) return wall_now;
  if (paused_) return forever;
  const double start = static_cast<double>(std::max(anchor_wall_ms_, wall_now));
  const double guess = static_cast<double>(anchor_wall_ms_) +
                       std::ceil((static_cast<double>(sim) * 1000.0 - anchor_sim_ms_) / speed_);
  if (!(guess < 9.0e18)) return forever;
  auto wall = static_cast<std::int64_t>(std::max(start, guess));
  // The division may be a hair off either way; settle on the first millisecond that reaches `sim`.
  while (target(wall) < sim) ++wall;
  while (wall > wall_now && target(wall - 1) >= sim) --wall;
  return wall;
}

}  // namespace drillsim

// The real-time pacer of the "timed" drill mode: maps wall-clock milliseconds to simulated seconds.
#pragma once

#include <cstdint>
#include <limits>

#include "sim/model/basics.hpp"

namespace drillsim {

// Tells how far the drill should have advanced at a given wall-clock instant, at a speed factor
// (x1, x10, x60, ...), with pause and resume. The caller passes the wall clock in (milliseconds from
// any fixed origin); nothing here reads a clock, so every behaviour is testable.
//
// Pause-safe: pause, resume and set_speed re-anchor the mapping at the simulated instant already
// reached, so none of them moves the target backwards or forwards; the pacer never touches the event
// queue, so no scheduled event moves either. target() is non-decreasing in wall_ms, and a wall instant
// before the last anchor (a clock that stepped back) gets the anchor's position, never less.
class Pacer {
 public:
  // (Re)anchors the pacer: at wall_ms the drill stands at sim_now. Also the way to follow a jump the
  // drill made on its own (a facilitator's "skip to next event"). Keeps the speed; clears pause.
  void start(std::int64_t wall_ms, SimTime sim_now);
  void pause(std::int64_t wall_ms);   // no effect when already paused
  void resume(std::int64_t wall_ms);  // no effect when not paused
  // factor > 0 (simulated seconds per wall second); ignored otherwise. Allowed while paused.
  void set_speed(double factor, std::int64_t wall_ms);
  bool paused() const { return paused_; }
  double speed() const { return speed_; }
  // The simulated time the drill should be advanced to at wall_ms (whole seconds, rounded down).
  SimTime target(std::int64_t wall_ms) const;
  // The earliest wall-clock instant at which target() reaches `sim`: how long a front end may sleep
  // before the next event is due. `forever` while paused (and `sim` not yet reached).
  std::int64_t wall_ms_at(SimTime sim, std::int64_t wall_now) const;
  static constexpr std::int64_t forever = std::numeric_limits<std::int64_t>::max();

 private:
  // Simulated position in milliseconds at the anchor: whole milliseconds times the speed are exact in
  // a double for the factors a drill uses, so repeated re-anchoring does not drift.
  double sim_ms_at(std::int64_t wall_ms) const;
  void reanchor(std::int64_t wall_ms);
  std::int64_t anchor_wall_ms_ = 0;
  double anchor_sim_ms_ = 0;
  double speed_ = 1.0;
  bool paused_ = false;
};

}  // namespace drillsim

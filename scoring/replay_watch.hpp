// Replaying a journal while watching the drill: after every event, and after every time slice.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sim/world/drill.hpp"

namespace drillsim::scoring {

struct Watch {
  // After every event and every submission (the Drill's observer), and once right after construction.
  std::function<void(const Drill&)> on_event;
  // After every time slice (all events of one time), the way a policy or a trainee sees the world;
  // once right after construction and once after the drill ends.
  std::function<void(const Drill&)> on_slice;
};

// Plays the journal's submissions, live injects, holds, notes and end at their times into a fresh
// drill, exactly as sim's replay() does (to its end), but one time slice at a time so that the
// watcher sees every slice. Null with a reason when the journal cannot be played.
std::unique_ptr<Drill> replay_watched(std::shared_ptr<const Model> model, const std::vector<JournalEntry>& journal,
                                      const Watch& watch, std::string& error);

}  // namespace drillsim::scoring

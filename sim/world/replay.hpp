// Replay: a drill rebuilt from its journal (how a crashed drill resumes and how a record is re-scored).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sim/load/diagnostic.hpp"
#include "sim/world/drill.hpp"

namespace drillsim {

// Reads a JSON-lines journal; problems as file:line:col: message.
bool read_journal(const std::string& path, std::vector<JournalEntry>& out, Diagnostics& problems);

// Who watches a replay (scoring, the console): called with the drill in its new state.
struct ReplayWatch {
  // After every event and submission (the Drill's observer), and once right after construction.
  std::function<void(const Drill&)> on_event;
  // After every time slice (all events of one time), as a policy or a trainee sees the world; once
  // right after construction, and once after the drill ends. Setting it plays one slice at a time.
  std::function<void(const Drill&)> on_slice;
};

// Builds a drill from the model and plays the journal's submissions, live injects, holds and
// notes at their times. With `to_end`, it stops where the journal stopped (ending the drill if the
// journal ended it); otherwise it stops at the journal's last entry, ready to go on. Null with a
// reason in `error` when the journal does not belong to this scenario or cannot be played.
std::unique_ptr<Drill> replay(std::shared_ptr<const Model> model, const std::vector<JournalEntry>& journal,
                              std::string& error, bool to_end = true, const ReplayWatch* watch = nullptr);

// Plays into `drill` (freshly built with the seed of an earlier run of the same scenario, journal
// on or off) the submissions that run made, at their times and one slice at a time exactly as
// replay() plays a journal's `submit` and `rejected` entries, then runs it to `end` (when the
// earlier run ended) and ends it. The drill goes through the very states the earlier run did:
// how Monte Carlo scoring walks the plan without a journal.
void replay_submissions(Drill& drill, const std::vector<TimedSubmission>& submissions, SimTime end,
                        const ReplayWatch* watch = nullptr);

// The inject a live_inject journal entry describes.
Inject live_inject_of(const Model& model, const JournalEntry& entry);

}  // namespace drillsim

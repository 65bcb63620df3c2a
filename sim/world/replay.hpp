// Replay: a drill rebuilt from its journal (how a crashed drill resumes and how a record is re-scored).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sim/load/diagnostic.hpp"
#include "sim/world/drill.hpp"

namespace drillsim {

// Reads a JSON-lines journal; problems as file:line:col: message.
bool read_journal(const std::string& path, std::vector<JournalEntry>& out, Diagnostics& problems);

// Builds a drill from the model and plays the journal's submissions, live injects, holds and
// notes at their times. With `to_end`, it stops where the journal stopped (ending the drill if the
// journal ended it); otherwise it stops at the journal's last entry, ready to go on.
std::unique_ptr<Drill> replay(std::shared_ptr<const Model> model, const std::vector<JournalEntry>& journal,
                              std::string& error, bool to_end = true);

}  // namespace drillsim

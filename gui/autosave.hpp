// The running drill saved as it goes: its setup and a write-through copy of the journal, so that
// closing the window or a crash resumes where it stopped. Stands in for the records store's
// resume until records/ offers one (see docs/gui.md).
#pragma once

#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "gui/session.hpp"

namespace drillsim::gui {

struct SavedDrill {
  std::string scenario_path;
  std::string setup_yaml;  // read with setup_from_yaml once the scenario is loaded
  std::vector<JournalEntry> journal;
  SimTime clock = 0;
};

class Autosave {
 public:
  // dir empty: $DRILLSIM_STATE_DIR, else $XDG_STATE_HOME/drillsim, else ~/.local/state/drillsim.
  explicit Autosave(std::string dir = {});
  const std::string& dir() const { return dir_; }
  // Starts saving the session: its setup now, every journal entry as it is written.
  bool begin(DrillSession& session, std::string* error = nullptr);
  // The clock the drill has reached (written when it passes a whole minute).
  void clock(SimTime now);
  // The drill is over: nothing to resume.
  void finish();
  void stop();  // stops writing (the session is going away); keeps the files
  // An unfinished drill on disk, if any.
  std::optional<SavedDrill> load(std::string* error = nullptr) const;
  bool has_unfinished() const;
  void discard();

 private:
  std::string dir_;
  std::ofstream journal_;
  SimTime last_clock_ = -1;
  DrillSession* session_ = nullptr;
};

// Setup to and from YAML (post ids, not indices, so the file reads and survives reordering).
std::string setup_to_yaml(const Model& model, const SessionSetup& setup);
bool setup_from_yaml(const std::string& yaml, const Model& model, SessionSetup& out, std::string* error = nullptr);

}  // namespace drillsim::gui

// The running drill saved as it goes, so that closing the window or a crash resumes where it
// stopped: every journal entry is written through to the records store (records/, SQLite), and the
// console's own setup (mode, participants' A/B roles, whether drillsim plays the other posts) to a
// small file beside it. Without a store (it cannot be opened) the journal goes to a file instead.
#pragma once

#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gui/session.hpp"
#include "records/store.hpp"

namespace drillsim::gui {

struct SavedDrill {
  std::string scenario_path;
  std::string setup_yaml;  // read with setup_from_yaml once the scenario is loaded
  std::vector<JournalEntry> journal;
  SimTime clock = 0;
  std::int64_t drill_id = 0;  // in the records store; 0 when the journal was kept in a file
};

class Autosave {
 public:
  // state_dir empty: $DRILLSIM_STATE_DIR, else $XDG_STATE_HOME/drillsim, else ~/.local/state/drillsim.
  // store_path empty: the records store's default (records::default_store_path()); "none": no store.
  explicit Autosave(std::string state_dir = {}, std::string store_path = {},
                    records::Durability durability = records::Durability::full);
  ~Autosave();
  const std::string& dir() const { return dir_; }
  // Starts saving the session: a new drill in the store, its setup, every journal entry as it is
  // written. With `resumed`, goes on with that stored drill instead (writing what the replay added).
  bool begin(DrillSession& session, const std::string& facilitator, std::string* error = nullptr,
             const SavedDrill* resumed = nullptr);
  // The clock the drill has reached (written when it passes a whole minute).
  void clock(SimTime now);
  // The drill is over: finished in the store, with its score and improvement items when given.
  bool finish(const scoring::ScoreSheet* sheet = nullptr, const std::vector<scoring::Improvement>* items = nullptr,
              std::string* error = nullptr);
  void stop();  // stops writing (the session is going away); keeps what was written
  // An unfinished drill, if any.
  std::optional<SavedDrill> load(std::string* error = nullptr) const;
  bool has_unfinished() const;
  void discard();  // the unfinished drill will not be offered again (the store keeps its record)

  records::Store* store() { return store_.get(); }
  const std::string& store_error() const { return store_error_; }
  std::int64_t drill_id() const { return drill_id_; }

 private:
  std::string dir_;
  std::unique_ptr<records::Store> store_;
  std::string store_error_;
  std::ofstream journal_;  // only without a store
  std::int64_t drill_id_ = 0;
  SimTime last_clock_ = -1;
  DrillSession* session_ = nullptr;
  std::string write_error_;
};

// Setup to and from YAML (post ids, not indices, so the file reads and survives reordering).
std::string setup_to_yaml(const Model& model, const SessionSetup& setup);
bool setup_from_yaml(const std::string& yaml, const Model& model, SessionSetup& out, std::string* error = nullptr);

}  // namespace drillsim::gui

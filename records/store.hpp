// The drill record store (SQLite): drills, their journals written through as they run, scores,
// verdicts, evaluators' observations and improvement items; the yearly view. docs/records.md.
//
// A file the store cannot vouch for is refused with a message naming it and is never written:
// not a SQLite file, another program's database, a corrupt file, or a schema newer than this
// drillsim knows. An older schema is copied aside (FILE.schema-vN.bak) and migrated in one
// transaction.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "scoring/improvements.hpp"
#include "scoring/score.hpp"
#include "sim/world/journal.hpp"

struct sqlite3;

namespace drillsim::records {

constexpr int schema_version = 2;

struct Participant {
  std::string name;
  std::string post;  // post id
};

struct DrillRecord {
  std::int64_t id = 0;
  std::string held_on;      // YYYY-MM-DD, the day the drill took place
  std::string started_at;   // wall clock, UTC, ISO 8601
  std::string ended_at;     // empty while running
  std::string status = "running";  // running | finished
  std::string plan_id, plan_version, plan_name;
  std::string scenario_id, scenario_name, scenario_path;
  std::string mode;         // auto | responses | nobody | live
  std::string responses_path;
  std::uint64_t seed = 0;
  std::string facilitator;
  std::vector<Participant> participants;
  // From its latest score (-1 / '-' when not scored).
  double score = -1;
  char rating = '-';
  std::string rubric;
};

struct StoredImprovement {
  std::int64_t id = 0;
  std::int64_t drill_id = 0;
  std::string plan_id;
  std::string held_on;  // the drill's date
  scoring::Improvement item;
  std::string status = "open";  // open | done | dropped
  std::string closed_at;
  std::string note;
};

// One plan in the yearly view.
struct PlanYear {
  std::string plan_id;
  std::string plan_name;
  std::string plan_version;      // of its latest drill
  std::string last_drilled;      // YYYY-MM-DD, empty when never
  int drills_in_year = 0;
  std::vector<StoredImprovement> open_items;
  std::vector<std::pair<std::string, double>> trend;  // (date, score) of every scored, finished drill, oldest first
};

// How hard each journal entry is pushed to disk. Both survive the process being killed at any
// moment (WAL: a committed entry is in the log before append() returns). `full` also survives a
// power cut (an fsync per entry, about 4 ms): use it for live drills, where every entry is a person's
// action; `normal` for batch runs that can be run again.
enum class Durability { normal, full };

class Store {
 public:
  // Opens (or creates) the store. Null with a message naming the file when it is refused.
  static std::unique_ptr<Store> open(const std::string& path, std::string& error,
                                     Durability durability = Durability::full);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const { return path_; }
  // The backup taken before a migration on this open ("" when none was needed).
  const std::string& backup_path() const { return backup_; }

  // ---- drills and journals
  bool begin_drill(DrillRecord& record, std::string& error);  // inserts it (status running), sets record.id
  // Writes one journal entry (its seq is the number of entries already stored), in its own transaction.
  bool append(std::int64_t drill, const JournalEntry& entry, std::string& error);
  bool finish_drill(std::int64_t drill, std::string& error);
  std::optional<DrillRecord> drill(std::int64_t id) const;
  std::vector<DrillRecord> drills() const;  // oldest first
  bool journal(std::int64_t drill, std::vector<JournalEntry>& out, std::string& error) const;
  std::int64_t journal_size(std::int64_t drill) const;

  // ---- scores
  // Replaces the drill's score, verdicts and tallies; adds the improvement items the verdicts call
  // for unless the drill already has some (their status is the facilitator's).
  bool save_score(std::int64_t drill, const Model& model, const scoring::ScoreSheet& sheet,
                  const std::vector<scoring::Improvement>& improvements, std::string& error);

  // ---- evaluators' observations added after the drill (during it they are journal notes)
  bool add_observation(std::int64_t drill, const scoring::Evaluation& e, std::string& error);
  std::vector<scoring::Evaluation> observations(std::int64_t drill) const;

  // ---- improvement items
  std::vector<StoredImprovement> improvements(std::int64_t drill) const;  // of one drill
  std::vector<StoredImprovement> open_improvements(const std::string& plan_id) const;
  bool set_improvement_status(std::int64_t item, const std::string& status, const std::string& note,
                              std::string& error);

  // ---- the yearly view: every plan drilled in any year, for `year`
  std::vector<PlanYear> yearly(int year) const;

 private:
  Store() = default;
  std::string path_;
  std::string backup_;
  sqlite3* db_ = nullptr;
  std::int64_t cached_drill_ = -1;  // append(): the next seq of this drill
  std::int64_t next_seq_ = 0;
};

// For tests and tools: creates a new store file at an older schema version (1 .. schema_version),
// as that version of drillsim would have.
bool create_store_at_version(const std::string& path, int version, std::string& error);

// $XDG_DATA_HOME/drillsim/drills.db, else ~/.local/share/drillsim/drills.db.
std::string default_store_path();

// Today's date (local time), YYYY-MM-DD, and the current UTC time, ISO 8601.
std::string today();
std::string now_utc();

}  // namespace drillsim::records

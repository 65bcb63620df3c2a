// The record store: drills, their participants, and the journal written through entry by entry.
#include "records/store.hpp"

#include <sqlite3.h>

#include <fmt/format.h>

#include "records/sqlite_stmt.hpp"

namespace drillsim::records {
using namespace detail;

namespace {

DrillRecord read_drill(const Stmt& s) {
  DrillRecord r;
  r.id = s.integer(0);
  r.held_on = s.text(1);
  r.started_at = s.text(2);
  r.ended_at = s.text(3);
  r.status = s.text(4);
  r.plan_id = s.text(5);
  r.plan_version = s.text(6);
  r.plan_name = s.text(7);
  r.scenario_id = s.text(8);
  r.scenario_name = s.text(9);
  r.scenario_path = s.text(10);
  r.mode = s.text(11);
  r.responses_path = s.text(12);
  r.seed = static_cast<std::uint64_t>(s.integer(13));
  r.facilitator = s.text(14);
  if (!s.is_null(15)) r.score = s.real(15);
  std::string rating = s.text(16);
  r.rating = rating.empty() ? '-' : rating[0];
  r.rubric = s.text(17);
  return r;
}

constexpr const char* drill_columns =
    "SELECT d.id, d.held_on, d.started_at, d.ended_at, d.status, d.plan_id, d.plan_version, d.plan_name, "
    "d.scenario_id, d.scenario_name, d.scenario_path, d.mode, d.responses_path, d.seed, d.facilitator, "
    "s.percent, s.rating, s.rubric_id || ' ' || s.rubric_version FROM drills d LEFT JOIN scores s ON s.drill_id = d.id ";

}  // namespace

bool Store::begin_drill(DrillRecord& r, std::string& error) {
  std::string why;
  if (!exec(db_, "BEGIN IMMEDIATE", why)) {
    error = path_ + ": " + why;
    return false;
  }
  Stmt s(db_,
         "INSERT INTO drills(held_on, started_at, status, plan_id, plan_version, plan_name, scenario_id, "
         "scenario_name, scenario_path, mode, responses_path, seed, facilitator) "
         "VALUES(?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, r.held_on).bind(2, r.started_at).bind(3, r.plan_id).bind(4, r.plan_version).bind(5, r.plan_name);
  s.bind(6, r.scenario_id).bind(7, r.scenario_name).bind(8, r.scenario_path).bind(9, r.mode);
  s.bind(10, r.responses_path).bind(11, static_cast<std::int64_t>(r.seed)).bind(12, r.facilitator);
  bool ok = s.run();
  if (ok) {
    r.id = sqlite3_last_insert_rowid(db_);
    r.status = "running";
    for (const Participant& p : r.participants) {
      Stmt ps(db_, "INSERT OR IGNORE INTO participants(drill_id, name, post) VALUES(?, ?, ?)");
      ps.bind(1, r.id).bind(2, p.name).bind(3, p.post);
      ok = ok && ps.run();
    }
  }
  if (!ok || !exec(db_, "COMMIT", why)) {
    error = path_ + ": cannot store the drill: " + (ok ? why : std::string(sqlite3_errmsg(db_)));
    std::string ignored;
    exec(db_, "ROLLBACK", ignored);
    return false;
  }
  cached_drill_ = r.id;
  next_seq_ = 0;
  return true;
}

bool Store::append(std::int64_t drill, const JournalEntry& e, std::string& error) {
  if (cached_drill_ != drill) {
    next_seq_ = journal_size(drill);
    cached_drill_ = drill;
  }
  // One statement in autocommit mode: one transaction, committed to the WAL before this returns.
  Stmt s(db_, "INSERT INTO journal(drill_id, seq, t, kind, entry) VALUES(?, ?, ?, ?, ?)");
  s.bind(1, drill).bind(2, next_seq_).bind(3, static_cast<std::int64_t>(e.t)).bind(4, entry_kind_name(e.kind)).bind(5, to_json(e));
  if (!s.run()) {
    error = path_ + ": cannot write the journal: " + s.error();
    cached_drill_ = -1;
    return false;
  }
  ++next_seq_;
  return true;
}

bool Store::finish_drill(std::int64_t drill, std::string& error) {
  Stmt s(db_, "UPDATE drills SET status = 'finished', ended_at = ? WHERE id = ?");
  s.bind(1, now_utc()).bind(2, drill);
  if (!s.run()) {
    error = path_ + ": " + s.error();
    return false;
  }
  return true;
}

std::optional<DrillRecord> Store::drill(std::int64_t id) const {
  Stmt s(db_, (std::string(drill_columns) + "WHERE d.id = ?").c_str());
  s.bind(1, id);
  if (s.step() != SQLITE_ROW) return std::nullopt;
  DrillRecord r = read_drill(s);
  Stmt ps(db_, "SELECT name, post FROM participants WHERE drill_id = ? ORDER BY rowid");
  ps.bind(1, id);
  while (ps.step() == SQLITE_ROW) r.participants.push_back({ps.text(0), ps.text(1)});
  return r;
}

std::vector<DrillRecord> Store::drills() const {
  std::vector<DrillRecord> out;
  Stmt s(db_, (std::string(drill_columns) + "ORDER BY d.held_on, d.id").c_str());
  while (s.step() == SQLITE_ROW) out.push_back(read_drill(s));
  for (DrillRecord& r : out) {
    Stmt ps(db_, "SELECT name, post FROM participants WHERE drill_id = ? ORDER BY rowid");
    ps.bind(1, r.id);
    while (ps.step() == SQLITE_ROW) r.participants.push_back({ps.text(0), ps.text(1)});
  }
  return out;
}

bool Store::journal(std::int64_t drill, std::vector<JournalEntry>& out, std::string& error) const {
  Stmt s(db_, "SELECT seq, entry FROM journal WHERE drill_id = ? ORDER BY seq");
  s.bind(1, drill);
  std::int64_t expected = 0;
  int rc;
  while ((rc = s.step()) == SQLITE_ROW) {
    if (s.integer(0) != expected) {
      error = fmt::format("{}: drill {}'s journal has a gap at entry {}", path_, drill, expected + 1);
      return false;
    }
    ++expected;
    JournalEntry e;
    std::string why;
    if (!parse_journal_line(s.text(1), e, why)) {
      error = fmt::format("{}: drill {}'s journal entry {} is unreadable: {}", path_, drill, expected, why);
      return false;
    }
    out.push_back(std::move(e));
  }
  if (rc != SQLITE_DONE) {
    error = path_ + ": " + s.error();
    return false;
  }
  return true;
}

std::int64_t Store::journal_size(std::int64_t drill) const {
  Stmt s(db_, "SELECT count(*) FROM journal WHERE drill_id = ?");
  s.bind(1, drill);
  return s.step() == SQLITE_ROW ? s.integer(0) : 0;
}

}  // namespace drillsim::records

// The SQLite record store: opening safely, migrations, drills and journals, scores, improvements.
//
// Sections
//   Stmt         a prepared statement that finalises itself
//   opening      refusing what is not ours, backup, migrations, pragmas
//   drills       drills, participants, journal write-through
//   scores       score, tallies, verdicts; observations; improvement items
//   yearly       the yearly view
#include "records/store.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>

#include <fmt/format.h>

#include "scoring/score_text.hpp"

namespace drillsim::records {
namespace {

constexpr int application_id = 0x4453494D;  // "DSIM" in the file header: this file is a drillsim store

// ---- Stmt ------------------------------------------------------------------------------------

class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &s_, nullptr) != SQLITE_OK) s_ = nullptr;
  }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  bool ok() const { return s_ != nullptr; }
  Stmt& bind(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& bind(int i, const char* v) { return bind(i, std::string(v)); }
  Stmt& bind(int i, std::int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  Stmt& bind(int i, double v) {
    sqlite3_bind_double(s_, i, v);
    return *this;
  }
  Stmt& bind_null(int i) {
    sqlite3_bind_null(s_, i);
    return *this;
  }
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int step() { return s_ ? sqlite3_step(s_) : SQLITE_ERROR; }
  bool run() { return step() == SQLITE_DONE; }
  std::string text(int col) const {
    const unsigned char* t = sqlite3_column_text(s_, col);
    return t ? std::string(reinterpret_cast<const char*>(t), static_cast<std::size_t>(sqlite3_column_bytes(s_, col)))
             : std::string();
  }
  std::int64_t integer(int col) const { return sqlite3_column_int64(s_, col); }
  double real(int col) const { return sqlite3_column_double(s_, col); }
  bool is_null(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }
  std::string error() const { return sqlite3_errmsg(db_); }

 private:
  sqlite3* db_;
  sqlite3_stmt* s_ = nullptr;
};

bool exec(sqlite3* db, const std::string& sql, std::string& error) {
  char* msg = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &msg) == SQLITE_OK) return true;
  error = msg ? msg : sqlite3_errmsg(db);
  sqlite3_free(msg);
  return false;
}

std::int64_t pragma_int(sqlite3* db, const char* pragma, bool& ok) {
  Stmt s(db, (std::string("PRAGMA ") + pragma).c_str());
  ok = s.ok() && s.step() == SQLITE_ROW;
  return ok ? s.integer(0) : 0;
}

// ---- opening ---------------------------------------------------------------------------------

// Each migration takes the schema from version i to i + 1. Never edit one that has shipped:
// add the next one.
const char* const migrations[] = {
    // 0 -> 1: drills and their journals (the drill engine's record).
    R"sql(
CREATE TABLE drills(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  held_on TEXT NOT NULL,
  started_at TEXT NOT NULL,
  ended_at TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK(status IN ('running', 'finished')),
  plan_id TEXT NOT NULL,
  plan_version TEXT NOT NULL,
  plan_name TEXT NOT NULL,
  scenario_id TEXT NOT NULL,
  scenario_name TEXT NOT NULL,
  scenario_path TEXT NOT NULL,
  mode TEXT NOT NULL,
  responses_path TEXT NOT NULL DEFAULT '',
  seed INTEGER NOT NULL,
  facilitator TEXT NOT NULL DEFAULT '');
CREATE TABLE participants(
  drill_id INTEGER NOT NULL REFERENCES drills(id),
  name TEXT NOT NULL,
  post TEXT NOT NULL,
  PRIMARY KEY(drill_id, name, post));
CREATE TABLE journal(
  drill_id INTEGER NOT NULL REFERENCES drills(id),
  seq INTEGER NOT NULL,
  t INTEGER NOT NULL,
  kind TEXT NOT NULL,
  entry TEXT NOT NULL,
  PRIMARY KEY(drill_id, seq)) WITHOUT ROWID;
CREATE INDEX drills_by_plan ON drills(plan_id, held_on);
)sql",
    // 1 -> 2: scoring: scores, tallies, verdicts, evaluators' observations, improvement items.
    R"sql(
CREATE TABLE scores(
  drill_id INTEGER PRIMARY KEY REFERENCES drills(id),
  scored_at TEXT NOT NULL,
  rubric_id TEXT NOT NULL,
  rubric_version TEXT NOT NULL,
  finished INTEGER NOT NULL,
  percent REAL,
  rating TEXT NOT NULL,
  earned REAL NOT NULL,
  possible REAL NOT NULL,
  penalty REAL NOT NULL);
CREATE TABLE tallies(
  drill_id INTEGER NOT NULL REFERENCES drills(id),
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  name TEXT NOT NULL,
  percent REAL,
  earned REAL NOT NULL,
  possible REAL NOT NULL,
  penalty REAL NOT NULL,
  rating TEXT NOT NULL DEFAULT '',
  PRIMARY KEY(drill_id, scope, key));
CREATE TABLE verdicts(
  drill_id INTEGER NOT NULL REFERENCES drills(id),
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  verdict TEXT NOT NULL,
  title TEXT NOT NULL,
  procedure TEXT NOT NULL DEFAULT '',
  step TEXT NOT NULL DEFAULT '',
  post TEXT NOT NULL DEFAULT '',
  actor TEXT NOT NULL DEFAULT '',
  at INTEGER,
  due INTEGER,
  late_by INTEGER NOT NULL DEFAULT 0,
  points REAL NOT NULL,
  max_points REAL NOT NULL,
  penalty INTEGER NOT NULL,
  rule TEXT NOT NULL,
  why_zh TEXT NOT NULL,
  why_en TEXT NOT NULL,
  PRIMARY KEY(drill_id, seq));
CREATE TABLE observations(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  drill_id INTEGER NOT NULL REFERENCES drills(id),
  t INTEGER NOT NULL,
  author TEXT NOT NULL,
  objective TEXT NOT NULL,
  rating TEXT NOT NULL CHECK(rating IN ('P', 'S', 'M', 'U')),
  text TEXT NOT NULL,
  added_at TEXT NOT NULL);
CREATE TABLE improvements(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  drill_id INTEGER NOT NULL REFERENCES drills(id),
  plan_id TEXT NOT NULL,
  source TEXT NOT NULL,
  kind TEXT NOT NULL,
  finding_zh TEXT NOT NULL,
  finding_en TEXT NOT NULL,
  action_zh TEXT NOT NULL,
  action_en TEXT NOT NULL,
  post TEXT NOT NULL,
  due TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK(status IN ('open', 'done', 'dropped')),
  created_at TEXT NOT NULL,
  closed_at TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  UNIQUE(drill_id, source));
CREATE INDEX improvements_by_plan ON improvements(plan_id, status);
)sql",
};
static_assert(sizeof(migrations) / sizeof(migrations[0]) == schema_version);

bool has_sqlite_header(const std::string& path, std::uintmax_t size) {
  if (size < 100) return false;
  std::ifstream in(path, std::ios::binary);
  char header[16] = {};
  in.read(header, sizeof header);
  return in && std::string(header, 16) == std::string("SQLite format 3\0", 16);
}

// A unique name next to the file for its copy before a migration.
std::string backup_name(const std::string& path, std::int64_t version) {
  namespace fs = std::filesystem;
  std::string base = fmt::format("{}.schema-v{}.bak", path, version);
  std::error_code ec;
  if (!fs::exists(base, ec)) return base;
  for (int i = 2;; ++i) {
    std::string name = fmt::format("{}.schema-v{}.{}.bak", path, version, i);
    if (!fs::exists(name, ec)) return name;
  }
}

std::string sql_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

}  // namespace

std::unique_ptr<Store> Store::open(const std::string& path, std::string& error, Durability durability) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool exists = fs::exists(path, ec);
  const std::uintmax_t size = exists ? fs::file_size(path, ec) : 0;
  if (exists && fs::is_directory(path, ec)) {
    error = path + ": is a directory, not a drill record store";
    return nullptr;
  }
  // Anything that is not SQLite is somebody's file: never open it for writing.
  if (exists && size > 0 && !has_sqlite_header(path, size)) {
    error = path + ": not a drillsim record store (not a SQLite database); refused, the file was not changed";
    return nullptr;
  }
  std::int64_t version = 0;
  if (exists && size > 0) {
    // Look first through a read-only connection: a refused file is never written.
    sqlite3* ro = nullptr;
    if (sqlite3_open_v2(path.c_str(), &ro, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      error = path + ": cannot be opened: " + (ro ? sqlite3_errmsg(ro) : "out of memory");
      sqlite3_close(ro);
      return nullptr;
    }
    sqlite3_busy_timeout(ro, 5000);
    std::string check;
    {
      Stmt s(ro, "PRAGMA quick_check(4)");
      while (s.ok() && s.step() == SQLITE_ROW) {
        std::string line = s.text(0);
        if (line.rfind("***", 0) == 0) continue;  // "*** in database main ***"
        check += (check.empty() ? "" : "; ") + line;
      }
      if (!s.ok()) check = sqlite3_errmsg(ro);
    }
    bool ok1 = false, ok2 = false;
    std::int64_t app = pragma_int(ro, "application_id", ok1);
    version = pragma_int(ro, "user_version", ok2);
    std::int64_t tables = 0;
    {
      Stmt s(ro, "SELECT count(*) FROM sqlite_master");
      if (s.ok() && s.step() == SQLITE_ROW) tables = s.integer(0);
    }
    sqlite3_close(ro);
    if (check != "ok") {
      error = path + ": the drill record store is damaged (" + check +
              "); refused, the file was not changed. Restore it from a backup or repair it with sqlite3 .recover";
      return nullptr;
    }
    if (!ok1 || !ok2 || (app != application_id && (tables > 0 || version != 0))) {
      error = path + ": a SQLite database of another program, not a drillsim record store; refused, the file was not changed";
      return nullptr;
    }
    if (version > schema_version) {
      error = fmt::format("{}: written by a newer drillsim (record schema v{}; this drillsim knows up to v{}); "
                          "refused, the file was not changed. Use the newer drillsim",
                          path, version, schema_version);
      return nullptr;
    }
  } else {
    fs::path parent = fs::path(path).parent_path();
    if (!parent.empty()) fs::create_directories(parent, ec);
  }

  std::unique_ptr<Store> store(new Store());
  store->path_ = path;
  if (sqlite3_open_v2(path.c_str(), &store->db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    error = path + ": cannot be opened: " + (store->db_ ? sqlite3_errmsg(store->db_) : "out of memory");
    return nullptr;
  }
  sqlite3* db = store->db_;
  sqlite3_busy_timeout(db, 5000);
  std::string why;
  if (!exec(db, "PRAGMA journal_mode=WAL", why) || !exec(db, "PRAGMA foreign_keys=ON", why) ||
      !exec(db, durability == Durability::full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL", why)) {
    error = path + ": " + why;
    return nullptr;
  }
  if (version < schema_version) {
    if (version > 0) {
      // Keep a copy of what was there before touching it.
      store->backup_ = backup_name(path, version);
      if (!exec(db, "VACUUM INTO " + sql_quote(store->backup_), why)) {
        error = path + ": cannot copy the store before migrating it (" + why + "); nothing was changed";
        return nullptr;
      }
    }
    // Another drillsim may have created or migrated the store since we looked: look again inside
    // the write transaction, which holds every other writer off.
    bool ok = exec(db, "BEGIN IMMEDIATE", why);
    bool read = false;
    std::int64_t now = ok ? pragma_int(db, "user_version", read) : 0;
    if (ok && read && now > schema_version) {
      std::string ignored;
      exec(db, "ROLLBACK", ignored);
      error = fmt::format("{}: written by a newer drillsim (record schema v{}); refused", path, now);
      return nullptr;
    }
    std::string sql;
    for (std::int64_t v = now; v < schema_version; ++v) sql += migrations[v];
    sql += fmt::format("PRAGMA application_id={}; PRAGMA user_version={}; COMMIT;", application_id, schema_version);
    if (!ok || !read || !exec(db, sql, why)) {
      std::string ignored;
      exec(db, "ROLLBACK", ignored);
      error = fmt::format("{}: migrating the record store from schema v{} to v{} failed ({}); nothing was changed", path,
                          version, schema_version, why);
      return nullptr;
    }
  }
  return store;
}

Store::~Store() { sqlite3_close(db_); }

// ---- drills ----------------------------------------------------------------------------------

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

// ---- scores ----------------------------------------------------------------------------------

bool Store::save_score(std::int64_t drill, const Model& m, const scoring::ScoreSheet& sheet,
                       const std::vector<scoring::Improvement>& improvements, std::string& error) {
  std::string why;
  if (!exec(db_, "BEGIN IMMEDIATE", why)) {
    error = path_ + ": " + why;
    return false;
  }
  bool ok = true;
  auto fail = [&](const std::string& what) {
    if (ok) error = path_ + ": cannot store the score: " + what;
    ok = false;
  };
  for (const char* table : {"scores", "tallies", "verdicts"}) {
    Stmt del(db_, (std::string("DELETE FROM ") + table + " WHERE drill_id = ?").c_str());
    del.bind(1, drill);
    if (!del.run()) fail(del.error());
  }
  auto percent = [](Stmt& s, int i, const scoring::Tally& t) -> Stmt& {
    return t.percent() < 0 ? s.bind_null(i) : s.bind(i, t.percent());
  };
  {
    Stmt s(db_,
           "INSERT INTO scores(drill_id, scored_at, rubric_id, rubric_version, finished, percent, rating, earned, "
           "possible, penalty) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, drill).bind(2, now_utc()).bind(3, sheet.rubric_id).bind(4, sheet.rubric_version);
    s.bind(5, static_cast<std::int64_t>(sheet.finished ? 1 : 0));
    percent(s, 6, sheet.overall).bind(7, std::string(1, sheet.overall_rating));
    s.bind(8, sheet.overall.earned).bind(9, sheet.overall.possible).bind(10, sheet.overall.penalty);
    if (!s.run()) fail(s.error());
  }
  auto tally = [&](const char* scope, const std::string& key, const std::string& name, const scoring::Tally& t,
                   char rating) {
    Stmt s(db_,
           "INSERT OR REPLACE INTO tallies(drill_id, scope, key, name, percent, earned, possible, penalty, rating) "
           "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, drill).bind(2, scope).bind(3, key).bind(4, name);
    percent(s, 5, t).bind(6, t.earned).bind(7, t.possible).bind(8, t.penalty);
    s.bind(9, rating == 0 ? std::string() : std::string(1, rating));
    if (!s.run()) fail(s.error());
  };
  for (const auto& nt : sheet.by_procedure) tally("procedure", nt.key, nt.name.zh, nt.tally, 0);
  for (const auto& nt : sheet.by_post) tally("post", nt.key, nt.name.zh, nt.tally, 0);
  for (const auto& nt : sheet.by_group) tally("group", nt.key, nt.name.zh, nt.tally, 0);
  for (const auto& nt : sheet.by_participant) tally("participant", nt.key, nt.name.zh, nt.tally, 0);
  for (const auto& o : sheet.objectives) {
    const Objective& obj = m.scenario.objectives[o.objective];
    tally("objective", obj.id, obj.text.zh, o.tally, o.rating);
  }
  std::int64_t seq = 0;
  for (const scoring::Item& it : sheet.items) {
    Stmt s(db_,
           "INSERT INTO verdicts(drill_id, seq, kind, verdict, title, procedure, step, post, actor, at, due, late_by, "
           "points, max_points, penalty, rule, why_zh, why_en) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, drill).bind(2, seq++).bind(3, scoring::item_kind_name(it.kind)).bind(4, scoring::verdict_name(it.verdict));
    s.bind(5, scoring::item_title(m, it, Lang::zh));
    s.bind(6, it.procedure != no_ix ? m.plan.procedures[it.procedure].id : std::string());
    s.bind(7, it.step != no_ix ? m.plan.procedures[it.procedure].steps[it.step].id : std::string());
    s.bind(8, it.post != no_ix ? m.organisation.posts[it.post].id : std::string()).bind(9, it.actor);
    if (it.at != never) s.bind(10, static_cast<std::int64_t>(it.at)); else s.bind_null(10);
    if (it.due != never) s.bind(11, static_cast<std::int64_t>(it.due)); else s.bind_null(11);
    s.bind(12, static_cast<std::int64_t>(it.late_by)).bind(13, it.points).bind(14, it.max_points);
    s.bind(15, static_cast<std::int64_t>(it.penalty ? 1 : 0)).bind(16, it.rule_key).bind(17, it.why.zh).bind(18, it.why.en);
    if (!s.run()) fail(s.error());
  }
  // Improvement items are the facilitator's once made: a re-score adds none to a drill that has them.
  std::int64_t existing = 0;
  {
    Stmt s(db_, "SELECT count(*) FROM improvements WHERE drill_id = ?");
    s.bind(1, drill);
    if (s.step() == SQLITE_ROW) existing = s.integer(0);
  }
  if (existing == 0 && sheet.finished) {
    for (const scoring::Improvement& imp : improvements) {
      Stmt s(db_,
             "INSERT OR IGNORE INTO improvements(drill_id, plan_id, source, kind, finding_zh, finding_en, action_zh, "
             "action_en, post, due, created_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      s.bind(1, drill).bind(2, m.plan.id).bind(3, imp.source).bind(4, scoring::item_kind_name(imp.kind));
      s.bind(5, imp.finding.zh).bind(6, imp.finding.en).bind(7, imp.action.zh).bind(8, imp.action.en);
      s.bind(9, imp.post).bind(10, imp.due).bind(11, now_utc());
      if (!s.run()) fail(s.error());
    }
  }
  if (ok && !exec(db_, "COMMIT", why)) fail(why);
  if (!ok) {
    std::string ignored;
    exec(db_, "ROLLBACK", ignored);
  }
  return ok;
}

bool Store::add_observation(std::int64_t drill, const scoring::Evaluation& e, std::string& error) {
  Stmt s(db_, "INSERT INTO observations(drill_id, t, author, objective, rating, text, added_at) VALUES(?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, drill).bind(2, static_cast<std::int64_t>(e.t)).bind(3, e.author).bind(4, e.objective).bind(5, e.rating);
  s.bind(6, e.text).bind(7, now_utc());
  if (!s.run()) {
    error = path_ + ": cannot store the observation: " + s.error();
    return false;
  }
  return true;
}

std::vector<scoring::Evaluation> Store::observations(std::int64_t drill) const {
  std::vector<scoring::Evaluation> out;
  Stmt s(db_, "SELECT t, author, objective, rating, text FROM observations WHERE drill_id = ? ORDER BY id");
  s.bind(1, drill);
  while (s.step() == SQLITE_ROW) out.push_back({s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4)});
  return out;
}

namespace {

constexpr const char* improvement_columns =
    "SELECT i.id, i.drill_id, i.plan_id, d.held_on, i.source, i.kind, i.finding_zh, i.finding_en, i.action_zh, "
    "i.action_en, i.post, i.due, i.status, i.closed_at, i.note FROM improvements i JOIN drills d ON d.id = i.drill_id ";

StoredImprovement read_improvement(const Stmt& s) {
  StoredImprovement r;
  r.id = s.integer(0);
  r.drill_id = s.integer(1);
  r.plan_id = s.text(2);
  r.held_on = s.text(3);
  r.item.source = s.text(4);
  std::string kind = s.text(5);
  for (int k = 0; k <= static_cast<int>(scoring::ItemKind::downtime); ++k)
    if (kind == scoring::item_kind_name(static_cast<scoring::ItemKind>(k))) r.item.kind = static_cast<scoring::ItemKind>(k);
  r.item.finding = Text{s.text(6), s.text(7)};
  r.item.action = Text{s.text(8), s.text(9)};
  r.item.post = s.text(10);
  r.item.due = s.text(11);
  r.status = s.text(12);
  r.closed_at = s.text(13);
  r.note = s.text(14);
  return r;
}

}  // namespace

std::vector<StoredImprovement> Store::improvements(std::int64_t drill) const {
  std::vector<StoredImprovement> out;
  Stmt s(db_, (std::string(improvement_columns) + "WHERE i.drill_id = ? ORDER BY i.id").c_str());
  s.bind(1, drill);
  while (s.step() == SQLITE_ROW) out.push_back(read_improvement(s));
  return out;
}

std::vector<StoredImprovement> Store::open_improvements(const std::string& plan_id) const {
  std::vector<StoredImprovement> out;
  Stmt s(db_, (std::string(improvement_columns) + "WHERE i.plan_id = ? AND i.status = 'open' ORDER BY i.due, i.id").c_str());
  s.bind(1, plan_id);
  while (s.step() == SQLITE_ROW) out.push_back(read_improvement(s));
  return out;
}

bool Store::set_improvement_status(std::int64_t item, const std::string& status, const std::string& note,
                                   std::string& error) {
  if (status != "open" && status != "done" && status != "dropped") {
    error = "status must be open, done or dropped, not '" + status + "'";
    return false;
  }
  Stmt s(db_, "UPDATE improvements SET status = ?, closed_at = ?, note = CASE WHEN ? = '' THEN note ELSE ? END WHERE id = ?");
  s.bind(1, status).bind(2, status == "open" ? std::string() : now_utc()).bind(3, note).bind(4, note).bind(5, item);
  if (!s.run()) {
    error = path_ + ": " + s.error();
    return false;
  }
  if (sqlite3_changes(db_) == 0) {
    error = fmt::format("{}: no improvement item {}", path_, item);
    return false;
  }
  return true;
}

// ---- yearly ----------------------------------------------------------------------------------

std::vector<PlanYear> Store::yearly(int year) const {
  std::vector<PlanYear> out;
  const std::string y = fmt::format("{:04}", year);
  for (const DrillRecord& d : drills()) {  // oldest first: the last one seen is the latest
    auto it = std::find_if(out.begin(), out.end(), [&](const PlanYear& p) { return p.plan_id == d.plan_id; });
    if (it == out.end()) {
      out.push_back(PlanYear{d.plan_id, d.plan_name, d.plan_version, {}, 0, {}, {}});
      it = out.end() - 1;
    }
    // The record is about drills held up to the year asked for.
    if (d.held_on.substr(0, 4) > y) continue;
    it->plan_name = d.plan_name;
    it->plan_version = d.plan_version;
    it->last_drilled = d.held_on;
    if (d.held_on.substr(0, 4) == y) ++it->drills_in_year;
    if (d.status == "finished" && d.score >= 0) it->trend.emplace_back(d.held_on, d.score);
  }
  // Items still open from drills held up to that year.
  for (PlanYear& p : out)
    for (StoredImprovement& item : open_improvements(p.plan_id))
      if (item.held_on.substr(0, 4) <= y) p.open_items.push_back(std::move(item));
  std::sort(out.begin(), out.end(), [](const PlanYear& a, const PlanYear& b) { return a.plan_id < b.plan_id; });
  return out;
}

bool create_store_at_version(const std::string& path, int version, std::string& error) {
  if (version < 1 || version > schema_version) {
    error = fmt::format("no record schema v{}", version);
    return false;
  }
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    error = path + ": cannot be created";
    sqlite3_close(db);
    return false;
  }
  std::string sql = "PRAGMA journal_mode=WAL; BEGIN;";
  for (int v = 0; v < version; ++v) sql += migrations[v];
  sql += fmt::format("PRAGMA application_id={}; PRAGMA user_version={}; COMMIT;", application_id, version);
  bool ok = exec(db, sql, error);
  sqlite3_close(db);
  return ok;
}

// ---- paths and clocks ------------------------------------------------------------------------

std::string default_store_path() {
  namespace fs = std::filesystem;
  const char* xdg = std::getenv("XDG_DATA_HOME");
  if (xdg && *xdg) return (fs::path(xdg) / "drillsim" / "drills.db").string();
  const char* home = std::getenv("HOME");
  return (fs::path(home && *home ? home : ".") / ".local" / "share" / "drillsim" / "drills.db").string();
}

std::string today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return fmt::format("{:04}-{:02}-{:02}", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

std::string now_utc() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour,
                     utc.tm_min, utc.tm_sec);
}

}  // namespace drillsim::records

// The record store, opening: refusing files that are not ours, backup before a migration, the
// migrations themselves and the pragmas (WAL, foreign keys, durability).
#include "records/store.hpp"

#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "records/sqlite_stmt.hpp"

namespace drillsim::records {
using namespace detail;
namespace {

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

}  // namespace drillsim::records

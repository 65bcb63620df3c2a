// Helpers for the record store tests: temporary stores, raw SQLite access, file fingerprints, drills.
#pragma once

#include <doctest/doctest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "records/store.hpp"
#include "scoring/score.hpp"
#include "sim/load/loader.hpp"
#include "sim/world/responses.hpp"

namespace drillsim::test {

inline std::string source(const std::string& relative) { return std::string(DRILLSIM_SOURCE_DIR) + "/" + relative; }

// A fresh folder for one test's files.
inline std::string temp_dir(const std::string& name) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("drillsim_records_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

inline std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline std::int64_t sql_int(const std::string& path, const std::string& query) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  REQUIRE_MESSAGE(sqlite3_prepare_v2(db, query.c_str(), -1, &s, nullptr) == SQLITE_OK, sqlite3_errmsg(db));
  std::int64_t v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
  sqlite3_finalize(s);
  sqlite3_close(db);
  return v;
}

inline void sql_exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) == SQLITE_OK);
  char* msg = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &msg);
  std::string error = msg ? msg : "";
  sqlite3_free(msg);
  sqlite3_close(db);
  REQUIRE_MESSAGE(rc == SQLITE_OK, error);
}

inline std::shared_ptr<const Model> load_model(const std::string& relative) {
  LoadResult r = load_scenario(source(relative));
  std::string problems;
  for (const auto& p : r.problems) problems += p.str() + "\n";
  INFO(problems);
  REQUIRE(r.ok());
  return r.model;
}

inline ResponseFile load_response_file(const Model& model, const std::string& relative) {
  ResponseFile file;
  Diagnostics problems;
  REQUIRE(load_responses(source(relative), model, file, problems));
  return file;
}

inline records::DrillRecord record_for(const Model& m, const std::string& held_on, const std::string& mode) {
  records::DrillRecord r;
  r.held_on = held_on;
  r.started_at = records::now_utc();
  r.plan_id = m.plan.id;
  r.plan_version = m.plan.version;
  r.plan_name = m.plan.name.zh;
  r.scenario_id = m.scenario.id;
  r.scenario_name = m.scenario.name.zh;
  r.scenario_path = m.scenario.file;
  r.mode = mode;
  r.seed = m.scenario.seed;
  return r;
}

inline std::string jsonl(const std::vector<JournalEntry>& entries) {
  std::string out;
  for (const auto& e : entries) out += to_json(e) + "\n";
  return out;
}

}  // namespace drillsim::test

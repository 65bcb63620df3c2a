// Killing a drill mid-run loses nothing: every entry written before the kill is in the store, and
// resuming from the store by replay finishes with the journal an uninterrupted run writes.
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <thread>

#include "sim/world/replay.hpp"
#include "sim/world/timeline.hpp"
#include "tests/records/records_util.hpp"

using namespace drillsim;

namespace {

const std::string network_cut = "scenarios/000_sanmenxia/scenarios/network_cut_opening.yaml";
const std::string responses = "scenarios/000_sanmenxia/responses/network_cut_opening.yaml";

// Entries of drill 1 so far, read as another process would (-1 while the store is not there yet).
std::int64_t stored_entries(const std::string& db) {
  sqlite3* conn = nullptr;
  if (sqlite3_open_v2(db.c_str(), &conn, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(conn);
    return -1;
  }
  sqlite3_busy_timeout(conn, 1000);
  sqlite3_stmt* s = nullptr;
  std::int64_t n = -1;
  if (sqlite3_prepare_v2(conn, "SELECT count(*) FROM journal WHERE drill_id = 1", -1, &s, nullptr) == SQLITE_OK &&
      sqlite3_step(s) == SQLITE_ROW)
    n = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  sqlite3_close(conn);
  return n;
}

// Waits until the store holds at least `target` entries, then kills the process at once.
void kill_after(pid_t pid, const std::string& db, std::int64_t target) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (stored_entries(db) < target && std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    REQUIRE_MESSAGE(waitpid(pid, &status, WNOHANG) == 0, "the drill ended before it could be killed");
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  REQUIRE(::kill(pid, SIGKILL) == 0);
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  CHECK(WIFSIGNALED(status));
}

// The child: the trainees' recorded responses played into a drill written through to the store,
// a few milliseconds of wall time per time slice, as a live drill would be.
[[noreturn]] void child_drill(const std::string& db, const std::shared_ptr<const Model>& model, const ResponseFile& file) {
  std::string error;
  auto store = records::Store::open(db, error, records::Durability::normal);
  if (!store) _exit(2);
  records::DrillRecord rec = test::record_for(*model, "2026-03-18", "responses");
  if (!store->begin_drill(rec, error)) _exit(3);
  Drill drill(model);
  for (const auto& e : drill.journal().entries())
    if (!store->append(rec.id, e, error)) _exit(4);
  drill.set_journal_sink([&](const JournalEntry& e) {
    if (!store->append(rec.id, e, error)) _exit(4);
  });
  for (const ScriptedAction& sa : file.actions) {
    while (!drill.finished() && drill.next_event_time() <= sa.at) {
      drill.step();
      ::usleep(3000);
    }
    drill.advance_to(sa.at);
    drill.submit(sa.submission);
  }
  while (drill.step()) ::usleep(3000);
  _exit(0);
}

std::size_t submissions_in(const std::vector<JournalEntry>& journal) {
  std::size_t n = 0;
  for (const auto& e : journal) n += e.kind == EntryKind::submit || e.kind == EntryKind::rejected;
  return n;
}

// Resumes drill 1 from the store by replay and plays the rest of the responses.
void resume(const std::string& db, const std::shared_ptr<const Model>& model, const ResponseFile& file) {
  std::string error;
  auto store = records::Store::open(db, error, records::Durability::normal);
  REQUIRE_MESSAGE(store, error);
  std::vector<JournalEntry> stored;
  REQUIRE(store->journal(1, stored, error));
  auto drill = replay(model, stored, error, /*to_end=*/false);
  REQUIRE_MESSAGE(drill, error);
  const auto& rebuilt = drill->journal().entries();
  REQUIRE(rebuilt.size() >= stored.size());
  for (std::size_t i = 0; i < stored.size(); ++i) REQUIRE(to_json(rebuilt[i]) == to_json(stored[i]));
  for (std::size_t i = stored.size(); i < rebuilt.size(); ++i) REQUIRE(store->append(1, rebuilt[i], error));
  drill->set_journal_sink([&](const JournalEntry& e) { REQUIRE(store->append(1, e, error)); });
  for (std::size_t i = submissions_in(rebuilt); i < file.actions.size(); ++i) {
    drill->advance_to(file.actions[i].at);
    drill->submit(file.actions[i].submission);
  }
  drill->advance_to(drill->end_time());
  REQUIRE(store->finish_drill(1, error));
}

}  // namespace

TEST_CASE("a drill killed mid-run loses no entry and resumes from the store to the uninterrupted journal") {
  auto model = test::load_model(network_cut);
  ResponseFile file = test::load_response_file(*model, responses);
  Drill uninterrupted(model);
  run_with_responses(uninterrupted, file);
  const std::vector<JournalEntry>& full = uninterrupted.journal().entries();
  REQUIRE(full.size() > 100);

  std::string dir = test::temp_dir("kill");
  for (std::int64_t target : {3, 40, 90}) {
    CAPTURE(target);
    std::string db = dir + "/kill_" + std::to_string(target) + ".db";
    std::fflush(nullptr);  // the child must not write our buffered output again
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) child_drill(db, model, file);
    kill_after(pid, db, target);

    std::string error;
    std::vector<JournalEntry> stored;
    {
      auto store = records::Store::open(db, error);
      REQUIRE_MESSAGE(store, error);
      auto rec = store->drill(1);
      REQUIRE(rec);
      CHECK(rec->status == "running");
      REQUIRE(store->journal(1, stored, error));
    }
    // Everything written before the kill is there, in order, exactly as the drill wrote it.
    CHECK(static_cast<std::int64_t>(stored.size()) >= target);
    CHECK(stored.size() < full.size());
    for (std::size_t i = 0; i < stored.size(); ++i) REQUIRE(to_json(stored[i]) == to_json(full[i]));

    resume(db, model, file);
    auto store = records::Store::open(db, error);
    REQUIRE(store);
    std::vector<JournalEntry> finished;
    REQUIRE(store->journal(1, finished, error));
    CHECK(test::jsonl(finished) == uninterrupted.journal().to_jsonl());
    CHECK(store->drill(1)->status == "finished");
  }
}

TEST_CASE("drillsim run killed with SIGKILL: every line it printed is stored, and run --resume finishes the drill") {
  namespace fs = std::filesystem;
  REQUIRE_MESSAGE(fs::exists(DRILLSIM_BINARY), "build the drillsim target first: " << DRILLSIM_BINARY);
  auto model = test::load_model(network_cut);
  ResponseFile file = test::load_response_file(*model, responses);
  Drill uninterrupted(model);
  run_with_responses(uninterrupted, file);

  std::string dir = test::temp_dir("cli_kill");
  std::string db = dir + "/drills.db";
  std::string printed_path = dir + "/printed.txt";
  std::fflush(nullptr);
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    if (!freopen(printed_path.c_str(), "w", stdout)) _exit(5);
    if (chdir(DRILLSIM_SOURCE_DIR) != 0) _exit(6);
    // 40 simulated minutes per wall second: the six-hour drill would take nine seconds.
    execl(DRILLSIM_BINARY, DRILLSIM_BINARY, "run", network_cut.c_str(), "--responses", responses.c_str(), "--db", db.c_str(),
          "--speed", "2400", "--date", "2026-03-18", "--facilitator", "导调组长", "--participant", "学员1=delivery",
          static_cast<char*>(nullptr));
    _exit(7);
  }
  kill_after(pid, db, 40);

  std::string error;
  std::vector<JournalEntry> stored;
  {
    auto store = records::Store::open(db, error);
    REQUIRE_MESSAGE(store, error);
    REQUIRE(store->journal(1, stored, error));
    CHECK(store->drill(1)->status == "running");
  }
  CHECK(stored.size() < uninterrupted.journal().size());
  // What the facilitator saw before the kill is all stored.
  std::istringstream printed(test::file_bytes(printed_path));
  std::string line;
  std::size_t lines = 0;
  while (std::getline(printed, line) && !line.empty()) {
    REQUIRE(lines < stored.size());
    CHECK(line == render_entry(*model, stored[lines], Lang::zh));
    ++lines;
  }
  CHECK(lines > 0);

  std::string command = std::string("cd '") + DRILLSIM_SOURCE_DIR + "' && '" + DRILLSIM_BINARY + "' run --resume 1 --db '" + db + "' 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::string output;
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  int status = pclose(pipe);
  INFO(output);
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(output.find("已保存为第 1 次演练") != std::string::npos);

  auto store = records::Store::open(db, error);
  REQUIRE(store);
  std::vector<JournalEntry> finished;
  REQUIRE(store->journal(1, finished, error));
  CHECK(test::jsonl(finished) == uninterrupted.journal().to_jsonl());
  auto rec = store->drill(1);
  CHECK(rec->status == "finished");
  CHECK(rec->score >= 0);
  CHECK(rec->facilitator == "导调组长");
  CHECK(rec->held_on == "2026-03-18");
}

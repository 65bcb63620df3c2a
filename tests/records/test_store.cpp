// The record store: created from nothing, migrated with a backup, refusing newer, corrupt and
// foreign files without touching them, writing journals through, keeping scores and the yearly view.
#include "records/stored_drill.hpp"
#include "scoring/improvements.hpp"
#include "sim/world/plan_policy.hpp"
#include "tests/records/records_util.hpp"

using namespace drillsim;

namespace {

const std::string network_cut = "scenarios/000_sanmenxia/scenarios/network_cut_opening.yaml";
const std::string responses = "scenarios/000_sanmenxia/responses/network_cut_opening.yaml";

scoring::Rubric rubric() {
  scoring::Rubric r;
  Diagnostics problems;
  REQUIRE(scoring::load_rubric(test::source("scenarios/rubric.yaml"), r, problems));
  return r;
}

// Runs a drill writing its journal through to the store, then scores and stores it.
std::int64_t store_drill(records::Store& store, const std::shared_ptr<const Model>& model, const std::string& held_on,
                         bool policy) {
  const Model& m = *model;
  records::DrillRecord rec = test::record_for(m, held_on, policy ? "auto" : "nobody");
  rec.facilitator = "导调组长";
  rec.participants = {{"学员1", "delivery"}, {"学员3", "technical"}};
  std::string error;
  REQUIRE_MESSAGE(store.begin_drill(rec, error), error);
  Drill drill(model);
  for (const auto& e : drill.journal().entries()) REQUIRE(store.append(rec.id, e, error));
  drill.set_journal_sink([&](const JournalEntry& e) { REQUIRE_MESSAGE(store.append(rec.id, e, error), error); });
  if (policy) {
    PlanPolicy p(m);
    run_with_policy(drill, p);
  } else {
    drill.advance_to(drill.end_time());
  }
  drill.set_journal_sink(nullptr);
  REQUIRE(store.finish_drill(rec.id, error));
  scoring::ScoreSheet sheet;
  scoring::Rubric r = rubric();
  REQUIRE(scoring::score_journal(model, drill.journal().entries(), r, sheet, error));
  REQUIRE_MESSAGE(store.save_score(rec.id, m, sheet, scoring::improvements_of(m, sheet, r, held_on), error), error);
  std::vector<JournalEntry> stored;
  REQUIRE(store.journal(rec.id, stored, error));
  CHECK(test::jsonl(stored) == drill.journal().to_jsonl());
  return rec.id;
}

}  // namespace

TEST_CASE("a store is created from nothing, and from an empty file, at the current schema") {
  std::string dir = test::temp_dir("create");
  std::string error;
  std::string fresh = dir + "/sub/folder/drills.db";
  {
    auto store = records::Store::open(fresh, error);
    REQUIRE_MESSAGE(store, error);
    CHECK(store->backup_path().empty());
  }
  CHECK(test::sql_int(fresh, "PRAGMA user_version") == records::schema_version);
  CHECK(test::sql_int(fresh, "PRAGMA application_id") == 0x4453494D);
  CHECK(test::sql_int(fresh, "SELECT count(*) FROM sqlite_master WHERE name = 'improvements'") == 1);

  std::string empty = dir + "/empty.db";
  std::ofstream(empty).close();
  auto store = records::Store::open(empty, error);
  REQUIRE_MESSAGE(store, error);
  CHECK(test::sql_int(empty, "PRAGMA user_version") == records::schema_version);
}

TEST_CASE("an older store is copied aside and migrated, keeping every drill and journal entry") {
  std::string dir = test::temp_dir("migrate");
  std::string path = dir + "/drills.db";
  std::string error;
  REQUIRE_MESSAGE(records::create_store_at_version(path, 1, error), error);
  // What version 1 held: a drill and its journal.
  test::sql_exec(path,
                 "INSERT INTO drills(held_on, started_at, status, plan_id, plan_version, plan_name, scenario_id, scenario_name, "
                 "scenario_path, mode, seed) VALUES('2025-05-20', '2025-05-20T01:00:00Z', 'finished', 'smx000_plan', 'seed-000', "
                 "'三门峡预案', 'smx000_network_cut_opening', '专线中断', 'x.yaml', 'live', 7);"
                 "INSERT INTO journal VALUES(1, 0, 0, 'drill_start', '{\"t\":0,\"kind\":\"drill_start\",\"subject\":\"s\",\"value\":7}');");
  auto store = records::Store::open(path, error);
  REQUIRE_MESSAGE(store, error);
  CHECK(test::sql_int(path, "PRAGMA user_version") == records::schema_version);
  // The copy taken before migrating is the old store, whole.
  REQUIRE_FALSE(store->backup_path().empty());
  CHECK(test::sql_int(store->backup_path(), "PRAGMA user_version") == 1);
  CHECK(test::sql_int(store->backup_path(), "SELECT count(*) FROM drills") == 1);
  auto d = store->drill(1);
  REQUIRE(d);
  CHECK(d->plan_name == "三门峡预案");
  CHECK(d->held_on == "2025-05-20");
  std::vector<JournalEntry> journal;
  REQUIRE(store->journal(1, journal, error));
  REQUIRE(journal.size() == 1);
  CHECK(journal[0].kind == EntryKind::drill_start);
  // And the new tables work.
  CHECK(store->add_observation(1, {-1, "评估员", "obj_report", "S", "上报略迟"}, error));
  CHECK(store->observations(1).size() == 1);
}

TEST_CASE("a store written by a newer drillsim is refused and left untouched") {
  std::string dir = test::temp_dir("newer");
  std::string path = dir + "/drills.db";
  std::string error;
  REQUIRE(records::Store::open(path, error));
  test::sql_exec(path, "PRAGMA user_version = 99");
  std::string before = test::file_bytes(path);
  auto store = records::Store::open(path, error);
  CHECK_FALSE(store);
  CHECK(error.find(path) != std::string::npos);
  CHECK(error.find("newer drillsim") != std::string::npos);
  CHECK(error.find("v99") != std::string::npos);
  CHECK(test::file_bytes(path) == before);
}

TEST_CASE("a file that is not a store, or a damaged store, is refused with its name and never written") {
  std::string dir = test::temp_dir("corrupt");
  std::string error;
  SUBCASE("not SQLite at all") {
    std::string path = dir + "/notes.db";
    std::ofstream(path, std::ios::binary) << std::string(5000, 'x') << "演练笔记";
    std::string before = test::file_bytes(path);
    CHECK_FALSE(records::Store::open(path, error));
    CHECK(error.find(path) != std::string::npos);
    CHECK(error.find("not a drillsim record store") != std::string::npos);
    CHECK(test::file_bytes(path) == before);
  }
  SUBCASE("another program's SQLite database") {
    std::string path = dir + "/other.db";
    test::sql_exec(path, "CREATE TABLE customers(name TEXT); INSERT INTO customers VALUES('甲');");
    std::string before = test::file_bytes(path);
    CHECK_FALSE(records::Store::open(path, error));
    CHECK(error.find("another program") != std::string::npos);
    CHECK(test::file_bytes(path) == before);
  }
  SUBCASE("a store with damaged pages") {
    std::string path = dir + "/drills.db";
    {
      auto store = records::Store::open(path, error);
      REQUIRE(store);
      store_drill(*store, test::load_model(network_cut), "2026-03-18", true);
    }
    test::sql_exec(path, "PRAGMA wal_checkpoint(TRUNCATE)");
    std::string bytes = test::file_bytes(path);
    REQUIRE(bytes.size() > 6 * 4096);
    // Scribble over the b-tree pages after the schema (a disk error, a bad copy).
    for (std::size_t i = 4096; i < bytes.size() - 4096; i += 4096) bytes.replace(i, 64, std::string(64, '\x5a'));
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
    std::string before = test::file_bytes(path);
    CHECK_FALSE(records::Store::open(path, error));
    CHECK(error.find(path) != std::string::npos);
    CHECK(error.find("damaged") != std::string::npos);
    CHECK(test::file_bytes(path) == before);
  }
}

TEST_CASE("a drill's journal is written through as it runs and reads back the same") {
  std::string dir = test::temp_dir("through");
  std::string error;
  auto store = records::Store::open(dir + "/drills.db", error);
  REQUIRE(store);
  auto model = test::load_model(network_cut);
  std::int64_t id = store_drill(*store, model, "2026-03-18", true);
  auto d = store->drill(id);
  REQUIRE(d);
  CHECK(d->status == "finished");
  CHECK(d->facilitator == "导调组长");
  CHECK(d->participants.size() == 2);
  CHECK(d->score >= 90);
  CHECK(d->rating == 'P');
  CHECK(test::sql_int(dir + "/drills.db", "SELECT count(*) FROM verdicts WHERE drill_id = 1") > 20);
  // Re-scoring a stored drill from its journal gives the stored score.
  records::StoredDrill again;
  scoring::Rubric r = rubric();
  std::string scenario = test::source(network_cut);
  REQUIRE_MESSAGE(records::load_stored_drill(*store, id, r, again, error, scenario), error);
  CHECK(again.sheet.overall.percent() == doctest::Approx(d->score));
}

TEST_CASE("the yearly view: last drill, drills this year, open improvement items and the score trend") {
  std::string dir = test::temp_dir("yearly");
  std::string error;
  auto store = records::Store::open(dir + "/drills.db", error);
  REQUIRE(store);
  auto model = test::load_model(network_cut);
  store_drill(*store, model, "2025-06-01", false);  // nobody responded
  store_drill(*store, model, "2026-03-18", true);
  std::int64_t last = store_drill(*store, model, "2026-09-10", true);

  auto y2026 = store->yearly(2026);
  REQUIRE(y2026.size() == 1);
  const records::PlanYear& p = y2026.front();
  CHECK(p.plan_id == "smx000_plan");
  CHECK(p.last_drilled == "2026-09-10");
  CHECK(p.drills_in_year == 2);
  REQUIRE(p.trend.size() == 3);
  CHECK(p.trend[0].first == "2025-06-01");
  CHECK(p.trend[0].second < 10);
  CHECK(p.trend[2].second >= 90);
  CHECK_FALSE(p.open_items.empty());

  auto y2025 = store->yearly(2025);
  REQUIRE(y2025.size() == 1);
  CHECK(y2025.front().last_drilled == "2025-06-01");
  CHECK(y2025.front().drills_in_year == 1);
  CHECK(y2025.front().trend.size() == 1);
  CHECK(y2025.front().open_items.size() <= p.open_items.size());
  auto y2024 = store->yearly(2024);
  CHECK(y2024.front().drills_in_year == 0);
  CHECK(y2024.front().last_drilled.empty());

  // Closing an item takes it off the view; the nobody drill's items are due 30 days after it.
  auto items = store->improvements(1);
  REQUIRE_FALSE(items.empty());
  CHECK(items.front().item.due == "2025-07-01");
  std::size_t open_before = store->yearly(2026).front().open_items.size();
  REQUIRE(store->set_improvement_status(items.front().id, "done", "已组织培训", error));
  CHECK(store->yearly(2026).front().open_items.size() == open_before - 1);
  CHECK_FALSE(store->set_improvement_status(items.front().id, "finished", "", error));
  CHECK_FALSE(store->set_improvement_status(99999, "done", "", error));
  // Re-scoring keeps the facilitator's items and their status.
  std::size_t items_before = store->improvements(last).size();
  records::StoredDrill again;
  scoring::Rubric r = rubric();
  REQUIRE(records::load_stored_drill(*store, last, r, again, error, test::source(network_cut)));
  REQUIRE(store->save_score(last, *again.model, again.sheet, scoring::improvements_of(*again.model, again.sheet, r, "2026-09-10"), error));
  CHECK(store->improvements(last).size() == items_before);
  CHECK(store->improvements(1).front().status == "done");
}

// Data loss: only when every copy is gone; a restore from a surviving backup brings the data back.
#include <doctest/doctest.h>

#include "sim/world/drill.hpp"
#include "tests/sim/world/mini_platform.hpp"

using namespace drillsim;

namespace {
constexpr Ix room = 6, db = 9, tapes = 12;

// The database holds data and is backed up to the tapes; a "wipe" fault loses the database's data;
// a restore action (tech) brings it back from a backup that still has it.
Model with_backups() {
  Model m = test::mini_model();
  m.platform.components[db].holds_data = true;
  m.platform.components[db].backups = {tapes};
  m.platform.components[tapes].backups = {db};  // the tapes are a copy of the database: either copy suffices
  FaultType wipe;
  wipe.id = "wipe";
  wipe.effect = Health::down;
  wipe.loses_data = true;
  m.platform.fault_types.push_back(wipe);
  ActionDef restore;
  restore.id = "restore_db";
  restore.posts = {0};
  restore.duration = Distribution::fixed(600);
  Effect e;
  e.kind = Effect::Kind::restore;
  e.component = db;
  restore.effects = {e};
  m.catalog.actions.push_back(restore);
  return m;
}

void submit_restore(Drill& d) {
  Submission s;
  s.post = 0;
  s.action = static_cast<Ix>(d.model().catalog.actions.size() - 1);
  REQUIRE(d.submit(s).accepted);
}
}  // namespace

TEST_CASE("a wiped database with its tapes intact has lost no data for good, and the restore brings it back") {
  Model m = with_backups();
  m.scenario.injects = {test::fault_at("wipe", 600, db, 3)};
  Drill d(test::share(m));
  d.advance_to(700);
  CHECK(d.truth().components[db].data_lost);
  CHECK_FALSE(d.truth().data_lost);
  submit_restore(d);
  d.advance_to(1400);
  CHECK_FALSE(d.truth().components[db].data_lost);
  CHECK_FALSE(d.truth().data_lost);
}

TEST_CASE("the tapes burn while the database is wiped: the data is gone for good and no restore helps") {
  Model m = with_backups();
  Inject fire;
  fire.id = "fire";
  fire.kind = Inject::Kind::fire;
  fire.at = 0;
  fire.component = room;
  m.scenario.injects = {fire, test::fault_at("wipe", 1000, db, 3)};
  Drill d(test::share(m));
  d.advance_to(900);  // the tapes burn at 900 s; the database still has the data
  CHECK(d.truth().components[tapes].off == OffReason::destroyed);
  CHECK_FALSE(d.truth().data_lost);
  d.advance_to(1000);
  CHECK(d.truth().data_lost);
  submit_restore(d);
  d.advance_to(2000);
  CHECK(d.truth().components[db].data_lost);
}

TEST_CASE("off and fire conditions read why a component is off and whether a room burns") {
  Model m = test::mini_model();
  Inject fire;
  fire.id = "fire";
  fire.kind = Inject::Kind::fire;
  fire.at = 60;
  fire.component = room;
  m.scenario.injects = {fire};
  Drill d(test::share(m));
  Condition burning;
  burning.kind = Condition::Kind::fire;
  burning.component = room;
  Condition generator_standby;
  generator_standby.kind = Condition::Kind::off;
  generator_standby.component = 1;
  generator_standby.text = "standby";
  Condition tapes_moved = generator_standby;
  tapes_moved.component = tapes;
  tapes_moved.text = "moved_out";
  CHECK(d.condition_holds(generator_standby));
  CHECK_FALSE(d.condition_holds(burning));
  d.advance_to(60);
  CHECK(d.condition_holds(burning));
  CHECK_FALSE(d.condition_holds(tapes_moved));
  Submission move;
  move.post = 0;
  move.action = 4;  // move_tapes
  REQUIRE(d.submit(move).accepted);
  d.advance_to(400);
  CHECK(d.condition_holds(tapes_moved));
}

TEST_CASE("standby equipment off from the start is not counted as an outage") {
  Drill d(test::share(test::mini_model()));
  d.advance_to(d.end_time());
  CHECK(d.downtime(1) == 0);  // the generator never ran, and was never needed
}

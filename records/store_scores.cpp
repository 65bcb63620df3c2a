// The record store: a drill's score (tallies, verdicts), evaluators' observations and improvement items.
#include "records/store.hpp"

#include <sqlite3.h>

#include <fmt/format.h>

#include "records/sqlite_stmt.hpp"

#include "scoring/score_text.hpp"

namespace drillsim::records {
using namespace detail;

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

}  // namespace drillsim::records

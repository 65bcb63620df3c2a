// drillsim score JOURNAL | DRILL_ID: re-scores a journal file, or a stored drill (and stores the
// new score), and prints every verdict with the rule behind its points.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "app/commands.hpp"
#include "records/stored_drill.hpp"
#include "scoring/locate.hpp"
#include "scoring/score_text.hpp"
#include "sim/load/loader.hpp"
#include "sim/world/replay.hpp"

namespace drillsim::app {
namespace {

struct ScoreOptions {
  std::string journal;
  std::string scenario;
  std::string rubric;
  std::string db;
  std::string lang = "zh";
};

int fail(const std::string& message) {
  std::cerr << message << '\n';
  return 1;
}

int score_stored(const ScoreOptions& o, std::int64_t id, const scoring::Rubric& rubric, Lang lang) {
  std::string error;
  auto store = records::Store::open(o.db.empty() ? records::default_store_path() : o.db, error);
  if (!store) return fail(error);
  records::StoredDrill d;
  if (!records::load_stored_drill(*store, id, rubric, d, error, o.scenario)) return fail(error);
  std::cout << scoring::score_text(*d.model, d.sheet, lang);
  const std::string held_on = d.record.held_on;
  if (!store->save_score(id, *d.model, d.sheet, scoring::improvements_of(*d.model, d.sheet, rubric, held_on), error))
    return fail(error);
  std::cout << (lang == Lang::zh ? "已更新第 " : "Updated drill ") << id << (lang == Lang::zh ? " 次演练的评分：" : "'s score in ")
            << store->path() << '\n';
  return 0;
}

int score(const ScoreOptions& o) {
  const Lang lang = o.lang == "en" ? Lang::en : Lang::zh;
  scoring::Rubric rubric;
  Diagnostics problems;
  std::string rubric_path = o.rubric.empty() ? scoring::default_rubric_path(DRILLSIM_SOURCE_DIR) : o.rubric;
  if (!scoring::load_rubric(rubric_path, rubric, problems)) {
    for (const auto& p : problems) std::cerr << p.str() << '\n';
    return 1;
  }
  // A number that is not a file names a stored drill.
  std::error_code ec;
  if (!o.journal.empty() && std::all_of(o.journal.begin(), o.journal.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
      !std::filesystem::exists(o.journal, ec))
    return score_stored(o, std::stoll(o.journal), rubric, lang);

  std::vector<JournalEntry> entries;
  if (!read_journal(o.journal, entries, problems)) {
    for (const auto& p : problems) std::cerr << p.str() << '\n';
    return 1;
  }
  std::string scenario = o.scenario;
  if (scenario.empty()) {
    if (entries.front().kind != EntryKind::drill_start) return fail(o.journal + ": the journal does not begin with drill_start");
    scenario = scoring::find_scenario_file(entries.front().subject, {".", DRILLSIM_SOURCE_DIR});
    if (scenario.empty())
      return fail(o.journal + ": no scenario file with id '" + entries.front().subject +
                  "' found under ./scenarios; name it with --scenario FILE");
  }
  LoadResult loaded = load_scenario(scenario);
  if (!loaded.ok()) {
    for (const auto& p : loaded.problems) std::cerr << p.str() << '\n';
    return 1;
  }
  scoring::ScoreSheet sheet;
  std::string error;
  if (!scoring::score_journal(loaded.model, entries, rubric, sheet, error)) return fail(o.journal + ": " + error);
  std::cout << scoring::score_text(*loaded.model, sheet, lang);
  return 0;
}

}  // namespace

void add_score(CLI::App& app) {
  static ScoreOptions o;
  auto* cmd = app.add_subcommand("score", "Score a journal (or a stored drill) against its plan and print every verdict");
  cmd->add_option("journal", o.journal, "Journal file (JSON lines), or the id of a stored drill")->required();
  cmd->add_option("--scenario", o.scenario, "Scenario file (default: found by the journal's scenario id)");
  cmd->add_option("--rubric", o.rubric, "Rubric file (default: scenarios/rubric.yaml)");
  cmd->add_option("--db", o.db, "Record store, for a stored drill (default: $XDG_DATA_HOME/drillsim/drills.db)");
  cmd->add_option("--lang", o.lang, "zh or en")->check(CLI::IsMember({"zh", "en"}));
  cmd->callback([] { set_exit_code(score(o)); });
}

}  // namespace drillsim::app

// drillsim run SCENARIO: runs a drill headless and prints its timeline; writes the journal; stores
// the drill in the record store as it runs (write-through), scores it and writes its report.
//
// Sections
//   options      the command line
//   pacing       --speed: the timed mode, simulated seconds per wall second
//   storing      the record store: a new drill, or one resumed from its stored journal
//   run          the drill itself, then its score and report
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "app/commands.hpp"
#include "app/summary.hpp"
#include "records/stored_drill.hpp"
#include "scoring/report.hpp"
#include "scoring/score_text.hpp"
#include "sim/kernel/pacer.hpp"
#include "sim/load/loader.hpp"
#include "sim/world/plan_policy.hpp"
#include "sim/world/replay.hpp"
#include "sim/world/responses.hpp"
#include "sim/world/timeline.hpp"

namespace drillsim::app {
namespace {

// ---- options ---------------------------------------------------------------------------------

struct RunOptions {
  std::string scenario;
  std::string responses;
  bool automatic = false;
  std::int64_t seed = -1;
  std::string journal;
  std::string lang = "zh";
  std::string view = "facilitator";
  // records and scoring
  std::string db;
  bool no_db = false;
  std::vector<std::string> reports;
  std::string csv;
  std::string rubric;
  std::string facilitator;
  std::vector<std::string> participants;  // "name=post"
  std::string date;
  double speed = 0;
  std::int64_t resume = 0;
};

// ---- pacing ----------------------------------------------------------------------------------

// Advances the drill as drill.advance_to / step do, sleeping so that simulated time runs at
// `speed` simulated seconds per wall second. Only the wall clock waits: the journal is the same.
class Pace {
 public:
  Pace(double speed, SimTime from) : speed_(speed) {
    pacer_.set_speed(speed > 0 ? speed : 1, wall_ms());
    pacer_.start(wall_ms(), from);
  }
  bool on() const { return speed_ > 0; }
  void wait_for(SimTime t) {
    if (!on() || t == never) return;
    std::int64_t until = pacer_.wall_ms_at(t, wall_ms());
    std::int64_t now = wall_ms();
    if (until > now) std::this_thread::sleep_for(std::chrono::milliseconds(until - now));
  }
  void advance_to(Drill& drill, SimTime t) {
    if (!on()) return drill.advance_to(t);
    while (!drill.finished() && drill.next_event_time() <= t) {
      wait_for(drill.next_event_time());
      drill.step();
    }
    wait_for(std::min(t, drill.end_time()));
    drill.advance_to(t);
  }

 private:
  static std::int64_t wall_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
  }
  double speed_;
  Pacer pacer_;
};

void run_policy_paced(Drill& drill, PlanPolicy& policy, Pace& pace) {
  policy.act(drill);
  while (!drill.finished()) {
    SimTime next = drill.next_event_time();
    if (next == never) break;
    pace.wait_for(next);
    if (!drill.step()) break;
    policy.act(drill);
  }
}

// Plays the scripted actions from the `skip`-th on (those before are already in the journal).
void run_responses_paced(Drill& drill, const ResponseFile& responses, std::size_t skip, Pace& pace) {
  for (std::size_t i = skip; i < responses.actions.size(); ++i) {
    const ScriptedAction& sa = responses.actions[i];
    if (drill.finished()) break;
    pace.advance_to(drill, sa.at);
    drill.submit(sa.submission);
  }
  pace.advance_to(drill, drill.end_time());
}

std::size_t submissions_in(const std::vector<JournalEntry>& journal) {
  std::size_t n = 0;
  for (const auto& e : journal) n += e.kind == EntryKind::submit || e.kind == EntryKind::rejected;
  return n;
}

// ---- run -------------------------------------------------------------------------------------

int fail(const std::string& message) {
  std::cerr << message << '\n';
  return 1;
}

int run(RunOptions o) {
  const Lang lang = o.lang == "en" ? Lang::en : Lang::zh;
  const bool truth = o.view != "trainee";

  // The store, and for --resume the drill it holds.
  std::unique_ptr<records::Store> store;
  records::DrillRecord record;
  std::vector<JournalEntry> stored;
  if (!o.no_db) {
    std::string error;
    std::string path = o.db.empty() ? records::default_store_path() : o.db;
    // Batch runs can be run again: an entry is safe once the process dies, not after a power cut.
    store = records::Store::open(path, error, records::Durability::normal);
    if (!store) return fail(error + (o.db.empty() ? "\n(run with --no-db to run without storing the drill)" : ""));
  }
  if (o.resume > 0) {
    if (!store) return fail("--resume needs the record store (drop --no-db)");
    auto found = store->drill(o.resume);
    if (!found) return fail(store->path() + ": no drill " + std::to_string(o.resume));
    record = *found;
    if (record.status == "finished")
      return fail(store->path() + ": drill " + std::to_string(o.resume) + " is already finished (drillsim report " +
                  std::to_string(o.resume) + ")");
    if (o.scenario.empty()) o.scenario = record.scenario_path;
    if (record.mode == "responses" && o.responses.empty()) o.responses = record.responses_path;
    o.automatic = record.mode == "auto";
    if (record.mode == "live") return fail("drill " + std::to_string(o.resume) + " was a live drill: resume it in the drill console");
    std::string error;
    if (!store->journal(record.id, stored, error)) return fail(error);
  }
  if (o.scenario.empty()) return fail("run: name a scenario file (or --resume DRILL_ID)");

  LoadResult loaded = load_scenario(o.scenario);
  if (!loaded.ok()) {
    for (const auto& p : loaded.problems) std::cerr << p.str() << '\n';
    return 1;
  }
  const Model& model = *loaded.model;
  if (o.resume > 0 && model.scenario.id != record.scenario_id)
    return fail(o.scenario + ": is scenario '" + model.scenario.id + "', drill " + std::to_string(o.resume) + " ran '" +
                record.scenario_id + "'");
  scoring::Rubric rubric;
  {
    Diagnostics problems;
    std::string path = o.rubric.empty() ? scoring::default_rubric_path(DRILLSIM_SOURCE_DIR) : o.rubric;
    if (!scoring::load_rubric(path, rubric, problems)) {
      for (const auto& p : problems) std::cerr << p.str() << '\n';
      return 1;
    }
  }
  ResponseFile responses;
  if (!o.responses.empty()) {
    Diagnostics problems;
    if (!load_responses(o.responses, model, responses, problems)) {
      for (const auto& p : problems) std::cerr << p.str() << '\n';
      return 1;
    }
  }
  std::vector<records::Participant> seated;
  for (const std::string& p : o.participants) {
    std::size_t eq = p.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == p.size())
      return fail("--participant wants NAME=POST, got '" + p + "'");
    std::string post = p.substr(eq + 1);
    if (model.find_post(post) == no_ix) return fail("--participant " + p + ": no post '" + post + "' in the organisation");
    seated.push_back({p.substr(0, eq), post});
  }

  DrillOptions options;
  if (o.resume > 0) {
    options.seed = record.seed;
    options.seed_given = true;
  } else if (o.seed >= 0) {
    options.seed = static_cast<std::uint64_t>(o.seed);
    options.seed_given = true;
  }

  // Every entry goes to the store as it is written; with --speed the timeline prints as it goes.
  std::string store_error;
  Pace pace(o.speed, 0);
  auto sink = [&](const JournalEntry& e) {
    if (store && store_error.empty()) store->append(record.id, e, store_error);
    if (pace.on() && (truth || !e.truth_only)) std::cout << render_entry(model, e, lang) << std::endl;
  };

  std::unique_ptr<Drill> drill;
  if (o.resume > 0) {
    // Rebuild the drill from what was stored, check it reproduces, store what the replay adds at
    // its last time, then go on.
    std::string error;
    if (o.automatic) {
      // The policy keeps no state in the journal: play it again from the start, deterministically.
      drill = std::make_unique<Drill>(loaded.model, options);
      PlanPolicy policy(model);
      run_with_policy(*drill, policy);
    } else {
      drill = replay(loaded.model, stored, error, /*to_end=*/false);
      if (!drill) return fail(store->path() + ": drill " + std::to_string(record.id) + " cannot be resumed: " + error);
    }
    const auto& rebuilt = drill->journal().entries();
    for (std::size_t i = 0; i < stored.size(); ++i)
      if (i >= rebuilt.size() || to_json(rebuilt[i]) != to_json(stored[i]))
        return fail(store->path() + ": drill " + std::to_string(record.id) + "'s stored journal does not reproduce at entry " +
                    std::to_string(i + 1) + " (the scenario changed?)");
    for (std::size_t i = stored.size(); i < rebuilt.size(); ++i) sink(rebuilt[i]);
    drill->set_journal_sink(sink);
    if (!o.automatic) {
      pace = Pace(o.speed, drill->now());
      if (!o.responses.empty())
        run_responses_paced(*drill, responses, submissions_in(rebuilt), pace);
      else
        pace.advance_to(*drill, drill->end_time());
    }
  } else {
    drill = std::make_unique<Drill>(loaded.model, options);
    if (store) {
      record.held_on = o.date.empty() ? records::today() : o.date;
      record.started_at = records::now_utc();
      record.plan_id = model.plan.id;
      record.plan_version = model.plan.version;
      record.plan_name = model.plan.name.zh;
      record.scenario_id = model.scenario.id;
      record.scenario_name = model.scenario.name.zh;
      record.scenario_path = std::filesystem::absolute(o.scenario).lexically_normal().string();
      record.mode = !o.responses.empty() ? "responses" : o.automatic ? "auto" : "nobody";
      record.responses_path = o.responses.empty() ? "" : std::filesystem::absolute(o.responses).lexically_normal().string();
      record.seed = drill->seed();
      record.facilitator = o.facilitator;
      record.participants = seated;
      std::string error;
      if (!store->begin_drill(record, error)) return fail(error);
    }
    // The constructor already wrote the drill's first entries.
    for (const auto& e : drill->journal().entries()) sink(e);
    drill->set_journal_sink(sink);
    if (!o.responses.empty()) {
      run_responses_paced(*drill, responses, 0, pace);
    } else if (o.automatic) {
      PlanPolicy policy(model);
      run_policy_paced(*drill, policy, pace);
    } else {
      pace.advance_to(*drill, drill->end_time());  // nobody responds
    }
  }
  drill->set_journal_sink(nullptr);

  if (!pace.on() || o.resume > 0)
    for (const auto& e : drill->journal().entries())
      if (truth || !e.truth_only) std::cout << render_entry(model, e, lang) << '\n';
  std::cout << '\n' << summary_text(*drill, lang);
  if (!o.journal.empty()) {
    std::ofstream out(o.journal, std::ios::binary | std::ios::trunc);
    out << drill->journal().to_jsonl();
    if (!out) return fail(o.journal + ": cannot write the journal");
  }

  // Score, store the score, write the report.
  scoring::ScoreSheet sheet;
  std::string error;
  std::vector<scoring::Evaluation> after = store && record.id ? store->observations(record.id) : std::vector<scoring::Evaluation>{};
  if (!scoring::score_journal(loaded.model, drill->journal().entries(), rubric, sheet, error, after))
    return fail("cannot score the drill: " + error);
  const std::string held_on = record.held_on.empty() ? (o.date.empty() ? date_text(model.scenario) : o.date) : record.held_on;
  std::vector<scoring::Improvement> improvements = scoring::improvements_of(model, sheet, rubric, held_on);
  std::cout << '\n' << scoring::score_summary(sheet, lang);
  int code = 0;
  if (store) {
    if (!store_error.empty()) {
      std::cerr << store_error << '\n';
      code = 1;
    } else if (!store->finish_drill(record.id, error) || !store->save_score(record.id, model, sheet, improvements, error)) {
      std::cerr << error << '\n';
      code = 1;
    } else {
      std::cout << (lang == Lang::zh ? "已保存为第 " : "Stored as drill ") << record.id
                << (lang == Lang::zh ? " 次演练：" : " in ") << store->path() << '\n';
    }
  }
  if (!o.reports.empty() || !o.csv.empty()) {
    scoring::ReportInput in;
    if (store && record.id) {
      if (!records::report_input(*store, record.id, loaded.model, sheet, in, error)) return fail(error);
    } else {
      in.model = &model;
      in.sheet = &sheet;
      in.held_on = held_on;
      in.facilitator = o.facilitator;
      for (const auto& p : seated) in.participants.emplace_back(p.name, p.post);
      in.mode = !o.responses.empty() ? "responses" : o.automatic ? "auto" : "nobody";
      for (const auto& imp : improvements) in.improvements.push_back({imp, "open", 0});
    }
    in.lang = lang;
    std::vector<std::string> written;
    if (!scoring::write_report_files(in, o.reports, o.csv, written, error)) return fail(error);
    for (const auto& w : written) std::cout << (lang == Lang::zh ? "报告：" : "Report: ") << w << '\n';
  }
  return code;
}

}  // namespace

void add_run(CLI::App& app) {
  static RunOptions o;
  auto* cmd = app.add_subcommand("run", "Run a drill headless, print its timeline, store, score and report it");
  cmd->add_option("scenario", o.scenario, "Scenario file (with --resume: the stored drill's)");
  auto* responses = cmd->add_option("--responses", o.responses, "Response file with the trainees' actions");
  cmd->add_flag("--auto", o.automatic, "Let the plan-following policy respond")->excludes(responses);
  cmd->add_option("--seed", o.seed, "Seed (default: the scenario's)");
  cmd->add_option("--journal", o.journal, "Write the journal (JSON lines) here");
  cmd->add_option("--lang", o.lang, "Language of the timeline and the report: zh or en")->check(CLI::IsMember({"zh", "en"}));
  cmd->add_option("--view", o.view, "facilitator (the truth too) or trainee")
      ->check(CLI::IsMember({"facilitator", "trainee"}));
  auto* db = cmd->add_option("--db", o.db, "Record store (default: $XDG_DATA_HOME/drillsim/drills.db)");
  cmd->add_flag("--no-db", o.no_db, "Do not store the drill")->excludes(db);
  cmd->add_option("--report", o.reports, "Write the after-action report: OUT.html or OUT.md (repeatable)");
  cmd->add_option("--csv", o.csv, "Write journal.csv and verdicts.csv into this folder");
  cmd->add_option("--rubric", o.rubric, "Scoring rubric (default: scenarios/rubric.yaml)");
  cmd->add_option("--facilitator", o.facilitator, "The facilitator's name, for the record");
  cmd->add_option("--participant", o.participants, "A participant and the post they play: NAME=POST (repeatable)");
  cmd->add_option("--date", o.date, "The day the drill took place, YYYY-MM-DD (default: today)");
  cmd->add_option("--speed", o.speed, "Timed mode: simulated seconds per wall second (e.g. 60); prints as it goes")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--resume", o.resume, "Resume a stored drill that was interrupted, by its id")->check(CLI::PositiveNumber);
  cmd->callback([] { set_exit_code(run(o)); });
}

}  // namespace drillsim::app

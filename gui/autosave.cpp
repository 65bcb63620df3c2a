// Autosave: the journal written through to the records store (else journal.jsonl), setup.yaml,
// clock, and a `finished` mark.
#include "gui/autosave.hpp"

#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "sim/world/replay.hpp"

namespace drillsim::gui {
namespace fs = std::filesystem;

namespace {
std::string default_state_dir() {
  if (const char* d = std::getenv("DRILLSIM_STATE_DIR"); d && *d) return d;
  if (const char* x = std::getenv("XDG_STATE_HOME"); x && *x) return std::string(x) + "/drillsim";
  if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.local/state/drillsim";
  return ".drillsim-state";
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

Autosave::Autosave(std::string dir, std::string store_path, records::Durability durability)
    : dir_(dir.empty() ? default_state_dir() : std::move(dir)) {
  if (store_path == "none") return;
  store_ = records::Store::open(store_path.empty() ? records::default_store_path() : store_path, store_error_,
                                durability);
}

std::string setup_to_yaml(const Model& m, const SessionSetup& s) {
  YAML::Emitter out;
  out << YAML::BeginMap;
  out << YAML::Key << "scenario" << YAML::Value << s.scenario_path;
  out << YAML::Key << "scenario_id" << YAML::Value << m.scenario.id;
  out << YAML::Key << "mode" << YAML::Value << (s.mode == DrillMode::timed ? "timed" : "tabletop");
  out << YAML::Key << "speed" << YAML::Value << s.speed;
  out << YAML::Key << "seed" << YAML::Value << s.seed;
  out << YAML::Key << "policy_plays_others" << YAML::Value << s.policy_plays_others;
  out << YAML::Key << "trainees_see_plan" << YAML::Value << s.trainees_see_plan;
  out << YAML::Key << "auto_advance" << YAML::Value << s.auto_advance;
  out << YAML::Key << "participants" << YAML::Value << YAML::BeginSeq;
  for (const Participant& p : s.participants) {
    out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << p.name;
    out << YAML::Key << "post" << YAML::Value << (p.post < m.organisation.posts.size() ? m.organisation.posts[p.post].id : "");
    out << YAML::Key << "role" << YAML::Value << (p.role == 1 ? "B" : "A") << YAML::EndMap;
  }
  out << YAML::EndSeq << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

bool setup_from_yaml(const std::string& yaml, const Model& m, SessionSetup& s, std::string* error) {
  try {
    YAML::Node n = YAML::Load(yaml);
    s.scenario_path = n["scenario"].as<std::string>("");
    s.mode = n["mode"].as<std::string>("tabletop") == "timed" ? DrillMode::timed : DrillMode::tabletop;
    s.speed = n["speed"].as<double>(1);
    s.seed = n["seed"].as<std::int64_t>(-1);
    s.policy_plays_others = n["policy_plays_others"].as<bool>(true);
    s.trainees_see_plan = n["trainees_see_plan"].as<bool>(true);
    s.auto_advance = n["auto_advance"].as<bool>(true);
    s.participants.clear();
    for (const auto& p : n["participants"]) {
      Participant part;
      part.name = p["name"].as<std::string>("");
      part.post = m.find_post(p["post"].as<std::string>(""));
      part.role = p["role"].as<std::string>("A") == "B" ? 1 : 0;
      if (part.post == no_ix) {
        if (error) *error = "the saved drill names a post the scenario no longer has: " + p["post"].as<std::string>("");
        return false;
      }
      s.participants.push_back(part);
    }
    return true;
  } catch (const std::exception& e) {
    if (error) *error = std::string("the saved setup cannot be read: ") + e.what();
    return false;
  }
}

Autosave::~Autosave() { stop(); }

bool Autosave::begin(DrillSession& session, const std::string& facilitator, std::string* error,
                     const SavedDrill* resumed) {
  stop();
  const Model& m = session.model();
  std::error_code ec;
  fs::create_directories(dir_, ec);
  fs::remove(fs::path(dir_) / "finished", ec);
  write_error_.clear();
  drill_id_ = 0;
  std::string why;
  if (store_) {
    if (resumed && resumed->drill_id > 0) {
      drill_id_ = resumed->drill_id;
    } else {
      records::DrillRecord r;
      r.held_on = records::today();
      r.started_at = records::now_utc();
      r.status = "running";
      r.plan_id = m.plan.id;
      r.plan_version = m.plan.version;
      r.plan_name = m.plan.name.zh;
      r.scenario_id = m.scenario.id;
      r.scenario_name = m.scenario.name.zh;
      r.scenario_path = fs::absolute(session.setup().scenario_path, ec).lexically_normal().string();
      r.mode = "live";
      r.seed = session.drill().seed();
      r.facilitator = facilitator;
      for (const Participant& p : session.setup().participants)
        if (p.post < m.organisation.posts.size()) r.participants.push_back({p.name, m.organisation.posts[p.post].id});
      if (!store_->begin_drill(r, why)) {
        if (error) *error = why;
        return false;
      }
      drill_id_ = r.id;
    }
  }
  {
    std::ofstream setup(fs::path(dir_) / "setup.yaml", std::ios::binary | std::ios::trunc);
    setup << "drill_id: " << drill_id_ << "\n" << setup_to_yaml(m, session.setup());
    if (!setup) {
      if (error) *error = "cannot write " + (fs::path(dir_) / "setup.yaml").string();
      return false;
    }
  }
  std::size_t already = resumed ? resumed->journal.size() : 0;
  if (!store_) {
    journal_.open(fs::path(dir_) / "journal.jsonl", std::ios::binary | (resumed ? std::ios::app : std::ios::trunc));
    if (!journal_) {
      if (error) *error = "cannot write " + (fs::path(dir_) / "journal.jsonl").string();
      return false;
    }
  } else {
    fs::remove(fs::path(dir_) / "journal.jsonl", ec);
  }
  last_clock_ = -1;
  session_ = &session;
  std::size_t count = 0;
  session.set_journal_sink([this, already, count](const JournalEntry& e) mutable {
    if (count++ < already) return;  // a resumed drill's replay: stored already
    if (store_) {
      if (write_error_.empty()) store_->append(drill_id_, e, write_error_);
    } else {
      journal_ << to_json(e) << '\n';
      journal_.flush();  // a crash loses at most the entry being written
    }
  });
  clock(session.drill().now());
  return true;
}

void Autosave::clock(SimTime now) {
  if (!session_ || now / 60 == last_clock_ / 60) return;
  last_clock_ = now;
  std::ofstream out(fs::path(dir_) / "clock", std::ios::trunc);
  out << now << '\n';
}

bool Autosave::finish(const scoring::ScoreSheet* sheet, const std::vector<scoring::Improvement>* items,
                      std::string* error) {
  if (!session_) return false;
  bool ok = write_error_.empty();
  std::string why = write_error_;
  if (store_ && drill_id_ > 0) {
    ok = ok && store_->finish_drill(drill_id_, why);
    if (ok && sheet)
      ok = store_->save_score(drill_id_, session_->model(), *sheet, items ? *items : std::vector<scoring::Improvement>{},
                              why);
  }
  std::ofstream(fs::path(dir_) / "finished") << "1\n";
  stop();
  if (!ok && error) *error = why;
  return ok;
}

void Autosave::stop() {
  if (session_) session_->set_journal_sink(nullptr);
  session_ = nullptr;
  if (journal_.is_open()) journal_.close();
}

bool Autosave::has_unfinished() const {
  std::error_code ec;
  return fs::exists(fs::path(dir_) / "setup.yaml", ec) && !fs::exists(fs::path(dir_) / "finished", ec);
}

std::optional<SavedDrill> Autosave::load(std::string* error) const {
  if (!has_unfinished()) return std::nullopt;
  SavedDrill saved;
  saved.setup_yaml = read_all(fs::path(dir_) / "setup.yaml");
  try {
    YAML::Node n = YAML::Load(saved.setup_yaml);
    saved.scenario_path = n["scenario"].as<std::string>("");
    saved.drill_id = n["drill_id"].as<std::int64_t>(0);
  } catch (const std::exception& e) {
    if (error) *error = std::string("setup.yaml: ") + e.what();
    return std::nullopt;
  }
  if (saved.drill_id > 0) {
    if (!store_) {
      if (error) *error = "the drill is in the records store, which cannot be opened: " + store_error_;
      return std::nullopt;
    }
    auto record = store_->drill(saved.drill_id);
    if (!record || record->status != "running") return std::nullopt;  // finished elsewhere, or gone
    std::string why;
    if (!store_->journal(saved.drill_id, saved.journal, why)) {
      if (error) *error = why;
      return std::nullopt;
    }
  } else {
    Diagnostics problems;
    // A crash can cut the last line short: keep every whole entry before it.
    read_journal((fs::path(dir_) / "journal.jsonl").string(), saved.journal, problems);
  }
  if (saved.journal.empty()) {
    if (error) *error = "the saved journal is empty";
    return std::nullopt;
  }
  std::string clock = read_all(fs::path(dir_) / "clock");
  saved.clock = clock.empty() ? 0 : std::atoll(clock.c_str());
  return saved;
}

void Autosave::discard() {
  stop();
  std::error_code ec;
  for (const char* f : {"setup.yaml", "journal.jsonl", "clock", "finished"}) fs::remove(fs::path(dir_) / f, ec);
}

}  // namespace drillsim::gui

// Autosave: setup.yaml, journal.jsonl (write-through), clock, and a `finished` mark.
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

Autosave::Autosave(std::string dir) : dir_(dir.empty() ? default_state_dir() : std::move(dir)) {}

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

bool Autosave::begin(DrillSession& session, std::string* error) {
  stop();
  std::error_code ec;
  fs::create_directories(dir_, ec);
  fs::remove(fs::path(dir_) / "finished", ec);
  {
    std::ofstream setup(fs::path(dir_) / "setup.yaml", std::ios::binary | std::ios::trunc);
    setup << setup_to_yaml(session.model(), session.setup());
    if (!setup) {
      if (error) *error = "cannot write " + (fs::path(dir_) / "setup.yaml").string();
      return false;
    }
  }
  journal_.open(fs::path(dir_) / "journal.jsonl", std::ios::binary | std::ios::trunc);
  if (!journal_) {
    if (error) *error = "cannot write " + (fs::path(dir_) / "journal.jsonl").string();
    return false;
  }
  last_clock_ = -1;
  session_ = &session;
  session.set_journal_sink([this](const JournalEntry& e) {
    journal_ << to_json(e) << '\n';
    journal_.flush();  // a crash loses at most the entry being written
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

void Autosave::finish() {
  if (!session_) return;
  std::ofstream(fs::path(dir_) / "finished") << "1\n";
  stop();
}

void Autosave::stop() {
  if (session_) session_->set_journal_sink(nullptr);
  session_ = nullptr;
  if (journal_.is_open()) journal_.close();
}

bool Autosave::has_unfinished() const {
  std::error_code ec;
  return fs::exists(fs::path(dir_) / "journal.jsonl", ec) && fs::exists(fs::path(dir_) / "setup.yaml", ec) &&
         !fs::exists(fs::path(dir_) / "finished", ec);
}

std::optional<SavedDrill> Autosave::load(std::string* error) const {
  if (!has_unfinished()) return std::nullopt;
  SavedDrill saved;
  saved.setup_yaml = read_all(fs::path(dir_) / "setup.yaml");
  try {
    saved.scenario_path = YAML::Load(saved.setup_yaml)["scenario"].as<std::string>("");
  } catch (const std::exception& e) {
    if (error) *error = std::string("setup.yaml: ") + e.what();
    return std::nullopt;
  }
  Diagnostics problems;
  if (!read_journal((fs::path(dir_) / "journal.jsonl").string(), saved.journal, problems)) {
    // A crash can cut the last line short: keep every whole entry before it.
    if (saved.journal.empty()) {
      if (error) *error = problems.empty() ? "the saved journal is empty" : problems.front().str();
      return std::nullopt;
    }
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

// Scanning folders for scenarios and their plans (names only).
#include "gui/scenario_library.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

namespace drillsim::gui {
namespace {

Text text_of(const YAML::Node& n) {
  Text t;
  if (!n) return t;
  if (n.IsScalar()) return Text{n.as<std::string>(), n.as<std::string>()};
  if (n["zh"]) t.zh = n["zh"].as<std::string>();
  if (n["en"]) t.en = n["en"].as<std::string>();
  return t;
}

// Whether a YAML file has `key:` at the top level (a line starting with it).
bool has_top_key(const std::filesystem::path& path, const std::string& key) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(key + ":", 0) == 0) return true;
  return false;
}

// Parses a file's head only: up to the first long list (injects, procedures ...), where the names
// the library shows have already been said. Falls back to the whole file.
YAML::Node load_head(const std::filesystem::path& path, std::initializer_list<const char*> stop_keys) {
  std::ifstream in(path, std::ios::binary);
  std::string head, line;
  while (std::getline(in, line)) {
    bool stop = false;
    for (const char* k : stop_keys)
      if (line.rfind(std::string("  ") + k + ":", 0) == 0) stop = true;
    if (stop) break;
    head += line;
    head += '\n';
  }
  try {
    return YAML::Load(head);
  } catch (const std::exception&) {
    return YAML::LoadFile(path.string());
  }
}

}  // namespace

std::vector<ScenarioEntry> scan_scenarios(const std::string& folder) {
  namespace fs = std::filesystem;
  std::vector<ScenarioEntry> out;
  std::map<std::string, Text> plan_names;
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return out;
  for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    if (!it->is_regular_file(ec) || (p.extension() != ".yaml" && p.extension() != ".yml")) continue;
    if (!has_top_key(p, "scenario")) continue;  // platforms, catalogs, plans: not parsed at all
    try {
      YAML::Node root = load_head(p, {"calendar", "injects", "objectives"});
      YAML::Node s = root["scenario"];
      if (!s || !s.IsMap()) continue;
      ScenarioEntry e;
      e.path = fs::weakly_canonical(p, ec).string();
      if (s["id"]) e.id = s["id"].as<std::string>();
      e.name = text_of(s["name"]);
      e.description = text_of(s["description"]);
      if (s["plan"]) {
        e.plan_path = fs::weakly_canonical(p.parent_path() / s["plan"].as<std::string>(), ec).string();
        auto known = plan_names.find(e.plan_path);
        if (known == plan_names.end()) {
          Text name;
          try {
            YAML::Node plan = load_head(e.plan_path, {"levels", "grading", "reporting", "procedures", "rules"});
            name = text_of(plan["plan"]["name"]);
            if (name.empty()) name = text_of(YAML::LoadFile(e.plan_path)["plan"]["name"]);
          } catch (const std::exception&) {
          }
          known = plan_names.emplace(e.plan_path, name).first;
        }
        e.plan_name = known->second;
      }
      out.push_back(std::move(e));
    } catch (const std::exception&) {
      continue;  // not YAML or not a scenario: the loader will say why if it is chosen
    }
  }
  std::sort(out.begin(), out.end(), [](const ScenarioEntry& a, const ScenarioEntry& b) { return a.path < b.path; });
  return out;
}

std::string shipped_scenarios_dir() {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory("scenarios", ec)) return fs::canonical("scenarios", ec).string();
  return (fs::path(DRILLSIM_SOURCE_DIR) / "scenarios").string();
}

std::string default_scenario_path() {
  return (std::filesystem::path(shipped_scenarios_dir()) / "000_sanmenxia/scenarios/network_cut_opening.yaml").string();
}

}  // namespace drillsim::gui

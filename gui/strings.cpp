// UI string tables: loading, lookup with a visible fallback, and the checks the tests make.
#include "gui/strings.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace drillsim::gui {

namespace {
bool load_table(const std::string& path, std::map<std::string, std::string, std::less<>>& out, std::string* error) {
  try {
    YAML::Node root = YAML::LoadFile(path);
    if (!root.IsMap()) {
      if (error) *error = path + ": not a map of key: text";
      return false;
    }
    for (const auto& kv : root) out[kv.first.as<std::string>()] = kv.second.as<std::string>();
    return true;
  } catch (const std::exception& e) {
    if (error) *error = path + ": " + e.what();
    return false;
  }
}
}  // namespace

bool Strings::load(const std::string& dir, std::string* error) {
  tables_[0].clear();
  tables_[1].clear();
  return load_table(dir + "/zh.yaml", tables_[0], error) && load_table(dir + "/en.yaml", tables_[1], error);
}

const char* Strings::get(std::string_view key, Lang lang) const {
  const auto& table = tables_[lang == Lang::en ? 1 : 0];
  auto it = table.find(key);
  if (it != table.end()) return it->second.c_str();
  return missing_.emplace(key).first->c_str();  // shows the key, and the tests see it
}

std::vector<std::string> Strings::unmatched_keys() const {
  std::vector<std::string> out;
  for (const auto& [k, v] : tables_[0])
    if (!tables_[1].count(k)) out.push_back("en: " + k);
  for (const auto& [k, v] : tables_[1])
    if (!tables_[0].count(k)) out.push_back("zh: " + k);
  return out;
}

std::vector<std::string> Strings::keys() const {
  std::vector<std::string> out;
  for (const auto& [k, v] : tables_[0]) out.push_back(k);
  return out;
}

std::string Strings::all_text() const {
  std::string out;
  for (const auto& table : tables_)
    for (const auto& [k, v] : table) out += v;
  return out;
}

Strings& strings() {
  static Strings s;
  return s;
}

std::string assets_dir() {
  if (const char* env = std::getenv("DRILLSIM_ASSETS"); env && *env) return env;
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(fs::path(DRILLSIM_SOURCE_DIR) / "assets/strings/zh.yaml", ec))
    return (fs::path(DRILLSIM_SOURCE_DIR) / "assets").string();
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec)
    for (fs::path p = exe.parent_path(); !p.empty() && p != p.root_path(); p = p.parent_path())
      if (fs::exists(p / "assets/strings/zh.yaml", ec)) return (p / "assets").string();
  return "assets";
}

}  // namespace drillsim::gui

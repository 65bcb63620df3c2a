// Finding a scenario file by its id: a cheap text search, confirmed by loading.
#include "scoring/locate.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace drillsim::scoring {
namespace {

bool names_id(const std::filesystem::path& file, const std::string& id) {
  std::ifstream in(file, std::ios::binary);
  std::string line;
  bool in_scenario = false;
  while (std::getline(in, line)) {
    if (line.rfind("scenario:", 0) == 0) in_scenario = true;
    if (!in_scenario) continue;
    std::size_t p = line.find("id:");
    if (p == std::string::npos || line.find_first_not_of(' ') != p) continue;
    std::string value = line.substr(p + 3);
    value.erase(0, value.find_first_not_of(" \"'"));
    value.erase(value.find_last_not_of(" \"'\r") + 1);
    return value == id;
  }
  return false;
}

}  // namespace

std::string find_scenario_file(const std::string& scenario_id, const std::vector<std::string>& roots) {
  namespace fs = std::filesystem;
  for (const std::string& root : roots) {
    std::error_code ec;
    fs::path base = fs::path(root) / "scenarios";
    if (!fs::is_directory(base, ec)) continue;
    std::vector<fs::path> candidates;
    for (const auto& seed : fs::directory_iterator(base, ec)) {
      if (!seed.is_directory()) continue;
      for (const fs::path& dir : {seed.path() / "scenarios", seed.path()}) {
        if (!fs::is_directory(dir, ec)) continue;
        for (const auto& f : fs::directory_iterator(dir, ec))
          if (f.path().extension() == ".yaml") candidates.push_back(f.path());
      }
    }
    std::sort(candidates.begin(), candidates.end());
    for (const fs::path& f : candidates)
      if (names_id(f, scenario_id)) return f.string();
  }
  return {};
}

}  // namespace drillsim::scoring

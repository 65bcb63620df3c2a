// Helpers for the MSEL tests: scratch copies of seed folders, the shipped scenarios, files as text,
// and the plan-following policy's journal of a scenario (two scenarios that load to the same model
// give the same journal).
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sim/load/loader.hpp"
#include "sim/world/plan_policy.hpp"
#include "tests/scratch_path.hpp"

namespace drillsim::test {

namespace fs = std::filesystem;

// A fresh, empty scratch folder under the temporary folder.
inline fs::path scratch_dir(const std::string& name) {
  fs::path dir = test_files::scratch_path("drillsim_msel_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// A copy of a whole seed folder (scenarios/002_beijing) in `dir`, so that relative paths hold.
inline fs::path copy_seed(const fs::path& dir, const std::string& seed) {
  const fs::path to = dir / seed;
  fs::copy(fs::path(DRILLSIM_SOURCE_DIR) / "scenarios" / seed, to, fs::copy_options::recursive);
  return to;
}

// Every shipped scenario: scenarios/*/scenarios/*.yaml, relative to the seed folder's parent
// ("002_beijing/scenarios/expert_absent.yaml"), sorted.
inline std::vector<std::string> shipped_scenarios() {
  std::vector<std::string> out;
  const fs::path root = fs::path(DRILLSIM_SOURCE_DIR) / "scenarios";
  for (const auto& seed : fs::directory_iterator(root)) {
    if (!seed.is_directory()) continue;
    const fs::path dir = seed.path() / "scenarios";
    if (!fs::is_directory(dir)) continue;
    for (const auto& f : fs::directory_iterator(dir))
      if (f.path().extension() == ".yaml")
        out.push_back((seed.path().filename() / "scenarios" / f.path().filename()).string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

inline std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

inline std::string problems_text(const Diagnostics& problems) {
  std::string out;
  for (const auto& p : problems) out += p.str() + "\n";
  return out;
}

// The journal of the plan-following policy on the scenario (JSON lines).
inline std::string policy_journal(const std::string& path) {
  LoadResult r = load_scenario(path);
  INFO(path << "\n" << problems_text(r.problems));
  REQUIRE(r.ok());
  Drill drill(r.model);
  PlanPolicy policy(*r.model);
  run_with_policy(drill, policy);
  return drill.journal().to_jsonl();
}

}  // namespace drillsim::test

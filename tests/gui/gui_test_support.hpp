// Shared helpers of the console's tests: shipped scenarios, loading, an ImGui context.
#pragma once

#include <doctest/doctest.h>
#include <imgui.h>

#include <filesystem>
#include <memory>
#include <string>

#include "gui/scenario_library.hpp"
#include "gui/strings.hpp"
#include "sim/load/loader.hpp"

namespace drillsim::gui::test {

inline std::string source_path(const std::string& relative) {
  return (std::filesystem::path(DRILLSIM_SOURCE_DIR) / relative).string();
}

inline std::string default_scenario() { return source_path("scenarios/000_sanmenxia/scenarios/network_cut_opening.yaml"); }

inline std::shared_ptr<const Model> load_or_fail(const std::string& path) {
  LoadResult r = load_scenario(path);
  std::string problems;
  for (const auto& p : r.problems) problems += p.str() + "\n";
  INFO(path << "\n" << problems);
  REQUIRE(r.ok());
  return r.model;
}

inline void load_strings() {
  std::string error;
  INFO(error);
  REQUIRE(strings().load(source_path("assets/strings"), &error));
}

// A Dear ImGui context for the duration of a test (no window: atlases build on the CPU).
struct ImGuiContextGuard {
  ImGuiContextGuard() {
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
  }
  ~ImGuiContextGuard() { ImGui::DestroyContext(); }
};

}  // namespace drillsim::gui::test

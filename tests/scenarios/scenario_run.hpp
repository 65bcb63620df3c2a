// Running shipped scenarios in tests: with the plan-following policy, with nobody responding, or a response file.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "sim/load/loader.hpp"
#include "sim/world/outcomes.hpp"
#include "sim/world/plan_policy.hpp"
#include "sim/world/responses.hpp"

namespace drillsim::test {

inline std::string scenario_path(const std::string& relative) {
  return std::string(DRILLSIM_SOURCE_DIR) + "/scenarios/" + relative;
}

// Every scenario of every seed, relative to scenarios/ (as scenario_path takes them), sorted.
inline std::vector<std::string> shipped_scenarios() {
  std::vector<std::string> out;
  const std::filesystem::path root = scenario_path("");
  for (const auto& seed : std::filesystem::directory_iterator(root)) {
    if (!seed.is_directory() || !std::filesystem::exists(seed.path() / "scenarios")) continue;
    for (const auto& f : std::filesystem::directory_iterator(seed.path() / "scenarios"))
      if (f.path().extension() == ".yaml") out.push_back(std::filesystem::relative(f.path(), root).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

inline std::shared_ptr<const Model> load_or_fail(const std::string& relative) {
  LoadResult r = load_scenario(scenario_path(relative));
  std::string problems;
  for (const auto& p : r.problems) problems += p.str() + "\n";
  INFO(problems);
  REQUIRE(r.ok());
  return r.model;
}

enum class Responders { policy, nobody };

inline std::unique_ptr<Drill> run_scenario(const std::string& relative, Responders who, std::uint64_t seed = 0) {
  auto model = load_or_fail(relative);
  DrillOptions options;
  if (seed) {
    options.seed = seed;
    options.seed_given = true;
  }
  auto drill = std::make_unique<Drill>(model, options);
  if (who == Responders::policy) {
    PlanPolicy policy(*model);
    run_with_policy(*drill, policy);
  } else {
    drill->advance_to(drill->end_time());
  }
  return drill;
}

inline std::unique_ptr<Drill> run_responses(const std::string& scenario, const std::string& responses) {
  auto model = load_or_fail(scenario);
  ResponseFile file;
  Diagnostics problems;
  REQUIRE(load_responses(scenario_path(responses), *model, file, problems));
  auto drill = std::make_unique<Drill>(model);
  run_with_responses(*drill, file);
  return drill;
}

// The outcome of the business event with this id ("pending" if there is none).
inline BusinessState business(const Drill& drill, const std::string& event_id) {
  Ix b = drill.model().find_business_event(event_id);
  REQUIRE_MESSAGE(b != no_ix, "no business event " << event_id);
  return drill.truth().business[b].state;
}

// The true health of a component, whether a fact is set, whether an action was ever done, by id.
inline Health health(const Drill& d, const std::string& component) {
  Ix c = d.model().find_component(component);
  REQUIRE_MESSAGE(c != no_ix, "no component " << component);
  return d.truth().components[c].health;
}

inline bool fact(const Drill& d, const std::string& id) {
  Ix f = d.model().find_fact(id);
  REQUIRE_MESSAGE(f != no_ix, "no fact " << id);
  return d.truth().facts[f] != 0;
}

inline bool done(const Drill& d, const std::string& action) {
  Ix a = d.model().find_action(action);
  REQUIRE_MESSAGE(a != no_ix, "no action " << action);
  return d.truth().done_count[a] > 0;
}

inline bool held(BusinessState s) {
  return s == BusinessState::held || s == BusinessState::held_fallback || s == BusinessState::delayed;
}

}  // namespace drillsim::test

// Helpers for the scoring tests: loading seed 000's drills, driving a drill by hand, scoring it.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "scoring/score.hpp"
#include "sim/load/loader.hpp"
#include "sim/world/plan_policy.hpp"
#include "sim/world/responses.hpp"

namespace drillsim::test {

inline std::string source(const std::string& relative) { return std::string(DRILLSIM_SOURCE_DIR) + "/" + relative; }

inline std::shared_ptr<const Model> load_model(const std::string& relative) {
  LoadResult r = load_scenario(source(relative));
  std::string problems;
  for (const auto& p : r.problems) problems += p.str() + "\n";
  INFO(problems);
  REQUIRE(r.ok());
  return r.model;
}

inline const scoring::Rubric& shipped_rubric() {
  static scoring::Rubric rubric = [] {
    scoring::Rubric r;
    Diagnostics problems;
    bool ok = scoring::load_rubric(source("scenarios/rubric.yaml"), r, problems);
    std::string text;
    for (const auto& p : problems) text += p.str() + "\n";
    INFO(text);
    REQUIRE(ok);
    return r;
  }();
  return rubric;
}

inline scoring::ScoreSheet score(const std::shared_ptr<const Model>& model, const std::vector<JournalEntry>& journal,
                                 const std::vector<scoring::Evaluation>& after = {}) {
  scoring::ScoreSheet sheet;
  std::string error;
  bool ok = scoring::score_journal(model, journal, shipped_rubric(), sheet, error, after);
  INFO(error);
  REQUIRE(ok);
  return sheet;
}

// One hand-made action: at a scenario time ("09:31"), by a post, optionally on a target.
struct Act {
  std::string at, post, action, target, actor;
};

// Drives a fresh drill: each action submitted at its time (in the order given), then to the end.
inline std::unique_ptr<Drill> drive(const std::shared_ptr<const Model>& model, const std::vector<Act>& acts,
                                    bool to_end = true) {
  const Model& m = *model;
  auto drill = std::make_unique<Drill>(model);
  for (const Act& a : acts) {
    SimTime t = 0;
    REQUIRE_MESSAGE(parse_scenario_time(a.at, m.scenario, t), a.at);
    drill->advance_to(t);
    Submission s;
    s.actor = a.actor;
    s.post = m.find_post(a.post);
    s.action = m.find_action(a.action);
    REQUIRE_MESSAGE(s.post != no_ix, a.post);
    REQUIRE_MESSAGE(s.action != no_ix, a.action);
    if (!a.target.empty()) {
      s.target = m.find_component(a.target);
      if (s.target == no_ix) s.target = m.find_level(a.target);
      s.target_id = a.target;
    }
    SubmitResult r = drill->submit(s);
    REQUIRE_MESSAGE(r.accepted, a.action << " at " << a.at << ": " << r.reason.en);
  }
  if (to_end) drill->advance_to(drill->end_time());
  return drill;
}

inline std::unique_ptr<Drill> run_policy(const std::shared_ptr<const Model>& model) {
  auto drill = std::make_unique<Drill>(model);
  PlanPolicy policy(*model);
  run_with_policy(*drill, policy);
  return drill;
}

inline std::unique_ptr<Drill> run_nobody(const std::shared_ptr<const Model>& model) {
  auto drill = std::make_unique<Drill>(model);
  drill->advance_to(drill->end_time());
  return drill;
}

// The step item of procedure/step ids (REQUIREs that the walk expected it).
inline const scoring::Item& step_item(const Model& m, const scoring::ScoreSheet& s, const std::string& procedure,
                                      const std::string& step) {
  Ix p = m.find_procedure(procedure);
  REQUIRE(p != no_ix);
  for (const auto& it : s.items) {
    if (it.kind == scoring::ItemKind::step && it.procedure == p && m.plan.procedures[p].steps[it.step].id == step)
      return it;
  }
  FAIL("no expected step " << procedure << "/" << step);
  return s.items.front();
}

inline std::vector<std::string> shipped_000_scenarios() {
  std::vector<std::string> out;
  for (const auto& f : std::filesystem::directory_iterator(source("scenarios/000_sanmenxia/scenarios")))
    if (f.path().extension() == ".yaml") out.push_back("scenarios/000_sanmenxia/scenarios/" + f.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

// Every scenario of every seed, as full paths, sorted.
inline std::vector<std::string> shipped_scenarios() {
  std::vector<std::string> out;
  for (const auto& seed : std::filesystem::directory_iterator(source("scenarios"))) {
    if (!seed.is_directory() || !std::filesystem::exists(seed.path() / "scenarios")) continue;
    for (const auto& f : std::filesystem::directory_iterator(seed.path() / "scenarios"))
      if (f.path().extension() == ".yaml") out.push_back(f.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

inline ResponseFile responses_or_fail(const std::string& path, const Model& model) {
  ResponseFile responses;
  Diagnostics problems;
  REQUIRE(load_responses(path, model, responses, problems));
  return responses;
}

// Every shipped response file with its scenario (same file name under the seed's scenarios/), as
// full paths: (responses, scenario).
inline std::vector<std::pair<std::string, std::string>> shipped_response_files() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& seed : std::filesystem::directory_iterator(source("scenarios"))) {
    if (!std::filesystem::exists(seed.path() / "responses")) continue;
    for (const auto& f : std::filesystem::directory_iterator(seed.path() / "responses")) {
      std::string scenario = (seed.path() / "scenarios" / f.path().filename()).string();
      if (std::filesystem::exists(scenario)) out.emplace_back(f.path().string(), scenario);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace drillsim::test

// Re-reading a stored drill: scenario, journal, score, report input.
#include "records/stored_drill.hpp"

#include "sim/load/loader.hpp"

namespace drillsim::records {

bool load_stored_drill(const Store& store, std::int64_t id, const scoring::Rubric& rubric, StoredDrill& out,
                       std::string& error, const std::string& scenario) {
  auto record = store.drill(id);
  if (!record) {
    error = store.path() + ": no drill " + std::to_string(id);
    return false;
  }
  out.record = *record;
  const std::string path = scenario.empty() ? record->scenario_path : scenario;
  LoadResult loaded = load_scenario(path);
  if (!loaded.ok()) {
    error = "drill " + std::to_string(id) + ": its scenario " + path + " does not load:";
    for (const auto& p : loaded.problems) error += "\n" + p.str();
    return false;
  }
  if (loaded.model->scenario.id != record->scenario_id) {
    error = path + ": is scenario '" + loaded.model->scenario.id + "', drill " + std::to_string(id) + " ran '" +
            record->scenario_id + "'";
    return false;
  }
  out.model = loaded.model;
  out.journal.clear();
  if (!store.journal(id, out.journal, error)) return false;
  if (out.journal.empty()) {
    error = store.path() + ": drill " + std::to_string(id) + " has no journal";
    return false;
  }
  std::string why;
  if (!scoring::score_journal(out.model, out.journal, rubric, out.sheet, why, store.observations(id))) {
    error = "drill " + std::to_string(id) + ": " + why;
    return false;
  }
  return true;
}

bool report_input(const Store& store, std::int64_t id, const std::shared_ptr<const Model>& model,
                  const scoring::ScoreSheet& sheet, scoring::ReportInput& out, std::string& error) {
  auto record = store.drill(id);
  if (!record) {
    error = store.path() + ": no drill " + std::to_string(id);
    return false;
  }
  out.model = model.get();
  out.sheet = &sheet;
  out.drill_id = id;
  out.held_on = record->held_on;
  out.facilitator = record->facilitator;
  out.mode = record->mode;
  out.participants.clear();
  for (const auto& p : record->participants) out.participants.emplace_back(p.name, p.post);
  out.improvements.clear();
  for (const StoredImprovement& s : store.improvements(id)) out.improvements.push_back({s.item, s.status, s.id});
  return true;
}

}  // namespace drillsim::records

// A stored drill brought back to life: its scenario loaded again, its journal re-scored, and the
// input of its after-action report (record, participants, improvement items with their status).
#pragma once

#include <memory>
#include <string>

#include "records/store.hpp"
#include "scoring/report.hpp"

namespace drillsim::records {

struct StoredDrill {
  DrillRecord record;
  std::shared_ptr<const Model> model;
  std::vector<JournalEntry> journal;
  scoring::ScoreSheet sheet;
};

// Loads the drill's scenario (from the path stored with it, or `scenario` when given), reads its
// journal and scores it (with the observations added after it). False with a reason.
bool load_stored_drill(const Store& store, std::int64_t id, const scoring::Rubric& rubric, StoredDrill& out,
                       std::string& error, const std::string& scenario = "");

// The report input of a stored drill; `model` and `sheet` must outlive it.
bool report_input(const Store& store, std::int64_t id, const std::shared_ptr<const Model>& model,
                  const scoring::ScoreSheet& sheet, scoring::ReportInput& out, std::string& error);

}  // namespace drillsim::records

// The improvement plan: a corrective action, the post responsible and a due date for each thing
// that went wrong in a drill (seed 003 §六.5: 事件总结报告; HSEEP improvement plan).
#pragma once

#include <string>
#include <vector>

#include "scoring/score.hpp"

namespace drillsim::scoring {

struct Improvement {
  std::string source;    // stable key of the finding, e.g. "step:p52_network_server/s3" (one item per finding)
  ItemKind kind = ItemKind::step;
  Text finding;          // what went wrong
  Text action;           // what to do about it
  std::string post;      // post id responsible for it ("" when the plan names none)
  std::string due;       // YYYY-MM-DD
};

// One item per verdict that calls for one (missed, partial, late, wrong post or out-of-order steps,
// limits broken, reports and declarations missing or late, rules broken, harmful actions, lost
// business, data or equipment), in the sheet's order; due `rubric.improvement_due_days` after
// `drill_date` (YYYY-MM-DD). A running drill's open items call for nothing yet.
std::vector<Improvement> improvements_of(const Model& model, const ScoreSheet& sheet, const Rubric& rubric,
                                         const std::string& drill_date);

// YYYY-MM-DD plus days; "" when the date is not one.
std::string add_days(const std::string& ymd, int days);

}  // namespace drillsim::scoring

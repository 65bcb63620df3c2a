// The scoring rubric: every weight the scorer uses, read from a YAML file (docs/scoring.md).
#pragma once

#include <string>

#include "sim/load/diagnostic.hpp"

namespace drillsim::scoring {

// The share of an item's points that each verdict keeps (0..1). Faults combine by product:
// a step done late by the wrong post keeps late × wrong_post.
struct Credit {
  double late = 0;
  double wrong_post = 0;
  double out_of_order = 0;
  double partial = 0;  // steps only: some of the expected actions done
};

// Points taken off for things that must not happen.
struct Penalties {
  double must_not = 0;           // each action a must_not rule forbids
  double must_first = 0;         // each action done before what a must_first rule puts first
  double harmful = 0;            // each action the catalog marks harmful
  double needless = 0;           // each action no expected step asked for
  double needless_max = 0;       // cap on all needless actions together
  double wrong_level = 0;        // each level declared that the truth never reached
  double resolved_late = 0;      // a procedure resolved after its `within`
  double unresolved = 0;         // a procedure not resolved by its `within` (and the drill went past it)
  double business_missed = 0;    // each business event missed
  double business_delayed = 0;   // each event held late, scaled by delay / grace (at most 1)
  double data_lost = 0;
  double equipment_lost = 0;     // each component destroyed
  double downtime_per_hour = 0;  // per hour of downtime of a component tagged `business`
};

// HSEEP ratings from the share of an objective's points: P at or above p, S at or above s,
// M at or above m, else U.
struct Hseep {
  double p = 0, s = 0, m = 0;
};

struct Rubric {
  std::string id;
  std::string version;
  std::string file;
  double step_points = 0;
  Credit step_credit;
  double report_points = 0;
  Credit report_credit;
  double grading_points = 0;
  Credit grading_credit;
  Penalties penalties;
  Hseep hseep;
  int improvement_due_days = 0;  // due date of an improvement item, from the drill's date
};

// Loads a rubric; false with every problem as file:line:col: message. Every weight is required:
// there are no weights in code.
bool load_rubric(const std::string& path, Rubric& out, Diagnostics& problems);

// The rubric shipped with drillsim: scenarios/rubric.yaml under the current directory if there is
// one, else under `source_dir` (the source tree the binary was built from).
std::string default_rubric_path(const std::string& source_dir);

// HSEEP rating for a share of points in 0..1 ('P', 'S', 'M', 'U').
char hseep_rating(const Hseep& h, double share);

}  // namespace drillsim::scoring

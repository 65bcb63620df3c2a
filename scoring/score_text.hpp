// A score sheet as plain text for the terminal: the verdicts, then the tallies.
#pragma once

#include <string>

#include "scoring/score.hpp"

namespace drillsim::scoring {

// Every item with its verdict and points, then the scores per procedure, post, group,
// participant, objective (with HSEEP ratings) and overall.
std::string score_text(const Model& model, const ScoreSheet& sheet, Lang lang);

// Two lines: the overall score and rating, and how many steps were missed, late or by the wrong post.
std::string score_summary(const ScoreSheet& sheet, Lang lang);

// "87.5" or "—" for a tally without possible points.
std::string percent_text(const Tally& tally);

}  // namespace drillsim::scoring

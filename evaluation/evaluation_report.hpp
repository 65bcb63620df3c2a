// The evaluation's outputs: a text table for the terminal and a self-contained HTML report.
#pragma once

#include <string>

#include "evaluation/monte_carlo.hpp"

namespace drillsim {

std::string evaluation_text(const EvaluationResult& result, Lang lang);
// HTML with inline SVG histograms and cumulative curves; no scripts, prints to PDF.
std::string evaluation_html(const EvaluationResult& result, Lang lang);

}  // namespace drillsim

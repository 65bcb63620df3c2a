// The text the console may show for a model, gathered for the glyph atlas and the glyph test.
#pragma once

#include <string>

#include "sim/model/model.hpp"

namespace drillsim::gui {

// Every Text of the model in both languages, and the descriptions the screens make of it
// (conditions, durations, posts).
std::string model_text(const Model& model);
// The words the engine's renderers add (timeline labels, states, reasons), from sample entries.
std::string engine_vocabulary(const Model& model);

}  // namespace drillsim::gui

// Filling placeholders such as {component} or {target} in bilingual texts.
#pragma once

#include <string>

#include "sim/model/basics.hpp"

namespace drillsim {

// Replaces every `{key}` in both languages with the matching language of value.
Text fill(const Text& text, std::string_view key, const Text& value);

}  // namespace drillsim

// Flow YAML for one spreadsheet cell: a distribution or a condition written inline
// ("{dist: uniform, min: 5m, max: 20m}", "{not_done: {action: x, by: \"10:20\"}}"), read into a
// DocNode and written back from one. The MSEL table and its CSV use it for the at, when and detail cells.
#pragma once

#include <string>
#include <string_view>

#include "authoring/document.hpp"

namespace drillsim::authoring {

// The node as one line of flow YAML. Texts keep their quotes when they had them, and get quotes
// when flow YAML needs them (commas, brackets, ": ", a leading indicator ...).
std::string flow_text(const DocNode& node);

// Reads a cell's YAML (with the loader's reader and checks) into a node whose maps and lists are all
// written inline. False with a reason (and the 1-based character column in the cell, 0 if unknown).
bool parse_flow(std::string_view text, DocNode& out, std::string& error, int& column);

// True when a text must be quoted to read back the same inside { } (conservative).
bool needs_flow_quotes(std::string_view text);

// True when `text` starts like flow YAML rather than a plain value: {, [, " or '.
bool looks_like_flow(std::string_view text);

}  // namespace drillsim::authoring

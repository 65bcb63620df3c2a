// Editing a DocNode tree by path, for the authoring screens: making a field that is not written yet,
// removing and moving list items, lists of ids. (Flow YAML of one field: authoring/flow_yaml.hpp.)
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "authoring/document.hpp"

namespace drillsim::gui {

// "a.b[3].c" -> {"a", "b", "[3]", "c"}.
std::vector<std::string> path_parts(std::string_view path);
// The last part of a path ("zh" of "scenario.name.zh"); the parent is authoring::parent_path.
std::string last_part(std::string_view path);
// "scenario.injects[3].at" -> 3 for "scenario.injects" (no_index when the path is not under it).
constexpr std::size_t no_index = static_cast<std::size_t>(-1);
std::size_t index_under(std::string_view path, std::string_view list_path);
// a is path or an ancestor of it.
bool path_within(std::string_view path, std::string_view ancestor);

// The node at path, made when missing (maps get the key; a list gets an item when the index is its
// size; a scalar on the way to "zh"/"en" becomes the TEXT map {zh: old}). nullptr when impossible.
authoring::DocNode* ensure_at(authoring::DocNode& root, std::string_view path);
// Removes the node at path from its map or list; false when it is not there.
bool erase_at(authoring::DocNode& root, std::string_view path);
// Swaps list items i and j of the list at path; false when out of range.
bool swap_items(authoring::DocNode& root, std::string_view list_path, std::size_t i, std::size_t j);

// The texts of a list of scalars (ids), and back (a flow list).
std::vector<std::string> scalar_items(const authoring::DocNode* list);
authoring::DocNode id_list(const std::vector<std::string>& ids);

}  // namespace drillsim::gui

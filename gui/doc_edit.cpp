// Path helpers for editing DocNode trees in the authoring screens.
#include "gui/doc_edit.hpp"

#include <algorithm>
#include <cstdlib>

namespace drillsim::gui {

using authoring::DocNode;

std::vector<std::string> path_parts(std::string_view path) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < path.size();) {
    if (path[i] == '.') {
      ++i;
    } else if (path[i] == '[') {
      std::size_t close = std::min(path.find(']', i), path.size() - 1);
      out.emplace_back(path.substr(i, close - i + 1));
      i = close + 1;
    } else {
      std::size_t end = std::min(path.find_first_of(".[", i), path.size());
      out.emplace_back(path.substr(i, end - i));
      i = end;
    }
  }
  return out;
}

std::string last_part(std::string_view path) {
  std::vector<std::string> parts = path_parts(path);
  return parts.empty() ? std::string() : parts.back();
}

std::size_t index_under(std::string_view path, std::string_view list_path) {
  if (path.size() <= list_path.size() + 2 || path.substr(0, list_path.size()) != list_path ||
      path[list_path.size()] != '[')
    return no_index;
  std::size_t close = path.find(']', list_path.size());
  if (close == std::string_view::npos) return no_index;
  std::string digits(path.substr(list_path.size() + 1, close - list_path.size() - 1));
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) return no_index;
  return static_cast<std::size_t>(std::strtoull(digits.c_str(), nullptr, 10));
}

bool path_within(std::string_view path, std::string_view ancestor) {
  if (ancestor.empty()) return true;
  if (path.substr(0, ancestor.size()) != ancestor) return false;
  return path.size() == ancestor.size() || path[ancestor.size()] == '.' || path[ancestor.size()] == '[';
}

DocNode* ensure_at(DocNode& root, std::string_view path) {
  DocNode* n = &root;
  for (const std::string& part : path_parts(path)) {
    if (part.front() == '[') {
      std::size_t i = static_cast<std::size_t>(std::strtoull(part.c_str() + 1, nullptr, 10));
      if (n->is_null()) *n = DocNode::list();
      if (!n->is_sequence()) return nullptr;
      if (i == n->items.size()) n->items.emplace_back();
      if (i >= n->items.size()) return nullptr;
      n = &n->items[i];
      continue;
    }
    if (n->is_scalar() && (part == "zh" || part == "en")) {  // a plain TEXT is Chinese
      DocNode text = DocNode::map(true);
      text.set("zh", DocNode::text(n->value, n->quoted));
      *n = std::move(text);
    }
    if (n->is_null()) *n = DocNode::map();
    if (!n->is_map()) return nullptr;
    DocNode* child = n->find(part);
    n = child ? child : &n->set(part, DocNode{});
  }
  return n;
}

bool erase_at(DocNode& root, std::string_view path) {
  DocNode* parent = node_at(root, authoring::parent_path(path));
  std::string last = last_part(path);
  if (!parent || last.empty()) return false;
  if (last.front() == '[') {
    std::size_t i = static_cast<std::size_t>(std::strtoull(last.c_str() + 1, nullptr, 10));
    if (!parent->is_sequence() || i >= parent->items.size()) return false;
    parent->items.erase(parent->items.begin() + static_cast<long>(i));
    return true;
  }
  return parent->erase(last);
}

bool swap_items(DocNode& root, std::string_view list_path, std::size_t i, std::size_t j) {
  DocNode* list = node_at(root, list_path);
  if (!list || !list->is_sequence() || i >= list->items.size() || j >= list->items.size()) return false;
  std::swap(list->items[i], list->items[j]);
  return true;
}

std::vector<std::string> scalar_items(const DocNode* list) {
  std::vector<std::string> out;
  if (!list) return out;
  if (list->is_scalar()) {
    out.push_back(list->value);
    return out;
  }
  for (const DocNode& item : list->items)
    if (item.is_scalar()) out.push_back(item.value);
  return out;
}

DocNode id_list(const std::vector<std::string>& ids) {
  DocNode list = DocNode::list(true);
  for (const auto& id : ids) list.items.push_back(DocNode::text(id));
  return list;
}

}  // namespace drillsim::gui

// The editable document tree: DocNode's map helpers and equality, paths ("a.b[3].c") and
// Document's top-level accessors. Reading is in document_read.cpp, writing in document_emit.cpp.
#include "authoring/document.hpp"

#include <charconv>

namespace drillsim::authoring {

DocNode DocNode::text(std::string v, bool quoted) {
  DocNode node;
  node.kind = Kind::scalar;
  node.value = std::move(v);
  node.quoted = quoted;
  return node;
}

DocNode DocNode::map(bool flow) {
  DocNode node;
  node.kind = Kind::map;
  node.flow = flow;
  return node;
}

DocNode DocNode::list(bool flow) {
  DocNode node;
  node.kind = Kind::sequence;
  node.flow = flow;
  return node;
}

const DocNode* DocNode::find(std::string_view key) const {
  if (kind != Kind::map) return nullptr;
  for (std::size_t i = 0; i < keys.size() && i < items.size(); ++i)
    if (keys[i] == key) return &items[i];
  return nullptr;
}

DocNode* DocNode::find(std::string_view key) {
  return const_cast<DocNode*>(static_cast<const DocNode*>(this)->find(key));
}

DocNode& DocNode::set(std::string_view key, DocNode v) {
  if (kind == Kind::null) {
    kind = Kind::map;
    value.clear();
  }
  if (DocNode* existing = find(key)) {
    if (v.comment.empty()) v.comment = std::move(existing->comment);
    if (v.trailing.empty()) v.trailing = std::move(existing->trailing);
    *existing = std::move(v);
    return *existing;
  }
  keys.emplace_back(key);
  items.push_back(std::move(v));
  return items.back();
}

bool DocNode::erase(std::string_view key) {
  if (kind != Kind::map) return false;
  for (std::size_t i = 0; i < keys.size() && i < items.size(); ++i) {
    if (keys[i] != key) continue;
    keys.erase(keys.begin() + static_cast<std::ptrdiff_t>(i));
    items.erase(items.begin() + static_cast<std::ptrdiff_t>(i));
    return true;
  }
  return false;
}

std::string DocNode::get(std::string_view key, std::string_view fallback) const {
  const DocNode* child = find(key);
  if (child && child->is_scalar()) return child->value;
  return std::string(fallback);
}

bool operator==(const DocNode& a, const DocNode& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case DocNode::Kind::null:
      return true;
    case DocNode::Kind::scalar:
      return a.value == b.value;
    case DocNode::Kind::sequence:
      return a.items == b.items;
    case DocNode::Kind::map:
      return a.keys == b.keys && a.items == b.items;
  }
  return false;
}

// ---- paths ---------------------------------------------------------------------------------------

DocPath child_path(std::string_view parent, std::string_view key) {
  DocPath path(parent);
  if (!path.empty()) path += '.';
  path += key;
  return path;
}

DocPath item_path(std::string_view parent, std::size_t index) {
  DocPath path(parent);
  path += '[';
  path += std::to_string(index);
  path += ']';
  return path;
}

DocPath parent_path(std::string_view path) {
  if (path.empty()) return {};
  if (path.back() == ']') {
    const auto open = path.rfind('[');
    return open == std::string_view::npos ? DocPath() : DocPath(path.substr(0, open));
  }
  // The last '.' outside brackets; keys with dots make this a guess, which is fine for "up".
  const auto dot = path.rfind('.');
  return dot == std::string_view::npos ? DocPath() : DocPath(path.substr(0, dot));
}

namespace {

// One step down from `node` along `rest`; consumes what it used. Null when there is no such child.
const DocNode* step(const DocNode& node, std::string_view& rest) {
  if (rest.front() == '[') {
    const auto close = rest.find(']');
    if (close == std::string_view::npos || !node.is_sequence()) return nullptr;
    std::size_t index = 0;
    const char* first = rest.data() + 1;
    const char* last = rest.data() + close;
    auto [end, ec] = std::from_chars(first, last, index);
    if (ec != std::errc() || end != last || first == last || index >= node.items.size()) return nullptr;
    rest.remove_prefix(close + 1);
    return &node.items[index];
  }
  if (rest.front() == '.') rest.remove_prefix(1);
  if (!node.is_map()) return nullptr;
  // The longest key that the path continues with (keys may hold dots or brackets).
  const DocNode* best = nullptr;
  std::size_t best_size = 0;
  for (std::size_t i = 0; i < node.keys.size() && i < node.items.size(); ++i) {
    const std::string& key = node.keys[i];
    if (rest.substr(0, key.size()) != key) continue;
    const bool ends = rest.size() == key.size() || rest[key.size()] == '.' || rest[key.size()] == '[';
    if (ends && (!best || key.size() > best_size)) {
      best = &node.items[i];
      best_size = key.size();
    }
  }
  if (best) rest.remove_prefix(best_size);
  return best;
}

}  // namespace

const DocNode* node_at(const DocNode& root, std::string_view path) {
  const DocNode* node = &root;
  while (node && !path.empty()) node = step(*node, path);
  return node;
}

DocNode* node_at(DocNode& root, std::string_view path) {
  return const_cast<DocNode*>(node_at(static_cast<const DocNode&>(root), path));
}

// ---- Document ------------------------------------------------------------------------------------

std::string Document::kind() const {
  if (!root.is_map() || root.keys.empty()) return {};
  return root.keys[0];
}

DocNode* Document::body() { return root.is_map() && !root.items.empty() ? &root.items[0] : nullptr; }

const DocNode* Document::body() const {
  return root.is_map() && !root.items.empty() ? &root.items[0] : nullptr;
}

}  // namespace drillsim::authoring

// Reporting problems, checking a map's fields, and reading scalars and lists from the tree.
#include <charconv>
#include <cmath>
#include <unordered_map>

#include <fmt/format.h>

#include "sim/load/context_internal.hpp"

namespace drillsim::load_detail {

void FileCtx::error(const YNode& at, std::string message) const { error(at.line, at.column, std::move(message)); }

void FileCtx::error(int line, int column, std::string message) const {
  if (out.size() < max_problems)
    out.push_back({file, line, column, std::move(message)});
  else if (out.size() == max_problems)
    out.push_back({file, 0, 0, fmt::format("too many problems: only the first {} are listed", max_problems)});
}

Fields::Fields(const FileCtx& ctx, const YNode& node, std::string_view what,
               std::initializer_list<std::string_view> allowed)
    : ctx_(ctx), node_(node), what_(what) {
  check(std::vector<std::string_view>(allowed));
}

Fields::Fields(const FileCtx& ctx, const YNode& node, std::string_view what,
               const std::vector<std::string_view>& allowed)
    : ctx_(ctx), node_(node), what_(what) {
  check(allowed);
}

void Fields::check(const std::vector<std::string_view>& allowed) {
  if (!node_.is_map()) {
    ctx_.error(node_, fmt::format("expected a map ({}), got {}", what_, kind_name(node_)));
    return;
  }
  ok_ = true;
  for (std::size_t i = 0; i < node_.keys.size(); ++i) {
    const YNode& key = node_.keys[i];
    bool known = false;
    for (std::string_view a : allowed) known = known || key.value == a;
    if (known) continue;
    // In {a: x, b} a stray comma makes a key of what follows it: say so.
    const bool stray_comma = node_.flow && node_.items[i].is_null();
    ctx_.error(key,
               fmt::format("unknown field '{}' in {} (allowed: {}){}", key.value, what_, fmt::join(allowed, ", "),
                           stray_comma ? "; inside { } a comma ends a value: put text with commas in quotes" : ""));
  }
}

const YNode* Fields::require(std::string_view key) const {
  if (!ok_) return nullptr;
  const YNode* found = node_.find(key);
  if (!found) ctx_.error(node_, fmt::format("missing required field '{}' in {}", key, what_));
  return found;
}

std::string read_string(const FileCtx& ctx, const YNode& node, std::string_view what) {
  if (node.is_null()) return {};
  if (!node.is_scalar()) {
    ctx.error(node, fmt::format("expected {} as a single value, got {}", what, kind_name(node)));
    return {};
  }
  return node.value;
}

bool is_valid_id(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string read_id(const FileCtx& ctx, const YNode& node, std::string_view kind) {
  if (!node.is_scalar()) {
    ctx.error(node, fmt::format("expected a {} id, got {}", kind, kind_name(node)));
    return {};
  }
  if (!is_valid_id(node.value))
    ctx.error(node, fmt::format("'{}' is not a valid {} id (use letters, digits, _ . - only)", node.value, kind));
  return node.value;
}

Text read_text(const FileCtx& ctx, const YNode& node) {
  Text text;
  if (node.is_null()) return text;
  if (node.is_scalar()) {
    text.zh = node.value;
    return text;
  }
  Fields f(ctx, node, "a text {zh, en}", {"zh", "en"});
  if (!f.ok()) return text;
  if (const YNode* zh = f.get("zh")) text.zh = read_string(ctx, *zh, "the Chinese text");
  if (const YNode* en = f.get("en")) text.en = read_string(ctx, *en, "the English text");
  return text;
}

bool read_bool(const FileCtx& ctx, const YNode& node, bool& out) {
  if (node.is_scalar() && !node.quoted) {
    const std::string& v = node.value;
    if (v == "true" || v == "True" || v == "TRUE") {
      out = true;
      return true;
    }
    if (v == "false" || v == "False" || v == "FALSE") {
      out = false;
      return true;
    }
  }
  ctx.error(node,
            fmt::format("expected true or false, got {}", node.is_scalar() ? "'" + node.value + "'" : kind_name(node)));
  return false;
}

bool read_number(const FileCtx& ctx, const YNode& node, double& out) {
  if (node.is_scalar()) {
    const std::string& v = node.value;
    const char* first = v.data();
    const char* last = v.data() + v.size();
    if (first != last && *first == '+') ++first;
    double value = 0;
    auto [end, ec] = std::from_chars(first, last, value);
    if (ec == std::errc() && end == last && first != last && std::isfinite(value)) {
      out = value;
      return true;
    }
  }
  ctx.error(node,
            fmt::format("expected a number, got {}", node.is_scalar() ? "'" + node.value + "'" : kind_name(node)));
  return false;
}

bool read_integer(const FileCtx& ctx, const YNode& node, long long& out) {
  if (node.is_scalar()) {
    const std::string& v = node.value;
    const char* first = v.data();
    const char* last = v.data() + v.size();
    if (first != last && *first == '+') ++first;
    long long value = 0;
    auto [end, ec] = std::from_chars(first, last, value);
    if (ec == std::errc() && end == last && first != last) {
      out = value;
      return true;
    }
  }
  ctx.error(node, fmt::format("expected a whole number, got {}",
                              node.is_scalar() ? "'" + node.value + "'" : kind_name(node)));
  return false;
}

std::vector<const YNode*> read_list(const FileCtx& ctx, const YNode& node, std::string_view what) {
  std::vector<const YNode*> items;
  if (node.is_null()) return items;
  if (node.is_scalar()) {
    items.push_back(&node);
    return items;
  }
  if (!node.is_sequence()) {
    ctx.error(node, fmt::format("expected a list ({}), got {}", what, kind_name(node)));
    return items;
  }
  items.reserve(node.items.size());
  for (const YNode& item : node.items) items.push_back(&item);
  return items;
}

std::vector<std::string> read_string_list(const FileCtx& ctx, const YNode& node, std::string_view what) {
  std::vector<std::string> out;
  for (const YNode* item : read_list(ctx, node, what)) {
    std::string s = read_string(ctx, *item, what);
    if (!s.empty()) out.push_back(std::move(s));
  }
  return out;
}

std::vector<std::string> collect_ids(const FileCtx& ctx, const std::vector<const YNode*>& items,
                                     std::string_view kind) {
  std::vector<std::string> ids(items.size());
  std::unordered_map<std::string, int> seen;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const YNode* id = items[i]->find("id");
    if (!id) continue;
    ids[i] = read_id(ctx, *id, kind);
    if (ids[i].empty()) continue;
    auto [it, fresh] = seen.emplace(ids[i], id->line);
    if (!fresh)
      ctx.error(*id, fmt::format("duplicate {} id '{}' (first defined on line {})", kind, ids[i], it->second));
  }
  return ids;
}

}  // namespace drillsim::load_detail

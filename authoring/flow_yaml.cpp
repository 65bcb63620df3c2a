// Flow YAML for one spreadsheet cell: reading with the loader's reader, writing inline.
#include "authoring/flow_yaml.hpp"

#include <cstdio>

#include "sim/load/yaml_tree_internal.hpp"

namespace drillsim::authoring {

namespace {

std::string double_quoted(std::string_view s);

}  // namespace

bool needs_flow_quotes(std::string_view s) {
  if (s.empty()) return true;
  if (s == "~" || s == "null" || s == "Null" || s == "NULL") return true;
  if (s.front() == ' ' || s.back() == ' ' || s.back() == ':') return true;
  if (std::string_view(",[]{}#&*!|>'\"%@`").find(s.front()) != std::string_view::npos) return true;
  if ((s.front() == '-' || s.front() == '?' || s.front() == ':') && (s.size() == 1 || s[1] == ' ')) return true;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f) return true;
    if (c == ',' || c == '[' || c == ']' || c == '{' || c == '}') return true;
    if (c == '?') return true;  // yaml-cpp misreads "a? b" and "a?" inside { }
    if (c == ':' && i + 1 < s.size() && s[i + 1] == ' ') return true;
    if (c == '#' && i > 0 && s[i - 1] == ' ') return true;
  }
  return false;
}

namespace {

std::string double_quoted(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  out += '"';
  return out;
}

std::string scalar_text(std::string_view value, bool quoted) {
  return quoted || needs_flow_quotes(value) ? double_quoted(value) : std::string(value);
}

DocNode from_tree(const load_detail::YNode& y) {
  DocNode n;
  switch (y.kind) {
    case load_detail::YNode::Kind::null:
      break;
    case load_detail::YNode::Kind::scalar:
      n = DocNode::text(y.value, y.quoted);
      break;
    case load_detail::YNode::Kind::sequence:
      n = DocNode::list(true);
      for (const auto& item : y.items) n.items.push_back(from_tree(item));
      break;
    case load_detail::YNode::Kind::map:
      n = DocNode::map(true);
      for (std::size_t i = 0; i < y.keys.size(); ++i) {
        n.keys.push_back(y.keys[i].value);
        n.items.push_back(from_tree(y.items[i]));
      }
      break;
  }
  return n;
}

}  // namespace

std::string flow_text(const DocNode& node) {
  switch (node.kind) {
    case DocNode::Kind::null:
      return "null";
    case DocNode::Kind::scalar:
      return scalar_text(node.value, node.quoted);
    case DocNode::Kind::sequence: {
      std::string out = "[";
      for (std::size_t i = 0; i < node.items.size(); ++i) {
        if (i) out += ", ";
        out += flow_text(node.items[i]);
      }
      return out + "]";
    }
    case DocNode::Kind::map: {
      std::string out = "{";
      for (std::size_t i = 0; i < node.keys.size() && i < node.items.size(); ++i) {
        if (i) out += ", ";
        out += scalar_text(node.keys[i], false);
        out += ": ";
        out += flow_text(node.items[i]);
      }
      return out + "}";
    }
  }
  return {};
}

bool looks_like_flow(std::string_view text) {
  return !text.empty() && (text.front() == '{' || text.front() == '[' || text.front() == '"' || text.front() == '\'');
}

bool parse_flow(std::string_view text, DocNode& out, std::string& error, int& column) {
  Diagnostics problems;
  auto tree = load_detail::parse_yaml_text(text, "cell", problems);
  if (!problems.empty() || !tree) {
    if (problems.empty()) {
      error = "not YAML";
      column = 0;
    } else {
      error = problems.front().message;
      column = problems.front().line <= 1 ? problems.front().column : 0;
    }
    return false;
  }
  out = from_tree(*tree);
  return true;
}

}  // namespace drillsim::authoring

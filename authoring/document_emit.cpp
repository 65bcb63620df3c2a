// Writing a Document as YAML in one canonical style: block maps and lists with 2-space indents,
// "- " list items (a map item starts on the dash's line), flow {a: b} / [a, b] where a node was
// flow, texts plain when that reads back the same and double-quoted otherwise. UTF-8 is written
// as is. Comment lines read with an entry or item are written above it. While writing, the
// position of every node is noted (Emitted::places, Emitted::lines).
#include <algorithm>
#include <cstdio>
#include <iterator>
#include <string>

#include "authoring/document.hpp"

namespace drillsim::authoring {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// True when `s` must be quoted to read back as the same text (conservative: quoting is always safe).
bool needs_quotes(std::string_view s, bool in_flow) {
  if (s.empty()) return true;
  if (s == "~" || s == "null" || s == "Null" || s == "NULL") return true;  // would read as nothing
  if (std::string_view(" \t-?:,[]{}#&*!|>'\"%@`").find(s.front()) != std::string_view::npos) return true;
  if (s.back() == ' ' || s.back() == '\t') return true;
  if (starts_with(s, "...")) return true;
  if (s.back() == ':') return true;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) return true;  // line breaks, tabs, control characters
    if (c == ':' && (in_flow || s[i + 1] == ' ')) return true;     // "a: b" reads as a map
    if (c == '#' && (s[i - 1] == ' ' || s[i - 1] == '\t')) return true;  // "a #b" ends in a comment
    if (in_flow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}')) return true;
  }
  // Unicode line breaks and the byte-order mark.
  for (std::string_view odd : {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBB\xBF"})
    if (s.find(odd) != std::string_view::npos) return true;
  return false;
}

void append_quoted(std::string& out, std::string_view s) {
  out += '"';
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        continue;
      case '\\':
        out += "\\\\";
        continue;
      case '\n':
        out += "\\n";
        continue;
      case '\t':
        out += "\\t";
        continue;
      case '\r':
        out += "\\r";
        continue;
      default:
        break;
    }
    if (u < 0x20 || u == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(u));
      out += buf;
      continue;
    }
    const std::string_view rest = s.substr(i);
    if (starts_with(rest, "\xC2\x85")) {
      out += "\\u0085";  // not \N: yaml-cpp 0.7 reads that as a Latin-1 byte
      ++i;
    } else if (starts_with(rest, "\xE2\x80\xA8")) {
      out += "\\u2028";
      i += 2;
    } else if (starts_with(rest, "\xE2\x80\xA9")) {
      out += "\\u2029";
      i += 2;
    } else if (starts_with(rest, "\xEF\xBB\xBF")) {
      out += "\\uFEFF";
      i += 2;
    } else {
      out += c;
    }
  }
  out += '"';
}

class Writer {
 public:
  Emitted result;

  void document(const DocNode& root) {
    switch (root.kind) {
      case DocNode::Kind::null:
        return;
      case DocNode::Kind::scalar:
        place("");
        scalar(root, false);
        newline();
        return;
      case DocNode::Kind::map:
        if (root.items.empty()) break;
        block_map(root, "", 0, false);
        return;
      case DocNode::Kind::sequence:
        if (root.items.empty()) break;
        block_list(root, "", 0);
        return;
    }
    place("");
    flow(root, "");
    newline();
  }

 private:
  std::string& out = result.text;
  int line_ = 1;
  int column_ = 1;  // in characters, of the next character written

  void write(std::string_view s) {
    out += s;
    for (char c : s)
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column_;
  }
  void indent(int n) { write(std::string(static_cast<std::size_t>(n), ' ')); }
  void newline() {
    out += '\n';
    ++line_;
    column_ = 1;
  }
  // Notes where `path` starts; the first node noted on a line names the line, unless it does not
  // `claim` it (a list starts at its first dash, but that line is its first item's).
  void place(const DocPath& path, bool claim = true) {
    if (claim && (result.lines.empty() || result.lines.back().first != line_)) result.lines.emplace_back(line_, path);
    result.places.push_back({line_, column_, path});
  }

  void scalar(const DocNode& node, bool in_flow) {
    std::string text;
    if (node.quoted || needs_quotes(node.value, in_flow))
      append_quoted(text, node.value);
    else
      text = node.value;
    write(text);
  }

  void key(std::string_view k, bool in_flow) {
    std::string text;
    if (needs_quotes(k, in_flow))
      append_quoted(text, k);
    else
      text = k;
    write(text);
  }

  static bool long_key(std::string_view k) { return k.size() > 500; }

  static bool inline_form(const DocNode& node) {
    return (node.is_map() || node.is_sequence()) && (node.flow || node.items.empty());
  }

  // A node's comment lines, at the indentation of the entry or item they precede.
  void comment(const DocNode& node, int indent_by) {
    std::string_view rest = node.comment;
    while (!rest.empty()) {
      const std::size_t end = rest.find('\n');
      std::string_view line = rest.substr(0, end);
      rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
      while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
      while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
      if (!line.empty()) {
        indent(indent_by);
        if (line.front() != '#') write("# ");
        write(line);
      }
      newline();
    }
  }

  // The comment ending the line an entry or item starts on.
  void trailing(const DocNode& node) {
    if (node.trailing.empty()) return;
    write("  ");
    if (node.trailing.front() != '#') write("# ");
    write(node.trailing);
  }

  // After "key:" or "-": the value, through the end of its last line.
  void block_value(const DocNode& node, const DocPath& path, int indent_of_key) {
    if (node.is_null()) {
      trailing(node);
      newline();
      return;
    }
    if (node.is_scalar()) {
      write(" ");
      place(path);
      scalar(node, false);
      trailing(node);
      newline();
      return;
    }
    if (inline_form(node)) {
      write(" ");
      place(path);
      flow(node, path);
      trailing(node);
      newline();
      return;
    }
    trailing(node);
    newline();
    if (node.is_map())
      block_map(node, path, indent_of_key + 2, false);
    else
      block_list(node, path, indent_of_key + 2);
  }

  // A block map; `on_dash_line`: the first key follows "- " already written.
  void block_map(const DocNode& map, const DocPath& path, int indent_by, bool on_dash_line) {
    for (std::size_t i = 0; i < map.keys.size() && i < map.items.size(); ++i) {
      if (i > 0 || !on_dash_line) {
        comment(map.items[i], indent_by);  // (the first entry on a dash line has the item's)
        indent(indent_by);
      }
      if (i == 0 && !path.empty()) place(path, on_dash_line);  // the map starts at its first key
      const DocPath entry = child_path(path, map.keys[i]);
      place(entry);
      if (long_key(map.keys[i])) {
        // YAML allows at most 1024 characters in a key written the usual way: "? key" then ": value".
        write("? ");
        key(map.keys[i], false);
        newline();
        indent(indent_by);
      } else {
        key(map.keys[i], false);
      }
      write(":");
      block_value(map.items[i], entry, indent_by);
    }
  }

  void block_list(const DocNode& list, const DocPath& path, int indent_by) {
    for (std::size_t i = 0; i < list.items.size(); ++i) {
      const DocNode& item = list.items[i];
      const DocPath at = item_path(path, i);
      comment(item, indent_by);
      indent(indent_by);
      if (i == 0 && !path.empty()) place(path, false);  // the list starts at its first dash
      if (item.is_null()) {
        place(at);
        write("-");
        trailing(item);
        newline();
      } else if (item.is_map() && !inline_form(item)) {
        write("- ");
        block_map(item, at, indent_by + 2, true);
      } else if (item.is_sequence() && !inline_form(item)) {
        write("-");
        place(at);
        trailing(item);
        newline();
        block_list(item, at, indent_by + 2);
      } else {
        write("-");
        block_value(item, at, indent_by);
      }
    }
  }

  // A node on one line, inside { } or [ ] or as a flow value.
  void flow(const DocNode& node, const DocPath& path) {
    switch (node.kind) {
      case DocNode::Kind::null:
        write("~");
        return;
      case DocNode::Kind::scalar:
        scalar(node, true);
        return;
      case DocNode::Kind::map:
        write("{");
        for (std::size_t i = 0; i < node.keys.size() && i < node.items.size(); ++i) {
          if (i > 0) write(", ");
          const DocPath entry = child_path(path, node.keys[i]);
          place(entry);
          if (long_key(node.keys[i])) write("? ");
          key(node.keys[i], true);
          write(": ");
          place(entry);
          flow(node.items[i], entry);
        }
        write("}");
        return;
      case DocNode::Kind::sequence:
        write("[");
        for (std::size_t i = 0; i < node.items.size(); ++i) {
          if (i > 0) write(", ");
          const DocPath at = item_path(path, i);
          place(at);
          flow(node.items[i], at);
        }
        write("]");
        return;
    }
  }
};

bool before_or_at(const Emitted::Place& p, int line, int column) {
  return p.line < line || (p.line == line && p.column <= column);
}

}  // namespace

Emitted emit(const Document& doc) {
  Writer writer;
  writer.document(doc.root);
  return std::move(writer.result);
}

std::string header_text(const Document& doc) {
  std::string header;
  std::string_view rest = doc.header;
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && line[first] != '#') header += "# ";  // made in the editor
    header += line;
    header += '\n';
  }
  return header;
}

std::string saved_text(const Document& doc) { return header_text(doc) + emit(doc).text; }

DocPath Emitted::path_at(int line) const {
  auto it = std::upper_bound(lines.begin(), lines.end(), line,
                             [](int l, const std::pair<int, DocPath>& entry) { return l < entry.first; });
  if (it == lines.begin()) return {};
  return std::prev(it)->second;
}

DocPath Emitted::path_at(int line, int column) const {
  if (column <= 0) return path_at(line);
  auto it = std::partition_point(places.begin(), places.end(),
                                 [&](const Place& p) { return before_or_at(p, line, column); });
  if (it == places.begin()) return {};
  --it;
  // Several nodes starting at the same place (a list item and its first key): the outermost.
  while (it != places.begin() && std::prev(it)->line == it->line && std::prev(it)->column == it->column) --it;
  return it->path;
}

int Emitted::line_of(std::string_view path) const {
  DocPath wanted(path);
  while (true) {
    for (const Place& p : places)
      if (p.path == wanted) return p.line;
    if (wanted.empty()) return 0;
    wanted = parent_path(wanted);
  }
}

}  // namespace drillsim::authoring

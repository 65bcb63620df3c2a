// Reading a Document: the loader's safe YAML reader (size, UTF-8, nesting, no aliases, no
// duplicate keys) gives a YNode tree, which becomes a DocNode tree; the file's leading comment
// lines are kept as its header, comment lines inside it with the entry or item they precede, and
// the comment ending a line with the entry or item that line starts.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "authoring/document.hpp"
#include "sim/load/yaml_tree_internal.hpp"

namespace drillsim::authoring {

namespace {

using load_detail::YNode;

// The text's lines, and which comment lines go with which node. Comment lines (and blank lines)
// just above a map entry or a list item belong to it; `floor_` is the last line known to hold
// content, so that a "#" line inside a multi-line text is never taken for a comment.
class Comments {
 public:
  Comments(std::string_view text, int header_lines) : floor_(header_lines) {
    std::size_t pos = 0;
    while (pos <= text.size()) {
      const std::size_t end = text.find('\n', pos);
      lines_.push_back(text.substr(pos, (end == std::string_view::npos ? text.size() : end) - pos));
      if (end == std::string_view::npos) break;
      pos = end + 1;
    }
  }

  // The comment lines between the last content and `line`; `line` is content from now on.
  std::string take(int line) {
    int first = line;
    while (first - 1 > floor_ && first - 1 >= 1 && is_comment_or_blank(first - 1)) --first;
    std::string comment;
    bool blank_pending = false;
    for (int l = first; l < line; ++l) {
      const std::string_view text = trimmed(l);
      if (text.empty()) {
        blank_pending = true;  // several blank lines are kept as one
        continue;
      }
      if (blank_pending) comment += '\n';
      blank_pending = false;
      comment += text;
      comment += '\n';
    }
    if (blank_pending) comment += '\n';
    content(line);
    return comment;
  }

  void content(int line) { floor_ = std::max(floor_, line); }

  // The comment ending `line` ("# why", trailing blanks cut), or empty: a '#' after a space or a
  // tab, outside quoted texts. A quote opens a text only where a key or a value starts (after a
  // ':', '-', '?', ',', '[' or '{', or at the start), so that "don't" is no quote; a text still
  // open at the end of the line has no comment there.
  std::string trailing(int line) const {
    if (line < 1 || line > static_cast<int>(lines_.size())) return {};
    const std::string_view text = line_text(line);
    char last = 0;  // the last character that was not a blank
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (c == '#' && i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) {
        std::string_view comment = text.substr(i);
        while (!comment.empty() && (comment.back() == ' ' || comment.back() == '\t' || comment.back() == '\r'))
          comment.remove_suffix(1);
        return std::string(comment);
      }
      if ((c == '"' || c == '\'') && (last == 0 || std::string_view(":-?,[{").find(last) != std::string_view::npos)) {
        const std::size_t j = closing_quote(text, i + 1, c);
        if (j == std::string_view::npos) return {};
        i = j;
        last = c;
        continue;
      }
      if (c != ' ' && c != '\t') last = c;
    }
    return {};
  }

  // A quoted or block text may span lines: they are content.
  void scalar(const YNode& node) {
    content(node.line);
    if (!node.quoted || node.line < 1 || node.line > static_cast<int>(lines_.size())) return;
    const std::string_view first = line_text(node.line);
    const std::size_t at = byte_of_column(first, node.column);
    if (at >= first.size()) return;
    const char open = first[at];
    if (open == '"' || open == '\'') {
      content(closing_quote_line(node.line, at, open));
    } else if (open == '|' || open == '>') {
      const std::size_t indent = first.find_first_not_of(' ');
      for (int l = node.line + 1; l <= static_cast<int>(lines_.size()); ++l) {
        const std::string_view text = line_text(l);
        const std::size_t own = text.find_first_not_of(" \t\r");
        if (own == std::string_view::npos) continue;  // blank: may belong to either
        if (text.find_first_not_of(' ') <= indent) break;
        content(l);
      }
    }
  }

 private:
  std::vector<std::string_view> lines_;
  int floor_;

  std::string_view line_text(int line) const { return lines_[static_cast<std::size_t>(line - 1)]; }

  std::string_view trimmed(int line) const {
    std::string_view text = line_text(line);
    const std::size_t first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    text.remove_prefix(first);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
    return text;
  }

  bool is_comment_or_blank(int line) const {
    const std::string_view text = trimmed(line);
    return text.empty() || text.front() == '#';
  }

  // The byte offset of a 1-based character column.
  static std::size_t byte_of_column(std::string_view text, int column) {
    int seen = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
      if (++seen == column) return i;
    }
    return text.size();
  }

  // Where, from `from` on, the text closes the quote it is in (npos: not on this line).
  static std::size_t closing_quote(std::string_view text, std::size_t from, char quote) {
    for (std::size_t i = from; i < text.size(); ++i) {
      if (quote == '"' && text[i] == '\\') {
        ++i;
      } else if (text[i] == quote) {
        if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
          ++i;  // '' is a quote inside single quotes
          continue;
        }
        return i;
      }
    }
    return std::string_view::npos;
  }

  // The line of the quote that closes the one at (line, at).
  int closing_quote_line(int line, std::size_t at, char quote) const {
    for (int l = line; l <= static_cast<int>(lines_.size()); ++l)
      if (closing_quote(line_text(l), l == line ? at + 1 : 0, quote) != std::string_view::npos) return l;
    return line;
  }
};

DocNode convert(YNode&& in, Comments& comments, bool in_flow) {
  DocNode out;
  out.line = in.line;
  out.flow = in.flow;
  out.quoted = in.quoted;
  in_flow = in_flow || in.flow;
  switch (in.kind) {
    case YNode::Kind::null:
      out.kind = DocNode::Kind::null;
      break;
    case YNode::Kind::scalar:
      out.kind = DocNode::Kind::scalar;
      comments.scalar(in);
      out.value = std::move(in.value);
      break;
    case YNode::Kind::sequence:
      out.kind = DocNode::Kind::sequence;
      break;
    case YNode::Kind::map:
      out.kind = DocNode::Kind::map;
      out.keys.reserve(in.keys.size());
      for (YNode& key : in.keys) out.keys.push_back(std::move(key.value));
      break;
  }
  out.items.reserve(in.items.size());
  for (std::size_t i = 0; i < in.items.size(); ++i) {
    std::string comment, trailing;
    const bool is_map = in.kind == YNode::Kind::map;
    const int line = is_map ? in.keys[i].line : in.items[i].line;
    // A list item written as a block map or list starts with its first entry or item, on the same
    // line: the comment ending that line is theirs. An empty item has no line of its own to read.
    const YNode& item = in.items[i];
    const bool opens_block = !is_map && !item.flow &&
                             (item.kind == YNode::Kind::map || item.kind == YNode::Kind::sequence) && !item.items.empty();
    const bool empty_item = !is_map && item.kind == YNode::Kind::null;
    if (!in_flow) {
      comment = comments.take(line);
      if (!opens_block && !empty_item) trailing = comments.trailing(line);
    }
    out.items.push_back(convert(std::move(in.items[i]), comments, in_flow));
    out.items.back().comment = std::move(comment);
    out.items.back().trailing = std::move(trailing);
  }
  return out;
}

// The comment lines at the top of the text (blank lines between them included), each ending in '\n'.
std::string leading_comments(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::size_t pos = 0;
  std::size_t header_end = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    const std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
    std::string_view line = text.substr(pos, (end == std::string_view::npos ? text.size() : end) - pos);
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) {
      pos = next;  // blank: part of the header only when another comment follows
      continue;
    }
    if (line[first] != '#') break;
    header_end = next;
    pos = next;
  }
  std::string header(text.substr(0, header_end));
  if (!header.empty() && header.back() != '\n') header += '\n';
  return header;
}

}  // namespace

bool parse_document(std::string_view text, const std::string& path, Document& out, Diagnostics& problems) {
  const std::size_t before = problems.size();
  auto tree = load_detail::parse_yaml_text(text, path, problems);
  if (!tree || problems.size() != before) {
    if (problems.size() == before) problems.push_back({path, 0, 0, "cannot read this file as YAML"});
    return false;
  }
  Document doc;
  doc.path = path;
  doc.header = leading_comments(text);
  Comments comments(text, static_cast<int>(std::count(doc.header.begin(), doc.header.end(), '\n')));
  doc.root = convert(std::move(*tree), comments, false);
  out = std::move(doc);
  return true;
}

bool read_document(const std::string& path, Document& out, Diagnostics& problems) {
  std::string text;
  if (!load_detail::read_file_text(path, path, text, problems)) return false;
  return parse_document(text, path, out, problems);
}

}  // namespace drillsim::authoring

// Checks on the raw text of a file before yaml-cpp sees it: binary data, UTF-8, nesting depth.
//
// The nesting pre-scan exists because yaml-cpp's parser recurses once per level: a file of
// 100,000 '[' would otherwise be parsed (and refused late) by deep recursion. It is an estimate
// that never counts more levels than the document has (indentation steps plus flow brackets),
// so real files are never refused by mistake; the tree builder then checks the exact depth.
#include <algorithm>
#include <cstdint>

#include <fmt/format.h>

#include "sim/load/yaml_tree_internal.hpp"

namespace drillsim::load_detail {

bool valid_utf8(std::string_view s, std::size_t& bad) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1Fu;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0Fu;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07u;
    } else {
      bad = i;
      return false;
    }
    if (i + len > n) {
      bad = i;
      return false;
    }
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0u) != 0x80u) {
        bad = i;
        return false;
      }
      cp = (cp << 6) | (p[i + k] & 0x3Fu);
    }
    const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      bad = i;
      return false;
    }
    i += len;
  }
  return true;
}

void position_of(std::string_view text, std::size_t offset, int& line, int& column) {
  offset = std::min(offset, text.size());
  line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  // A byte-order mark is not a character of the first line.
  if (line_start == 0 && text.substr(0, 3) == "\xEF\xBB\xBF" && offset >= 3) line_start = 3;
  column = 1;
  for (std::size_t i = line_start; i < offset; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0u) != 0x80u) ++column;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  // A byte-order mark is not a character of the first line.
  starts_.push_back(text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts_.push_back(i + 1);
}

void LineIndex::position_of(std::size_t offset, int& line, int& column) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const std::size_t index = it == starts_.begin() ? 0 : static_cast<std::size_t>(it - starts_.begin()) - 1;
  line = static_cast<int>(index) + 1;
  column = 1;
  for (std::size_t i = starts_[index]; i < offset; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0u) != 0x80u) ++column;
}

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// State of the nesting pre-scan across lines.
struct NestingScan {
  std::string_view text;
  int limit;
  std::vector<int> indents;   // columns of the open block nodes
  int flow = 0;               // open [ and {
  char quote = 0;             // inside a quoted scalar spanning lines
  bool block_scalar = false;  // inside the lines of a | or > scalar
  int block_indent = 0;       // ... which end at a line indented this much or less
  bool node_start = true;     // the next character may start a node
  bool exceeded = false;
  std::size_t where = 0;

  int peak = 0;  // the deepest point so far

  void note_depth(std::size_t offset) {
    if (exceeded) return;
    peak = std::max(peak, static_cast<int>(indents.size()) + flow);
    if (peak > limit) {
      exceeded = true;
      where = offset;
    }
  }

  // Scans the content of one line from `i`: quotes, flow brackets, comments, block scalars.
  void scan_content(std::string_view ln, std::size_t i, std::size_t line_offset, int line_indent) {
    while (i < ln.size() && !exceeded) {
      const char c = ln[i];
      if (quote) {
        if (quote == '"' && c == '\\') {
          i += 2;
          continue;
        }
        if (c == quote) {
          if (quote == '\'' && i + 1 < ln.size() && ln[i + 1] == '\'') {
            i += 2;
            continue;
          }
          quote = 0;
          node_start = false;
        }
        ++i;
        continue;
      }
      if (is_blank(c)) {
        ++i;
        continue;
      }
      if (c == '#' && (i == 0 || is_blank(ln[i - 1]))) return;  // comment
      if (node_start) {
        if (c == '"' || c == '\'') {
          quote = c;
          ++i;
          continue;
        }
        if (c == '&' || c == '*' || c == '!') {  // anchor, alias or tag before a node
          while (i < ln.size() && !is_blank(ln[i])) ++i;
          continue;
        }
        if (c == '[' || c == '{') {
          ++flow;
          note_depth(line_offset + i);
          ++i;
          continue;
        }
        if ((c == '|' || c == '>') && flow == 0) {
          block_scalar = true;
          block_indent = line_indent;
          return;
        }
        if (c == '-' && flow == 0 && (i + 1 == ln.size() || is_blank(ln[i + 1]))) {
          indents.push_back(static_cast<int>(i));
          note_depth(line_offset + i);
          ++i;
          continue;
        }
      }
      if (flow > 0) {
        if (c == '[' || c == '{') {
          ++flow;
          note_depth(line_offset + i);
          node_start = true;
        } else if (c == ']' || c == '}') {
          --flow;
          node_start = false;
        } else if (c == ',' || c == ':' || c == '?') {
          node_start = true;
        } else {
          node_start = false;
        }
      } else if (c == ':' && (i + 1 == ln.size() || is_blank(ln[i + 1]))) {
        node_start = true;
      } else {
        node_start = false;
      }
      ++i;
    }
  }

  void scan_line(std::string_view ln, std::size_t line_offset) {
    if (!ln.empty() && ln.back() == '\r') ln.remove_suffix(1);
    std::size_t indent = 0;
    while (indent < ln.size() && ln[indent] == ' ') ++indent;
    const bool blank = indent == ln.size() || ln[indent] == '#' || ln[indent] == '\t';
    if (block_scalar) {
      if (blank || static_cast<int>(indent) > block_indent) return;
      block_scalar = false;
    }
    if (quote || flow > 0) {
      scan_content(ln, 0, line_offset, static_cast<int>(indent));
      return;
    }
    if (blank) return;
    if (indent == 0 && (ln.substr(0, 3) == "---" || ln.substr(0, 3) == "...") && (ln.size() == 3 || is_blank(ln[3]))) {
      indents.clear();
      node_start = true;
      scan_content(ln, 3, line_offset, 0);
      return;
    }
    while (!indents.empty() && indents.back() >= static_cast<int>(indent)) indents.pop_back();
    indents.push_back(static_cast<int>(indent));
    note_depth(line_offset + indent);
    node_start = true;
    // "- - x" and "- key: v" open a node per indicator; scan_content counts the dashes.
    scan_content(ln, indent, line_offset, static_cast<int>(indent));
  }
};

}  // namespace

int scan_nesting(std::string_view text, int limit, int& line, int& column) {
  NestingScan scan{text, limit};
  std::size_t start = 0;
  while (start <= text.size() && !scan.exceeded) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    scan.scan_line(text.substr(start, end - start), start);
    if (end == text.size()) break;
    start = end + 1;
  }
  if (scan.exceeded) {
    position_of(text, scan.where, line, column);
    return limit + 1;
  }
  return std::min(scan.peak, limit + 1);
}

bool check_text(std::string_view text, const std::string& file, Diagnostics& out) {
  // Binary data: NUL and other control characters never appear in a text file.
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      int line = 0, column = 0;
      position_of(text, i, line, column);
      out.push_back({file, line, column,
                     fmt::format("binary data (byte 0x{:02X}): this is not a YAML text file{}", c,
                                 c == 0 ? " (UTF-16? save it as UTF-8)" : "")});
      return false;
    }
  }
  // UTF-8: the first bad byte of each line (its column is exact: what precedes it is valid),
  // for the first few lines (a GBK file would have thousands).
  std::size_t offset = 0;
  int reported = 0;
  std::size_t bad = 0;
  while (offset < text.size() && !valid_utf8(text.substr(offset), bad)) {
    const std::size_t at = offset + bad;
    if (reported < 10) {
      int line = 0, column = 0;
      position_of(text, at, line, column);
      out.push_back({file, line, column,
                     fmt::format("invalid UTF-8 (byte 0x{:02X}); save the file as UTF-8, not GBK",
                                 static_cast<unsigned char>(text[at]))});
    }
    ++reported;
    const std::size_t line_end = text.find('\n', at);
    if (line_end == std::string_view::npos) break;
    offset = line_end + 1;
  }
  if (reported > 10)
    out.push_back({file, 0, 0, fmt::format("... and {} more lines with invalid UTF-8", reported - 10)});
  if (reported > 0) return false;
  int line = 0, column = 0;
  if (scan_nesting(text, max_nesting, line, column) > max_nesting) {
    out.push_back({file, line, column, fmt::format("nesting deeper than {} levels; the file is refused", max_nesting)});
    return false;
  }
  return true;
}

}  // namespace drillsim::load_detail

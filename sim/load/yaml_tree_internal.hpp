// A parsed YAML document as a plain tree with 1-based line/column positions (private to sim/load).
// The text is checked first (size, binary data, UTF-8, nesting) and anchors/aliases are refused,
// so every tree the reader returns is small, finite and made of valid UTF-8 strings.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/load/diagnostic.hpp"

namespace drillsim::load_detail {

struct YNode {
  enum class Kind : unsigned char { null, scalar, sequence, map };
  Kind kind = Kind::null;
  int line = 0;              // 1-based
  int column = 0;            // 1-based, in characters
  bool quoted = false;       // scalar written in quotes (or as a block scalar)
  bool flow = false;         // map or list written inline: {a: 1} or [a, b]
  std::string value;         // scalar
  std::vector<YNode> keys;   // map: scalar keys, parallel to items
  std::vector<YNode> items;  // sequence items, or map values

  bool is_null() const { return kind == Kind::null; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_sequence() const { return kind == Kind::sequence; }
  bool is_map() const { return kind == Kind::map; }
  // Map lookup (nullptr when absent or not a map).
  const YNode* find(std::string_view key) const;
};

const char* kind_name(const YNode& node);  // "a text", "a list", "a map", "nothing"

constexpr std::size_t max_file_bytes = 4u * 1024u * 1024u;
constexpr int max_nesting = 64;

// Checks raw text before it reaches yaml-cpp: binary data, UTF-8, nesting depth (pre-scan).
// Appends problems (positions are 1-based line/column in characters); true when the text is fine.
bool check_text(std::string_view text, const std::string& file, Diagnostics& out);

// Estimated block/flow nesting depth of a YAML text; when it exceeds `limit`, line/column of
// the first place that does (1-based). Returns the estimate, capped at limit + 1.
int scan_nesting(std::string_view text, int limit, int& line, int& column);

// True when `s` is well-formed UTF-8; otherwise `bad` is the byte offset of the first bad byte.
bool valid_utf8(std::string_view s, std::size_t& bad);

// Reads and parses one YAML file, appending its problems to `out`. Returns nullopt when there is
// no tree to check further. When `open_error` is given and the file cannot be opened at all, the
// reason goes there instead of `out` (the caller reports it where the file is named).
std::optional<YNode> read_yaml_file(const std::string& path, const std::string& shown_name, Diagnostics& out,
                                    std::string* open_error = nullptr);

// Parses YAML text already in memory (used by read_yaml_file, by tests and for unsaved texts).
std::optional<YNode> parse_yaml_text(std::string_view text, const std::string& shown_name, Diagnostics& out);

// Reads a file's raw text with read_yaml_file's checks (exists, regular file, size limit), without
// parsing it. False with the reason in `out` (or in `open_error`, as for read_yaml_file).
bool read_file_text(const std::string& path, const std::string& shown_name, std::string& text, Diagnostics& out,
                    std::string* open_error = nullptr);

// 1-based line and character column of a byte offset in `text` (scans from the start).
void position_of(std::string_view text, std::size_t offset, int& line, int& column);

// The same for many offsets: line starts are indexed once.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  void position_of(std::size_t offset, int& line, int& column) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;  // byte offset of each line's first character
};

}  // namespace drillsim::load_detail

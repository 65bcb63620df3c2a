// An editable YAML document: maps (keys in order), lists and texts, read with the loader's own
// safety checks and written back in one canonical style. The scenario and plan editors, the MSEL
// spreadsheet import and the undo history all work on this tree; nothing here knows the schema.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/load/diagnostic.hpp"

namespace drillsim::authoring {

struct DocNode {
  enum class Kind : std::uint8_t { null, scalar, sequence, map };
  Kind kind = Kind::null;
  bool flow = false;              // written inline: {a: 1} or [a, b]
  bool quoted = false;            // the text was written in quotes (kept: "09:00" stays a text)
  std::string value;              // scalar
  std::vector<std::string> keys;  // map: keys, parallel to items
  std::vector<DocNode> items;     // list items, or map values
  int line = 0;                   // 1-based line it was read from (0: made in the editor)
  std::string comment;            // comment lines just above this map entry or list item, each ending
                                  // in '\n', without indentation ("# why\n"; "\n" is a blank line);
                                  // written back in block style (lost inside { } and [ ])
  std::string trailing;           // the comment ending the line this entry or item starts on ("# why"),
                                  // written back there (lost inside { } and [ ] over several lines)

  static DocNode text(std::string v, bool quoted = false);
  static DocNode map(bool flow = false);
  static DocNode list(bool flow = false);

  bool is_null() const { return kind == Kind::null; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_sequence() const { return kind == Kind::sequence; }
  bool is_map() const { return kind == Kind::map; }

  // Map access (nullptr when absent or not a map).
  const DocNode* find(std::string_view key) const;
  DocNode* find(std::string_view key);
  // Sets a map entry (replaces it in place, or appends it); makes a null node a map first.
  // A replaced entry keeps its comments unless `value` has its own.
  DocNode& set(std::string_view key, DocNode value);
  bool erase(std::string_view key);
  // The text of a scalar child, or `fallback`.
  std::string get(std::string_view key, std::string_view fallback = {}) const;

  // Same structure and texts (line, flow, quoted and comment are presentation, not content).
  friend bool operator==(const DocNode& a, const DocNode& b);
};

// Where a node is: "scenario.injects[3].message.text.zh" (keys joined by '.', list items by [i]).
using DocPath = std::string;
const DocNode* node_at(const DocNode& root, std::string_view path);
DocNode* node_at(DocNode& root, std::string_view path);
// Building paths: child_path("a.b", "c") == "a.b.c", child_path("", "a") == "a",
// item_path("a.b", 3) == "a.b[3]". A key may itself hold dots: node_at matches the longest key.
DocPath child_path(std::string_view parent, std::string_view key);
DocPath item_path(std::string_view parent, std::size_t index);
// The path one level up ("a.b[3]" -> "a.b", "a.b" -> "a", "a" -> ""); "" for "".
DocPath parent_path(std::string_view path);

struct Document {
  std::string path;    // the file it is read from and saved to
  std::string header;  // the comment lines at the top of the file, kept as written (with '#')
  DocNode root;        // a map with one key: organisation, platform, catalog, plan or scenario
  // The top-level kind ("scenario", "plan", ...), or empty.
  std::string kind() const;
  DocNode* body();     // root.items[0], or nullptr
  const DocNode* body() const;
};

// Reads a file (the loader's checks: size, UTF-8, nesting, no aliases). False with problems.
bool read_document(const std::string& path, Document& out, Diagnostics& problems);
// The same from text already in memory, as if it were the file `path`.
bool parse_document(std::string_view text, const std::string& path, Document& out, Diagnostics& problems);

// The document as YAML text, and for each line that starts a node, the path of that node
// (so that a loader problem at line L can be taken back to the field it is about).
struct Emitted {
  std::string text;
  std::vector<std::pair<int, DocPath>> lines;  // (1-based line, path), ascending by line; the path is
                                               // the first node written on that line ("- id: x": the item)
  // Where each node (and each map key, under its entry's path) starts, in writing order:
  // 1-based line and column in characters, as the loader counts them.
  struct Place {
    int line = 0;
    int column = 0;
    DocPath path;
  };
  std::vector<Place> places;
  // The path of the innermost node that starts at or before `line` (empty when none).
  DocPath path_at(int line) const;
  // More precise, for a loader problem at line:column: the node (or key) written last at or before
  // that position; when several start there (a list item and its first key), the outermost.
  DocPath path_at(int line, int column) const;
  // The line where `path` (or its nearest written ancestor) starts; 0 when unknown.
  int line_of(std::string_view path) const;
};
Emitted emit(const Document& doc);
// The header, each of its lines starting with '#' and ending with a newline (as save writes it).
std::string header_text(const Document& doc);
// The whole file as saved: header_text(doc) + emit(doc).text.
std::string saved_text(const Document& doc);

}  // namespace drillsim::authoring

// The state of loading one file and the helpers every file kind uses (private to sim/load):
// where problems go, checking a map's fields, reading scalars, lists, ids and references.
//
// Sections
//   FileCtx      one file being loaded into the shared Model; error reporting
//   Fields       the keys of one YAML map: unknown and missing fields
//   scalars      strings, ids, texts, booleans, numbers, lists
//   references   ids of other objects resolved to indices, with "did you mean" hints
#pragma once

#include <array>
#include <initializer_list>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

#include "sim/load/diagnostic.hpp"
#include "sim/load/yaml_tree_internal.hpp"
#include "sim/model/model.hpp"

namespace drillsim::load_detail {

// ---- FileCtx ---------------------------------------------------------------------------------

// Ids of one kind -> index, rebuilt when the number of objects of that kind changes (ids are
// registered all at once, before any reference to them is resolved).
struct IdIndex {
  static constexpr std::size_t kinds = 14;
  std::array<std::unordered_map<std::string, Ix>, kinds> maps;
  std::array<std::size_t, kinds> sizes;
  IdIndex() { sizes.fill(static_cast<std::size_t>(-1)); }
};

// A file with thousands of problems is not helped by listing them all.
constexpr std::size_t max_problems = 1000;

// An {observed: {action, result}} condition, checked once every action's observations are read.
struct ObservedUse {
  const YNode* at = nullptr;
  Ix action = no_ix;
  std::string result;
};

struct FileCtx {
  std::string file;  // as shown in messages
  Diagnostics& out;
  Model& model;
  bool quiet_refs = false;  // the files below failed to load: unknown references are not reported
  mutable IdIndex index;
  mutable std::vector<ObservedUse> observed;
  mutable int hints_given = 0;  // "did you mean" costs time: only for the first few unknown ids

  void error(const YNode& at, std::string message) const;
  void error(int line, int column, std::string message) const;
};

// ---- Fields ----------------------------------------------------------------------------------

// The fields of one map. Construction reports a node that is not a map and every unknown key
// (naming the allowed ones).
class Fields {
 public:
  Fields(const FileCtx& ctx, const YNode& node, std::string_view what, std::initializer_list<std::string_view> allowed);
  Fields(const FileCtx& ctx, const YNode& node, std::string_view what, const std::vector<std::string_view>& allowed);

  bool ok() const { return ok_; }
  const YNode& node() const { return node_; }
  const YNode* get(std::string_view key) const { return ok_ ? node_.find(key) : nullptr; }
  // Reports "missing required field" at the map when absent.
  const YNode* require(std::string_view key) const;

 private:
  void check(const std::vector<std::string_view>& allowed);
  const FileCtx& ctx_;
  const YNode& node_;
  std::string what_;
  bool ok_ = false;
};

// ---- scalars ---------------------------------------------------------------------------------

// A string; nothing (null) reads as "". Reports lists and maps.
std::string read_string(const FileCtx& ctx, const YNode& node, std::string_view what);
bool is_valid_id(std::string_view id);
// An id being defined: a non-empty [A-Za-z0-9_.-]+ string.
std::string read_id(const FileCtx& ctx, const YNode& node, std::string_view kind);
// A plain string (zh) or {zh, en}.
Text read_text(const FileCtx& ctx, const YNode& node);
bool read_bool(const FileCtx& ctx, const YNode& node, bool& out);
bool read_number(const FileCtx& ctx, const YNode& node, double& out);
bool read_integer(const FileCtx& ctx, const YNode& node, long long& out);
// Items of a list; nothing is the empty list and a single value a list of one.
std::vector<const YNode*> read_list(const FileCtx& ctx, const YNode& node, std::string_view what);
std::vector<std::string> read_string_list(const FileCtx& ctx, const YNode& node, std::string_view what);

// ---- references ------------------------------------------------------------------------------

enum class Ref {
  group,
  person,
  post,
  party,
  component,
  fault_type,
  fact,
  action,
  procedure,
  level,
  inject,
  objective,
  business_event,
  symptom
};
const char* ref_name(Ref kind);  // "component", "fault type", ...

// The index of the object `node` names, or no_ix (reported: unknown id, with a hint).
Ix resolve(const FileCtx& ctx, const YNode& node, Ref kind);
std::vector<Ix> resolve_list(const FileCtx& ctx, const YNode& node, Ref kind);
// True when an object of that kind has that id.
bool id_exists(const FileCtx& ctx, Ref kind, std::string_view id);
// Reports an unknown id (with a "did you mean" hint) unless references are quiet.
void report_unknown(const FileCtx& ctx, const YNode& node, Ref kind, std::string_view id);

// Registers the ids of a list of objects (first pass): each item's `id`, checked for form and
// uniqueness among `seen_ids`. Returns one id per item ("" when missing or not a map).
std::vector<std::string> collect_ids(const FileCtx& ctx, const std::vector<const YNode*>& items, std::string_view kind);

}  // namespace drillsim::load_detail

// Loading the YAML files into a Model: all or nothing, every problem listed with file, line and column.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "sim/load/diagnostic.hpp"
#include "sim/model/model.hpp"

namespace drillsim {

enum class FileKind { organisation, platform, catalog, plan, scenario };

struct LoadResult {
  std::shared_ptr<const Model> model;  // null when anything is wrong
  Diagnostics problems;                // empty when model is set
  FileKind kind = FileKind::scenario;  // what the top-level file was
  bool ok() const { return model != nullptr; }
};

// Loads any of the five file kinds (recognised by its top-level key) together with the files it
// names (scenario -> plan -> catalog -> platform -> organisation). Never throws, never crashes.
LoadResult load_file(const std::string& path);

// Loads a scenario and everything it needs; a file of another kind is a problem.
LoadResult load_scenario(const std::string& path);

// Loads a plan (with catalog, platform, organisation); used for plan revisions and `drillsim show`.
LoadResult load_plan(const std::string& path);

// Loads a scenario with another plan than the one it names (a revision: plan B against plan A).
// The scenario's ids must exist in that plan's chain; problems are reported as usual.
LoadResult load_scenario_with_plan(const std::string& scenario, const std::string& plan);

// Texts to load in place of files on disk (an editor's unsaved documents), keyed by unsaved_key()
// of the file's path. Everything else about loading is the same as with the files.
using UnsavedTexts = std::map<std::string, std::string>;
// The key of a path in UnsavedTexts: absolute and lexically normal ("/a/b/../c.yaml" -> "/a/c.yaml").
std::string unsaved_key(const std::string& path);

// load_file, but every file of the chain whose key is in `texts` is read from there (it need not
// exist on disk). `plan_override` as in load_scenario_with_plan (ignored for other file kinds).
LoadResult load_file_with(const std::string& path, const UnsavedTexts& texts, const std::string& plan_override = {});

// Parses "90s", "20m", "2h", "1h30m", "1d", or a plain integer of seconds. False on anything else.
bool parse_duration(const std::string& text, SimTime& out);

// Parses a scenario TIME: "HH:MM[:SS]" on the start date, "+DURATION", or "YYYY-MM-DD HH:MM[:SS]",
// as seconds from the start. False on anything else or a time before the start.
bool parse_scenario_time(const std::string& text, std::int64_t start_epoch_s, SimTime& out);

}  // namespace drillsim

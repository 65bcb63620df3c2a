// Saving: only a document that validates is written, and it is written atomically (a temporary
// file in the same folder, flushed to disk, renamed over the old one), so a crash never leaves a
// half-written file. A plan revision is saved beside the old plan, never over it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "authoring/document.hpp"
#include "authoring/validation.hpp"

namespace drillsim::authoring {

struct SaveResult {
  bool ok = false;
  std::string error;              // an I/O problem (the old file is untouched)
  std::vector<Problem> problems;  // the document does not validate (nothing written)
  std::string path;               // where it was written
};

// Reads a whole file (a CSV to import, for one); false when it cannot be read.
bool read_whole_file(const std::string& path, std::string& text);

// Writes `text` to `path` atomically; false with a reason (the old file untouched).
bool write_file_atomically(const std::string& path, std::string_view text, std::string& error);
// The same, but only when `path` does not exist yet (never replaces a file, even one made meanwhile).
bool write_new_file_atomically(const std::string& path, std::string_view text, std::string& error);

// Validates `doc` and, when good, writes it to doc.path atomically.
SaveResult save_document(const Document& doc, const std::vector<const Document*>& unsaved = {});

// The first free "NAME.vN.yaml" beside `path` (plan.yaml -> plan.v2.yaml, plan.v2.yaml -> plan.v3.yaml).
std::string next_version_path(const std::string& path);

// Saves a plan as a new version beside the old file: sets plan.version to `version` (when not
// empty), doc.path to next_version_path(doc.path), validates and writes; the old file is untouched.
// On failure doc is unchanged.
SaveResult save_new_version(Document& doc, const std::string& version);

}  // namespace drillsim::authoring

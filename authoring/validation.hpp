// Live validation: a document is checked with the loader's own rules, as if it were saved, without
// writing anything. Problems come back with the path of the field they are about.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "authoring/document.hpp"
#include "sim/load/loader.hpp"

namespace drillsim::authoring {

struct Problem {
  std::string file;     // the file the loader names (this document's path, or a file it uses)
  int line = 0;
  int column = 0;
  std::string message;
  DocPath path;         // the field in this document ("" when the problem is in another file)
  std::string str() const;  // "file:line:col: message"
};

struct Validation {
  std::shared_ptr<const Model> model;  // the loaded model when the document is good
  std::vector<Problem> problems;       // empty when good
  bool ok() const { return model != nullptr; }
};

// Loads `doc` as its file would load. Files it names are read from disk, except those among
// `unsaved` (other open documents, e.g. the plan being edited while its scenario is tried).
// `plan_override`: load a scenario with this plan file instead of the one it names.
Validation validate(const Document& doc, const std::vector<const Document*>& unsaved = {},
                    const std::string& plan_override = {});

}  // namespace drillsim::authoring

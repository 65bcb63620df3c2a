// Undo and redo for every edit: the editor records the document after each edit (a text field
// when it loses focus, a click at once); undo and redo restore earlier states.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "authoring/document.hpp"

namespace drillsim::authoring {

class History {
 public:
  explicit History(std::size_t limit = 500);
  void reset(const DocNode& state);                      // a newly opened document
  void record(const DocNode& state, std::string label);  // after an edit; drops the redo branch
  bool can_undo() const;
  bool can_redo() const;
  const std::string& undo_label() const;  // what undo would take back ("" when nothing)
  const std::string& redo_label() const;
  bool undo(DocNode& state);  // sets state to the previous one
  bool redo(DocNode& state);
  bool dirty() const;         // differs from the state last marked saved
  void mark_saved();

 private:
  struct Entry {
    DocNode state;
    std::string label;
  };
  std::vector<Entry> entries_;
  std::size_t current_ = 0;
  std::size_t saved_ = 0;
  std::size_t limit_;
};

}  // namespace drillsim::authoring

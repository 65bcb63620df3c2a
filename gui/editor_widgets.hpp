// Widgets of the authoring screens bound to a field of an open document (by DocPath): texts, TEXT
// pairs (zh/en), picks from the model, id lists, conditions as flow YAML, the generic key/value
// tree that reaches every field, the problems list and the editor's toolbar (undo, redo, save).
// Each records into the history when an edit is complete (a click at once, a text field when it
// loses focus), marks fields with problems and takes the focus when a problem was clicked.
#pragma once

#include <string>

#include "gui/editor_picks.hpp"
#include "gui/editor_state.hpp"

namespace drillsim::gui {

class Console;

// A form row's label (a left column of width em() * label_em).
void form_label(const std::string& label, float label_em = 10.0f);

bool field_text(Editor& ed, DocKind k, const std::string& path, const std::string& label, float width = -1);
// A TEXT: zh and en side by side, or one above the other (stack, or when narrow) for long texts
// (a plain text is Chinese).
bool field_text_pair(Editor& ed, DocKind k, const std::string& path, const std::string& label, bool stack = false);
// A single id picked from the model (the current value is kept even when the model lacks it).
bool field_pick(Editor& ed, DocKind k, const std::string& path, const std::string& label, const Picks& picks);
// A list of ids: each shown with a remove button, one more picked from a combo.
bool field_id_list(Editor& ed, DocKind k, const std::string& path, const std::string& label, const Picks& picks);
// A condition, distribution or other small map as one line of flow YAML.
bool field_flow(Editor& ed, DocKind k, const std::string& path, const std::string& label);
bool field_bool(Editor& ed, DocKind k, const std::string& path, const std::string& label);
// Every field under path as a key/value tree (add, remove, reorder).
void field_tree(Editor& ed, DocKind k, const std::string& path);

// Undo, redo, save (disabled while there are problems), Ctrl+Z / Ctrl+Y; the file and its state.
void editor_toolbar(Console& c, DocKind k);
// The last validation's problems as file:line:col message; a click goes to the field.
void problems_panel(Console& c, DocKind k, float height);

// Marks a widget about to be drawn: red when its field has problems, focused when asked.
struct FieldMark {
  FieldMark(Editor& ed, DocKind k, const std::string& path);
  ~FieldMark();
  FieldMark(const FieldMark&) = delete;
  FieldMark& operator=(const FieldMark&) = delete;
  bool bad = false;
};

}  // namespace drillsim::gui

// Document-bound widgets of the authoring screens, the generic field tree, the problems list and the
// editor toolbar.
#include "gui/editor_widgets.hpp"

#include <imgui.h>

#include <map>

#include "authoring/flow_yaml.hpp"
#include "gui/console.hpp"
#include "gui/doc_edit.hpp"
#include "gui/strings.hpp"
#include "gui/widgets.hpp"

namespace drillsim::gui {

using authoring::DocNode;

namespace {

std::map<std::string, std::string> flow_pending;  // typed flow text, by path, until it parses
std::map<std::string, std::string> flow_errors;

std::string scalar_at(Editor& ed, DocKind k, const std::string& path) {
  const DocNode* n = node_at(ed.doc(k).doc.root, path);
  return n && n->is_scalar() ? n->value : std::string();
}

// Writes a typed text into the field (made when missing); true when it changed.
void write_text(Editor& ed, DocKind k, const std::string& path, const std::string& value) {
  DocNode* n = ensure_at(ed.doc(k).doc.root, path);
  if (!n) return;
  if (n->is_scalar()) n->value = value;
  else *n = DocNode::text(value);
  ed.changed(k);
}

// The text cut (at a character boundary, with "…") to fit a width.
std::string fit_text(const std::string& s, float width) {
  if (ImGui::CalcTextSize(s.c_str()).x <= width) return s;
  std::string out = s;
  while (!out.empty() && ImGui::CalcTextSize((out + "…").c_str()).x > width) {
    unsigned char last = 0;
    do {  // one code point: its continuation bytes, then its first byte
      last = static_cast<unsigned char>(out.back());
      out.pop_back();
    } while (!out.empty() && (last & 0xC0) == 0x80);
  }
  return out + "…";
}

}  // namespace

FieldMark::FieldMark(Editor& ed, DocKind k, const std::string& path) {
  bad = ed.has_problem(k, path);
  if (bad) ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(120, 40, 40, 255));
  if (ed.wants_focus(path)) {
    ImGui::SetKeyboardFocusHere();
    ImGui::SetScrollHereY(0.4f);
  }
}

FieldMark::~FieldMark() {
  if (bad) ImGui::PopStyleColor();
}

void form_label(const std::string& label, float label_em) {
  ImGui::AlignTextToFramePadding();
  text(label);
  ImGui::SameLine(em() * label_em);
}

bool field_text(Editor& ed, DocKind k, const std::string& path, const std::string& label, float width) {
  if (!label.empty()) form_label(label);
  std::string value = scalar_at(ed, k, path);
  std::string id = "##t" + path;
  ImGui::SetNextItemWidth(width < 0 ? -1 : width);
  bool changed = false;
  {
    FieldMark mark(ed, k, path);
    changed = input_text(id.c_str(), value);
  }
  if (changed) write_text(ed, k, path, value);
  if (ImGui::IsItemDeactivatedAfterEdit()) ed.record(k, label.empty() ? last_part(path) : label);
  return changed;
}

bool field_text_pair(Editor& ed, DocKind k, const std::string& path, const std::string& label, bool stack) {
  form_label(label);
  float avail = ImGui::GetContentRegionAvail().x;
  bool stacked = stack || avail < em() * 34;  // narrow: zh above en, each the full width
  float w = stacked ? avail : (avail - ImGui::GetStyle().ItemSpacing.x) / 2;
  float x = ImGui::GetCursorPosX();
  const DocNode* n = node_at(ed.doc(k).doc.root, path);
  bool changed = false;
  for (const char* lang : {"zh", "en"}) {
    std::string p = path + "." + lang;
    std::string value = n && n->is_scalar() ? (lang == std::string("zh") ? n->value : "") : scalar_at(ed, k, p);
    std::string id = "##" + p;
    ImGui::SetNextItemWidth(w);
    bool c = false;
    {
      FieldMark mark(ed, k, p);
      c = input_text_hint(id.c_str(), lang == std::string("zh") ? "中文" : "English", value);
    }
    if (c) write_text(ed, k, p, value);
    if (ImGui::IsItemDeactivatedAfterEdit()) ed.record(k, label);
    changed |= c;
    if (lang == std::string("zh") && !stacked) ImGui::SameLine();
    if (lang == std::string("zh") && stacked) ImGui::SetCursorPosX(x);
  }
  return changed;
}

bool field_pick(Editor& ed, DocKind k, const std::string& path, const std::string& label, const Picks& picks) {
  if (!label.empty()) form_label(label);
  std::string value = scalar_at(ed, k, path);
  std::vector<std::string> items = pick_labels(picks);
  int current = pick_index(picks, value);
  if (current < 0 && !value.empty()) {
    items.push_back(value + " ?");
    current = static_cast<int>(items.size()) - 1;
  }
  std::string id = "##p" + path;
  ImGui::SetNextItemWidth(-1);
  FieldMark mark(ed, k, path);
  if (!combo(id.c_str(), current, items) || current >= static_cast<int>(picks.size())) return false;
  return ed.set_text(k, path, picks[static_cast<std::size_t>(current)].id);
}

bool field_id_list(Editor& ed, DocKind k, const std::string& path, const std::string& label, const Picks& picks) {
  form_label(label);
  const DocNode* list = node_at(ed.doc(k).doc.root, path);
  if (list && list->is_scalar()) {  // a single id written without brackets
    ed.set_node(k, path, id_list({list->value}), label);
    list = node_at(ed.doc(k).doc.root, path);
  }
  std::size_t n = list && list->is_sequence() ? list->items.size() : 0;
  ImGui::BeginGroup();
  bool changed = false;
  ImGui::PushID(path.c_str());
  for (std::size_t i = 0; i < n; ++i) {
    const DocNode& item = list->items[i];
    std::string id = item.is_scalar() ? item.value : item.get("action");
    int at = pick_index(picks, id);
    std::string shown = at >= 0 ? picks[static_cast<std::size_t>(at)].label : id + " ?";
    if (item.is_map() && !item.get("target").empty()) shown += " → " + item.get("target");
    std::string full = shown;
    shown = fit_text(shown, ImGui::GetContentRegionAvail().x - em() * 2.5f);
    ImGui::PushID(static_cast<int>(i));
    if (i > 0) ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(shown.c_str()).x + em() * 2) ImGui::NewLine();
    badge(shown, at >= 0 ? colour::accent : colour::down);
    if (shown != full) tooltip_if_hovered(full);
    ImGui::SameLine(0, 2);
    bool remove = ImGui::SmallButton("×");
    ImGui::PopID();
    if (remove) {
      changed = ed.erase(k, path + "[" + std::to_string(i) + "]", label);
      break;
    }
  }
  std::vector<std::string> items = pick_labels(picks);
  int choice = -1;
  ImGui::SetNextItemWidth(em() * 14);
  {
    FieldMark mark(ed, k, path);
    observe_text(tr("author.add_to_list"));
    if (ImGui::BeginCombo("##add", tr("author.add_to_list"))) {
      for (int i = 0; i < static_cast<int>(items.size()); ++i) {
        ImGui::PushID(i);
        if (ImGui::Selectable(items[static_cast<std::size_t>(i)].c_str(), false)) choice = i;
        ImGui::PopID();
      }
      ImGui::EndCombo();
    }
  }
  if (choice >= 0) {
    if (!node_at(ed.doc(k).doc.root, path)) ed.set_node(k, path, DocNode::list(true), label);
    const DocNode* now = node_at(ed.doc(k).doc.root, path);
    std::size_t size = now && now->is_sequence() ? now->items.size() : 0;
    changed = ed.set_node(k, path + "[" + std::to_string(size) + "]", DocNode::text(picks[static_cast<std::size_t>(choice)].id), label);
  }
  ImGui::PopID();
  ImGui::EndGroup();
  return changed;
}

bool field_flow(Editor& ed, DocKind k, const std::string& path, const std::string& label) {
  if (!label.empty()) form_label(label);
  const DocNode* n = node_at(ed.doc(k).doc.root, path);
  std::string value = n ? authoring::flow_text(*n) : std::string();
  if (auto it = flow_pending.find(path); it != flow_pending.end()) value = it->second;
  std::string id = "##" + path;
  ImGui::SetNextItemWidth(-1);
  bool c = false;
  {
    FieldMark mark(ed, k, path);
    c = input_text(id.c_str(), value);
  }
  if (c) flow_pending[path] = value;
  bool done = ImGui::IsItemDeactivatedAfterEdit();
  if (done) {
    DocNode parsed;
    std::string error;
    std::string typed = flow_pending[path];
    flow_pending.erase(path);
    if (typed.empty()) {
      flow_errors.erase(path);
      return ed.erase(k, path, label);
    }
    int column = 0;
    if (authoring::parse_flow(typed, parsed, error, column)) {
      flow_errors.erase(path);
      return ed.set_node(k, path, std::move(parsed), label);
    }
    flow_errors[path] = error;
    flow_pending[path] = typed;
  }
  if (auto it = flow_errors.find(path); it != flow_errors.end()) text_coloured(colour::bad_text, it->second);
  return false;
}

bool field_bool(Editor& ed, DocKind k, const std::string& path, const std::string& label) {
  bool on = scalar_at(ed, k, path) == "true";
  observe_text(label);
  std::string id = label + "##" + path;
  if (!ImGui::Checkbox(id.c_str(), &on)) return false;
  if (!on) return ed.erase(k, path, label);
  return ed.set_text(k, path, "true");
}

void field_tree(Editor& ed, DocKind k, const std::string& path) {
  DocNode* node = node_at(ed.doc(k).doc.root, path);
  if (!node) return;
  observe_text("×↑↓");
  ImGui::PushID(path.c_str());
  if (node->is_map()) {
    for (std::size_t i = 0; i < node->keys.size(); ++i) {
      std::string key = node->keys[i];
      std::string child = path.empty() ? key : path + "." + key;
      ImGui::PushID(static_cast<int>(i));
      bool leaf = !node->items[i].is_map() && !node->items[i].is_sequence();
      if (ImGui::SmallButton("×")) {
        ImGui::PopID();
        ed.erase(k, child, key);
        break;
      }
      ImGui::SameLine();
      if (leaf) {
        field_text(ed, k, child, key);
      } else {
        observe_text(key);
        std::string label = key + "##" + child;
        if (ed.has_problem(k, child)) ImGui::PushStyleColor(ImGuiCol_Text, colour::bad_text);
        bool open = ImGui::TreeNode(label.c_str());
        if (ed.has_problem(k, child)) ImGui::PopStyleColor();
        if (open) {
          field_tree(ed, k, child);
          ImGui::TreePop();
        }
      }
      ImGui::PopID();
    }
    ImGui::SetNextItemWidth(em() * 9);
    input_text_hint("##new_key", tr("author.new_key"), ed.ui().new_key);
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("author.add_field")) && !ed.ui().new_key.empty()) {
      std::string key = ed.ui().new_key;
      ed.ui().new_key.clear();
      ed.set_text(k, (path.empty() ? key : path + "." + key), "");
    }
  } else if (node->is_sequence()) {
    for (std::size_t i = 0; i < node->items.size(); ++i) {
      std::string child = path + "[" + std::to_string(i) + "]";
      ImGui::PushID(static_cast<int>(i));
      bool act = false;
      if (ImGui::SmallButton("×")) act = ed.erase(k, child, "remove");
      ImGui::SameLine();
      if (!act && ImGui::SmallButton("↑")) act = ed.move_item(k, path, i, -1, "move");
      ImGui::SameLine();
      if (!act && ImGui::SmallButton("↓")) act = ed.move_item(k, path, i, 1, "move");
      if (act) {
        ImGui::PopID();
        break;
      }
      ImGui::SameLine();
      const DocNode& item = node->items[i];
      if (item.is_scalar() || item.is_null()) {
        field_text(ed, k, child, {});
      } else {
        std::string label = "[" + std::to_string(i + 1) + "] " + item.get("id") + "##" + child;
        observe_text(label);
        if (ImGui::TreeNode(label.c_str())) {
          field_tree(ed, k, child);
          ImGui::TreePop();
        }
      }
      ImGui::PopID();
    }
    if (ImGui::SmallButton(tr("author.add_item"))) {
      DocNode copy = node->items.empty() ? DocNode::text("") : node->items.back();
      if (copy.is_map()) copy.set("id", DocNode::text(copy.get("id") + "_2"));
      ed.set_node(k, path + "[" + std::to_string(node->items.size()) + "]", std::move(copy), "add");
    }
  } else {
    field_text(ed, k, path, {});
  }
  ImGui::PopID();
}

void editor_toolbar(Console& c, DocKind k) {
  Editor& ed = c.editor();
  EditedDoc& e = ed.doc(k);
  ImGuiIO& io = ImGui::GetIO();
  if (!io.WantTextInput && io.KeyCtrl) {
    bool z = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z));
    bool y = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y));
    if ((z && io.KeyShift) || y) ed.redo(k);
    else if (z) ed.undo(k);
  }
  ImGui::BeginDisabled(!e.history.can_undo());
  if (ImGui::Button(tr("author.undo"))) ed.undo(k);
  ImGui::EndDisabled();
  if (e.history.can_undo()) tooltip_if_hovered(trf("author.undo_what", e.history.undo_label()));
  ImGui::SameLine();
  ImGui::BeginDisabled(!e.history.can_redo());
  if (ImGui::Button(tr("author.redo"))) ed.redo(k);
  ImGui::EndDisabled();
  if (e.history.can_redo()) tooltip_if_hovered(trf("author.redo_what", e.history.redo_label()));
  ImGui::SameLine();
  bool pending = e.validate_at_ms >= 0;
  ImGui::BeginDisabled(!e.good() || pending);
  if (k == DocKind::scenario) {
    if (ImGui::Button(tr("author.save"))) {
      authoring::SaveResult r = ed.save(k);
      c.set_status(r.ok ? trf("author.saved", r.path) : trf("author.save_failed", r.error), r.ok);
    }
  } else {
    ImGui::SetNextItemWidth(em() * 7);
    input_text_hint("##version", tr("author.version_hint"), ed.ui().new_version);
    ImGui::SameLine();
    if (ImGui::Button(tr("author.save_version"))) {
      authoring::SaveResult r = ed.save_plan_version(ed.ui().new_version);
      c.set_status(r.ok ? trf("author.saved_version", r.path) : trf("author.save_failed", r.error), r.ok);
    }
    tooltip_if_hovered(tr("author.save_version_hint"));
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (pending) text_coloured(colour::muted, tr("author.checking"));
  else if (e.good()) text_coloured(colour::good_text, tr("author.valid"));
  else text_coloured(colour::bad_text, trf("author.problem_count", e.problems.size()));
  ImGui::SameLine();
  text_coloured(colour::muted, e.doc.path + (e.history.dirty() ? "  *" : ""));
  if (k == DocKind::plan && !ed.ui().saved_as.empty()) text_coloured(colour::good_text, trf("author.saved_version", ed.ui().saved_as));
}

void problems_panel(Console& c, DocKind k, float height) {
  Editor& ed = c.editor();
  const EditedDoc& e = ed.doc(k);
  ImGui::BeginChild("##problems", ImVec2(0, height), true);
  if (e.problems.empty()) {
    text_coloured(colour::good_text, tr("author.no_problems"));
  } else {
    text_coloured(colour::bad_text, trf("author.problem_count", e.problems.size()));
    for (std::size_t i = 0; i < e.problems.size(); ++i) {
      const authoring::Problem& p = e.problems[i];
      std::string line = p.str();
      observe_text(line);
      ImGui::PushID(static_cast<int>(i));
      ImGui::PushStyleColor(ImGuiCol_Text, colour::bad_text);
      bool go = ImGui::Selectable(line.c_str(), false);
      ImGui::PopStyleColor();
      if (!p.path.empty()) tooltip_if_hovered(trf("author.go_to_field", p.path));
      ImGui::PopID();
      if (go) ed.go_to(k, p);
    }
  }
  ImGui::EndChild();
}

}  // namespace drillsim::gui

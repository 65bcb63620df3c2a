// The scenario editor: toolbar (undo, redo, save), tabs for the header, the business calendar, the
// objectives, the MSEL, "Try it" and every field, and the live validation's problems below.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <functional>

#include "gui/console.hpp"
#include "gui/doc_edit.hpp"
#include "gui/editor_state.hpp"
#include "gui/editor_widgets.hpp"
#include "gui/screens.hpp"
#include "gui/strings.hpp"
#include "gui/widgets.hpp"

namespace drillsim::gui {
namespace {

using authoring::DocNode;
constexpr DocKind S = DocKind::scenario;

Picks picks(const Editor& ed, PickKind kind) {
  const auto& model = ed.doc(S).model;
  return model ? picks_of(*model, kind) : Picks{};
}

void header_tab(Editor& ed) {
  field_text(ed, S, "scenario.id", tr("author.id"));
  field_text_pair(ed, S, "scenario.name", tr("author.name"));
  field_text_pair(ed, S, "scenario.description", tr("author.description"), true);
  field_text(ed, S, "scenario.plan", tr("author.plan_file"));
  field_text(ed, S, "scenario.start", tr("author.start"));
  field_text(ed, S, "scenario.end_after", tr("author.end_after"));
  field_text(ed, S, "scenario.seed", tr("author.seed"));
  field_id_list(ed, S, "scenario.trainees", tr("author.trainees"), picks(ed, PickKind::post));
}

// A list of the items under list_path with add, duplicate, delete and move; returns the selection.
void item_list(Editor& ed, const std::string& list_path, std::size_t& selected, const char* id_key,
               const std::function<std::string(const DocNode&)>& describe, const std::function<DocNode()>& fresh) {
  const DocNode* list = node_at(ed.doc(S).doc.root, list_path);
  std::size_t n = list && list->is_sequence() ? list->items.size() : 0;
  if (ImGui::SmallButton(tr("author.add"))) {
    ed.set_node(S, list_path + "[" + std::to_string(n) + "]", fresh(), "add");
    selected = n;
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(selected >= n);
  if (ImGui::SmallButton(tr("author.duplicate")) && list) {
    DocNode copy = list->items[selected];
    copy.set(id_key, DocNode::text(copy.get(id_key) + "_copy"));
    ed.set_node(S, list_path + "[" + std::to_string(n) + "]", std::move(copy), "duplicate");
    selected = n;
  }
  ImGui::SameLine();
  if (ImGui::SmallButton(tr("author.delete"))) {
    ed.erase(S, list_path + "[" + std::to_string(selected) + "]", "delete");
    if (selected > 0) --selected;
  }
  ImGui::SameLine();
  if (ImGui::SmallButton(tr("author.up")) && selected > 0 && ed.move_item(S, list_path, selected, -1, "move")) --selected;
  ImGui::SameLine();
  if (ImGui::SmallButton(tr("author.down")) && selected + 1 < n && ed.move_item(S, list_path, selected, 1, "move")) ++selected;
  ImGui::EndDisabled();
  list = node_at(ed.doc(S).doc.root, list_path);
  n = list && list->is_sequence() ? list->items.size() : 0;
  for (std::size_t i = 0; i < n; ++i) {
    std::string label = describe(list->items[i]);
    std::string path = list_path + "[" + std::to_string(i) + "]";
    observe_text(label);
    ImGui::PushID(static_cast<int>(i));
    bool bad = ed.has_problem(S, path);
    if (bad) ImGui::PushStyleColor(ImGuiCol_Text, colour::bad_text);
    if (ImGui::Selectable(label.c_str(), selected == i)) selected = i;
    if (bad) ImGui::PopStyleColor();
    ImGui::PopID();
  }
  if (n == 0) text_disabled(tr("author.empty_list"));
}

std::string text_of(const DocNode* t) {
  if (!t) return {};
  if (t->is_scalar()) return t->value;
  std::string s = t->get(strings().lang() == Lang::en ? "en" : "zh");
  return s.empty() ? t->get("zh") : s;
}

void calendar_tab(Editor& ed) {
  EditorUi& ui = ed.ui();
  float left = std::max(em() * 16, ImGui::GetContentRegionAvail().x * 0.34f);
  ImGui::BeginChild("##calendar_list", ImVec2(left, 0), true);
  item_list(
      ed, "scenario.calendar", ui.calendar_row, "id",
      [](const DocNode& b) { return b.get("at") + "  " + b.get("id") + "  " + text_of(b.find("name")); },
      [] {
        DocNode b = DocNode::map();
        b.set("id", DocNode::text("event"));
        b.set("kind", DocNode::text("bid_opening"));
        b.set("name", DocNode::map(true));
        b.set("at", DocNode::text("09:00", true));
        b.set("duration", DocNode::text("1h"));
        b.set("grace", DocNode::text("30m"));
        b.set("requires", DocNode::list(true));
        return b;
      });
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##calendar_form", ImVec2(0, 0), true);
  const DocNode* list = node_at(ed.doc(S).doc.root, "scenario.calendar");
  if (list && ui.calendar_row < list->items.size()) {
    std::string p = "scenario.calendar[" + std::to_string(ui.calendar_row) + "]";
    field_text(ed, S, p + ".id", tr("author.id"));
    field_pick(ed, S, p + ".kind", tr("author.business_kind"), picks(ed, PickKind::business_kind));
    field_text(ed, S, p + ".kind", tr("author.business_kind_text"));
    field_text_pair(ed, S, p + ".name", tr("author.name"));
    field_text(ed, S, p + ".at", tr("author.at"));
    field_text(ed, S, p + ".duration", tr("author.duration"));
    field_text(ed, S, p + ".grace", tr("author.grace"));
    field_id_list(ed, S, p + ".requires", tr("author.requires"), picks(ed, PickKind::component));
    field_id_list(ed, S, p + ".fallback", tr("author.fallback"), picks(ed, PickKind::fact));
    field_bool(ed, S, p + ".strict", tr("author.strict"));
  } else {
    text_disabled(tr("author.choose_item"));
  }
  ImGui::EndChild();
}

void objectives_tab(Editor& ed) {
  EditorUi& ui = ed.ui();
  float left = std::max(em() * 16, ImGui::GetContentRegionAvail().x * 0.34f);
  ImGui::BeginChild("##objective_list", ImVec2(left, 0), true);
  item_list(
      ed, "scenario.objectives", ui.objective_row, "id",
      [](const DocNode& o) { return o.get("id") + "  " + text_of(o.find("text")); },
      [] {
        DocNode o = DocNode::map();
        o.set("id", DocNode::text("obj"));
        o.set("text", DocNode::map(true));
        o.set("procedures", DocNode::list(true));
        return o;
      });
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##objective_form", ImVec2(0, 0), true);
  const DocNode* list = node_at(ed.doc(S).doc.root, "scenario.objectives");
  if (list && ui.objective_row < list->items.size()) {
    std::string p = "scenario.objectives[" + std::to_string(ui.objective_row) + "]";
    field_text(ed, S, p + ".id", tr("author.id"));
    field_text_pair(ed, S, p + ".text", tr("author.objective_text"));
    field_id_list(ed, S, p + ".procedures", tr("author.procedures"), picks(ed, PickKind::procedure));
  } else {
    text_disabled(tr("author.choose_item"));
  }
  ImGui::EndChild();
}

}  // namespace

void draw_author_scenario(Console& c) {
  Editor& ed = c.editor();
  EditorUi& ui = ed.ui();
  if (!ed.doc(S).open()) {
    text_disabled(tr("author.nothing_open"));
    return;
  }
  if (ui.drop_active) {
    ImGui::ClearActiveID();
    ui.drop_active = false;
  }
  editor_toolbar(c, S);
  const float problems_h = ed.doc(S).problems.empty() ? ImGui::GetFrameHeightWithSpacing() + em() * 0.6f : em() * 6.5f;
  ImGui::BeginChild("##scenario_body", ImVec2(0, -problems_h - ImGui::GetStyle().ItemSpacing.y), false);
  if (ImGui::BeginTabBar("##scenario_tabs")) {
    const char* keys[] = {"author.tab_header", "author.tab_calendar", "author.tab_objectives",
                          "author.tab_msel",   "author.tab_try",      "author.tab_fields"};
    for (int t = 0; t < 6; ++t) {
      ImGuiTabItemFlags flags = ui.tab == t ? ImGuiTabItemFlags_SetSelected : 0;
      std::string label = std::string(tr(keys[t])) + "##" + scenario_tabs[t];
      if (!ImGui::BeginTabItem(label.c_str(), nullptr, flags)) continue;
      ImGui::BeginChild("##tab", ImVec2(0, 0), false);
      switch (static_cast<ScenarioTab>(t)) {
        case ScenarioTab::header: header_tab(ed); break;
        case ScenarioTab::calendar: calendar_tab(ed); break;
        case ScenarioTab::objectives: objectives_tab(ed); break;
        case ScenarioTab::msel: draw_msel_editor(c); break;
        case ScenarioTab::try_it: draw_try_it(c); break;
        case ScenarioTab::fields: field_tree(ed, S, "scenario"); break;
      }
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
    ui.tab = -1;
    ImGui::EndTabBar();
  }
  ImGui::EndChild();
  problems_panel(c, S, problems_h);
}

}  // namespace drillsim::gui

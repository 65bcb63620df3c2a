// The MSEL editor: the scenario's injects as a table (sortable by time, id or kind; filtered by text
// and kind), add, duplicate, delete, move; the selected row's form with targets picked from the
// model, contingency conditions with quick templates; CSV import and export.
#include <imgui.h>

#include <algorithm>
#include <numeric>

#include "gui/console.hpp"
#include "gui/doc_edit.hpp"
#include "gui/editor_state.hpp"
#include "gui/editor_widgets.hpp"
#include "gui/screens.hpp"
#include "gui/strings.hpp"
#include "gui/widgets.hpp"

namespace drillsim::gui {
namespace {

using authoring::MselRow;
constexpr DocKind S = DocKind::scenario;
constexpr std::size_t none = static_cast<std::size_t>(-1);

std::string kind_label(const std::string& k) {
  const auto& kinds = inject_kinds();
  return std::find(kinds.begin(), kinds.end(), k) == kinds.end() ? k : tr("inject_kind." + k);
}

std::vector<std::string> kind_labels() {
  std::vector<std::string> out;
  for (const auto& k : inject_kinds()) out.push_back(kind_label(k));
  return out;
}

std::string row_text(const MselRow& r) { return tx(r.text).empty() ? tx(r.note) : tx(r.text); }

// Seconds from the start for sorting (contingency injects last).
SimTime row_time(const Model* m, const MselRow& r) {
  if (!m) return 0;
  Ix i = m->find_inject(r.id);
  if (i == no_ix || !m->scenario.injects[i].timed) return never;
  return m->scenario.injects[i].at;
}

bool matches(const MselRow& r, const std::string& filter, int kind_filter) {
  if (kind_filter > 0 && r.kind != inject_kinds()[static_cast<std::size_t>(kind_filter - 1)]) return false;
  if (filter.empty()) return true;
  for (std::size_t c = 0; c < authoring::msel_columns().size(); ++c)
    if (authoring::msel_field(r, c).find(filter) != std::string::npos) return true;
  return false;
}

// The rows shown, in the table's sort order.
std::vector<std::size_t> shown_rows(Editor& ed, const std::vector<MselRow>& rows, ImGuiTableSortSpecs* sort) {
  EditorUi& ui = ed.ui();
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (matches(rows[i], ui.msel_filter, ui.msel_kind_filter)) order.push_back(i);
  if (!sort || sort->SpecsCount == 0) return order;
  const ImGuiTableColumnSortSpecs& spec = sort->Specs[0];
  const Model* m = ed.doc(S).model.get();
  auto key_less = [&](std::size_t a, std::size_t b) {
    switch (spec.ColumnIndex) {
      case 1: return rows[a].id < rows[b].id;
      case 2: return row_time(m, rows[a]) < row_time(m, rows[b]);
      case 3: return rows[a].kind < rows[b].kind;
      default: return a < b;
    }
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return spec.SortDirection == ImGuiSortDirection_Descending ? key_less(b, a) : key_less(a, b);
  });
  return order;
}

std::string target_label(const Model* m, const MselRow& r) {
  if (!m || r.target.empty()) return r.target;
  Picks p = picks_of(*m, target_pick(r.kind));
  int i = pick_index(p, r.target);
  return i >= 0 ? p[static_cast<std::size_t>(i)].label : r.target + " ?";
}

void table(Console& c) {
  Editor& ed = c.editor();
  EditorUi& ui = ed.ui();
  const std::vector<MselRow>& rows = ed.rows();
  const Model* m = ed.doc(S).model.get();
  ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                          ImGuiTableFlags_Sortable | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable;
  float row_h = ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().CellPadding.y;
  float fit = (static_cast<float>(std::max<std::size_t>(rows.size(), 3)) + 1.6f) * row_h;
  float h = std::min(fit, std::max(em() * 8, ImGui::GetContentRegionAvail().y * 0.42f));
  if (!ImGui::BeginTable("##msel_table", 8, flags, ImVec2(0, h))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultSort, em() * 2);
  ImGui::TableSetupColumn(tr("author.col_id"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn(tr("author.col_when"), ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableSetupColumn(tr("author.col_kind"), ImGuiTableColumnFlags_WidthStretch, 0.7f);
  ImGui::TableSetupColumn(tr("author.col_target"), ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoSort, 1.4f);
  ImGui::TableSetupColumn(tr("author.col_text"), ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoSort, 2.6f);
  ImGui::TableSetupColumn(tr("author.col_expect"), ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoSort, 1.8f);
  ImGui::TableSetupColumn(tr("author.col_objective"), ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoSort, 0.9f);
  ImGui::TableHeadersRow();
  ui.msel_order = shown_rows(ed, rows, ImGui::TableGetSortSpecs());
  for (std::size_t i : ui.msel_order) {
    const MselRow& r = rows[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    bool bad = ed.has_problem(S, "scenario.injects[" + std::to_string(i) + "]");
    if (bad) ImGui::PushStyleColor(ImGuiCol_Text, colour::bad_text);
    std::string num = std::to_string(i + 1);
    if (ImGui::Selectable(num.c_str(), ui.msel_row == i, ImGuiSelectableFlags_SpanAllColumns)) ui.msel_row = i;
    if (bad) ImGui::PopStyleColor();
    ImGui::TableNextColumn();
    text(r.id);
    ImGui::TableNextColumn();
    text(r.at.empty() ? tr("author.if") + std::string(" ") + r.when : r.at);
    tooltip_if_hovered(r.when);
    ImGui::TableNextColumn();
    text(kind_label(r.kind));
    ImGui::TableNextColumn();
    text(target_label(m, r) + (r.detail.empty() ? "" : " · " + r.detail));
    ImGui::TableNextColumn();
    text(row_text(r));
    tooltip_if_hovered(row_text(r));
    ImGui::TableNextColumn();
    text(tx(r.expect));
    tooltip_if_hovered(tx(r.expect));
    ImGui::TableNextColumn();
    text(r.objective);
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void row_buttons(Editor& ed) {
  EditorUi& ui = ed.ui();
  std::size_t n = ed.rows().size();
  if (ImGui::Button(tr("author.add_inject"))) ed.add_row("message");
  ImGui::SameLine();
  ImGui::BeginDisabled(ui.msel_row >= n);
  if (ImGui::Button(tr("author.duplicate"))) ed.duplicate_row(ui.msel_row);
  ImGui::SameLine();
  if (ImGui::Button(tr("author.delete"))) ed.delete_row(ui.msel_row);
  ImGui::SameLine();
  if (ImGui::Button(tr("author.up"))) ed.move_row(ui.msel_row, -1);
  ImGui::SameLine();
  if (ImGui::Button(tr("author.down"))) ed.move_row(ui.msel_row, 1);
  ImGui::EndDisabled();
  ImGui::SameLine(0, em() * 1.5f);
  ImGui::SetNextItemWidth(em() * 9);
  input_text_hint("##msel_filter", tr("author.filter_hint"), ui.msel_filter);
  ImGui::SameLine();
  std::vector<std::string> kinds = {tr("author.all_kinds")};
  for (const auto& k : kind_labels()) kinds.push_back(k);
  ImGui::SetNextItemWidth(em() * 6);
  combo("##msel_kind", ui.msel_kind_filter, kinds);
}

// A text column of the selected row.
void row_text_field(Editor& ed, std::size_t i, const std::string& column, const std::string& label, float width = -1) {
  const MselRow& r = ed.rows()[i];
  std::size_t col = msel_column(column);
  if (!label.empty()) form_label(label);
  std::string value = authoring::msel_field(r, col);
  std::string path = authoring::msel_field_path(i, col, r);
  std::string id = "##msel_" + column;
  ImGui::SetNextItemWidth(width);
  bool changed = false;
  {
    FieldMark mark(ed, S, path);
    changed = input_text(id.c_str(), value);
  }
  if (changed) ed.set_row_field(i, column, value, false);
  if (ImGui::IsItemDeactivatedAfterEdit()) ed.record(S, column);
}

void row_pair(Editor& ed, std::size_t i, const std::string& base, const std::string& label) {
  form_label(label);
  float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  row_text_field(ed, i, base + "_zh", {}, w);
  ImGui::SameLine();
  row_text_field(ed, i, base + "_en", {}, w);
}

void row_pick(Editor& ed, std::size_t i, const std::string& column, const std::string& label, const Picks& picks) {
  const MselRow& r = ed.rows()[i];
  std::size_t col = msel_column(column);
  form_label(label);
  std::string value = authoring::msel_field(r, col);
  std::vector<std::string> items = pick_labels(picks);
  int current = pick_index(picks, value);
  if (current < 0 && !value.empty()) {
    items.push_back(value + " ?");
    current = static_cast<int>(items.size()) - 1;
  }
  std::string id = "##msel_pick_" + column;
  ImGui::SetNextItemWidth(-1);
  FieldMark mark(ed, S, authoring::msel_field_path(i, col, r));
  if (combo(id.c_str(), current, items) && current < static_cast<int>(picks.size()))
    ed.set_row_field(i, column, picks[static_cast<std::size_t>(current)].id);
}

// Quick templates for a contingency's condition.
void when_templates(Editor& ed, std::size_t i, const Model* m) {
  EditorUi& ui = ed.ui();
  std::vector<std::string> kinds = {tr("author.tpl_not_done"), tr("author.tpl_after"), tr("author.tpl_health"),
                                    tr("author.tpl_business")};
  form_label(tr("author.template"));
  ImGui::SetNextItemWidth(em() * 9);
  combo("##tpl_kind", ui.template_kind, kinds);
  Picks actions = m ? picks_of(*m, PickKind::action) : Picks{};
  Picks components = m ? picks_of(*m, PickKind::component) : Picks{};
  ImGui::SameLine();
  if (ui.template_kind == 0) {
    ImGui::SetNextItemWidth(em() * 14);
    combo("##tpl_action", ui.template_action, pick_labels(actions));
  } else if (ui.template_kind == 2) {
    ImGui::SetNextItemWidth(em() * 14);
    combo("##tpl_component", ui.template_component, pick_labels(components));
  }
  if (ui.template_kind <= 1) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em() * 5);
    input_text("##tpl_time", ui.template_time);
  }
  ImGui::SameLine();
  if (!ImGui::Button(tr("author.use_template"))) return;
  auto pick = [](const Picks& p, int k) { return k >= 0 && k < static_cast<int>(p.size()) ? p[static_cast<std::size_t>(k)].id : std::string(); };
  std::string id = ui.template_kind == 0 ? pick(actions, ui.template_action)
                   : ui.template_kind == 2 ? pick(components, ui.template_component) : std::string();
  std::string when = when_template(ui.template_kind, id, ui.template_time);
  ed.set_row_field(i, "when", when);
}

void row_form(Console& c) {
  Editor& ed = c.editor();
  std::size_t i = ed.ui().msel_row;
  if (i >= ed.rows().size()) {
    text_disabled(tr("author.choose_inject"));
    return;
  }
  const Model* m = ed.doc(S).model.get();
  row_text_field(ed, i, "id", tr("author.id"));
  bool contingency = ed.rows()[i].at.empty() && !ed.rows()[i].when.empty();
  form_label(tr("author.timing"));
  if (ImGui::RadioButton(tr("author.timed"), !contingency) && contingency) ed.set_row_field(i, "at", "+10m");
  ImGui::SameLine();
  if (ImGui::RadioButton(tr("author.contingency"), contingency) && !contingency)
    ed.set_row_field(i, "when", "{after: \"" + ed.ui().template_time + "\"}");
  if (!contingency) {
    row_text_field(ed, i, "at", tr("author.at"));
    tooltip_if_hovered(tr("author.at_hint"));
  } else {
    row_text_field(ed, i, "when", tr("author.when"));
    tooltip_if_hovered(tr("author.when_hint"));
    when_templates(ed, i, m);
  }
  const std::string kind = ed.rows()[i].kind;
  form_label(tr("author.kind"));
  int k = 0;
  for (std::size_t x = 0; x < inject_kinds().size(); ++x)
    if (inject_kinds()[x] == kind) k = static_cast<int>(x);
  ImGui::SetNextItemWidth(em() * 8);
  if (combo("##msel_kind_pick", k, kind_labels())) ed.set_row_field(i, "kind", inject_kinds()[static_cast<std::size_t>(k)]);
  if (PickKind tp = target_pick(kind); tp != PickKind::none)
    row_pick(ed, i, "target", tr(kind == "message" ? "author.to_post" : "author.target"), m ? picks_of(*m, tp) : Picks{});
  if (PickKind dp = detail_pick(kind); dp != PickKind::none) row_pick(ed, i, "detail", tr("author.fault_type"), m ? picks_of(*m, dp) : Picks{});
  else if (kind == "late") row_text_field(ed, i, "detail", tr("author.late_by"));
  else if (kind == "load") row_text_field(ed, i, "detail", tr("author.load_amount"));
  if (kind == "message") {
    row_pair(ed, i, "from", tr("author.from"));
    row_pair(ed, i, "text", tr("author.message_text"));
  }
  row_pair(ed, i, "expect", tr("author.expect"));
  row_pair(ed, i, "note", tr("author.note"));
  // The objective: one of the scenario's own objectives.
  Picks objectives;
  if (const auto* list = node_at(ed.doc(S).doc.root, "scenario.objectives"))
    for (const auto& o : list->items) objectives.push_back({o.get("id"), o.get("id")});
  objectives.insert(objectives.begin(), Pick{"", tr("author.no_objective")});
  row_pick(ed, i, "objective", tr("author.objective"), objectives);
}

void csv_bar(Console& c) {
  Editor& ed = c.editor();
  EditorUi& ui = ed.ui();
  form_label(tr("author.csv_file"), 6);
  ImGui::SetNextItemWidth(-em() * 14);
  input_text("##csv_path", ui.csv_path);
  ImGui::SameLine();
  if (ImGui::Button(tr("author.import_csv"))) ed.import_csv(ui.csv_path);
  ImGui::SameLine();
  if (ImGui::Button(tr("author.export_csv"))) {
    std::string error;
    if (!ed.export_csv(ui.csv_path, error)) c.set_status(error, false);
  }
  if (!ui.csv_result.empty()) text_coloured(ui.csv_ok ? colour::good_text : colour::bad_text, ui.csv_result);
  for (const auto& p : ui.csv_problems) text_coloured(colour::bad_text, p);
}

}  // namespace

void draw_msel_editor(Console& c) {
  row_buttons(c.editor());
  table(c);
  csv_bar(c);
  ImGui::Separator();
  ImGui::BeginChild("##msel_row", ImVec2(0, 0), false);
  row_form(c);
  ImGui::EndChild();
}

}  // namespace drillsim::gui

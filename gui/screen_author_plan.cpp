// The plan editor: procedures and their steps as an outline, a form for the selected procedure or
// step (posts, expected actions from the catalog, limits, branches and jumps, source citation),
// grading and reporting, levels and rules, and every other field through the generic field tree.
// A plan is saved as a new version beside the old file (plan A and plan B can then be compared).
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

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
constexpr DocKind P = DocKind::plan;
constexpr std::size_t none = static_cast<std::size_t>(-1);

Picks picks(const Editor& ed, PickKind kind) {
  const auto& model = ed.doc(P).model;
  return model ? picks_of(*model, kind) : Picks{};
}

std::string text_of(const DocNode* t) {
  if (!t) return {};
  if (t->is_scalar()) return t->value;
  std::string s = t->get(strings().lang() == Lang::en ? "en" : "zh");
  return s.empty() ? t->get("zh") : s;
}

std::string proc_path(std::size_t i) { return "plan.procedures[" + std::to_string(i) + "]"; }
std::string step_path(std::size_t i, std::size_t s) { return proc_path(i) + ".steps[" + std::to_string(s) + "]"; }

const DocNode* procedures(Editor& ed) { return node_at(ed.doc(P).doc.root, "plan.procedures"); }

void outline_buttons(Editor& ed) {
  EditorUi& ui = ed.ui();
  const DocNode* procs = procedures(ed);
  std::size_t np = procs && procs->is_sequence() ? procs->items.size() : 0;
  if (ImGui::SmallButton(tr("author.add_procedure"))) {
    DocNode p = DocNode::map();
    p.set("id", DocNode::text("new_procedure"));
    p.set("name", DocNode::map(true));
    DocNode step = DocNode::map();
    step.set("id", DocNode::text("s1"));
    step.set("text", DocNode::map(true));
    DocNode steps = DocNode::list();
    steps.items.push_back(step);
    p.set("steps", std::move(steps));
    ed.set_node(P, proc_path(np), std::move(p), "add procedure");
    ui.procedure = np;
    ui.step = none;
    ui.section = PlanSection::procedure;
  }
  ImGui::SameLine();
  bool in_proc = (ui.section == PlanSection::procedure || ui.section == PlanSection::step) && ui.procedure < np;
  ImGui::BeginDisabled(!in_proc);
  if (ImGui::SmallButton(tr("author.add_step")) && in_proc) {
    const DocNode* steps = procs->items[ui.procedure].find("steps");
    std::size_t ns = steps && steps->is_sequence() ? steps->items.size() : 0;
    DocNode step = DocNode::map();
    step.set("id", DocNode::text("s" + std::to_string(ns + 1)));
    step.set("text", DocNode::map(true));
    step.set("responsible", DocNode::list(true));
    step.set("expect", DocNode::list(true));
    ed.set_node(P, step_path(ui.procedure, ns), std::move(step), "add step");
    ui.step = ns;
    ui.section = PlanSection::step;
  }
  ImGui::SameLine();
  bool on_step = ui.section == PlanSection::step && ui.step != none;
  std::string list = on_step ? proc_path(ui.procedure) + ".steps" : "plan.procedures";
  std::size_t& at = on_step ? ui.step : ui.procedure;
  if (ImGui::SmallButton(tr("author.delete")) && ed.erase(P, list + "[" + std::to_string(at) + "]", "delete")) {
    if (on_step) ui.step = at > 0 ? at - 1 : none;
    else if (ui.procedure > 0) --ui.procedure;
    if (!on_step || ui.step == none) ui.section = PlanSection::procedure;
  }
  ImGui::SameLine();
  if (ImGui::SmallButton(tr("author.up")) && at > 0 && ed.move_item(P, list, at, -1, "move")) --at;
  ImGui::SameLine();
  if (ImGui::SmallButton(tr("author.down")) && ed.move_item(P, list, at, 1, "move")) ++at;
  ImGui::EndDisabled();
}

void outline(Editor& ed) {
  EditorUi& ui = ed.ui();
  heading(tr("author.outline"));
  outline_buttons(ed);
  ImGui::BeginChild("##outline_tree", ImVec2(0, 0), false);
  const DocNode* procs = procedures(ed);
  std::size_t np = procs && procs->is_sequence() ? procs->items.size() : 0;
  for (std::size_t i = 0; i < np; ++i) {
    const DocNode& p = procs->items[i];
    ImGui::PushID(static_cast<int>(i));
    std::string label = text_of(p.find("name"));
    label = (label.empty() ? p.get("id") : label) + "##proc";
    observe_text(label);
    ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_OpenOnArrow | ImGuiTreeNodeFlags_SpanAvailWidth;
    if (ui.section == PlanSection::procedure && ui.procedure == i) flags |= ImGuiTreeNodeFlags_Selected;
    if (ui.procedure == i && ui.section == PlanSection::step) ImGui::SetNextItemOpen(true);
    bool bad = ed.has_problem(P, proc_path(i));
    if (bad) ImGui::PushStyleColor(ImGuiCol_Text, colour::bad_text);
    bool open = ImGui::TreeNodeEx(label.c_str(), flags);
    if (bad) ImGui::PopStyleColor();
    tooltip_if_hovered(label.substr(0, label.size() - 6));
    if (ui.reveal && ui.procedure == i && ui.section != PlanSection::step) {
      ImGui::SetScrollHereY(0.3f);
      ui.reveal = false;
    }
    if (ImGui::IsItemClicked() && !ImGui::IsItemToggledOpen()) {
      ui.procedure = i;
      ui.step = none;
      ui.section = PlanSection::procedure;
    }
    if (open) {
      const DocNode* steps = p.find("steps");
      std::size_t ns = steps && steps->is_sequence() ? steps->items.size() : 0;
      for (std::size_t s = 0; s < ns; ++s) {
        const DocNode& st = steps->items[s];
        std::string sl = std::to_string(s + 1) + ". " + text_of(st.find("text"));
        if (sl.size() > 120) {  // the tree clips; the whole text is in the form
          std::size_t cut = 120;
          while (cut > 0 && (static_cast<unsigned char>(sl[cut]) & 0xC0) == 0x80) --cut;  // a character boundary
          sl = sl.substr(0, cut) + "…";
        }
        observe_text(sl);
        ImGui::PushID(static_cast<int>(s));
        bool sbad = ed.has_problem(P, step_path(i, s));
        if (sbad) ImGui::PushStyleColor(ImGuiCol_Text, colour::bad_text);
        if (ImGui::Selectable(sl.c_str(), ui.section == PlanSection::step && ui.procedure == i && ui.step == s)) {
          ui.procedure = i;
          ui.step = s;
          ui.section = PlanSection::step;
        }
        if (sbad) ImGui::PopStyleColor();
        if (ui.reveal && ui.procedure == i && ui.step == s) {
          ImGui::SetScrollHereY(0.3f);
          ui.reveal = false;
        }
        ImGui::PopID();
      }
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
  ImGui::Separator();
  auto section = [&](const char* key, PlanSection s) {
    if (ImGui::Selectable(tr(key), ui.section == s)) ui.section = s;
  };
  section("author.levels", PlanSection::levels);
  section("author.grading_reporting", PlanSection::grading);
  section("author.rules", PlanSection::rules);
  section("author.all_fields", PlanSection::fields);
  ImGui::EndChild();
}

void procedure_form(Editor& ed, std::size_t i) {
  std::string p = proc_path(i);
  heading(tr("author.procedure"));
  field_text(ed, P, p + ".id", tr("author.id"));
  field_text_pair(ed, P, p + ".name", tr("author.name"));
  field_text(ed, P, p + ".source", tr("author.source"));
  field_flow(ed, P, p + ".trigger", tr("author.trigger"));
  field_flow(ed, P, p + ".resolved", tr("author.resolved"));
  field_text(ed, P, p + ".within", tr("author.within"));
  field_bool(ed, P, p + ".repeat", tr("author.repeat"));
}

void branches(Editor& ed, std::size_t i, std::size_t s) {
  std::string list = step_path(i, s) + ".branches";
  heading(tr("author.branches"));
  const DocNode* node = node_at(ed.doc(P).doc.root, list);
  std::size_t n = node && node->is_sequence() ? node->items.size() : 0;
  Picks steps;
  if (const DocNode* st = node_at(ed.doc(P).doc.root, proc_path(i) + ".steps"))
    for (const auto& x : st->items) steps.push_back({x.get("id"), x.get("id")});
  Picks procs = picks(ed, PickKind::procedure);
  for (std::size_t b = 0; b < n; ++b) {
    std::string bp = list + "[" + std::to_string(b) + "]";
    const DocNode& br = node->items[b];
    ImGui::PushID(static_cast<int>(b));
    text_coloured(colour::muted, trf("author.branch_n", b + 1));
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("author.delete"))) {
      ed.erase(P, bp, "delete branch");
      ImGui::PopID();
      break;
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("author.up")) && b > 0) ed.move_item(P, list, b, -1, "move branch");
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("author.down"))) ed.move_item(P, list, b, 1, "move branch");
    ImGui::Indent();
    field_flow(ed, P, bp + ".when", tr("author.when"));
    int where = br.find("goto") ? 1 : br.find("end") ? 2 : 0;
    form_label(tr("author.then"));
    const char* where_keys[] = {"author.branch_next", "author.branch_goto", "author.branch_end"};
    const char* where_fields[] = {"next", "goto", "end"};
    for (int w = 0; w < 3; ++w) {
      if (w) ImGui::SameLine();
      if (ImGui::RadioButton(tr(where_keys[w]), where == w) && where != w) {
        DocNode copy = br;
        for (const char* f : where_fields) copy.erase(f);
        copy.set(where_fields[w], DocNode::text(w == 2 ? "true" : w == 0 ? (steps.empty() ? "" : steps.front().id)
                                                                      : (procs.empty() ? "" : procs.front().id)));
        ed.set_node(P, bp, std::move(copy), "branch");
      }
    }
    if (where == 0) field_pick(ed, P, bp + ".next", tr("author.next_step"), steps);
    else if (where == 1) field_pick(ed, P, bp + ".goto", tr("author.goto_procedure"), procs);
    field_text_pair(ed, P, bp + ".note", tr("author.note"));
    ImGui::Unindent();
    ImGui::PopID();
  }
  if (ImGui::SmallButton(tr("author.add_branch"))) {
    DocNode br = DocNode::map();
    br.set("next", DocNode::text(steps.empty() ? "" : steps.front().id));
    ed.set_node(P, list + "[" + std::to_string(n) + "]", std::move(br), "add branch");
  }
}

void step_form(Editor& ed, std::size_t i, std::size_t s) {
  std::string p = step_path(i, s);
  heading(trf("author.step_n", s + 1));
  field_text(ed, P, p + ".id", tr("author.id"));
  field_text_pair(ed, P, p + ".text", tr("author.step_text"), true);
  field_text(ed, P, p + ".source", tr("author.source"));
  Picks posts = picks(ed, PickKind::post);
  field_id_list(ed, P, p + ".responsible", tr("author.responsible"), posts);
  field_id_list(ed, P, p + ".cooperating", tr("author.cooperating"), posts);
  field_id_list(ed, P, p + ".expect", tr("author.expect_actions"), picks(ed, PickKind::action));
  field_text(ed, P, p + ".within", tr("author.within"));
  field_pick(ed, P, p + ".before_business", tr("author.before_business"), picks(ed, PickKind::business_kind));
  field_flow(ed, P, p + ".within_after", tr("author.within_after"));
  field_id_list(ed, P, p + ".starts", tr("author.starts"), picks(ed, PickKind::procedure));
  branches(ed, i, s);
  ImGui::Spacing();
  if (ImGui::CollapsingHeader(tr("author.all_fields_of_step"))) field_tree(ed, P, p);
}

void grading_form(Editor& ed) {
  Picks posts = picks(ed, PickKind::post);
  heading(tr("author.grading"));
  field_text(ed, P, "plan.grading.within", tr("author.within"));
  field_id_list(ed, P, "plan.grading.by", tr("author.by_posts"), posts);
  field_text(ed, P, "plan.grading.source", tr("author.source"));
  heading(tr("author.reporting"));
  field_text(ed, P, "plan.reporting.first_within", tr("author.first_within"));
  field_text(ed, P, "plan.reporting.cycle", tr("author.cycle"));
  field_text(ed, P, "plan.reporting.summary_within", tr("author.summary_within"));
  field_id_list(ed, P, "plan.reporting.to", tr("author.report_to"), posts);
  field_id_list(ed, P, "plan.reporting.by", tr("author.by_posts"), posts);
  field_text(ed, P, "plan.reporting.source", tr("author.source"));
}

}  // namespace

void draw_author_plan(Console& c) {
  Editor& ed = c.editor();
  EditorUi& ui = ed.ui();
  if (!ed.doc(P).open()) {
    text_disabled(tr("author.nothing_open"));
    return;
  }
  if (ui.drop_active) {
    ImGui::ClearActiveID();
    ui.drop_active = false;
  }
  editor_toolbar(c, P);
  const float problems_h = ed.doc(P).problems.empty() ? ImGui::GetFrameHeightWithSpacing() + em() * 0.6f : em() * 6.5f;
  float left = std::max(em() * 17, ImGui::GetContentRegionAvail().x * 0.32f);
  float body_h = -problems_h - ImGui::GetStyle().ItemSpacing.y;
  ImGui::BeginChild("##plan_outline", ImVec2(left, body_h), true);
  outline(ed);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##plan_form", ImVec2(0, body_h), true);
  const DocNode* procs = procedures(ed);
  std::size_t np = procs && procs->is_sequence() ? procs->items.size() : 0;
  switch (ui.section) {
    case PlanSection::procedure:
      if (ui.procedure < np) procedure_form(ed, ui.procedure);
      else text_disabled(tr("author.choose_item"));
      break;
    case PlanSection::step: {
      const DocNode* steps = ui.procedure < np ? procs->items[ui.procedure].find("steps") : nullptr;
      if (steps && steps->is_sequence() && ui.step < steps->items.size()) step_form(ed, ui.procedure, ui.step);
      else text_disabled(tr("author.choose_item"));
      break;
    }
    case PlanSection::levels:
      heading(tr("author.levels"));
      field_tree(ed, P, "plan.levels");
      break;
    case PlanSection::grading: grading_form(ed); break;
    case PlanSection::rules:
      heading(tr("author.rules"));
      field_tree(ed, P, "plan.rules");
      break;
    case PlanSection::fields: field_tree(ed, P, "plan"); break;
  }
  ImGui::EndChild();
  problems_panel(c, P, problems_h);
}

}  // namespace drillsim::gui

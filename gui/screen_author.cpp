// Author (编写): the way into writing a drill, with or without a running drill. Open a scenario or
// plan of the library (or any file), or start a new scenario for a chosen plan from the template.
#include <imgui.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "gui/console.hpp"
#include "gui/editor_state.hpp"
#include "gui/editor_widgets.hpp"
#include "gui/screens.hpp"
#include "gui/strings.hpp"
#include "gui/widgets.hpp"

namespace drillsim::gui {
namespace {

namespace fs = std::filesystem;

struct PlanChoice {
  std::string path;
  std::string label;
};

std::vector<PlanChoice> library_plans(const Console& c) {
  std::vector<PlanChoice> out;
  std::set<std::string> seen;
  for (const ScenarioEntry& e : c.ui().library) {
    if (e.plan_path.empty() || !seen.insert(e.plan_path).second) continue;
    std::string folder = fs::path(e.plan_path).parent_path().filename().string();
    out.push_back({e.plan_path, (e.plan_name.empty() ? folder : tx(e.plan_name)) + "  (" + folder + ")"});
  }
  return out;
}

void open_file(Console& c, const std::string& path) {
  std::string error;
  DocKind k = DocKind::scenario;
  if (!c.editor().open(path, error, &k)) {
    c.set_status(error, false);
    return;
  }
  c.set_status(trf("author.opened", path));
  c.open_screen(k == DocKind::scenario ? Screen::author_scenario : Screen::author_plan);
}

void library_list(Console& c) {
  heading(tr("author.library"));
  std::string plan;
  bool open = false;
  const auto& library = c.ui().library;
  ImGui::BeginChild("##author_library", ImVec2(0, 0), false);
  for (std::size_t i = 0; i < library.size(); ++i) {
    const ScenarioEntry& e = library[i];
    if (i == 0 || e.plan_path != plan) {
      if (open) ImGui::TreePop();
      plan = e.plan_path;
      std::string label = (e.plan_name.empty() ? fs::path(plan).parent_path().filename().string() : tx(e.plan_name));
      observe_text(label);
      ImGui::SetNextItemOpen(true, ImGuiCond_Once);
      open = ImGui::TreeNode((label + "##" + plan).c_str());
      ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetContentRegionMax().x - em() * 6));
      ImGui::PushID(plan.c_str());
      if (ImGui::SmallButton(tr("author.edit_plan"))) open_file(c, plan);
      ImGui::PopID();
    }
    if (!open) continue;
    ImGui::PushID(static_cast<int>(i));
    std::string name = e.name.empty() ? e.id : tx(e.name);
    observe_text(name);
    if (ImGui::Selectable(name.c_str(), false)) open_file(c, e.path);
    tooltip_if_hovered(trf("author.open_hint", e.path));
    ImGui::PopID();
  }
  if (open) ImGui::TreePop();
  ImGui::EndChild();
}

void new_scenario_form(Console& c) {
  Editor& ed = c.editor();
  EditorUi& ui = ed.ui();
  heading(tr("author.new_scenario"));
  text_disabled(tr("author.new_hint"));
  std::vector<PlanChoice> plans = library_plans(c);
  std::vector<std::string> labels;
  for (const auto& p : plans) labels.push_back(p.label);
  form_label(tr("author.plan"));
  ImGui::SetNextItemWidth(-1);
  if (combo("##new_plan", ui.fresh_plan, labels) && ui.fresh_plan >= 0)
    ui.fresh.plan_path = plans[static_cast<std::size_t>(ui.fresh_plan)].path;
  form_label(tr("author.plan_file"));
  ImGui::SetNextItemWidth(-1);
  input_text("##new_plan_path", ui.fresh.plan_path);
  form_label(tr("author.file_name"));
  ImGui::SetNextItemWidth(-1);
  input_text_hint("##new_file", "my_drill.yaml", ui.fresh.file_name);
  if (!ui.fresh.plan_path.empty())
    text_disabled(trf("author.will_write",
                      (fs::path(ui.fresh.plan_path).parent_path() / "scenarios" /
                       (ui.fresh.file_name.empty() ? std::string("…") : ui.fresh.file_name)).string()));
  form_label(tr("author.id"));
  ImGui::SetNextItemWidth(-1);
  input_text_hint("##new_id", "my_drill", ui.fresh.id);
  form_label(tr("author.name"));
  float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  ImGui::SetNextItemWidth(w);
  input_text_hint("##new_name_zh", "中文", ui.fresh.name_zh);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(w);
  input_text_hint("##new_name_en", "English", ui.fresh.name_en);
  form_label(tr("author.start"));
  ImGui::SetNextItemWidth(em() * 10);
  input_text("##new_start", ui.fresh.start);
  ImGui::SameLine();
  text(tr("author.end_after"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em() * 5);
  input_text("##new_end", ui.fresh.end_after);
  ImGui::SameLine();
  text(tr("author.seed"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  input_text("##new_seed", ui.fresh.seed);
  ImGui::Spacing();
  ImGui::BeginDisabled(ui.fresh.plan_path.empty() || ui.fresh.file_name.empty());
  if (ImGui::Button(tr("author.create"))) {
    std::string error;
    if (ed.new_scenario(ui.fresh, error)) {
      c.set_status(trf("author.created", ed.doc(DocKind::scenario).doc.path));
      c.open_screen(Screen::author_scenario);
    } else {
      c.set_status(error, false);
    }
  }
  ImGui::EndDisabled();
}

void open_any(Console& c) {
  heading(tr("author.open_file"));
  EditorUi& ui = c.editor().ui();
  ImGui::SetNextItemWidth(-em() * 5);
  bool go = input_text_hint("##open_path", tr("author.open_path_hint"), ui.open_path, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  go |= ImGui::Button(tr("author.open"));
  if (go && !ui.open_path.empty()) open_file(c, ui.open_path);
  for (DocKind k : {DocKind::scenario, DocKind::plan}) {
    const EditedDoc& e = c.editor().doc(k);
    if (!e.open()) continue;
    text_coloured(colour::muted, trf(k == DocKind::scenario ? "author.open_scenario" : "author.open_plan", e.doc.path));
  }
}

}  // namespace

void draw_author(Console& c) {
  float left = std::max(em() * 18, ImGui::GetContentRegionAvail().x * 0.4f);
  ImGui::BeginChild("##author_left", ImVec2(left, 0), true);
  library_list(c);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##author_right", ImVec2(0, 0), true);
  new_scenario_form(c);
  ImGui::Spacing();
  open_any(c);
  ImGui::EndChild();
}

}  // namespace drillsim::gui

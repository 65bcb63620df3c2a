// Start: choose the plan and scenario (shipped or from any folder), the mode, the participants and
// the posts they hold (A/B), whether drillsim plays the other posts; resume a drill that stopped.
#include <imgui.h>

#include <algorithm>
#include <filesystem>

#include "gui/console.hpp"
#include "gui/screens.hpp"
#include "gui/strings.hpp"
#include "gui/widgets.hpp"
#include "sim/world/describe.hpp"
#include "sim/world/timeline.hpp"

namespace drillsim::gui {
namespace {

void resume_card(Console& c) {
  const auto& saved = c.saved();
  if (!saved) return;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(58, 46, 22, 255));
  ImGui::BeginChild("##resume", ImVec2(0, ImGui::GetFrameHeightWithSpacing() * 2 + em()), true);
  text_coloured(colour::warn_text, trf("start.resume_found", std::filesystem::path(saved->scenario_path).filename().string(),
                                       saved->journal.size()));
  if (ImGui::Button(tr("start.resume"))) c.resume_saved();
  ImGui::SameLine();
  if (ImGui::Button(tr("start.discard"))) c.discard_saved();
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

void library_panel(Console& c) {
  ConsoleUi& ui = c.ui();
  heading(tr("start.library"));
  ImGui::SetNextItemWidth(-em() * 4.5f);
  bool scan = input_text("##folder", ui.library_folder, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  scan |= ImGui::Button(tr("start.scan"));
  if (scan) c.scan_library(std::string(ui.library_folder));
  tooltip_if_hovered(tr("start.scan_hint"));
  if (ui.library.empty()) text_disabled(tr("start.no_scenarios"));

  ImGui::BeginChild("##library_list", ImVec2(0, 0), false);
  std::string plan;
  bool open = false;
  const std::string& chosen = c.draft().scenario_path;
  for (std::size_t i = 0; i < ui.library.size(); ++i) {
    const ScenarioEntry& e = ui.library[i];
    if (i == 0 || e.plan_path != plan) {
      if (open) ImGui::TreePop();
      plan = e.plan_path;
      std::string label = (e.plan_name.empty() ? std::filesystem::path(plan).parent_path().filename().string()
                                               : tx(e.plan_name)) + "##" + plan;
      ImGui::SetNextItemOpen(true, ImGuiCond_Once);
      open = ImGui::TreeNode(label.c_str());
    }
    if (!open) continue;
    ImGui::PushID(static_cast<int>(i));
    std::string name = e.name.empty() ? e.id : tx(e.name);
    if (ImGui::Selectable(name.c_str(), e.path == chosen)) c.choose_scenario(e.path);
    tooltip_if_hovered(name + "\n\n" + tx(e.description));
    ImGui::PopID();
  }
  if (open) ImGui::TreePop();
  ImGui::EndChild();
}

void participants_table(Console& c, const Model& m) {
  SessionSetup& d = c.draft();
  std::vector<std::string> posts;
  for (const Post& p : m.organisation.posts) posts.push_back(tx(p.name));
  std::vector<std::string> roles = {tr("start.role_a"), tr("start.role_b")};
  if (ImGui::BeginTable("##participants", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
    ImGui::TableSetupColumn(tr("start.participant"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr("start.post"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn(tr("start.role"), ImGuiTableColumnFlags_WidthFixed, em() * 5);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize(tr("start.remove")).x + ImGui::GetStyle().FramePadding.x * 2 + 4);
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < d.participants.size(); ++i) {
      Participant& p = d.participants[i];
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      if (input_text("##name", p.name)) c.atlas().want(p.name);
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      int post = p.post == no_ix ? -1 : static_cast<int>(p.post);
      if (combo("##post", post, posts)) p.post = static_cast<Ix>(post);
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      combo("##role", p.role, roles);
      ImGui::TableNextColumn();
      bool remove = ImGui::SmallButton(tr("start.remove"));
      ImGui::PopID();
      if (remove) {
        c.remove_participant(i);
        break;
      }
    }
    ImGui::EndTable();
  }
  ImGui::SetNextItemWidth(em() * 10);
  input_text_hint("##new_participant", tr("start.participant_hint"), c.ui().new_participant);
  ImGui::SameLine();
  if (ImGui::Button(tr("start.add_participant"))) {
    std::string name = c.ui().new_participant.empty() ? trf("start.default_trainee", d.participants.size() + 1)
                                                      : c.ui().new_participant;
    c.add_participant(name, 0, 0);
    c.ui().new_participant.clear();
  }
}

void setup_panel(Console& c) {
  const Model* m = c.model();
  if (!c.load_problems().empty()) {
    heading(tr("start.problems"));
    for (const auto& p : c.load_problems()) text_coloured(colour::bad_text, p);
    return;
  }
  if (!m) {
    text_disabled(tr("start.choose"));
    return;
  }
  const Scenario& sc = m->scenario;
  heading(tx(sc.name));
  text_coloured(colour::muted, trf("start.plan_line", tx(m->plan.name), date_text(sc), clock_text(sc, 0).substr(0, 5),
                                   describe_duration(sc.end, strings().lang())));
  text_wrapped(tx(sc.description));
  if (!sc.calendar.empty()) {
    std::string cal;
    for (const auto& b : sc.calendar) cal += (cal.empty() ? "" : "；") + clock_text(sc, b.at).substr(0, 5) + " " + tx(b.name);
    ImGui::PushStyleColor(ImGuiCol_Text, colour::muted);
    text_wrapped(trf("start.calendar_line", cal));
    ImGui::PopStyleColor();
  }
  ImGui::Spacing();

  SessionSetup& d = c.draft();
  heading(tr("start.mode"));
  int mode = d.mode == DrillMode::timed ? 1 : 0;
  if (ImGui::RadioButton(tr("start.mode_tabletop"), mode == 0)) d.mode = DrillMode::tabletop;
  tooltip_if_hovered(tr("start.mode_tabletop_hint"));
  ImGui::SameLine();
  if (ImGui::RadioButton(tr("start.mode_timed"), mode == 1)) d.mode = DrillMode::timed;
  tooltip_if_hovered(tr("start.mode_timed_hint"));
  if (d.mode == DrillMode::timed) {
    for (double f : {1.0, 10.0, 60.0}) {
      ImGui::SameLine();
      std::string label = "×" + std::to_string(static_cast<int>(f));
      if (ImGui::RadioButton(label.c_str(), d.speed == f)) d.speed = f;
    }
  } else {
    ImGui::SameLine(0, em() * 1.5f);
    ImGui::Checkbox(tr("start.auto_advance"), &d.auto_advance);
    tooltip_if_hovered(tr("start.auto_advance_hint"));
  }
  ImGui::Spacing();
  heading(tr("start.participants"));
  participants_table(c, *m);
  ImGui::Spacing();
  ImGui::Checkbox(tr("start.policy_plays"), &d.policy_plays_others);
  tooltip_if_hovered(tr("start.policy_plays_hint"));
  ImGui::Checkbox(tr("start.trainees_see_plan"), &d.trainees_see_plan);
  ImGui::Spacing();
  bool ready = !d.participants.empty();
  for (const auto& p : d.participants) ready = ready && p.post != no_ix;
  if (!ready) text_coloured(colour::warn_text, tr("start.need_participant"));
  if (c.session() && !c.session()->drill().finished()) text_coloured(colour::warn_text, tr("start.ends_running"));
  ImGui::BeginDisabled(!ready);
  ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(46, 125, 72, 255));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(58, 150, 88, 255));
  if (ImGui::Button(tr("start.start"), ImVec2(em() * 10, em() * 2.2f))) c.start_drill();
  ImGui::PopStyleColor(2);
  ImGui::EndDisabled();
}

}  // namespace

void draw_start(Console& c) {
  resume_card(c);
  float left = std::max(em() * 16, ImGui::GetContentRegionAvail().x * 0.36f);
  ImGui::BeginChild("##library", ImVec2(left, 0), true);
  library_panel(c);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##setup", ImVec2(0, 0), true);
  setup_panel(c);
  ImGui::EndChild();
}

}  // namespace drillsim::gui

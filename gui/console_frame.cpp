// The frame: one full-window panel with the top bar, the navigation, the current screen and a
// status line.
#include <imgui.h>

#include "gui/console.hpp"
#include "gui/editor_state.hpp"
#include "gui/screens.hpp"
#include "gui/strings.hpp"
#include "gui/widgets.hpp"

namespace drillsim::gui {

void Console::frame() {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::Begin("##console", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  draw_top_bar(*this);

  const float status_h = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
  const float nav_w = em() * 8.5f;
  ImGui::BeginChild("##nav", ImVec2(nav_w, -status_h), true);
  ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
  for (int i = 0; i < screen_count; ++i) {
    auto s = static_cast<Screen>(i);
    if (!screen_visible(s)) continue;
    if (s == Screen::author) ImGui::Separator();  // writing a drill: below the drill's own screens
    std::string label = std::string("  ") + tr(std::string("nav.") + screen_name(s));
    if (s == Screen::inbox)
      if (int unread = inbox_unread(*this); unread > 0) label += " (" + std::to_string(unread) + ")";
    label += "##nav";
    label += screen_name(s);
    if (ImGui::Selectable(label.c_str(), ui_.screen == s, 0, ImVec2(0, em() * 1.9f))) open_screen(s);
  }
  ImGui::PopStyleVar();
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##main", ImVec2(0, -status_h), true);
  switch (ui_.screen) {
    case Screen::start: draw_start(*this); break;
    case Screen::situation: draw_situation(*this); break;
    case Screen::inbox: draw_inbox(*this); break;
    case Screen::actions: draw_actions(*this); break;
    case Screen::plan: draw_plan(*this); break;
    case Screen::timeline: draw_timeline(*this); break;
    case Screen::facilitator: draw_facilitator(*this); break;
    case Screen::debrief: draw_debrief(*this); break;
    case Screen::author: draw_author(*this); break;
    case Screen::author_scenario: draw_author_scenario(*this); break;
    case Screen::author_plan: draw_author_plan(*this); break;
  }
  editor_->end_frame();
  ImGui::EndChild();

  if (!status_.empty()) text_coloured(status_ok_ ? colour::muted : colour::bad_text, status_);
  else text_disabled(tr("status.ready"));
  ImGui::End();
}

}  // namespace drillsim::gui

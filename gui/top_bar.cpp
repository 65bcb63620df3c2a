// The top bar: scenario, the drill clock, the clock controls of the mode, the next deadline, the
// view (facilitator or a trainee post) and the language.
#include <imgui.h>

#include <algorithm>

#include "gui/console.hpp"
#include "gui/screens.hpp"
#include "gui/strings.hpp"
#include "gui/widgets.hpp"
#include "sim/world/responses.hpp"
#include "sim/world/timeline.hpp"

namespace drillsim::gui {
namespace {

void language_buttons(Console& c) {
  Lang now = strings().lang();
  auto button = [&](const char* label, Lang lang) {
    bool on = now == lang;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_ButtonActive]);
    if (ImGui::SmallButton(label)) c.set_lang(lang);
    if (on) ImGui::PopStyleColor();
  };
  button("中文", Lang::zh);
  ImGui::SameLine();
  button("English", Lang::en);
}

void view_combo(Console& c) {
  DrillSession* s = c.session();
  if (!s) return;
  const Model& m = s->model();
  std::vector<std::string> items = {tr("view.facilitator"), tr("view.trainees")};
  std::vector<Ix> posts = s->trainee_posts();
  for (Ix p : posts) {
    const Participant* who = s->participant_at(p);
    items.push_back(trf("view.trainee_post", tx(m.organisation.posts[p].name), who ? who->name : ""));
  }
  const View& v = c.ui().view;
  int current = v.facilitator ? 0 : 1;
  for (std::size_t i = 0; i < posts.size(); ++i)
    if (!v.facilitator && v.post == posts[i]) current = static_cast<int>(i) + 2;
  ImGui::SetNextItemWidth(em() * 14);
  if (combo("##view", current, items)) {
    if (current == 0) c.set_view({true, no_ix});
    else if (current == 1) c.set_view({false, no_ix});
    else c.set_view({false, posts[static_cast<std::size_t>(current - 2)]});
  }
}

void clock_controls(Console& c, DrillSession& s) {
  const Model& m = s.model();
  const Drill& d = s.drill();
  if (d.finished()) {
    text_coloured(colour::warn_text, tr("clock.finished"));
    return;
  }
  if (s.setup().mode == DrillMode::timed) {
    if (s.paused()) {
      if (ImGui::Button(tr("clock.resume"))) c.resume();
    } else if (ImGui::Button(tr("clock.pause"))) {
      c.pause();
    }
    for (double f : {1.0, 10.0, 60.0}) {
      ImGui::SameLine();
      bool on = s.setup().speed == f;
      if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_ButtonActive]);
      std::string label = "×" + std::to_string(static_cast<int>(f));
      if (ImGui::Button(label.c_str())) c.set_speed(f);
      if (on) ImGui::PopStyleColor();
    }
    ImGui::SameLine();
  }
  if (ImGui::Button(tr("clock.next_event"))) c.next_event();
  if (SimTime next = d.next_event_time(); next != never && ImGui::IsItemHovered())
    tooltip_if_hovered(trf("clock.next_event_at", clock_text(m.scenario, next)));
  ImGui::SameLine();
  if (ImGui::Button(tr("clock.plus5"))) c.advance_by(300);
  ImGui::SameLine();
  if (ImGui::Button(tr("clock.plus30"))) c.advance_by(1800);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em() * 4.5f);
  bool go = input_text_hint("##goto", "10:30", c.ui().goto_time, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  go |= ImGui::Button(tr("clock.go"));
  if (go) {
    SimTime t = 0;
    if (parse_scenario_time(c.ui().goto_time, m.scenario, t) && t >= d.now()) c.advance_to(t);
    else c.set_status(trf("clock.bad_time", c.ui().goto_time), false);
  }
}

}  // namespace

void draw_top_bar(Console& c) {
  DrillSession* s = c.session();
  const Model* m = c.model();
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float pad = ImGui::GetStyle().WindowPadding.y;
  ImGui::BeginChild("##top", ImVec2(0, std::max(em() * 2.0f, 2 * line) + 2 * pad + 2), true,
                    ImGuiWindowFlags_NoScrollbar);
  // Left: the clock, large; then the scenario, the date, the mode and the next deadline.
  ImGui::PushFont(c.atlas().large());
  text(s ? clock_text(s->model().scenario, s->drill().now()) : std::string("--:--:--"));
  ImGui::PopFont();
  ImGui::SameLine(0, em() * 1.2f);
  ImGui::BeginGroup();
  text(std::string(tr("app.title")) + (m ? "  ·  " + tx(m->scenario.name) : std::string()));
  if (s) {
    std::string mode = s->setup().mode == DrillMode::timed
                           ? trf("clock.mode_timed", static_cast<int>(s->setup().speed)) +
                                 (s->paused() ? std::string(" ") + tr("clock.paused") : std::string())
                           : std::string(tr("clock.mode_tabletop"));
    text_coloured(colour::muted, date_text(s->model().scenario) + "  " + mode);
    const auto& cal = c.knowledge().calendar();
    Ix next = next_deadline(cal);
    if (next != no_ix) {
      ImGui::SameLine(0, em());
      const BusinessEvent& b = s->model().scenario.calendar[next];
      SimTime left = cal[next].at - s->drill().now();
      std::string t = cal[next].state == "waiting"
                          ? trf("top.deadline_waiting", tx(b.name))
                          : trf("top.deadline", tx(b.name), clock_text(s->model().scenario, cal[next].at),
                                duration_clock(left));
      text_coloured(left < 900 ? colour::warn_text : colour::muted, t);
    }
  } else {
    text_disabled(tr("top.no_drill"));
  }
  ImGui::EndGroup();

  // Right: language, then the view.
  const float right_w = em() * 14.5f;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowWidth() - right_w - pad));
  ImGui::BeginGroup();
  language_buttons(c);
  view_combo(c);
  ImGui::EndGroup();
  ImGui::EndChild();

  // The facilitator's clock controls: a row of their own.
  if (s && c.ui().view.facilitator) {
    ImGui::BeginChild("##controls", ImVec2(0, ImGui::GetFrameHeight() + 2 * pad), true, ImGuiWindowFlags_NoScrollbar);
    clock_controls(c, *s);
    ImGui::EndChild();
  }
}

}  // namespace drillsim::gui

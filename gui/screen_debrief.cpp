// Debrief: what the drill came to (business events, downtime, the true level, data), the
// evaluators' observations, and the whole timeline.
#include <imgui.h>

#include "gui/console.hpp"
#include "gui/screens.hpp"
#include "gui/strings.hpp"
#include "gui/widgets.hpp"
#include "sim/world/outcomes.hpp"
#include "sim/world/timeline.hpp"

namespace drillsim::gui {
namespace {

void outcomes(Console& c) {
  const DrillSession& s = *c.session();
  const Model& m = s.model();
  Outcomes o = outcomes_of(s.drill());
  heading(tr("debrief.business"));
  if (o.business.empty()) text_disabled(tr("situation.no_calendar"));
  for (const BusinessOutcome& b : o.business) {
    const char* state = "business.pending";
    ImU32 col = colour::unknown;
    switch (b.state) {
      case BusinessState::pending: break;
      case BusinessState::held: state = "business.held", col = colour::up; break;
      case BusinessState::held_fallback: state = "business.held_fallback", col = colour::degraded; break;
      case BusinessState::delayed: state = "business.delayed", col = colour::degraded; break;
      case BusinessState::missed: state = "business.missed", col = colour::down; break;
    }
    badge(tr(state), col);
    ImGui::SameLine();
    std::string line = tx(m.scenario.calendar[b.event].name);
    if (b.delay > 0) line += "  " + trf("debrief.late_by", duration_clock(b.delay));
    text_wrapped(line);
  }
  ImGui::Spacing();
  heading(tr("debrief.downtime"));
  if (o.downtime.empty()) text_disabled(tr("debrief.no_downtime"));
  for (const auto& [comp, t] : o.downtime)
    text(duration_clock(t) + "  " + tx(m.platform.components[comp].name));
  ImGui::Spacing();
  heading(tr("debrief.summary"));
  text(trf("situation.level", o.level == no_ix ? std::string(tr("situation.no_level")) : tx(m.plan.levels[o.level].name)));
  if (o.data_lost) text_coloured(colour::bad_text, tr("debrief.data_lost"));
  text(trf("debrief.actions", o.actions, o.rejected));
}

void evaluations(Console& c) {
  const DrillSession& s = *c.session();
  const Model& m = s.model();
  heading(tr("facilitator.evaluations"));
  int n = 0;
  for (const JournalEntry& e : s.drill().journal().entries()) {
    if (e.kind != EntryKind::note) continue;
    ++n;
    std::string objective = e.subject;
    for (const auto& o : m.scenario.objectives)
      if (o.id == e.subject) objective = tx(o.text);
    std::string line = clock_text(m.scenario, e.t).substr(0, 5) + "  ";
    if (!e.result.empty()) line += "[" + e.result + "] " + objective + " — ";
    text_wrapped(line + e.actor + ": " + e.text.zh);
  }
  if (n == 0) text_disabled(tr("debrief.no_evaluations"));
}

}  // namespace

void draw_debrief(Console& c) {
  const DrillSession& s = *c.session();
  if (!s.drill().finished()) {
    text_coloured(colour::warn_text, tr("debrief.running"));
  } else {
    text_coloured(colour::good_text, trf("debrief.finished", clock_text(s.model().scenario, s.drill().now())));
  }
  ImGui::SameLine(0, em() * 2);
  text_disabled(tr("debrief.scoring_pending"));
  if (ImGui::BeginTabBar("##debrief")) {
    if (ImGui::BeginTabItem(tr("debrief.tab_outcomes"))) {
      float half = ImGui::GetContentRegionAvail().x * 0.5f;
      ImGui::BeginChild("##out_left", ImVec2(half, 0), true);
      outcomes(c);
      ImGui::EndChild();
      ImGui::SameLine();
      ImGui::BeginChild("##out_right", ImVec2(0, 0), true);
      evaluations(c);
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(tr("debrief.tab_timeline"))) {
      draw_journal_table(c, "##debrief_journal", false);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
}

}  // namespace drillsim::gui

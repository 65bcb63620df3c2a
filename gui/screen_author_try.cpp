// "Try it": the scenario being edited run at full speed with the plan-following policy; its score
// (rating and verdicts), business outcomes, coverage (procedures triggered, steps reached) and the
// timeline, so the author sees at once whether the drill plays as intended.
#include <imgui.h>

#include <algorithm>
#include <map>

#include "gui/console.hpp"
#include "gui/editor_state.hpp"
#include "gui/screens.hpp"
#include "gui/strings.hpp"
#include "gui/widgets.hpp"
#include "scoring/score_text.hpp"
#include "sim/world/describe.hpp"
#include "sim/world/names.hpp"
#include "sim/world/timeline.hpp"

namespace drillsim::gui {
namespace {

ImU32 rating_colour(char r) {
  return r == 'P' ? colour::up : r == 'S' ? colour::accent : r == 'M' ? colour::degraded : r == 'U' ? colour::down : colour::unknown;
}

void score_part(const authoring::TryResult& r) {
  const scoring::ScoreSheet& s = r.sheet;
  heading(tr("author.try_score"));
  badge(std::string(1, s.overall_rating), rating_colour(s.overall_rating));
  ImGui::SameLine();
  text(scoring::percent_text(s.overall));
  ImGui::SameLine();
  text_coloured(colour::muted, tr((std::string("rating.") + s.overall_rating).c_str()));
  std::map<scoring::Verdict, int> counts;
  for (const auto& item : s.items) ++counts[item.verdict];
  std::string summary;
  for (const auto& [v, n] : counts) summary += (summary.empty() ? "" : " · ") + tx(scoring::verdict_text(v)) + " " + std::to_string(n);
  text_wrapped(summary);
}

void business_part(const authoring::TryResult& r) {
  const Model& m = *r.model;
  heading(tr("author.try_business"));
  if (r.sheet.business.empty()) text_disabled(tr("author.try_no_business"));
  for (const auto& b : r.sheet.business) {
    if (b.event >= m.scenario.calendar.size()) continue;
    const char* state = business_state_name(b.state);
    ImU32 col = b.state == BusinessState::held ? colour::good_text
                : b.state == BusinessState::missed ? colour::bad_text : colour::warn_text;
    std::string line = tx(m.scenario.calendar[b.event].name) + ": " + tr((std::string("business.") + state).c_str());
    if (b.delay > 0) line += " (" + trf("author.try_late", describe_duration(b.delay, strings().lang())) + ")";
    text_coloured(col, line);
  }
}

void coverage_part(const authoring::TryResult& r) {
  const Model& m = *r.model;
  heading(tr("author.try_coverage"));
  int started = 0;
  for (const auto& p : r.coverage) started += p.started ? 1 : 0;
  text_coloured(colour::muted, trf("author.try_triggered", started, r.coverage.size()));
  if (!ImGui::BeginTable("##coverage", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
  for (const auto& p : r.coverage) {
    if (!p.started || p.procedure >= m.plan.procedures.size()) continue;
    const Procedure& proc = m.plan.procedures[p.procedure];
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text_wrapped(tx(proc.name));
    ImGui::TableNextColumn();
    auto reached = static_cast<std::size_t>(std::count(p.steps_reached.begin(), p.steps_reached.end(), true));
    text_coloured(reached == proc.steps.size() ? colour::good_text : colour::warn_text,
                  trf("author.try_steps", reached, proc.steps.size()));
    std::string missing;
    for (std::size_t s = 0; s < p.steps_reached.size() && s < proc.steps.size(); ++s)
      if (!p.steps_reached[s]) missing += (missing.empty() ? "" : ", ") + proc.steps[s].id;
    if (!missing.empty()) tooltip_if_hovered(trf("author.try_unreached", missing));
  }
  ImGui::EndTable();
}

void timeline_part(const authoring::TryResult& r) {
  const Model& m = *r.model;
  heading(trf("author.try_timeline", r.journal.size()));
  ImGui::BeginChild("##try_timeline", ImVec2(0, 0), false);
  for (const JournalEntry& e : r.journal) {  // a drill's journal is short: wrapped, no clipper
    if (e.truth_only) ImGui::PushStyleColor(ImGuiCol_Text, colour::truth);
    text_wrapped(render_entry(m, e, strings().lang()));
    if (e.truth_only) ImGui::PopStyleColor();
  }
  ImGui::EndChild();
}

}  // namespace

void draw_try_it(Console& c) {
  Editor& ed = c.editor();
  ImGui::BeginDisabled(!ed.doc(DocKind::scenario).good());
  if (ImGui::Button(tr("author.try_run"))) ed.try_it();
  ImGui::EndDisabled();
  ImGui::SameLine();
  text_disabled(tr("author.try_hint"));
  const authoring::TryResult* r = ed.tried();
  if (!r) return;
  if (!r->ok || !r->model) {
    text_coloured(colour::bad_text, r->error);
    return;
  }
  float left = std::max(em() * 20, ImGui::GetContentRegionAvail().x * 0.42f);
  ImGui::BeginChild("##try_left", ImVec2(left, 0), true);
  score_part(*r);
  ImGui::Spacing();
  business_part(*r);
  ImGui::Spacing();
  coverage_part(*r);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##try_right", ImVec2(0, 0), true);
  timeline_part(*r);
  ImGui::EndChild();
}

}  // namespace drillsim::gui

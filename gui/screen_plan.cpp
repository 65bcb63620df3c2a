// Plan: the emergency plan's procedures and steps as a reference panel; levels, reporting rules and
// rules of conduct. The facilitator decides whether the trainees see it.
#include <imgui.h>

#include <algorithm>

#include "gui/console.hpp"
#include "gui/screens.hpp"
#include "gui/strings.hpp"
#include "gui/widgets.hpp"
#include "sim/world/describe.hpp"

namespace drillsim::gui {
namespace {

std::string action_names(const Model& m, const std::vector<ExpectedAction>& expect) {
  std::string out;
  for (const auto& e : expect) {
    if (e.action >= m.catalog.actions.size()) continue;
    out += (out.empty() ? "" : (strings().lang() == Lang::zh ? "；" : "; ")) + tx(m.catalog.actions[e.action].name);
  }
  return out;
}

void procedure(const Model& m, const Procedure& p) {
  Lang lang = strings().lang();
  heading(tx(p.name));
  if (!p.source.empty()) text_coloured(colour::muted, trf("plan.source", p.source));
  text_wrapped(trf("plan.trigger", describe_condition(m, p.trigger, lang)));
  if (p.within > 0) text_coloured(colour::warn_text, trf("plan.within", describe_duration(p.within, lang)));
  ImGui::Spacing();
  for (std::size_t i = 0; i < p.steps.size(); ++i) {
    const Step& s = p.steps[i];
    ImGui::PushID(static_cast<int>(i));
    badge(std::to_string(i + 1), colour::accent);
    ImGui::SameLine();
    ImGui::BeginGroup();
    text_wrapped(tx(s.text));
    if (!s.responsible.empty()) text_coloured(colour::muted, trf("plan.responsible", describe_posts(m, s.responsible, lang)));
    if (!s.cooperating.empty()) text_coloured(colour::muted, trf("plan.cooperating", describe_posts(m, s.cooperating, lang)));
    if (!s.expect.empty()) text_wrapped(trf("plan.expect", action_names(m, s.expect)));
    if (s.within > 0) text_coloured(colour::warn_text, trf("plan.step_within", describe_duration(s.within, lang)));
    if (!s.before_business.empty()) {
      std::string event = s.before_business;  // the business kind; named by the first event of that kind
      for (const BusinessEvent& b : m.scenario.calendar)
        if (b.kind == s.before_business) {
          event = tx(b.name);
          break;
        }
      text_coloured(colour::warn_text, trf("plan.before_business", event));
    }
    for (const Branch& b : s.branches) {
      std::string where;
      if (b.end) where = tr("plan.branch_end");
      else if (b.goto_procedure < m.plan.procedures.size()) where = trf("plan.branch_goto", tx(m.plan.procedures[b.goto_procedure].name));
      else if (b.next_step < p.steps.size()) where = trf("plan.branch_next", b.next_step + 1);
      text_wrapped("  · " + trf("plan.branch", describe_condition(m, b.when, lang), where));
      if (!b.note.empty()) text_disabled("    " + tx(b.note));
    }
    if (!s.source.empty()) text_disabled(s.source);
    ImGui::EndGroup();
    ImGui::PopID();
    ImGui::Spacing();
  }
}

void rules(const Model& m) {
  Lang lang = strings().lang();
  const Plan& p = m.plan;
  heading(tr("plan.levels"));
  for (const Level& l : p.levels) {
    text(tx(l.name));
    ImGui::Indent();
    text_disabled(describe_condition(m, l.when, lang));
    if (!l.declared_by.empty()) text_disabled(trf("plan.declared_by", describe_posts(m, l.declared_by, lang)));
    ImGui::Unindent();
  }
  if (p.grading.within > 0)
    text_wrapped(trf("plan.grading", describe_duration(p.grading.within, lang), describe_posts(m, p.grading.by, lang)));
  const ReportingRule& r = p.reporting;
  if (r.first_within > 0 || r.cycle > 0 || r.summary_within > 0) {
    heading(tr("plan.reporting"));
    if (r.first_within > 0) text_wrapped(trf("plan.first_report", describe_duration(r.first_within, lang)));
    if (r.cycle > 0) text_wrapped(trf("plan.report_cycle", describe_duration(r.cycle, lang)));
    if (r.summary_within > 0) text_wrapped(trf("plan.summary_report", describe_duration(r.summary_within, lang)));
  }
  if (!p.rules.empty()) {
    heading(tr("plan.rules"));
    for (const ConductRule& rule : p.rules) text_wrapped("· " + tx(rule.text));
  }
}

}  // namespace

void draw_plan(Console& c) {
  DrillSession& s = *c.session();
  const Model& m = s.model();
  ConsoleUi& ui = c.ui();
  if (c.sees_truth()) {
    ImGui::Checkbox(tr("plan.trainees_see"), &s.setup().trainees_see_plan);
    ImGui::SameLine(0, em() * 2);
  }
  text_coloured(colour::muted, tx(m.plan.name));
  float left = std::max(em() * 14, ImGui::GetContentRegionAvail().x * 0.28f);
  ImGui::BeginChild("##procedures", ImVec2(left, 0), true);
  heading(tr("plan.procedures"));
  for (Ix i = 0; i < m.plan.procedures.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::Selectable(tx(m.plan.procedures[i].name).c_str(), ui.plan_procedure == i)) ui.plan_procedure = i;
    tooltip_if_hovered(tx(m.plan.procedures[i].name));
    ImGui::PopID();
  }
  if (ImGui::Selectable(tr("plan.levels_and_rules"), ui.plan_procedure == no_ix)) ui.plan_procedure = no_ix;
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##procedure", ImVec2(0, 0), true);
  if (ui.plan_procedure < m.plan.procedures.size()) procedure(m, m.plan.procedures[ui.plan_procedure]);
  else rules(m);
  ImGui::EndChild();
}

}  // namespace drillsim::gui

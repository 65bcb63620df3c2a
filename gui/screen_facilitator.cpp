// Facilitator console: the MSEL with hold and release of contingency injects, live injects of any
// kind, evaluators' observations rated P/S/M/U, notes, and ending the drill.
#include <imgui.h>

#include <algorithm>

#include "gui/console.hpp"
#include "gui/screens.hpp"
#include "gui/strings.hpp"
#include "gui/widgets.hpp"
#include "sim/world/describe.hpp"
#include "sim/world/responses.hpp"
#include "sim/world/timeline.hpp"

namespace drillsim::gui {
namespace {

void msel(Console& c) {
  DrillSession& s = *c.session();
  const Model& m = s.model();
  const Drill& d = s.drill();
  heading(tr("facilitator.msel"));
  ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                          ImGuiTableFlags_SizingStretchProp;
  float height = std::max(em() * 13, ImGui::GetContentRegionAvail().y - em() * 15);  // the live inject form below
  if (!ImGui::BeginTable("##msel", 4, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("facilitator.when"), ImGuiTableColumnFlags_WidthStretch, 1.1f);
  ImGui::TableSetupColumn(tr("facilitator.inject"), ImGuiTableColumnFlags_WidthStretch, 2.4f);
  ImGui::TableSetupColumn(tr("facilitator.state"), ImGuiTableColumnFlags_WidthFixed, em() * 4);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, em() * 4.5f);
  ImGui::TableHeadersRow();
  Lang lang = strings().lang();
  const auto& injects = d.injects();
  for (Ix i = 0; i < injects.size(); ++i) {
    const Inject& inj = injects[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text_wrapped(inj.timed ? clock_text(m.scenario, inj.at).substr(0, 5) : describe_condition(m, inj.when, lang));
    ImGui::TableNextColumn();
    std::string what = inj.id;
    if (!inj.note.empty()) what += ": " + tx(inj.note);
    else if (!inj.text.empty()) what += ": " + tx(inj.text);
    text_wrapped(what);
    if (!inj.expect.empty()) tooltip_if_hovered(trf("facilitator.expect", tx(inj.expect)));
    ImGui::TableNextColumn();
    bool fired = d.inject_fired(i), held = d.inject_held(i);
    badge(tr(fired ? "facilitator.fired" : held ? "facilitator.held" : "facilitator.waiting"),
          fired ? colour::up : held ? colour::degraded : colour::unknown);
    ImGui::TableNextColumn();
    if (!fired && !inj.timed) {
      if (held) {
        if (ImGui::SmallButton(tr("facilitator.release"))) c.release_inject(i);
      } else if (ImGui::SmallButton(tr("facilitator.hold"))) {
        c.hold_inject(i);
      }
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
}

std::vector<std::string> names_of(const auto& items) {
  std::vector<std::string> out;
  for (const auto& x : items) out.push_back(tx(x.name));
  return out;
}

void live_inject(Console& c) {
  DrillSession& s = *c.session();
  const Model& m = s.model();
  ConsoleUi::InjectDraft& d = c.ui().inject;
  heading(tr("facilitator.live_inject"));
  std::vector<std::string> kinds;
  for (const char* k : {"fault", "clear", "message", "absent", "late", "fire", "load", "fact"})
    kinds.push_back(tr(std::string("inject_kind.") + k));
  ImGui::SetNextItemWidth(em() * 9);
  combo(tr("facilitator.kind"), d.kind, kinds);
  auto kind = static_cast<Inject::Kind>(d.kind);
  std::vector<std::string> components = names_of(m.platform.components);
  ImGui::PushItemWidth(em() * 16);
  switch (kind) {
    case Inject::Kind::fault:
    case Inject::Kind::clear:
      combo(tr("facilitator.component"), d.component, components);
      combo(tr("facilitator.fault_type"), d.fault_type, names_of(m.platform.fault_types));
      break;
    case Inject::Kind::message:
      combo(tr("facilitator.to_post"), d.post, names_of(m.organisation.posts));
      input_text(tr("facilitator.from_zh"), d.from_zh);
      input_text(tr("facilitator.from_en"), d.from_en);
      input_text(tr("facilitator.text_zh"), d.text_zh);
      input_text(tr("facilitator.text_en"), d.text_en);
      break;
    case Inject::Kind::absent:
      combo(tr("facilitator.person"), d.person, names_of(m.organisation.persons));
      break;
    case Inject::Kind::late:
      combo(tr("facilitator.person"), d.person, names_of(m.organisation.persons));
      ImGui::InputInt(tr("facilitator.late_min"), &d.late_min);
      break;
    case Inject::Kind::fire: {
      std::vector<Ix> rooms;
      std::vector<std::string> names;
      int current = -1;
      for (Ix i = 0; i < m.platform.components.size(); ++i)
        if (m.platform.components[i].kind == ComponentKind::room) {
          if (static_cast<int>(i) == d.component) current = static_cast<int>(rooms.size());
          rooms.push_back(i);
          names.push_back(tx(m.platform.components[i].name));
        }
      if (current < 0 && !rooms.empty()) d.component = static_cast<int>(rooms.front()), current = 0;
      if (combo(tr("facilitator.room"), current, names)) d.component = static_cast<int>(rooms[static_cast<std::size_t>(current)]);
      break;
    }
    case Inject::Kind::load: combo(tr("facilitator.component"), d.component, components); break;
    case Inject::Kind::fact: combo(tr("facilitator.fact"), d.fact, names_of(m.catalog.facts)); break;
  }
  input_text_hint(tr("facilitator.at"), tr("facilitator.at_hint"), d.at);
  ImGui::PopItemWidth();
  if (ImGui::Button(tr("facilitator.add_inject"))) {
    Inject inj;
    inj.kind = kind;
    inj.at = s.drill().now();
    if (!d.at.empty() && !parse_scenario_time(d.at, m.scenario, inj.at)) {
      c.ui().inject_result = trf("clock.bad_time", d.at);
    } else {
      inj.component = static_cast<Ix>(d.component);
      switch (kind) {
        case Inject::Kind::fault:
        case Inject::Kind::clear: inj.ref = static_cast<Ix>(d.fault_type); break;
        case Inject::Kind::message:
          inj.component = no_ix;
          inj.ref = static_cast<Ix>(d.post);
          inj.from = Text{d.from_zh, d.from_en};
          inj.text = Text{d.text_zh, d.text_en};
          break;
        case Inject::Kind::absent:
        case Inject::Kind::late:
          inj.component = no_ix;
          inj.ref = static_cast<Ix>(d.person);
          inj.late_by = Distribution::fixed(std::max(0, d.late_min) * 60.0);
          break;
        case Inject::Kind::fact:
          inj.component = no_ix;
          inj.ref = static_cast<Ix>(d.fact);
          break;
        default: break;
      }
      c.add_live_inject(std::move(inj));
    }
  }
  if (!c.ui().inject_result.empty()) {
    ImGui::SameLine();
    text_coloured(colour::muted, c.ui().inject_result);
  }
}

void evaluations(Console& c) {
  DrillSession& s = *c.session();
  const Model& m = s.model();
  ConsoleUi::EvaluationDraft& d = c.ui().evaluation;
  heading(tr("facilitator.evaluations"));
  const auto& objectives = m.scenario.objectives;
  if (objectives.empty()) {
    text_disabled(tr("facilitator.no_objectives"));
    return;
  }
  std::vector<std::string> names;
  for (const auto& o : objectives) names.push_back(tx(o.text));
  ImGui::SetNextItemWidth(-1);
  combo("##objective", d.objective, names);
  static const char* ratings[] = {"P", "S", "M", "U"};
  for (int r = 0; r < 4; ++r) {
    if (r > 0) ImGui::SameLine();
    ImGui::RadioButton(tr(std::string("rating.") + ratings[r]), &d.rating, r);
  }
  ImGui::SetNextItemWidth(em() * 8);
  input_text_hint("##evaluator", tr("facilitator.evaluator_hint"), d.evaluator);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-em() * 5);
  input_text_hint("##eval_text", tr("facilitator.evaluation_hint"), d.text);
  ImGui::SameLine();
  if (ImGui::Button(tr("facilitator.record")) && d.objective < static_cast<int>(objectives.size())) {
    c.evaluate(d.evaluator, objectives[static_cast<std::size_t>(d.objective)].id, ratings[d.rating], d.text);
    d.text.clear();
  }
  if (!c.ui().evaluation_result.empty()) text_coloured(colour::muted, c.ui().evaluation_result);
  // The evaluations so far (journal notes with a rating).
  for (const JournalEntry& e : s.drill().journal().entries()) {
    if (e.kind != EntryKind::note || e.result.empty()) continue;
    std::string objective = e.subject;
    for (const auto& o : objectives)
      if (o.id == e.subject) objective = tx(o.text);
    text_wrapped(clock_text(m.scenario, e.t).substr(0, 5) + "  [" + e.result + "] " + objective + " — " + e.actor +
                 ": " + e.text.zh);
  }
}

void notes_and_end(Console& c) {
  ConsoleUi& ui = c.ui();
  heading(tr("facilitator.notes"));
  ImGui::SetNextItemWidth(-em() * 5);
  input_text_hint("##note", tr("facilitator.note_hint"), ui.note);
  ImGui::SameLine();
  if (ImGui::Button(tr("facilitator.add_note")) && !ui.note.empty()) {
    c.add_note({}, ui.note);
    ui.note.clear();
  }
  ImGui::Spacing();
  heading(tr("facilitator.end"));
  if (c.session()->drill().finished()) {
    text_disabled(tr("clock.finished"));
    return;
  }
  if (!ui.confirm_end) {
    if (ImGui::Button(tr("facilitator.end_drill"))) ui.confirm_end = true;
  } else {
    text_coloured(colour::warn_text, tr("facilitator.end_confirm"));
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(170, 50, 44, 255));
    if (ImGui::Button(tr("facilitator.end_yes"))) {
      ui.confirm_end = false;
      c.end_drill();
    }
    ImGui::PopStyleColor();
    ImGui::SameLine();
    if (ImGui::Button(tr("facilitator.end_no"))) ui.confirm_end = false;
  }
}

}  // namespace

void draw_facilitator(Console& c) {
  float half = ImGui::GetContentRegionAvail().x * 0.5f - ImGui::GetStyle().ItemSpacing.x * 0.5f;
  ImGui::BeginChild("##fac_left", ImVec2(half, 0), true);
  msel(c);
  ImGui::Spacing();
  live_inject(c);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##fac_right", ImVec2(0, 0), true);
  evaluations(c);
  ImGui::Spacing();
  notes_and_end(c);
  ImGui::EndChild();
}

}  // namespace drillsim::gui

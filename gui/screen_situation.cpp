// Situation: the platform as its dependency graph (layered layout), each component coloured by the
// truth (facilitator) or by what the trainees can know; the business calendar with countdowns.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "gui/console.hpp"
#include "gui/screens.hpp"
#include "gui/strings.hpp"
#include "gui/widgets.hpp"
#include "sim/world/names.hpp"
#include "sim/world/timeline.hpp"

namespace drillsim::gui {
namespace {

ImU32 darker(ImU32 c, float f) {
  ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
  return ImGui::ColorConvertFloat4ToU32(ImVec4(v.x * f, v.y * f, v.z * f, v.w));
}

const char* off_key(OffReason r) {
  switch (r) {
    case OffReason::standby: return "state.standby";
    case OffReason::switched_off: return "state.switched_off";
    case OffReason::moved_out: return "state.moved_out";
    case OffReason::destroyed: return "state.destroyed";
    case OffReason::overheated: return "state.overheated";
    case OffReason::battery_empty: return "state.battery_empty";
    default: return nullptr;
  }
}

const char* health_key(Health h) {
  return h == Health::up ? "state.up" : h == Health::degraded ? "state.degraded" : "state.down";
}

const char* reported_key(Reported r) {
  switch (r) {
    case Reported::unknown: return "known.unknown";
    case Reported::down: return "known.down";
    case Reported::degraded: return "known.degraded";
    case Reported::up: return "known.up";
  }
  return "known.unknown";
}

// The text a node shows under its name, and its tooltip.
struct NodeLook {
  ImU32 fill;
  std::string detail;
  std::string tip;
  bool marker = false;  // fault (truth) or checked (knowledge)
};

NodeLook truth_look(const Console& c, Ix i) {
  const DrillSession& s = *c.session();
  const Model& m = s.model();
  const Drill& d = s.drill();
  const Component& comp = m.platform.components[i];
  const ComponentState& st = d.truth().components[i];
  NodeLook look{health_colour(st.health), tr(health_key(st.health)), {}, !st.faults.empty()};
  if (const char* k = off_key(st.off)) {
    look.detail = tr(k);
    if (st.off == OffReason::standby) look.fill = colour::off;
  }
  if (comp.kind == ComponentKind::room) look.detail += fmt::format("  {:.1f}°C", d.room_temperature(i));
  if (comp.kind == ComponentKind::ups && (st.on_battery || d.battery_charge(i) < 0.999))
    look.detail += fmt::format("  {:.0f}%", d.battery_charge(i) * 100);
  look.tip = tx(comp.name) + "\n" + look.detail;
  for (Ix f : st.faults) look.tip += "\n" + trf("situation.fault", tx(m.platform.fault_types[f].name));
  if (SimTime down = d.downtime(i); down > 0)
    look.tip += "\n" + trf("situation.downtime", duration_clock(down));
  return look;
}

NodeLook known_look(const Console& c, Ix i) {
  const DrillSession& s = *c.session();
  const Model& m = s.model();
  const ComponentKnowledge& k = c.knowledge().components()[i];
  NodeLook look{reported_colour(k.reported), tr(reported_key(k.reported)), {}, k.checked};
  if (k.reported != Reported::unknown) look.detail += " " + clock_text(m.scenario, k.since).substr(0, 5);
  look.tip = tx(m.platform.components[i].name);
  const auto& entries = s.drill().journal().entries();
  for (std::size_t e : k.evidence) {
    const JournalEntry& j = entries[e];
    look.tip += "\n" + clock_text(m.scenario, j.t).substr(0, 5) + "  " + tx(j.text);
  }
  if (k.evidence.empty()) look.tip += "\n" + std::string(tr("situation.no_reports"));
  return look;
}

void legend(bool truth) {
  auto item = [](ImU32 col, const char* key) {
    badge(tr(key), col);
    ImGui::SameLine();
  };
  if (truth) {
    item(colour::up, "state.up");
    item(colour::degraded, "state.degraded");
    item(colour::down, "state.down");
    item(colour::off, "state.standby");
    text_coloured(colour::muted, tr("situation.legend_fault"));
  } else {
    item(colour::unknown, "known.unknown");
    item(colour::down, "known.down");
    item(colour::degraded, "known.degraded");
    item(colour::up, "known.up");
    text_coloured(colour::muted, tr("situation.legend_checked"));
  }
}

void graph(Console& c, bool truth, float width) {
  const DrillSession& s = *c.session();
  const Model& m = s.model();
  const GraphLayout& L = c.layout();
  // Left to right (dependencies on the left) or top down, whichever fits the panel better.
  const float node_w = em() * 10.0f, node_h = em() * 3.6f;
  const float cols = static_cast<float>(L.columns), rows = L.rows;
  const ImVec2 lr_gap(em() * 2.4f, em() * 0.7f), tb_gap(em() * 0.7f, em() * 1.8f);
  const ImVec2 lr(cols * (node_w + lr_gap.x) - lr_gap.x + em(), rows * (node_h + lr_gap.y) - lr_gap.y + em());
  const ImVec2 tb(rows * (node_w + tb_gap.x) - tb_gap.x + em(), cols * (node_h + tb_gap.y) - tb_gap.y + em());

  ImGui::BeginChild("##graph", ImVec2(width, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
  ImVec2 avail = ImGui::GetContentRegionAvail();
  float z_lr = std::min(avail.x / lr.x, avail.y / lr.y), z_tb = std::min(avail.x / tb.x, avail.y / tb.y);
  const bool down = z_tb > z_lr * 1.05f;
  const ImVec2 content = down ? tb : lr;
  const ImVec2 gap = down ? tb_gap : lr_gap;
  float z = c.ui().zoom;
  if (z <= 0) z = std::clamp(down ? z_tb : z_lr, 0.75f, 1.0f);  // smaller text would not read on a projector
  ImVec2 origin = ImGui::GetCursorScreenPos();
  if (content.x * z < avail.x) origin.x += (avail.x - content.x * z) / 2;  // centred when it fits
  ImGui::Dummy(ImVec2(content.x * z, content.y * z));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  auto node_pos = [&](Ix i) {
    float along = static_cast<float>(L.column[i]), across = L.row[i];
    if (down)
      return ImVec2(origin.x + (em() * 0.5f + across * (node_w + gap.x)) * z,
                    origin.y + (em() * 0.5f + along * (node_h + gap.y)) * z);
    return ImVec2(origin.x + (em() * 0.5f + along * (node_w + gap.x)) * z,
                  origin.y + (em() * 0.5f + across * (node_h + gap.y)) * z);
  };
  std::vector<NodeLook> looks;
  looks.reserve(m.platform.components.size());
  for (Ix i = 0; i < m.platform.components.size(); ++i) looks.push_back(truth ? truth_look(c, i) : known_look(c, i));

  for (const auto& e : L.edges) {
    ImVec2 a = node_pos(e.from), b = node_pos(e.to), ca, cb;
    if (down) {
      a = ImVec2(a.x + node_w * z / 2, a.y + node_h * z);
      b = ImVec2(b.x + node_w * z / 2, b.y);
      float dy = std::max((b.y - a.y) * 0.5f, em() * z);
      ca = ImVec2(a.x, a.y + dy), cb = ImVec2(b.x, b.y - dy);
    } else {
      a = ImVec2(a.x + node_w * z, a.y + node_h * z / 2);
      b = ImVec2(b.x, b.y + node_h * z / 2);
      float dx = std::max((b.x - a.x) * 0.5f, em() * z);
      ca = ImVec2(a.x + dx, a.y), cb = ImVec2(b.x - dx, b.y);
    }
    ImU32 col = truth && s.drill().truth().components[e.from].health != Health::up ? IM_COL32(204, 62, 52, 200)
                                                                                   : IM_COL32(130, 140, 160, 150);
    dl->AddBezierCubic(a, ca, cb, b, col, (e.any_of ? 1.0f : 1.8f) * z);
  }
  ImFont* font = ImGui::GetFont();
  const float fs = em() * z;
  std::string tip;
  for (Ix i = 0; i < m.platform.components.size(); ++i) {
    const NodeLook& look = looks[i];
    ImVec2 p = node_pos(i), q(p.x + node_w * z, p.y + node_h * z);
    dl->AddRectFilled(p, q, darker(look.fill, 0.55f), 5 * z);
    dl->AddRectFilled(p, ImVec2(p.x + 5 * z, q.y), look.fill, 5 * z, ImDrawFlags_RoundCornersLeft);
    dl->AddRect(p, q, look.fill, 5 * z, 0, 1.5f * z);
    ImVec4 clip(p.x + 8 * z, p.y + 2 * z, q.x - 4 * z, q.y - 2 * z);
    ImVec4 name_clip(clip.x, clip.y, clip.z, q.y - fs * 1.05f - 3 * z);  // two lines; the rest is in the tooltip
    const std::string& name = tx(m.platform.components[i].name);
    observe_text(look.detail);
    dl->AddText(font, fs, ImVec2(p.x + 10 * z, p.y + 4 * z), IM_COL32(240, 242, 246, 255), name.c_str(),
                name.c_str() + name.size(), (node_w - 16) * z, &name_clip);
    dl->AddText(font, fs * 0.85f, ImVec2(p.x + 10 * z, q.y - fs * 1.05f - 3 * z), IM_COL32(200, 205, 215, 255),
                look.detail.c_str(), look.detail.c_str() + look.detail.size(), 0, &clip);
    if (look.marker) dl->AddCircleFilled(ImVec2(q.x - 8 * z, p.y + 8 * z), 4.5f * z, truth ? colour::down : colour::accent);
    if (ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(p, q)) tip = look.tip;
  }
  if (!tip.empty()) {
    observe_text(tip);
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(em() * 28);
    text(tip);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
  ImGui::EndChild();
}

void calendar(Console& c) {
  const DrillSession& s = *c.session();
  const Model& m = s.model();
  const auto& cal = c.knowledge().calendar();
  heading(tr("situation.calendar"));
  if (cal.empty()) text_disabled(tr("situation.no_calendar"));
  Ix next = next_deadline(cal);
  SimTime now = s.drill().now();
  for (Ix b = 0; b < cal.size(); ++b) {
    const BusinessEvent& ev = m.scenario.calendar[b];
    ImGui::PushID(static_cast<int>(b));
    std::string state = cal[b].state.empty() ? "pending" : cal[b].state;
    ImU32 col = state == "held" ? colour::up
                : state == "held_fallback" || state == "delayed" ? colour::degraded
                : state == "missed" ? colour::down
                : state == "waiting" ? colour::down
                                     : colour::unknown;
    text(clock_text(m.scenario, cal[b].at).substr(0, 5));
    ImGui::SameLine();
    badge(tr("business." + state), col);
    if (b == next && state == "pending") {
      ImGui::SameLine();
      text_coloured(cal[b].at - now < 900 ? colour::warn_text : colour::muted,
                    trf("situation.countdown", duration_clock(cal[b].at - now)));
    }
    ImGui::Indent(em() * 0.5f);
    text_wrapped(tx(ev.name));
    ImGui::Unindent(em() * 0.5f);
    ImGui::PopID();
    ImGui::Spacing();
  }
}

void truth_panel(Console& c) {
  const DrillSession& s = *c.session();
  const Model& m = s.model();
  const Drill& d = s.drill();
  const WorldState& w = d.truth();
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, colour::truth);
  heading(tr("situation.truth"));
  ImGui::PopStyleColor();
  text(trf("situation.level", w.level == no_ix ? std::string(tr("situation.no_level")) : tx(m.plan.levels[w.level].name)));
  bool any = false;
  for (Ix i = 0; i < w.components.size(); ++i)
    for (Ix f : w.components[i].faults) {
      text_wrapped(trf("situation.fault_on", tx(m.platform.components[i].name), tx(m.platform.fault_types[f].name)));
      any = true;
    }
  if (!any) text_disabled(tr("situation.no_faults"));
  for (Ix i = 0; i < m.platform.components.size(); ++i) {
    const Component& comp = m.platform.components[i];
    if (comp.kind == ComponentKind::room)
      text(trf("situation.room", tx(comp.name), fmt::format("{:.1f}", d.room_temperature(i))));
    if (comp.kind == ComponentKind::ups && (w.components[i].on_battery || d.battery_charge(i) < 0.999))
      text(trf("situation.ups", tx(comp.name), fmt::format("{:.0f}", d.battery_charge(i) * 100)));
  }
  for (Ix p = 0; p < w.parties.size(); ++p)
    if (w.parties[p].arrives != never && w.parties[p].arrives > d.now())
      text_wrapped(trf("situation.party_coming", tx(m.organisation.parties[p].name),
                       clock_text(m.scenario, w.parties[p].arrives).substr(0, 5)));
  for (Ix f = 0; f < w.facts.size(); ++f)
    if (w.facts[f]) text_coloured(colour::muted, trf("situation.fact", tx(m.catalog.facts[f].name)));
}

}  // namespace

void draw_situation(Console& c) {
  ConsoleUi& ui = c.ui();
  bool truth = c.sees_truth() && ui.show_truth;
  if (c.sees_truth()) {
    if (ImGui::RadioButton(tr("situation.show_truth"), ui.show_truth)) ui.show_truth = true;
    ImGui::SameLine();
    if (ImGui::RadioButton(tr("situation.show_known"), !ui.show_truth)) ui.show_truth = false;
    ImGui::SameLine(0, em() * 2);
  }
  legend(truth);
  ImGui::SameLine(0, em() * 2);
  ImGui::SetNextItemWidth(em() * 7);
  float zoom_pct = ui.zoom <= 0 ? 0 : ui.zoom * 100;
  if (ImGui::SliderFloat("##zoom", &zoom_pct, 0, 150, zoom_pct <= 0 ? tr("situation.zoom_fit") : "%.0f%%"))
    ui.zoom = zoom_pct < 40 ? 0 : zoom_pct / 100;

  float side = std::max(em() * 14, ImGui::GetContentRegionAvail().x * 0.22f);
  graph(c, truth, ImGui::GetContentRegionAvail().x - side - ImGui::GetStyle().ItemSpacing.x);
  ImGui::SameLine();
  ImGui::BeginChild("##side", ImVec2(0, 0), true);
  calendar(c);
  if (truth) truth_panel(c);
  ImGui::EndChild();
}

}  // namespace drillsim::gui

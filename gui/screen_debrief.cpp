// Debrief: the score and the verdicts per step and post (scoring/), what the drill came to, the
// evaluators' observations, the improvement plan, the timeline, the HTML report and the yearly
// record view (records/).
//
// Sections: score_tab, verdicts_tab, outcomes_tab, improvements_tab, records_tab, export_row, draw_debrief.
#include <imgui.h>

#include <ctime>
#include <filesystem>

#include <fmt/format.h>

#include "gui/console.hpp"
#include "gui/screens.hpp"
#include "gui/strings.hpp"
#include "gui/widgets.hpp"
#include "scoring/score_text.hpp"
#include "sim/world/outcomes.hpp"
#include "sim/world/timeline.hpp"

namespace drillsim::gui {
namespace {

ImU32 verdict_colour(scoring::Verdict v) {
  using scoring::Verdict;
  switch (v) {
    case Verdict::done: return colour::up;
    case Verdict::late:
    case Verdict::wrong_post:
    case Verdict::out_of_order:
    case Verdict::partial: return colour::degraded;
    case Verdict::open: return colour::unknown;
    default: return colour::down;
  }
}

ImU32 rating_colour(char r) {
  return r == 'P' ? colour::up : r == 'S' ? colour::accent : r == 'M' ? colour::degraded : r == 'U' ? colour::down : colour::unknown;
}

void tally_table(const char* id, const char* title_key, const std::vector<scoring::NamedTally>& tallies) {
  heading(tr(title_key));
  if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
  for (const auto& t : tallies) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text_wrapped(t.name.empty() ? t.key : tx(t.name));
    ImGui::TableNextColumn();
    text(scoring::percent_text(t.tally));
  }
  ImGui::EndTable();
}

void score_tab(Console& c, const ScoreView& sv) {
  const scoring::ScoreSheet& s = sv.sheet;
  ImGui::PushFont(c.atlas().large());
  text(scoring::percent_text(s.overall));
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::BeginGroup();
  badge(std::string(1, s.overall_rating), rating_colour(s.overall_rating));
  text_wrapped(scoring::score_summary(s, strings().lang()));
  ImGui::EndGroup();
  float third = ImGui::GetContentRegionAvail().x / 3 - ImGui::GetStyle().ItemSpacing.x;
  ImGui::BeginChild("##by_post", ImVec2(third, 0), true);
  tally_table("##posts", "debrief.by_post", s.by_post);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##by_participant", ImVec2(third, 0), true);
  tally_table("##participants", "debrief.by_participant", s.by_participant);
  ImGui::Spacing();
  tally_table("##groups", "debrief.by_group", s.by_group);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##by_objective", ImVec2(0, 0), true);
  tally_table("##procedures", "debrief.by_procedure", s.by_procedure);
  ImGui::Spacing();
  heading(tr("debrief.objectives"));
  const Model& m = c.session()->model();
  for (const auto& o : s.objectives) {
    badge(std::string(1, o.rating), rating_colour(o.rating));
    ImGui::SameLine();
    text_wrapped(o.objective < m.scenario.objectives.size() ? tx(m.scenario.objectives[o.objective].text) : "");
  }
  ImGui::EndChild();
}

void verdicts_tab(Console& c, const ScoreView& sv) {
  const Model& m = c.session()->model();
  Lang lang = strings().lang();
  ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                          ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##verdicts", 5, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("debrief.verdict"), ImGuiTableColumnFlags_WidthFixed, em() * 5.5f);
  ImGui::TableSetupColumn(tr("debrief.item"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn(tr("debrief.why"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn(tr("debrief.post"), ImGuiTableColumnFlags_WidthStretch, 0.8f);
  ImGui::TableSetupColumn(tr("debrief.points"), ImGuiTableColumnFlags_WidthFixed, em() * 4.5f);
  ImGui::TableHeadersRow();
  for (const scoring::Item& it : sv.sheet.items) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    badge(tx(scoring::verdict_text(it.verdict)), verdict_colour(it.verdict));
    ImGui::TableNextColumn();
    text_wrapped(scoring::item_title(m, it, lang));
    ImGui::TableNextColumn();
    text_wrapped(tx(it.why));
    ImGui::TableNextColumn();
    Ix post = it.post != no_ix ? it.post : it.accountable.empty() ? no_ix : it.accountable.front();
    text_wrapped(post < m.organisation.posts.size() ? tx(m.organisation.posts[post].name) : "—");
    if (!it.actor.empty()) text_disabled(it.actor);
    ImGui::TableNextColumn();
    text(it.penalty ? fmt::format("-{:g}", it.points) : fmt::format("{:g}/{:g}", it.points, it.max_points));
  }
  ImGui::EndTable();
}

void outcomes_tab(Console& c) {
  const DrillSession& s = *c.session();
  const Model& m = s.model();
  Outcomes o = outcomes_of(s.drill());
  float half = ImGui::GetContentRegionAvail().x * 0.5f;
  ImGui::BeginChild("##out_left", ImVec2(half, 0), true);
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
  for (const auto& [comp, t] : o.downtime) text(duration_clock(t) + "  " + tx(m.platform.components[comp].name));
  ImGui::Spacing();
  heading(tr("debrief.summary"));
  text(trf("situation.level", o.level == no_ix ? std::string(tr("situation.no_level")) : tx(m.plan.levels[o.level].name)));
  if (o.data_lost) text_coloured(colour::bad_text, tr("debrief.data_lost"));
  text(trf("debrief.actions", o.actions, o.rejected));
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##out_right", ImVec2(0, 0), true);
  heading(tr("facilitator.evaluations"));
  int n = 0;
  for (const JournalEntry& e : s.drill().journal().entries()) {
    if (e.kind != EntryKind::note) continue;
    ++n;
    std::string objective = e.subject;
    for (const auto& obj : m.scenario.objectives)
      if (obj.id == e.subject) objective = tx(obj.text);
    std::string line = clock_text(m.scenario, e.t).substr(0, 5) + "  ";
    if (!e.result.empty()) line += "[" + e.result + "] " + objective + " — ";
    text_wrapped(line + e.actor + ": " + e.text.zh);
  }
  if (n == 0) text_disabled(tr("debrief.no_evaluations"));
  ImGui::EndChild();
}

void improvements_tab(Console& c, const ScoreView& sv) {
  const Model& m = c.session()->model();
  std::vector<records::StoredImprovement> stored;
  records::Store* store = c.autosave().store();
  if (store && c.autosave().drill_id() > 0 && c.session()->drill().finished()) stored = store->improvements(c.autosave().drill_id());
  if (sv.improvements.empty() && stored.empty()) {
    text_disabled(tr("debrief.no_improvements"));
    return;
  }
  if (!c.ui().improvement_error.empty()) text_coloured(colour::bad_text, c.ui().improvement_error);
  ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                          ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##improvements", 5, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("debrief.finding"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn(tr("debrief.corrective"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn(tr("debrief.post"), ImGuiTableColumnFlags_WidthStretch, 0.8f);
  ImGui::TableSetupColumn(tr("debrief.due"), ImGuiTableColumnFlags_WidthFixed, em() * 5.5f);
  ImGui::TableSetupColumn(tr("debrief.item_status"), ImGuiTableColumnFlags_WidthFixed, em() * 4.5f);
  ImGui::TableHeadersRow();
  // A stored item's status is the facilitator's to change as the corrective actions get done.
  auto status_choice = [&](const records::StoredImprovement& s) {
    static constexpr const char* statuses[] = {"open", "done", "dropped"};
    ImGui::PushID(static_cast<int>(s.id));
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::BeginCombo("##status", tr("debrief.status_" + s.status))) {
      for (const char* status : statuses) {
        if (ImGui::Selectable(tr(std::string("debrief.status_") + status), s.status == status) && s.status != status)
          c.set_improvement_status(s.id, status);
      }
      ImGui::EndCombo();
    }
    ImGui::PopID();
  };
  auto row = [&](const scoring::Improvement& imp, const records::StoredImprovement* s) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text_wrapped(tx(imp.finding));
    ImGui::TableNextColumn();
    text_wrapped(tx(imp.action));
    ImGui::TableNextColumn();
    Ix p = m.find_post(imp.post);
    text_wrapped(p == no_ix ? imp.post : tx(m.organisation.posts[p].name));
    ImGui::TableNextColumn();
    text(imp.due);
    ImGui::TableNextColumn();
    if (s) status_choice(*s);
    else text(tr("debrief.status_open"));
  };
  if (!stored.empty())
    for (const auto& s : stored) row(s.item, &s);
  else
    for (const auto& imp : sv.improvements) row(imp, nullptr);
  ImGui::EndTable();
}

void records_tab(Console& c) {
  records::Store* store = c.autosave().store();
  if (!store) {
    text_disabled(trf("debrief.no_store", c.autosave().store_error()));
    return;
  }
  ConsoleUi& ui = c.ui();
  if (ui.records_year == 0) {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    ui.records_year = local.tm_year + 1900;
  }
  ImGui::SetNextItemWidth(em() * 6);
  ImGui::InputInt(tr("debrief.year"), &ui.records_year);
  text_disabled(store->path());
  std::vector<records::PlanYear> plans = store->yearly(ui.records_year);
  if (plans.empty()) {
    text_disabled(tr("debrief.no_records"));
    return;
  }
  ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##yearly", 5, flags)) return;
  ImGui::TableSetupColumn(tr("debrief.plan"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn(tr("debrief.last_drilled"), ImGuiTableColumnFlags_WidthFixed, em() * 6);
  ImGui::TableSetupColumn(tr("debrief.drills_in_year"), ImGuiTableColumnFlags_WidthFixed, em() * 5);
  ImGui::TableSetupColumn(tr("debrief.open_items"), ImGuiTableColumnFlags_WidthFixed, em() * 5);
  ImGui::TableSetupColumn(tr("debrief.trend"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
  ImGui::TableHeadersRow();
  for (const auto& p : plans) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text_wrapped(p.plan_name.empty() ? p.plan_id : p.plan_name);
    if (!p.plan_version.empty()) text_disabled(p.plan_version);
    ImGui::TableNextColumn();
    if (p.last_drilled.empty()) text_coloured(colour::bad_text, tr("debrief.never"));
    else text(p.last_drilled);
    ImGui::TableNextColumn();
    text_coloured(p.drills_in_year == 0 ? colour::bad_text : colour::good_text, std::to_string(p.drills_in_year));
    ImGui::TableNextColumn();
    text(std::to_string(p.open_items.size()));
    ImGui::TableNextColumn();
    std::string trend;
    for (const auto& [date, score] : p.trend) trend += fmt::format("{} {:.0f}  ", date.substr(5), score);
    text_wrapped(trend.empty() ? "—" : trend);
  }
  ImGui::EndTable();
}

void export_row(Console& c) {
  ConsoleUi& ui = c.ui();
  if (ui.export_path.empty()) {
    std::string name = c.session()->model().scenario.id + "-" + date_text(c.session()->model().scenario);
    if (c.autosave().drill_id() > 0) name += "-" + std::to_string(c.autosave().drill_id());
    ui.export_path = (std::filesystem::current_path() / "reports" / (name + ".html")).string();
  }
  ImGui::SetNextItemWidth(-em() * 9);
  input_text("##export_path", ui.export_path);
  ImGui::SameLine();
  if (ImGui::Button(tr("debrief.export"))) c.export_report(ui.export_path);
  if (!ui.export_result.empty()) text_coloured(colour::muted, ui.export_result);
}

}  // namespace

void draw_debrief(Console& c) {
  const DrillSession& s = *c.session();
  if (!s.drill().finished()) text_coloured(colour::warn_text, tr("debrief.running"));
  else text_coloured(colour::good_text, trf("debrief.finished", clock_text(s.model().scenario, s.drill().now())));
  const ScoreView& sv = c.score();
  if (!sv.ok) text_coloured(colour::bad_text, trf("debrief.score_error", sv.error));
  if (sv.ok && c.sees_truth()) export_row(c);
  if (!ImGui::BeginTabBar("##debrief")) return;
  int& wanted = c.ui().debrief_tab;
  auto tab = [&](int i, const char* key) {
    return ImGui::BeginTabItem(tr(key), nullptr, wanted == i ? ImGuiTabItemFlags_SetSelected : 0);
  };
  if (sv.ok && tab(0, "debrief.tab_score")) {
    score_tab(c, sv);
    ImGui::EndTabItem();
  }
  if (sv.ok && tab(1, "debrief.tab_verdicts")) {
    verdicts_tab(c, sv);
    ImGui::EndTabItem();
  }
  if (tab(2, "debrief.tab_outcomes")) {
    outcomes_tab(c);
    ImGui::EndTabItem();
  }
  if (sv.ok && tab(3, "debrief.tab_improvements")) {
    improvements_tab(c, sv);
    ImGui::EndTabItem();
  }
  if (tab(4, "debrief.tab_timeline")) {
    draw_journal_table(c, "##debrief_journal", false);
    ImGui::EndTabItem();
  }
  if (c.sees_truth() && tab(5, "debrief.tab_records")) {
    records_tab(c);
    ImGui::EndTabItem();
  }
  wanted = -1;
  ImGui::EndTabBar();
}

}  // namespace drillsim::gui

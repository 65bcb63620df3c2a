// Timeline: the journal as readable lines (the CLI's rendering), filterable by post and kind;
// the facilitator sees the truth-only entries (marked *), the trainees do not.
#include <imgui.h>

#include <algorithm>

#include "gui/console.hpp"
#include "gui/screens.hpp"
#include "gui/strings.hpp"
#include "gui/widgets.hpp"
#include "sim/world/timeline.hpp"

namespace drillsim::gui {
namespace {

enum Group { g_messages, g_actions, g_observations, g_comms, g_business, g_injects, g_state, g_people, g_count };
const char* group_keys[g_count] = {"timeline.g_messages", "timeline.g_actions", "timeline.g_observations",
                                   "timeline.g_comms",    "timeline.g_business", "timeline.g_injects",
                                   "timeline.g_state",    "timeline.g_people"};

Group group_of(EntryKind k) {
  switch (k) {
    case EntryKind::message: return g_messages;
    case EntryKind::submit:
    case EntryKind::action_done:
    case EntryKind::rejected: return g_actions;
    case EntryKind::observation: return g_observations;
    case EntryKind::comm:
    case EntryKind::party_called:
    case EntryKind::party_arrived: return g_comms;
    case EntryKind::business:
    case EntryKind::level_reached: return g_business;
    case EntryKind::inject:
    case EntryKind::live_inject:
    case EntryKind::inject_held:
    case EntryKind::inject_released: return g_injects;
    case EntryKind::fault:
    case EntryKind::fault_cleared:
    case EntryKind::health:
    case EntryKind::component_state:
    case EntryKind::temperature:
    case EntryKind::battery:
    case EntryKind::fire:
    case EntryKind::fact: return g_state;
    default: return g_people;
  }
}

ImU32 group_colour(Group g, bool truth) {
  if (truth) return IM_COL32(196, 160, 230, 255);
  switch (g) {
    case g_messages: return IM_COL32(250, 200, 120, 255);
    case g_actions: return IM_COL32(225, 228, 235, 255);
    case g_observations: return IM_COL32(130, 185, 250, 255);
    case g_comms: return IM_COL32(150, 220, 170, 255);
    case g_business: return IM_COL32(255, 150, 140, 255);
    default: return IM_COL32(175, 180, 190, 255);
  }
}

std::uint64_t mix(std::uint64_t h, std::uint64_t v) { return (h ^ v) * 1099511628211ull; }

// Recomputes the filtered rows when the journal, the filters, the view or the language changed.
void refresh_rows(Console& c, bool with_filters) {
  ConsoleUi& ui = c.ui();
  const DrillSession& s = *c.session();
  const Model& m = s.model();
  const auto& entries = s.drill().journal().entries();
  bool truth = c.sees_truth();
  std::vector<Ix> posts = c.view_posts();
  std::uint64_t key = 1469598103934665603ull;
  key = mix(key, entries.size());
  key = mix(key, truth);
  key = mix(key, with_filters ? ui.timeline_post : no_ix);
  key = mix(key, with_filters ? ui.timeline_kinds : ~0u);
  key = mix(key, static_cast<std::uint64_t>(strings().lang()));
  key = mix(key, ui.view.post);
  for (char ch : with_filters ? ui.timeline_search : std::string()) key = mix(key, static_cast<unsigned char>(ch));
  if (key == ui.timeline_key) return;
  ui.timeline_key = key;
  ui.timeline_rows.clear();
  std::string post_id = with_filters && ui.timeline_post < m.organisation.posts.size()
                            ? m.organisation.posts[ui.timeline_post].id
                            : std::string();
  Lang lang = strings().lang();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const JournalEntry& e = entries[i];
    if (e.truth_only && !truth) continue;
    if (!truth && !e.post.empty() && !ui.view.facilitator && ui.view.post != no_ix &&
        m.find_post(e.post) != ui.view.post && e.kind != EntryKind::business)
      continue;  // a trainee post's view: its own lines and the public ones
    if (with_filters) {
      if (!(ui.timeline_kinds & (1u << group_of(e.kind)))) continue;
      if (!post_id.empty() && e.post != post_id) continue;
      if (!ui.timeline_search.empty()) {
        const std::string& t = e.text.in(lang);
        if (t.find(ui.timeline_search) == std::string::npos && e.actor.find(ui.timeline_search) == std::string::npos &&
            e.subject.find(ui.timeline_search) == std::string::npos && e.action.find(ui.timeline_search) == std::string::npos)
          continue;
      }
    }
    ui.timeline_rows.push_back(i);
  }
}

}  // namespace

void draw_journal_table(Console& c, const char* id, bool with_filters) {
  ConsoleUi& ui = c.ui();
  const DrillSession& s = *c.session();
  const Model& m = s.model();
  const auto& entries = s.drill().journal().entries();
  refresh_rows(c, with_filters);
  Lang lang = strings().lang();
  ImGui::BeginChild(id, ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
  bool at_bottom = ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(ui.timeline_rows.size()));
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const JournalEntry& e = entries[ui.timeline_rows[static_cast<std::size_t>(r)]];
      std::string line = render_entry(m, e, lang);
      text_coloured(group_colour(group_of(e.kind), e.truth_only), line);
      if (ImGui::IsItemHovered()) tooltip_if_hovered(line);
    }
  }
  if (with_filters && ui.timeline_follow && at_bottom) ImGui::SetScrollHereY(1.0f);
  ImGui::EndChild();
}

void draw_timeline(Console& c) {
  ConsoleUi& ui = c.ui();
  const Model& m = c.session()->model();
  std::vector<std::string> posts = {tr("timeline.all_posts")};
  for (const Post& p : m.organisation.posts) posts.push_back(tx(p.name));
  int post = ui.timeline_post == no_ix ? 0 : static_cast<int>(ui.timeline_post) + 1;
  ImGui::SetNextItemWidth(em() * 12);
  if (combo("##post", post, posts)) ui.timeline_post = post == 0 ? no_ix : static_cast<Ix>(post - 1);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em() * 10);
  input_text_hint("##search", tr("timeline.search"), ui.timeline_search);
  ImGui::SameLine();
  ImGui::Checkbox(tr("timeline.follow"), &ui.timeline_follow);
  for (int g = 0; g < g_count; ++g) {
    if (!c.sees_truth() && (g == g_injects || g == g_state)) continue;
    if (g > 0) ImGui::SameLine();
    bool on = ui.timeline_kinds & (1u << g);
    ImGui::PushStyleColor(ImGuiCol_Text, group_colour(static_cast<Group>(g), false));
    if (ImGui::Checkbox(tr(group_keys[g]), &on)) ui.timeline_kinds ^= (1u << g);
    ImGui::PopStyleColor();
  }
  text_coloured(colour::muted, trf("timeline.count", ui.timeline_rows.size(), c.session()->drill().journal().size()));
  draw_journal_table(c, "##journal", true);
}

}  // namespace drillsim::gui

// Inbox: messages, user complaints and alarms as they reach the viewed posts, and what each
// diagnostic action revealed; newest first, unread ones marked.
#include <imgui.h>

#include "gui/console.hpp"
#include "gui/screens.hpp"
#include "gui/strings.hpp"
#include "gui/widgets.hpp"
#include "sim/world/timeline.hpp"

namespace drillsim::gui {
namespace {

bool in_inbox(Console& c, const JournalEntry& e) {
  if (e.kind != EntryKind::message && e.kind != EntryKind::observation && e.kind != EntryKind::party_arrived)
    return false;
  if (e.truth_only) return false;
  if (c.ui().view.facilitator) return true;
  if (e.post.empty()) return e.kind == EntryKind::message;
  const Model& m = c.session()->model();
  Ix p = m.find_post(e.post);
  for (Ix v : c.view_posts())
    if (v == p) return true;
  return false;
}

Ix view_key(const Console& c) { return c.ui().view.facilitator ? no_ix - 1 : c.ui().view.post; }

}  // namespace

int inbox_unread(Console& c) {
  if (!c.session()) return 0;
  const auto& entries = c.session()->drill().journal().entries();
  std::size_t seen = c.ui().inbox_seen[view_key(c)];
  int n = 0;
  for (std::size_t i = seen; i < entries.size(); ++i)
    if (in_inbox(c, entries[i])) ++n;
  return n;
}

void draw_inbox(Console& c) {
  const DrillSession& s = *c.session();
  const Model& m = s.model();
  const auto& entries = s.drill().journal().entries();
  ConsoleUi& ui = c.ui();
  std::size_t& seen = ui.inbox_seen[view_key(c)];

  ImGui::RadioButton(tr("inbox.all"), &ui.inbox_filter, 0);
  ImGui::SameLine();
  ImGui::RadioButton(tr("inbox.messages"), &ui.inbox_filter, 1);
  ImGui::SameLine();
  ImGui::RadioButton(tr("inbox.observations"), &ui.inbox_filter, 2);
  ImGui::SameLine(0, em() * 2);
  if (ImGui::SmallButton(tr("inbox.mark_read"))) seen = entries.size();

  ImGui::BeginChild("##inbox_list", ImVec2(0, 0), false);
  int shown = 0;
  for (std::size_t k = entries.size(); k-- > 0;) {
    const JournalEntry& e = entries[k];
    if (!in_inbox(c, e)) continue;
    bool observation = e.kind == EntryKind::observation;
    if ((ui.inbox_filter == 1 && observation) || (ui.inbox_filter == 2 && !observation)) continue;
    ++shown;
    ImGui::PushID(static_cast<int>(k));
    bool unread = k >= ui.inbox_new_from;
    ImU32 edge = observation ? colour::accent : e.kind == EntryKind::party_arrived ? colour::up : colour::degraded;
    ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    ImGui::Indent(em() * 0.7f);
    text_coloured(colour::muted, clock_text(m.scenario, e.t));
    ImGui::SameLine();
    const char* kind = observation ? "inbox.kind_observation"
                       : e.kind == EntryKind::party_arrived ? "inbox.kind_arrived"
                                                             : "inbox.kind_message";
    badge(tr(kind), edge);
    if (unread) {
      ImGui::SameLine();
      badge(tr("inbox.new"), colour::down);
    }
    ImGui::SameLine();
    Ix post = m.find_post(e.post);
    std::string to = post == no_ix ? std::string(tr("inbox.everyone")) : tx(m.organisation.posts[post].name);
    if (observation) {
      Ix a = m.find_action(e.action);
      std::string action = a == no_ix ? e.action : tx(m.catalog.actions[a].name);
      text_coloured(colour::muted, trf("inbox.observed_by", to, action));
    } else if (e.kind == EntryKind::party_arrived) {
      text_coloured(colour::muted, tr("inbox.party"));
    } else {
      text_coloured(colour::muted, trf("inbox.from_to", tx(e.from), to));
    }
    text_wrapped(tx(e.text));
    ImGui::Unindent(em() * 0.7f);
    ImGui::EndGroup();
    ImVec2 p1 = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddRectFilled(p0, ImVec2(p0.x + em() * 0.25f, p1.y), edge);
    ImGui::Separator();
    ImGui::PopID();
  }
  if (shown == 0) text_disabled(tr("inbox.empty"));
  ImGui::EndChild();
  seen = entries.size();  // the screen was looked at
}

}  // namespace drillsim::gui

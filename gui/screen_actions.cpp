// Actions: per post, the catalog's actions that post may take, with their target, expected
// duration and a free-text note; who acts for the post (A/B), and which posts are busy.
#include <imgui.h>

#include <algorithm>

#include "gui/console.hpp"
#include "gui/screens.hpp"
#include "gui/strings.hpp"
#include "gui/widgets.hpp"
#include "sim/world/timeline.hpp"

namespace drillsim::gui {
namespace {

struct Choice {
  Ix index = no_ix;
  std::string id;
  std::string label;
};

std::vector<Choice> target_choices(const Model& m, const ActionDef& def) {
  std::vector<Choice> out;
  auto pick = [&](std::size_t n, auto id_of, auto name_of) {
    std::vector<Ix> ix = def.target_choices;
    if (ix.empty())
      for (Ix i = 0; i < n; ++i) ix.push_back(i);
    for (Ix i : ix) out.push_back({i, id_of(i), tx(name_of(i))});
  };
  switch (def.target) {
    case ActionDef::Target::none: break;
    case ActionDef::Target::component:
      pick(m.platform.components.size(), [&](Ix i) { return m.platform.components[i].id; },
           [&](Ix i) -> const Text& { return m.platform.components[i].name; });
      break;
    case ActionDef::Target::post:
      pick(m.organisation.posts.size(), [&](Ix i) { return m.organisation.posts[i].id; },
           [&](Ix i) -> const Text& { return m.organisation.posts[i].name; });
      break;
    case ActionDef::Target::party:
      pick(m.organisation.parties.size(), [&](Ix i) { return m.organisation.parties[i].id; },
           [&](Ix i) -> const Text& { return m.organisation.parties[i].name; });
      break;
    case ActionDef::Target::level:
      pick(m.plan.levels.size(), [&](Ix i) { return m.plan.levels[i].id; },
           [&](Ix i) -> const Text& { return m.plan.levels[i].name; });
      break;
    case ActionDef::Target::business_event:
      for (const BusinessEvent& b : m.scenario.calendar) {
        bool known = std::any_of(out.begin(), out.end(), [&](const Choice& c) { return c.id == b.kind; });
        if (!known) out.push_back({no_ix, b.kind, tx(b.name)});
      }
      break;
  }
  return out;
}

bool allowed(const ActionDef& def, Ix post) {
  return def.posts.empty() || std::find(def.posts.begin(), def.posts.end(), post) != def.posts.end();
}

// What a post is doing: its submitted actions not yet completed (from the journal).
std::vector<const JournalEntry*> under_way(const Drill& d, const std::string& post_id) {
  std::vector<const JournalEntry*> open;
  for (const JournalEntry& e : d.journal().entries()) {
    if (e.post != post_id) continue;
    if (e.kind == EntryKind::submit) open.push_back(&e);
    if (e.kind == EntryKind::action_done)
      open.erase(std::remove_if(open.begin(), open.end(), [&](const JournalEntry* s) { return s->run == e.run; }),
                 open.end());
  }
  return open;
}

std::string post_status(const Console& c, Ix p) {
  const DrillSession& s = *c.session();
  const Drill& d = s.drill();
  const Model& m = s.model();
  if (!d.post_staffed(p)) return tr("actions.nobody");
  SimTime free = d.post_free_at(p);
  if (free > d.now()) return trf("actions.busy_until", clock_text(m.scenario, free).substr(0, 5));
  return tr("actions.free");
}

void posts_list(Console& c, const std::vector<Ix>& posts) {
  const DrillSession& s = *c.session();
  const Model& m = s.model();
  for (Ix p : posts) {
    ImGui::PushID(static_cast<int>(p));
    std::string who = s.is_trainee_post(p) ? std::string(tr("actions.trainee"))
                      : s.policy_plays(p) ? std::string(tr("actions.drillsim"))
                                          : std::string(tr("actions.facilitator_plays"));
    bool busy = s.drill().post_free_at(p) > s.drill().now();
    if (ImGui::Selectable("##post", c.ui().actions_post == p, 0, ImVec2(0, em() * 2.3f))) c.select_post(p);
    ImGui::SameLine(em() * 0.3f);
    ImGui::BeginGroup();
    text(tx(m.organisation.posts[p].name));
    text_coloured(busy ? colour::warn_text : colour::muted, who + " · " + post_status(c, p));
    ImGui::EndGroup();
    ImGui::PopID();
  }
}

void post_header(Console& c, Ix post) {
  const DrillSession& s = *c.session();
  const Model& m = s.model();
  const Drill& d = s.drill();
  heading(tx(m.organisation.posts[post].name));
  Ix person = d.acting_person(post);
  std::string acting = person == no_ix ? std::string(tr("actions.nobody")) : tx(m.organisation.persons[person].name);
  const Participant* who = s.participant_at(post);
  std::string seated = who ? trf("actions.seated", who->name, tr(who->role == 1 ? "start.role_b" : "start.role_a"))
                          : std::string(tr("actions.nobody_seated"));
  text(trf("actions.acting", acting, seated));
  ImGui::SameLine(0, em() * 1.5f);
  text_coloured(d.post_free_at(post) > d.now() ? colour::warn_text : colour::good_text, post_status(c, post));
  for (const JournalEntry* e : under_way(d, m.organisation.posts[post].id)) {
    Ix a = m.find_action(e->action);
    text_coloured(colour::muted, trf("actions.under_way", a == no_ix ? e->action : tx(m.catalog.actions[a].name),
                                     clock_text(m.scenario, e->t + e->value).substr(0, 5)));
  }
}

void actions_table(Console& c, Ix post) {
  DrillSession& s = *c.session();
  const Model& m = s.model();
  ConsoleUi& ui = c.ui();
  std::string& filter = ui.actions_filter;
  ImGui::SetNextItemWidth(em() * 12);
  input_text_hint("##filter", tr("actions.search"), filter);
  if (!ui.last_result.empty()) {
    ImGui::SameLine(0, em());
    text_coloured(ui.last_ok ? colour::good_text : colour::bad_text, ui.last_result);
  }
  bool over = s.drill().finished();
  ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                          ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##actions", 5, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("actions.action"), ImGuiTableColumnFlags_WidthStretch, 2.2f);
  ImGui::TableSetupColumn(tr("actions.target"), ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableSetupColumn(tr("actions.duration"), ImGuiTableColumnFlags_WidthFixed, em() * 5.5f);
  ImGui::TableSetupColumn(tr("actions.note"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, em() * 4);
  ImGui::TableHeadersRow();
  for (Ix a = 0; a < m.catalog.actions.size(); ++a) {
    const ActionDef& def = m.catalog.actions[a];
    if (!allowed(def, post)) continue;
    const std::string& name = tx(def.name);
    if (!filter.empty() && name.find(filter) == std::string::npos && def.id.find(filter) == std::string::npos) continue;
    ImGui::PushID(static_cast<int>(a));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text_wrapped(name);
    ImGui::TableNextColumn();
    ConsoleUi::ActionDraft& draft = ui.drafts[{post, a}];
    std::vector<Choice> choices = target_choices(m, def);
    if (!choices.empty()) {
      std::vector<std::string> labels;
      for (const auto& ch : choices) labels.push_back(ch.label);
      ImGui::SetNextItemWidth(-1);
      if (draft.target < 0) {
        if (ImGui::BeginCombo("##target", tr("actions.choose_target"))) {
          for (int i = 0; i < static_cast<int>(labels.size()); ++i)
            if (ImGui::Selectable((labels[static_cast<std::size_t>(i)] + "##" + std::to_string(i)).c_str())) draft.target = i;
          ImGui::EndCombo();
        }
      } else {
        combo("##target", draft.target, labels);
      }
    } else {
      text_disabled("—");
    }
    ImGui::TableNextColumn();
    text(about_duration(def.duration, strings().lang()));
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-1);
    input_text("##note", draft.note);
    ImGui::TableNextColumn();
    bool ready = !over && (choices.empty() || draft.target >= 0);
    ImGui::BeginDisabled(!ready);
    if (ImGui::Button(tr("actions.do"))) {
      const Choice* ch = choices.empty() ? nullptr : &choices[static_cast<std::size_t>(draft.target)];
      c.submit_action(post, a, ch ? ch->index : no_ix, ch ? ch->id : std::string(), draft.note);
      draft.note.clear();
    }
    ImGui::EndDisabled();
    ImGui::PopID();
  }
  ImGui::EndTable();
}

}  // namespace

void draw_actions(Console& c) {
  std::vector<Ix> posts = c.view_posts();
  if (posts.empty()) {
    text_disabled(tr("actions.no_posts"));
    return;
  }
  Ix& post = c.ui().actions_post;
  if (std::find(posts.begin(), posts.end(), post) == posts.end()) post = posts.front();
  if (posts.size() > 1) {
    ImGui::BeginChild("##posts", ImVec2(em() * 13, 0), true);
    heading(tr("actions.posts"));
    posts_list(c, posts);
    ImGui::EndChild();
    ImGui::SameLine();
  }
  ImGui::BeginChild("##post_actions", ImVec2(0, 0), false);
  post_header(c, post);
  actions_table(c, post);
  ImGui::EndChild();
}

}  // namespace drillsim::gui

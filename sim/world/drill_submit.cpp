// Submitting actions, their completion, what they reveal and what they communicate.
#include <algorithm>

#include "sim/world/drill.hpp"
#include "sim/world/drill_priorities.hpp"
#include "sim/world/drill_statics.hpp"
#include "sim/world/names.hpp"
#include "sim/world/text_format.hpp"

namespace drillsim {
namespace {
bool contains(const std::vector<Ix>& v, Ix x) { return std::find(v.begin(), v.end(), x) != v.end(); }
}  // namespace

SubmitResult Drill::submit(const Submission& submission) {
  const Model& m = *model_;
  if (submission_log_) submission_log_->push_back({now_, submission});
  Submission s = submission;
  SubmitResult r;
  auto refuse = [&](const char* code, Text reason) {
    r.reason_code = code;
    r.reason = std::move(reason);
    record(EntryKind::rejected, [&] {
      JournalEntry e{.kind = EntryKind::rejected, .actor = s.actor, .result = code, .text = r.reason};
      if (s.post < m.organisation.posts.size()) e.post = m.organisation.posts[s.post].id;
      if (s.action < m.catalog.actions.size()) e.action = m.catalog.actions[s.action].id;
      e.target = s.target_id;
      e.from = Text{s.note, s.note};
      return e;
    });
    return r;
  };
  if (finished_) return refuse("drill_over", {"演练已结束", "The drill is over"});
  if (s.action >= m.catalog.actions.size() || s.post >= m.organisation.posts.size())
    return refuse("unknown", {"未知的岗位或动作", "Unknown post or action"});
  const ActionDef& def = m.catalog.actions[s.action];
  if (!def.posts.empty() && !contains(def.posts, s.post))
    return refuse("not_allowed", {"该岗位不能执行此动作", "This post may not take this action"});
  if (!post_staffed(s.post)) return refuse("nobody_at_post", {"该岗位无人在岗", "Nobody is present at this post"});

  bool target_ok = true;
  switch (def.target) {
    case ActionDef::Target::none: s.target = no_ix; s.target_id.clear(); break;
    case ActionDef::Target::component:
      target_ok = s.target < m.platform.components.size();
      if (target_ok) s.target_id = m.platform.components[s.target].id;
      break;
    case ActionDef::Target::post:
      target_ok = s.target < m.organisation.posts.size();
      if (target_ok) s.target_id = m.organisation.posts[s.target].id;
      break;
    case ActionDef::Target::party:
      target_ok = s.target < m.organisation.parties.size();
      if (target_ok) s.target_id = m.organisation.parties[s.target].id;
      break;
    case ActionDef::Target::level:
      target_ok = s.target < m.plan.levels.size();
      if (target_ok) s.target_id = m.plan.levels[s.target].id;
      break;
    case ActionDef::Target::business_event:
      s.target = no_ix;
      target_ok = !s.target_id.empty();
      break;
  }
  if (target_ok && !def.target_choices.empty() && def.target != ActionDef::Target::business_event)
    target_ok = contains(def.target_choices, s.target);
  if (!target_ok) return refuse("bad_target", {"目标无效", "Invalid target for this action"});
  if (!condition_holds(def.precondition, s.target))
    return refuse("precondition", {"前提条件不满足", "The precondition does not hold"});

  r.accepted = true;
  r.starts = std::max(now_, state_.post_free_at[s.post]);
  std::uint32_t occurrence = action_draws_[s.action]++;
  SimTime duration = draw(Stream::durations, s.action, occurrence, def.duration);
  r.completes = r.starts + duration;
  state_.post_free_at[s.post] = r.completes;
  runs_.push_back(Run{std::move(s), now_, r.starts, r.completes, occurrence});
  r.run = static_cast<std::uint32_t>(runs_.size());
  record(EntryKind::submit, [&, &s = runs_.back().submission] {
    return JournalEntry{.kind = EntryKind::submit,
                        .post = m.organisation.posts[s.post].id,
                        .actor = s.actor,
                        .action = def.id,
                        .target = s.target_id,
                        .result = r.starts > now_ ? "queued" : "",
                        .text = def.name,
                        .from = Text{s.note, s.note},
                        .value = r.completes - now_,
                        .run = r.run};
  });
  schedule(r.completes, prio::action, ev_action_done, r.run - 1);
  if (observer_) observer_(*this);
  return r;
}

void Drill::complete_action(std::uint32_t run_index) {
  const Model& m = *model_;
  const Run& run = runs_[run_index];
  const Submission& s = run.submission;
  const ActionDef& def = m.catalog.actions[s.action];
  std::uint32_t run_no = run_index + 1;
  completed_.push_back(run_index);
  record(EntryKind::action_done, [&] {
    return JournalEntry{.kind = EntryKind::action_done,
                        .post = m.organisation.posts[s.post].id,
                        .actor = s.actor,
                        .action = def.id,
                        .target = s.target_id,
                        .text = def.name,
                        .run = run_no};
  });
  ++state_.done_count[s.action];
  if (state_.first_done_at[s.action] == never) {
    state_.first_done_at[s.action] = now_;
    for (const auto& [action, after] : statics_->since_done_thresholds)
      if (action == s.action) wake_self(now_ + after);
  }
  if (!contains(state_.done_by_post[s.action], s.post)) state_.done_by_post[s.action].push_back(s.post);
  schedule_effects(run_index);
  observe(run, run_no);
  communicate(run, run_no);
}

void Drill::observe(const Run& run, std::uint32_t run_no) {
  const Model& m = *model_;
  const Submission& s = run.submission;
  const ActionDef& def = m.catalog.actions[s.action];
  for (const ObservationRule& rule : def.observe) {
    if (!condition_holds(rule.when, s.target)) continue;
    record(EntryKind::observation, [&] {
      Text target_name = target_text(m, def, s.target, s.target_id);
      return JournalEntry{.kind = EntryKind::observation,
                          .post = m.organisation.posts[s.post].id,
                          .actor = s.actor,
                          .action = def.id,
                          .target = s.target_id,
                          .result = rule.result,
                          .text = fill(rule.text, "target", target_name),
                          .run = run_no};
    });
    state_.observed.push_back({s.action, rule.result, s.target_id});
    return;
  }
}

void Drill::communicate(const Run& run, std::uint32_t run_no) {
  const Model& m = *model_;
  const Submission& s = run.submission;
  const ActionDef& def = m.catalog.actions[s.action];
  if (def.comm.kind == Communication::Kind::none) return;
  record(EntryKind::comm, [&] {
    std::string to;
    for (Ix p : def.comm.to_posts) to += (to.empty() ? "" : ",") + m.organisation.posts[p].id;
    for (Ix g : def.comm.to_groups) to += (to.empty() ? "" : ",") + m.organisation.groups[g].id;
    return JournalEntry{.kind = EntryKind::comm,
                        .post = m.organisation.posts[s.post].id,
                        .actor = s.actor,
                        .action = def.id,
                        .target = s.target_id,
                        .subject = to,
                        .result = comm_kind_name(def.comm.kind),
                        .text = def.name,
                        .run = run_no};
  });
}

}  // namespace drillsim

// The console's drill session: clock control for both modes, commands, the policy for other posts,
// and resuming from an autosaved journal.
#include "gui/session.hpp"

#include "sim/world/replay.hpp"

#include <algorithm>

#include "sim/world/plan_policy.hpp"

namespace drillsim::gui {

DrillOptions drill_options(const SessionSetup& setup) {
  DrillOptions o;
  if (setup.seed >= 0) {
    o.seed = static_cast<std::uint64_t>(setup.seed);
    o.seed_given = true;
  }
  return o;
}

DrillSession::DrillSession(std::shared_ptr<const Model> model, SessionSetup setup, std::int64_t wall_ms)
    : model_(std::move(model)), setup_(std::move(setup)) {
  drill_ = std::make_unique<Drill>(model_, drill_options(setup_));
  const auto& posts = model_->organisation.posts;
  policy_posts_.assign(posts.size(), 0);
  if (setup_.policy_plays_others) {
    std::vector<Ix> others;
    for (Ix p = 0; p < posts.size(); ++p)
      if (!is_trainee_post(p)) others.push_back(p);
    if (!others.empty()) {  // an empty list would mean "all posts" to the policy
      for (Ix p : others) policy_posts_[p] = 1;
      policy_ = std::make_unique<PlanPolicy>(*model_, std::move(others));
    }
  }
  pacer_.set_speed(setup_.speed > 0 ? setup_.speed : 1, wall_ms);
  pacer_.start(wall_ms, drill_->now());
  if (setup_.mode == DrillMode::timed) pacer_.pause(wall_ms);  // the facilitator starts the clock
  after_slice();
}

DrillSession::~DrillSession() = default;

void DrillSession::after_slice() {
  if (policy_ && !drill_->finished()) policy_->act(*drill_);
}

void DrillSession::advance_to(SimTime t) {
  t = std::min(t, drill_->end_time());
  while (!drill_->finished() && drill_->next_event_time() <= t) {
    drill_->step();
    after_slice();
  }
  if (!drill_->finished() && t > drill_->now()) drill_->advance_to(t);
}

bool DrillSession::next_event() {
  if (drill_->finished()) return false;
  SimTime next = drill_->next_event_time();
  if (next == never) return false;
  advance_to(next);
  return true;
}

bool DrillSession::auto_advance() {
  if (drill_->finished()) return false;
  std::vector<Ix> trainees = trainee_posts();
  if (trainees.empty()) return false;
  SimTime now = drill_->now(), free_at = never;
  for (Ix p : trainees) {
    if (!drill_->post_staffed(p)) continue;  // nobody there: that post is not waiting on anything
    SimTime f = drill_->post_free_at(p);
    if (f <= now) return false;  // someone can act now
    free_at = std::min(free_at, f);
  }
  if (free_at == never) return false;
  SimTime start = now;
  while (!drill_->finished() && drill_->next_event_time() <= free_at) {
    std::size_t seen = drill_->journal().size();
    drill_->step();
    after_slice();
    bool news = false;
    const auto& entries = drill_->journal().entries();
    for (std::size_t i = seen; i < entries.size() && !news; ++i) {
      const JournalEntry& e = entries[i];
      if (e.kind != EntryKind::message && e.kind != EntryKind::observation && e.kind != EntryKind::business) continue;
      Ix p = model_->find_post(e.post);
      news = e.kind == EntryKind::business || (p != no_ix && is_trainee_post(p));
    }
    if (news) return true;
  }
  advance_to(free_at);
  return drill_->now() != start;
}

void DrillSession::tick(std::int64_t wall_ms) {
  if (setup_.mode != DrillMode::timed || pacer_.paused() || drill_->finished()) return;
  SimTime target = pacer_.target(wall_ms);
  if (target > drill_->now()) advance_to(target);
}

void DrillSession::reanchor(std::int64_t wall_ms) {
  bool was_paused = pacer_.paused();
  pacer_.start(wall_ms, drill_->now());
  if (was_paused) pacer_.pause(wall_ms);
}

void DrillSession::set_speed(double factor, std::int64_t wall_ms) {
  setup_.speed = factor;
  pacer_.set_speed(factor, wall_ms);
}

SubmitResult DrillSession::submit(const std::string& actor, Ix post, Ix action, Ix target,
                                  const std::string& target_id, const std::string& note) {
  Submission s;
  s.actor = actor;
  s.post = post;
  s.action = action;
  s.target = target;
  s.target_id = target_id;
  s.note = note;
  SubmitResult r = drill_->submit(s);
  advance_to(drill_->now());
  return r;
}

bool DrillSession::add_inject(Inject inject, std::string* error) {
  bool ok = drill_->add_inject(std::move(inject), error);
  advance_to(drill_->now());
  return ok;
}

bool DrillSession::hold_inject(Ix inject) {
  bool ok = drill_->hold_inject(inject);
  advance_to(drill_->now());
  return ok;
}

bool DrillSession::release_inject(Ix inject) {
  bool ok = drill_->release_inject(inject);
  advance_to(drill_->now());
  return ok;
}

void DrillSession::add_note(const std::string& author, const std::string& text) {
  drill_->add_note(author, text);
  advance_to(drill_->now());
}

bool DrillSession::add_evaluation(const std::string& author, const std::string& objective, const std::string& rating,
                                  const std::string& text) {
  bool ok = drill_->add_evaluation(author, objective, rating, text);
  advance_to(drill_->now());
  return ok;
}

bool DrillSession::is_trainee_post(Ix post) const {
  for (const Participant& p : setup_.participants)
    if (p.post == post) return true;
  return false;
}

std::vector<Ix> DrillSession::trainee_posts() const {
  std::vector<Ix> out;
  for (Ix p = 0; p < model_->organisation.posts.size(); ++p)
    if (is_trainee_post(p)) out.push_back(p);
  return out;
}

const Participant* DrillSession::participant_at(Ix post) const {
  for (const Participant& p : setup_.participants)
    if (p.post == post) return &p;
  return nullptr;
}

bool DrillSession::policy_plays(Ix post) const { return post < policy_posts_.size() && policy_posts_[post]; }

void DrillSession::set_journal_sink(std::function<void(const JournalEntry&)> sink) {
  if (sink)
    for (const JournalEntry& e : drill_->journal().entries()) sink(e);
  drill_->set_journal_sink(std::move(sink));
}

namespace {

Ix target_from_id(const Model& m, Ix action, const std::string& id) {
  if (action >= m.catalog.actions.size()) return no_ix;
  switch (m.catalog.actions[action].target) {
    case ActionDef::Target::component: return m.find_component(id);
    case ActionDef::Target::post: return m.find_post(id);
    case ActionDef::Target::party: return m.find_party(id);
    case ActionDef::Target::level: return m.find_level(id);
    default: return no_ix;
  }
}


}  // namespace

std::unique_ptr<DrillSession> resume_session(std::shared_ptr<const Model> model, const SessionSetup& setup,
                                             const std::vector<JournalEntry>& journal, SimTime clock,
                                             std::int64_t wall_ms, std::string& error) {
  if (journal.empty() || journal.front().kind != EntryKind::drill_start) {
    error = "the saved journal does not begin with drill_start";
    return nullptr;
  }
  if (journal.front().subject != model->scenario.id) {
    error = "the saved journal is of scenario '" + journal.front().subject + "'";
    return nullptr;
  }
  const Model& m = *model;
  auto session = std::make_unique<DrillSession>(model, setup, wall_ms);
  for (const JournalEntry& e : journal) {
    switch (e.kind) {
      case EntryKind::submit:
      case EntryKind::rejected:
        if (e.actor.empty()) break;  // the policy's: it plays them again by itself
        session->advance_to(e.t);
        {
          Ix action = m.find_action(e.action);
          session->submit(e.actor, m.find_post(e.post), action, target_from_id(m, action, e.target), e.target,
                          e.from.zh);
        }
        break;
      case EntryKind::live_inject: {
        session->advance_to(e.t);
        std::string why;
        if (!session->add_inject(live_inject_of(m, e), &why)) {
          error = "live inject '" + e.subject + "' cannot be replayed: " + why;
          return nullptr;
        }
        break;
      }
      case EntryKind::inject_held:
      case EntryKind::inject_released: {
        session->advance_to(e.t);
        const auto& injects = session->drill().injects();
        for (Ix k = 0; k < injects.size(); ++k)
          if (injects[k].id == e.subject) {
            if (e.kind == EntryKind::inject_held) session->hold_inject(k);
            else session->release_inject(k);
          }
        break;
      }
      case EntryKind::note:
        session->advance_to(e.t);
        if (e.subject.empty()) session->add_note(e.actor, e.text.zh);
        else session->add_evaluation(e.actor, e.subject, e.result, e.text.zh);
        break;
      case EntryKind::drill_end:
        session->advance_to(e.t);
        if (!session->drill().finished()) session->end();
        break;
      default: break;
    }
  }
  session->advance_to(std::max(clock, journal.back().t));
  // The same commands must give the same journal; anything else means the files changed meanwhile.
  const auto& again = session->drill().journal().entries();
  std::size_t n = std::min(again.size(), journal.size());
  for (std::size_t i = 0; i < n; ++i)
    if (to_json(again[i]) != to_json(journal[i])) {
      error = "the scenario's files changed since the drill was saved: line " + std::to_string(i + 1) +
              " of the journal differs";
      return nullptr;
    }
  if (again.size() < journal.size()) {
    error = "the resumed drill is shorter than the saved journal";
    return nullptr;
  }
  session->reanchor(wall_ms);  // timed drills come back paused: the facilitator restarts the clock
  return session;
}

}  // namespace drillsim::gui

// The online scorer: observing a live drill, then walking the plan along a replay of its submissions.
#include "scoring/score_online.hpp"

#include "scoring/score_internal.hpp"
#include "sim/world/names.hpp"

namespace drillsim::scoring {

namespace detail {

void LiveObserver::reset() {
  o_ = Observed{};
  runs_seen_ = completions_seen_ = 0;
}

// The same facts, in the same order, as observe_journal takes from the journal's entries: a
// `submit` (rules of conduct judged right after it), an `action_done` with who was present once its
// event is over, and the `comm` that follows it when the action communicates.
void LiveObserver::on_event(const Drill& d) {
  const auto& runs = d.runs();
  for (; runs_seen_ < runs.size(); ++runs_seen_) {
    const SubmittedRun& r = runs[runs_seen_];
    const Submission& s = r.submission;
    o_.runs.push_back(RunInfo{r.submitted, 0, s.post, s.action, s.target_id, s.actor});
    check_rules(d, o_.runs.back(), static_cast<std::uint32_t>(runs_seen_ + 1), o_.violations);
  }
  const auto& done = d.completed_runs();
  for (; completions_seen_ < done.size(); ++completions_seen_) {
    const std::uint32_t index = done[completions_seen_];
    const SubmittedRun& r = runs[index];
    const Submission& s = r.submission;
    Completion c{r.completes, 0, index + 1, s.post, s.action, s.target_id, s.actor, {}};
    c.staffed.resize(m_.organisation.posts.size());
    for (Ix p = 0; p < c.staffed.size(); ++p) c.staffed[p] = d.post_staffed(p) ? 1 : 0;
    o_.completions.push_back(std::move(c));
    const Communication& comm = m_.catalog.actions[s.action].comm;
    if (comm.kind == Communication::Kind::none) continue;
    CommInfo info{r.completes, comm_kind_name(comm.kind), s.post, s.actor, index + 1, s.target_id, {}};
    for (Ix p : comm.to_posts) info.to.push_back(m_.organisation.posts[p].id);
    for (Ix g : comm.to_groups) info.to.push_back(m_.organisation.groups[g].id);
    o_.comms.push_back(std::move(info));
  }
}

void LiveObserver::finish(const Drill& d) {
  on_event(d);
  o_.finished = d.finished();
  o_.end = d.now();
}

}  // namespace detail

struct OnlineScorer::State {
  explicit State(const Model& m) : observer(m, observed) {}
  detail::Observed observed;
  detail::LiveObserver observer;
  detail::Walked walked;
  std::vector<TimedSubmission> submissions;
};

OnlineScorer::OnlineScorer(std::shared_ptr<const Model> model, const Rubric& rubric, bool texts)
    : model_(std::move(model)), rubric_(rubric), texts_(texts), state_(std::make_unique<State>(*model_)) {}

OnlineScorer::~OnlineScorer() = default;

void OnlineScorer::watch(Drill& drill) {
  State& st = *state_;
  st.observer.reset();
  st.submissions.clear();
  drill.set_submission_log(&st.submissions);
  drill.set_observer([&st](const Drill& d) { st.observer.on_event(d); });
  st.observer.on_event(drill);  // as a replay shows the watcher the drill's first state
}

void OnlineScorer::finish(Drill& drill, ScoreSheet& out) {
  State& st = *state_;
  drill.set_observer(nullptr);
  drill.set_submission_log(nullptr);
  st.observer.finish(drill);
  const Model& m = *model_;
  out = ScoreSheet{};
  DrillOptions options;
  options.seed = drill.seed();
  options.seed_given = true;
  options.journal = false;
  Drill again(model_, options);
  detail::walk_plan_live(again, st.submissions, drill.now(), rubric_, st.observed, st.walked, out);
  out.scenario_id = m.scenario.id;
  out.seed = drill.seed();
  out.plan_id = m.plan.id;
  out.plan_version = m.plan.version;
  out.rubric_id = rubric_.id;
  out.rubric_version = rubric_.version;
  out.levels_reached = drill.levels_reached();
  detail::finish_sheet(m, rubric_, st.observed, st.walked, out, texts_);
}

}  // namespace drillsim::scoring

// The online scorer: observing a live drill, walking the plan during the run or along a replay after it.
#include "scoring/score_online.hpp"

#include "scoring/plan_walker.hpp"
#include "scoring/score_internal.hpp"

namespace drillsim::scoring {

namespace detail {

LiveObserver::LiveObserver(const Model& model, Observed& out) : m_(model), o_(out) {
  ruled_.assign(model.catalog.actions.size(), 0);
  for (const ConductRule& rule : model.plan.rules) {
    if (rule.kind == ConductRule::Kind::must_not) {
      if (rule.action < ruled_.size()) ruled_[rule.action] = 1;
    } else {
      for (Ix a : rule.before)
        if (a < ruled_.size()) ruled_[a] = 1;
    }
  }
}

void LiveObserver::reset() {
  // Cleared, not replaced: the vectors keep their room from run to run.
  o_.runs.clear();
  o_.completions.clear();
  o_.violations.clear();
  o_.comms.clear();
  o_.finished = false;
  o_.end = 0;
  runs_seen_ = completions_seen_ = 0;
  staffed_.reset();
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
    if (s.action < ruled_.size() && ruled_[s.action])
      check_rules(d, o_.runs.back(), static_cast<std::uint32_t>(runs_seen_ + 1), o_.violations);
  }
  const auto& done = d.completed_runs();
  for (; completions_seen_ < done.size(); ++completions_seen_) {
    const std::uint32_t index = done[completions_seen_];
    const SubmittedRun& r = runs[index];
    const Submission& s = r.submission;
    o_.completions.push_back(Completion{r.completes, 0, index + 1, s.post, s.action, s.target_id, staffed_.of(d)});
    const Communication::Kind kind = m_.catalog.actions[s.action].comm.kind;
    if (kind != Communication::Kind::none) o_.comms.push_back(CommInfo{r.completes, kind, s.post, s.action, index + 1});
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
  detail::SheetRoom room;  // what the sheets judged before leave to the next
  std::vector<TimedSubmission> submissions;
  std::unique_ptr<detail::PlanWalker> live;  // kept from run to run
  detail::PlanWalker* walker = nullptr;      // the live walk of this run, when slices are reported
  std::size_t runs_known = 0;
  std::uint64_t events_seen = 0, events_at_slice = 0;  // the drill's own_events() at the last look, slice
  bool stepped = false;  // a slice after the start has been reported
  bool events_due_at_start = false;
};

OnlineScorer::OnlineScorer(std::shared_ptr<const Model> model, const Rubric& rubric, bool texts)
    : model_(std::move(model)), rubric_(rubric), texts_(texts), state_(std::make_unique<State>(*model_)) {}

OnlineScorer::~OnlineScorer() = default;

namespace {

// The live walk sees the run as it was played; a walk by replay sees the run that replaying its
// submissions plays, which steps every event due at a submission's time before submitting it. The
// two differ only when something was submitted while an event was already due: an action taking no
// time followed by another submission at the same moment, or a submission before the first step
// while the drill had events at its start. The live walk gives up there.
bool submitted_with_events_due(const Drill& d, std::size_t& runs_known) {
  const auto& runs = d.runs();
  bool due = false;
  for (; runs_known < runs.size(); ++runs_known) due = due || runs[runs_known].completes <= runs[runs_known].submitted;
  return due;
}

}  // namespace

void OnlineScorer::watch(Drill& drill, bool reports_slices) {
  State& st = *state_;
  st.observer.reset();
  st.submissions.clear();
  st.walked.procedures.clear();
  st.walked.steps.clear();
  st.walked.incident_start = never;
  st.walker = nullptr;
  st.runs_known = drill.runs().size();
  st.events_seen = st.events_at_slice = drill.own_events();
  st.stepped = false;
  st.events_due_at_start = drill.next_event_time() <= drill.now();
  walked_live_ = false;
  drill.set_submission_log(&st.submissions);
  if (reports_slices) {
    if (!st.live)
      st.live = std::make_unique<detail::PlanWalker>(*model_, rubric_, st.observed, st.walked,
                                                     detail::PlanWalker::Mode::live);
    else
      st.live->restart();
    st.walker = st.live.get();
    drill.set_observer([&st](const Drill& d) {
      st.observer.on_event(d);
      if (st.walker->failed()) return;
      // A wake-up the caller asked for is no event of a replay: the walk does not look at it.
      const bool submitted = d.runs().size() != st.runs_known;
      if (!submitted && d.own_events() == st.events_seen) return;
      st.events_seen = d.own_events();
      if (submitted_with_events_due(d, st.runs_known)) st.walker->give_up();
      st.walker->on_event(d);
    });
  } else {
    drill.set_observer([&st](const Drill& d) { st.observer.on_event(d); });
  }
  // As a replay shows its watchers the drill's first state, and its first slice.
  st.observer.on_event(drill);
  if (st.walker) {
    st.walker->on_event(drill);
    st.walker->on_slice(drill);
  }
}

void OnlineScorer::on_slice(const Drill& drill) {
  State& st = *state_;
  if (!st.walker || st.walker->failed()) return;
  // Submitted before the first step, while events of the start were due: see above.
  const bool first = !st.stepped;
  st.stepped = true;
  if (first && !st.submissions.empty() && st.events_due_at_start) {
    st.walker->give_up();
    return;
  }
  // A slice of nothing but the caller's wake-ups is no slice of a replay.
  if (drill.own_events() == st.events_at_slice) return;
  st.events_at_slice = drill.own_events();
  st.walker->on_slice(drill);
}

void OnlineScorer::finish(Drill& drill, ScoreSheet& out) {
  State& st = *state_;
  drill.set_observer(nullptr);
  drill.set_submission_log(nullptr);
  st.observer.finish(drill);
  const Model& m = *model_;
  st.room.reclaim(out);  // as out = ScoreSheet{}, keeping its room for this sheet
  walked_live_ = st.walker && !st.walker->failed() && drill.finished();
  if (walked_live_) {
    st.walker->finish();
    detail::read_outcomes(m, drill, out);
  } else {
    DrillOptions options;
    options.seed = drill.seed();
    options.seed_given = true;
    options.journal = false;
    Drill again(model_, options);
    detail::walk_plan_submissions(again, st.submissions, drill.now(), rubric_, st.observed, st.walked, out);
  }
  st.walker = nullptr;
  out.scenario_id = m.scenario.id;
  out.seed = drill.seed();
  out.plan_id = m.plan.id;
  out.plan_version = m.plan.version;
  out.rubric_id = rubric_.id;
  out.rubric_version = rubric_.version;
  out.levels_reached = drill.levels_reached();
  detail::finish_sheet(m, rubric_, st.observed, st.walked, out, texts_, st.room);
}

}  // namespace drillsim::scoring

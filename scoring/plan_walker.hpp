// The plan's path through a run: which procedures were called for, which steps were reached, and
// which completed action answered each expected one (private to scoring/).
//
// The walker watches a drill event by event (triggers, resolutions) and slice by slice (it starts
// what was triggered and walks every procedure as far as it goes). It judges a step from the run's
// completions, so it needs to know what will be done later: whether an expected action is ever
// done, and whether a later completion is better evidence than an earlier one.
//
// Two ways to give it that knowledge:
//   replay  the run is over and every completion is known; the walker watches a second drill
//           replaying the run's submissions (score_journal, and the fallback below).
//   live    the walker watches the run itself as it happens, knowing only what has been done so
//           far. Where the replay walk would act on knowledge of the future, the live walk waits;
//           when the answer turns out to have been knowable only in hindsight (an expected action
//           nobody ever did, evidence that stayed the best only because nothing better came), the
//           live walk gives up (`failed()`) and the caller walks again by replay. Otherwise the two
//           walks take the same steps at the same slices, so they record the same path.
#pragma once

#include <vector>

#include "scoring/clocked_condition.hpp"
#include "scoring/index_bits.hpp"
#include "scoring/score_internal.hpp"
#include "sim/world/policy_watch.hpp"

namespace drillsim::scoring::detail {

class PlanWalker {
 public:
  enum class Mode { replay, live };
  PlanWalker(const Model& model, const Rubric& rubric, const Observed& observed, Walked& walked, Mode mode);

  // Forgets the run (a new one is about to begin), keeping what was allocated.
  void restart();
  // After every event and submission: the first moment each trigger holds, resolutions.
  void on_event(const Drill& drill);
  // After every time slice (and once at the start, once at the end): starts what was triggered,
  // then walks every procedure as far as it goes.
  void on_slice(const Drill& drill);
  // After the run: the procedure runs into `walked`.
  void finish();
  // Live only: the walk needed knowledge of the future and stopped; walk again by replay.
  bool failed() const { return failed_; }
  // Live only: the walk cannot be trusted from here on (the caller saw the run diverge from what a
  // replay of its submissions would show).
  void give_up() { failed_ = true; }

 private:
  struct Instance {
    Ix proc = no_ix;
    SimTime start = never;
    bool by_trigger = true;
    bool repeat = false;  // a second (third ...) run of a repeatable procedure: a new incident
    Ix from_proc = no_ix, from_step = no_ix;
    std::vector<BusinessRuntime> business_at_start;
    Ix cur = 0;
    bool ended = false;
    // the visit of `cur` under way
    bool arrived = false;
    bool first_visit = false;
    bool step_done = false;  // its actions are done (or judged missed): waiting for a branch to hold
    std::vector<int> picks;
    bool missing = false;
    SimTime ready = never;
    SimTime due = never;
    SimTime arrived_at = never;
    bool certain = true;                  // live: the picks are the ones a replay walk makes
    std::size_t picked_with = 0;          // live: completions known at the last pick
    bool picked_after_due = false;        // live: the last pick was made after `due`
    std::uint64_t consumed_at_arrival = 0;
    std::size_t record = 0;               // index into w_.steps of cur's first visit
    SimTime last_done = -1;               // the last done step of the path
    std::vector<SimTime> last_done_post;  // by post: the last done step it was responsible for
    std::vector<char> visited;            // by step
    std::vector<SimTime> visit_done;      // by step: when its latest visit was done
    SimTime resolved = never;
  };

  const Model& m_;
  const Rubric& r_;
  const Observed& o_;
  Walked& w_;
  const Mode mode_;
  bool failed_ = false;
  std::vector<Instance> instances_;  // the first `started_runs_` are this run's; the rest keep their buffers
  std::size_t started_runs_ = 0;
  std::vector<std::size_t> active_;      // instances not ended, in the order they started
  std::vector<std::size_t> unresolved_;  // instances not resolved yet
  std::vector<Ix> pending_list_;         // procedures whose pending_ was set since the last slice
  // What has been indexed of o_ so far (live: it grows as the run goes).
  std::size_t indexed_completions_ = 0, indexed_violations_ = 0;
  std::vector<std::vector<std::uint32_t>> by_action_;  // by action: completion indices, in order
  std::vector<char> forbidden_;                        // by run: it broke a rule of conduct (beyond: no)
  std::vector<char> running_, started_, armed_;
  std::vector<std::size_t> since_;           // by procedure: messages delivered when it last started
  std::vector<SimTime> pending_;             // by procedure: its trigger held then, not started yet
  std::vector<std::vector<char>> consumed_;  // by procedure, by completion: evidence already used
  std::vector<std::uint64_t> consumed_version_;  // by procedure: bumps when evidence is used
  std::vector<ClockedCondition> resolved_;  // by procedure
  std::vector<ClockedCondition> triggers_;  // by procedure: evaluated when they can have changed
  // Routing the looks: a look asks a trigger only when it may start its procedure now (`askable_`)
  // and what its last value rests on moved since the previous look (an aspect in `resting_`, the
  // clock for those with a horizon). A trigger that becomes askable (its procedure ended, or a
  // pending start was dropped) is asked at the next look whatever moved (`fresh_`): while it was not
  // askable nobody watched what moved for it. The answers are those of asking every askable trigger
  // at every look: one whose inputs did not move gives the answer it gave last time, and false left
  // it armed, true made it pending (no longer askable).
  IndexBits askable_;  // triggered, not running, not pending, not started already unless repeatable
  IndexBits fresh_;
  bool any_fresh_ = false;
  std::array<IndexBits, static_cast<std::size_t>(Aspect::count)> resting_;  // by aspect; time: the clock
  std::vector<std::uint32_t> routed_;  // by procedure: the entries of resting_ it is in
  AspectWatch aspects_;  // which aspects of the drill moved since the last look
  SimTime incident_start_ = never;
  SimTime seen_now_ = never;

  bool knows_everything(const Drill& d) const { return mode_ == Mode::replay || d.finished(); }
  bool run_finished(const Drill& d) const { return mode_ == Mode::replay ? o_.finished : d.finished(); }
  void index_observed();
  void ask_trigger(const Drill& d, Ix proc, std::uint32_t moved);
  void update_askable(Ix proc);
  void route(Ix proc);
  bool consumed(Ix proc, std::size_t completion) const;
  void consume(Ix proc, std::size_t completion);
  void start(const Drill& d, Ix proc, SimTime at, bool by_trigger, Ix from_proc, Ix from_step);
  Instance& new_instance();
  // Live: the evidence of the step under way is uncertain and nothing that could change it happened
  // since it was chosen (no completion, the limit not passed, the run not over): walking it would
  // only wait (settle_live's quick answer).
  bool waiting(const Drill& d, const Instance& inst) const {
    return mode_ == Mode::live && inst.arrived && !inst.certain && inst.picked_with == o_.completions.size() &&
           !d.finished() && !limit_passed_since_pick(d, inst);
  }
  // Live: the step's limit has passed since its evidence was last chosen (which may change the choice).
  static bool limit_passed_since_pick(const Drill& d, const Instance& inst) {
    return inst.first_visit && inst.due != never && d.now() > inst.due && !inst.picked_after_due;
  }
  void end(Instance& inst);
  void check_resolved(const Drill& d, Instance& inst);
  void check_unresolved(const Drill& d, std::uint32_t moved);
  SimTime first_completion(Ix action, SimTime t, bool& known) const;
  SimTime due_of(const Instance& inst, const Step& step, bool& certain) const;
  SimTime order_bound(const Instance& inst, const Step& step) const;
  double preference(const Completion& c, const Step& step, SimTime due) const;
  double best_possible(const Drill& d, SimTime due) const;
  void arrive(const Drill& d, Instance& inst);
  void pick(const Drill& d, Instance& inst);
  bool settle_live(const Drill& d, Instance& inst);
  bool completed_since(Instance& inst) const;
  std::vector<std::pair<Ix, std::string>> would_observe(const Drill& d, const Step& step,
                                                        const std::vector<int>& picks) const;
  Condition assume(const Drill& d, const Condition& c, const std::vector<Ix>& missing,
                   const std::vector<std::pair<Ix, std::string>>& would) const;
  const Branch* choose_branch(const Drill& d, const Instance& inst, const Step& step, bool assume_missing);
  bool back_edge(const Instance& inst, const Branch* b) const;
  void step_done(const Drill& d, std::size_t index);
  void take(const Drill& d, std::size_t index, const Branch* b);
  bool advance(const Drill& d, std::size_t index);
};

}  // namespace drillsim::scoring::detail

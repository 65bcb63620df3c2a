// The Drill: one object that every front end drives (GUI, CLI, response files, policy, Monte Carlo).
//
// Sections of the implementation:
//   drill.cpp          construction, the event loop, ending, live injects
//   drill_submit.cpp   submitting actions, their completion, observations, communications
//   drill_effects.cpp  effects of actions on the world, parties
//   drill_health.cpp   propagation of health, symptoms, outage bookkeeping
//   drill_dynamics.cpp room temperature, UPS batteries, fire, load
//   drill_business.cpp the business calendar
//   drill_conditions.cpp evaluation of conditions, contingency injects, true levels
#pragma once

#include <array>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sim/kernel/event_queue.hpp"
#include "sim/kernel/rng.hpp"
#include "sim/model/model.hpp"
#include "sim/world/condition_aspects.hpp"
#include "sim/world/journal.hpp"
#include "sim/world/platform_graph.hpp"
#include "sim/world/world_state.hpp"

namespace drillsim {

struct DrillStatics;  // drill_statics.hpp: what a drill derives from its model alone

struct DrillOptions {
  std::uint64_t seed = 0;       // 0: the scenario's seed
  bool seed_given = false;
  bool journal = true;          // Monte Carlo runs may switch the journal off
};

// An action as a participant (or the policy) submits it.
struct Submission {
  std::string actor;            // participant's name; empty for the policy
  Ix post = no_ix;
  Ix action = no_ix;
  Ix target = no_ix;            // component, post, party or level index, as the action's target says
  std::string target_id;        // the target as text (business kinds; filled from target otherwise)
  std::string note;             // free text
};

// A submission and when it was made (every one, accepted or refused): what a replay plays again.
struct TimedSubmission {
  SimTime t = 0;
  Submission submission;
};

// An accepted submission: what was asked (target filled in), when, and when it completes.
struct SubmittedRun {
  Submission submission;
  SimTime submitted = 0, starts = 0, completes = 0;
  std::uint32_t occurrence = 0;  // how many times this action was drawn before
};

struct SubmitResult {
  bool accepted = false;
  std::string reason_code;      // not_allowed, nobody_at_post, bad_target, precondition, drill_over, unknown
  Text reason;
  std::uint32_t run = 0;        // submission number
  SimTime starts = 0;
  SimTime completes = 0;
};

class Drill {
 public:
  explicit Drill(std::shared_ptr<const Model> model, DrillOptions options = {});
  // Starts over with another seed: the same as a new Drill of the same model and options (journal on
  // or off), no observer, sink or submission log, but reusing what this one allocated (Monte Carlo
  // runs thousands of drills of one model on a thread).
  void restart(std::uint64_t seed);

  const Model& model() const { return *model_; }
  std::uint64_t seed() const { return seed_; }
  SimTime now() const { return now_; }
  SimTime end_time() const { return model_->scenario.end; }
  bool finished() const { return finished_; }
  SimTime next_event_time() const;  // `never` when nothing is pending

  // Runs every event up to and including time t, then sets the clock to t (capped at the end).
  void advance_to(SimTime t);
  // Runs every event at the next event time. False when nothing is left or the drill is over.
  bool step();
  // Ends the drill now.
  void end();

  SubmitResult submit(const Submission& submission);
  // Adds an inject during the drill (timed at or after now, or a contingency); journaled for replay.
  bool add_inject(Inject inject, std::string* error = nullptr);
  bool hold_inject(Ix inject);     // a contingency inject will not fire while held
  bool release_inject(Ix inject);
  void add_note(const std::string& author, const std::string& text);
  // An evaluator's observation on an exercise objective, rated P, S, M or U (HSEEP), journaled as a note.
  bool add_evaluation(const std::string& author, const std::string& objective, const std::string& rating,
                      const std::string& text);
  // Wakes the caller's loop at t (for policies that act on clocks, such as report cycles). A replay
  // of the run's submissions has no such wake-up: own_events() does not count it.
  void wake_at(SimTime t);
  // Events run so far that a replay of the run's submissions also runs: every event but the
  // wake-ups callers asked for. A watcher that must see what a replay sees skips the others.
  std::uint64_t own_events() const { return own_events_; }
  // Called after every event and every submission, with the drill in its new state: how scoring
  // watches triggers, branches and limits without a second copy of the rules.
  void set_observer(std::function<void(const Drill&)> observer) { observer_ = std::move(observer); }
  // Receives every journal entry as it is written (write-through to the records store). Entries
  // written before the sink was set are in journal().
  void set_journal_sink(std::function<void(const JournalEntry&)> sink) { sink_ = std::move(sink); }

  const Journal& journal() const { return journal_; }
  // What happened, kept whether or not the journal is on (how Monte Carlo scores a run online):
  // accepted submissions by run number - 1, the runs completed so far in completion order, and the
  // true levels reached with their times, in the order the journal records them.
  const std::vector<SubmittedRun>& runs() const { return runs_; }
  const std::vector<std::uint32_t>& completed_runs() const { return completed_; }
  const std::vector<std::pair<Ix, SimTime>>& levels_reached() const { return levels_reached_; }
  // Logs of what conditions read, in the order it changed (kept whether the journal is on or not): a
  // watcher remembers how much of each it has read and looks only at what was added since
  // (change_router.hpp). Components whose health, faults, off state or fire changed (repeats
  // allowed); the fault type of every fault added or cleared; and every message delivered, as its
  // index in Model::message_ids (no_ix: not indexed). Actions done are completed_runs().
  const std::vector<Ix>& component_changes() const { return component_log_; }
  const std::vector<Ix>& fault_changes() const { return fault_log_; }
  const std::vector<Ix>& deliveries() const { return delivery_log_; }
  // Every submission from now on (accepted or refused) is appended to `log` (null: none).
  void set_submission_log(std::vector<TimedSubmission>* log) { submission_log_ = log; }
  // Bumps whenever anything a condition can read changes (every journaled change, every wake-up):
  // callers that evaluate conditions can skip the work while it stays the same.
  std::uint64_t state_version() const { return version_; }
  // The sum of the versions of the aspects in `mask`: it changes whenever one of them changes, so a
  // condition need not be evaluated again while the signature of aspects_of(condition) stays put.
  std::uint64_t signature(std::uint32_t mask) const {
    std::uint64_t sum = 0;
    for (; mask != 0; mask &= mask - 1) sum += aspect_versions_[static_cast<unsigned>(__builtin_ctz(mask))];
    return sum;
  }
  // How many times one aspect has changed: a caller keeping the versions it last saw knows which
  // aspects moved since, and skips every condition that reads none of them.
  std::uint64_t aspect_version(Aspect a) const { return aspect_versions_[static_cast<std::size_t>(a)]; }
  const WorldState& truth() const { return state_; }
  const std::vector<Inject>& injects() const { return has_live_injects_ ? live_injects_ : model_->scenario.injects; }
  bool inject_fired(Ix inject) const { return fired_[inject] != 0; }
  bool inject_held(Ix inject) const { return held_[inject] != 0; }
  const PlatformGraph& graph() const { return *graph_; }
  // `messages_from`: message conditions count only messages delivered after the first that many
  // (how a repeatable procedure sees a new incident).
  // `since`: when the procedure whose branch is tested started (for `elapsed`).
  bool condition_holds(const Condition& c, Ix target = no_ix, std::size_t messages_from = 0, SimTime since = 0) const;
  std::size_t messages_delivered() const { return state_.delivered.size(); }
  double room_temperature(Ix room) const;   // now
  double battery_charge(Ix ups) const;      // now, 0..1
  bool post_staffed(Ix post) const;         // someone holding it is present now
  Ix acting_person(Ix post) const;          // who acts for the post now (A, else B ...), no_ix if none
  SimTime post_free_at(Ix post) const { return state_.post_free_at[post]; }
  SimTime downtime(Ix component) const;     // total down time up to now

 private:
  enum EventKind : std::uint32_t {
    ev_inject, ev_action_done, ev_effect_due, ev_symptom, ev_business_start, ev_business_grace,
    ev_load_start, ev_load_end, ev_temperature, ev_battery, ev_fire_destroy, ev_party_arrive,
    ev_person_arrive, ev_wake, ev_end
  };
  using Run = SubmittedRun;
  // One draw of a distribution for one purpose and entity (common random numbers across plans).
  SimTime draw(Stream purpose, std::uint32_t entity, std::uint32_t occurrence, const Distribution& d) const;

  std::shared_ptr<const Model> model_;
  std::shared_ptr<const DrillStatics> statics_;  // immutable: shared by the drills of one model on a thread
  const PlatformGraph* graph_;                    // statics_->graph
  std::uint64_t seed_;
  bool journal_on_;
  std::vector<std::uint32_t> action_draws_;  // by action: durations drawn so far
  std::vector<std::uint32_t> party_calls_;   // by party: calls so far
  EventQueue queue_;
  WorldState state_;
  Journal journal_;
  // injects(): the model's own vector until a live inject is added, then live_injects_ (a copy of
  // the scenario's plus the live ones), so that most drills copy none.
  bool has_live_injects_ = false;
  std::vector<Inject> live_injects_;
  std::vector<char> fired_, held_;
  // The aspects that moved since contingencies and levels were last looked at (touch() adds to them).
  // A pending contingency or level held false then (else it would have fired or been reached), so
  // only those reading a moved aspect need evaluating again (CachedCondition's rule, for a whole set).
  // All bits at first: every one is evaluated once.
  std::uint32_t contingencies_moved_ = ~0u, levels_moved_ = ~0u;
  std::uint32_t business_waiting_ = 0;  // calendar events past their time, inside their grace
  std::uint32_t faulty_components_ = 0;           // components with an active fault
  std::vector<std::uint32_t> fault_type_active_;  // by fault type: components where it is active
  std::vector<Run> runs_;
  std::vector<std::uint32_t> completed_;                // run indices in completion order
  std::vector<std::pair<Ix, SimTime>> levels_reached_;  // true levels as reached
  std::vector<Ix> component_log_, fault_log_, delivery_log_;  // component_changes() ...
  std::vector<TimedSubmission>* submission_log_ = nullptr;
  std::vector<Health> scratch_health_;  // health by component as propagation computes it
  std::vector<char> dirty_;             // by position in the graph's order: to recompute
  std::vector<Ix> moved_;               // components whose health a propagation moved, in order
  SimTime now_ = 0;
  std::uint64_t own_events_ = 0;
  std::uint64_t version_ = 0;
  std::array<std::uint64_t, static_cast<std::size_t>(Aspect::count)> aspect_versions_{};
  void touch(Aspect a) {
    ++aspect_versions_[static_cast<std::size_t>(a)];
    contingencies_moved_ |= aspect_bit(a);
    levels_moved_ |= aspect_bit(a);
  }
  std::uint64_t checked_version_ = ~0ull;  // the version after_change last evaluated
  bool finished_ = false;
  bool started_ = false;
  std::function<void(const Drill&)> observer_;
  std::function<void(const JournalEntry&)> sink_;

  // drill.cpp
  void start();
  void schedule(SimTime t, std::int32_t priority, EventKind kind, std::uint32_t a = 0, std::uint32_t b = 0,
                std::int64_t c = 0);
  void dispatch(const Event& e);
  void record(JournalEntry e);
  // Check first: the aspect `kind` changes either way, but `make` builds the entry only when the
  // journal is on (Monte Carlo runs with it off pay for no strings).
  template <class Make>
  void record(EntryKind kind, Make&& make) {
    if (journal_on_) {
      record(make());
    } else {
      changed(kind);
    }
  }
  void changed(EntryKind kind);  // bumps the state version and the aspect the entry kind touches
  void component_changed(Ix component) { component_log_.push_back(component); }
  void wake_self(SimTime t);  // a wake-up the drill needs itself (times its conditions name)
  void fire_inject(Ix inject);
  void deliver(const std::string& message_id, Ix index);  // index: in Model::message_ids (no_ix: none)
  void after_change();
  // drill_submit.cpp
  void complete_action(std::uint32_t run);
  void observe(const Run& run, std::uint32_t run_no);
  void communicate(const Run& run, std::uint32_t run_no);
  // drill_effects.cpp
  void apply_effect(std::uint32_t run, std::uint32_t effect_index);
  void schedule_effects(std::uint32_t run);
  SimTime call_party(Ix party, const std::string& by_post);
  void set_off(Ix component, OffReason reason);
  // drill_health.cpp
  void propagate(Ix changed = no_ix);  // `changed`: the component whose own state changed (no_ix: all)
  Health recompute_health(Ix component);
  void schedule_symptoms(Ix component, Health from, Health to);
  bool symptom_fault_present(Ix component, const Symptom& s) const;
  void deliver_symptom(Ix component, Ix symptom, std::uint32_t epoch);
  void add_fault(Ix component, Ix fault_type);
  void clear_fault(Ix component, Ix fault_type);
  // drill_dynamics.cpp
  void init_dynamics();
  void update_room(Ix room);       // recompute slope from cooling, reschedule crossings
  void on_temperature(Ix room, std::uint32_t epoch);
  void update_ups(Ix ups, bool inputs_down);  // switch between battery and charging (no propagation)
  void on_battery_empty(Ix ups, std::uint32_t epoch);
  void start_fire(Ix room);
  bool extinguish(Ix room, bool professional);
  void on_fire_destroy(Ix component, std::uint32_t epoch);
  void lose_data(Ix component, const char* how);
  bool has_data(Ix component) const;
  // drill_business.cpp
  void init_business();
  void business_check(Ix event, std::uint32_t epoch);
  bool business_ready(Ix event) const;
  void settle_business(Ix event, BusinessState state);
  void set_waiting(BusinessRuntime& rt, bool waiting);
  void business_grace_over(Ix event, std::uint32_t epoch);
  void postpone_business(const std::string& kind, SimTime by);
  void recheck_waiting_business();
  // drill_conditions.cpp
  void check_contingencies();
  void check_levels();
};

}  // namespace drillsim

// A policy that follows the plan as written: for demos, tests and Monte Carlo evaluation.
#pragma once

#include <vector>

#include "sim/world/change_router.hpp"
#include "sim/world/condition_aspects.hpp"
#include "sim/world/drill.hpp"
#include "sim/world/policy_watch.hpp"

namespace drillsim {

// It starts a procedure when its trigger holds, does each step's expected actions with the
// step's responsible post (else a cooperating one, else any post allowed), follows the branch
// the observations select, declares the level the plan's grading calls for, and reports on the
// plan's reporting clock. It acts only for the posts it is given (all posts when empty).
//
// It plays every Monte Carlo replication, so it keeps what it last saw: the drill's aspect
// versions (AspectWatch), triggers asked only when what they read changed (ChangeRouter, by
// component, message, action and fault type) and levels when an aspect they read moved
// (WatchedCondition), and instances waiting for a branch left alone until what their branches
// read moved. The submissions are the same, at the same times, as asking everything every time.
class PlanPolicy {
 public:
  explicit PlanPolicy(const Model& model, std::vector<Ix> posts = {});
  // Forgets the run (another drill of the same model is about to start), keeping what it allocated.
  void restart();
  // Call whenever the drill has reached a new time slice (after start, and after every step).
  void act(Drill& drill);
  bool procedure_started(Ix procedure) const { return started_[procedure] != 0; }
  bool step_reached(Ix procedure, Ix step) const { return reached_[procedure][step] != 0; }
  SimTime first_started(Ix procedure) const { return first_started_[procedure]; }  // never if not started
  const std::vector<Ix>& started_order() const { return started_order_; }  // in the order they first started

 private:
  struct Active {
    Ix procedure = no_ix;
    Ix step = 0;
    std::size_t next_expect = 0;
    SimTime waiting_until = -1;  // a submitted action completes then (-1: nothing under way)
    bool done = false;
    bool step_done = false;      // the step's actions are done; waiting for one of its branches to hold
    bool settled = false;        // step_done, and no branch held on the state last looked at
    bool branches_read_clock = false;  // (set when the step is done) what its branches read:
    std::uint32_t branches_read = 0;   //   while none of it moves, a settled instance stays put
    SimTime started = 0;
  };
  // A post the policy plays that can send a communication, and the action it sends it with.
  struct Doer {
    Ix post = no_ix;
    Ix action = no_ix;
  };
  // Who sends one kind of communication, in the plan's order: worked out the first time it is needed.
  struct Senders {
    bool known = false;
    std::vector<Doer> doers;
  };

  const Model& model_;
  std::vector<char> controls_;  // by post
  std::vector<char> started_;   // by procedure: started at least once
  std::vector<SimTime> first_started_;
  std::vector<char> running_;   // by procedure: an instance is under way
  std::vector<char> armed_;     // by procedure: may start (again) when its trigger holds
  std::vector<std::size_t> since_;  // by procedure: messages delivered when it last started
  // A procedure whose trigger is watched now: not running, and not started if it does not repeat.
  struct Startable {
    Ix procedure = no_ix;
    bool asked = false;  // its trigger was evaluated since it became startable
  };
  std::vector<Startable> may_start_;  // in plan order
  std::vector<WatchedCondition> triggers_;  // by procedure
  ChangeRoutes trigger_routes_;             // by procedure: what its trigger reads
  ChangeRouter trigger_router_;             // whether that changed since the previous act
  std::vector<WatchedCondition> levels_;    // by level
  std::vector<CachedCondition> resolved_;   // by procedure (exact: the same answers as asking each time)
  std::vector<Ix> started_order_;           // procedures in the order they first started
  std::vector<std::vector<char>> reached_;  // by procedure, by step
  std::vector<Senders> declarers_;           // by level
  Senders reporters_, summarisers_;
  AspectWatch trigger_watch_, level_watch_, branch_watch_;
  SimTime branch_clock_ = -1;   // the clock when the settled instances were last looked at
  std::vector<Active> active_;
  std::vector<std::size_t> live_;  // indices in active_ of the instances not done (done ones dropped lazily)
  std::size_t running_count_ = 0;  // instances not done
  int declared_rank_ = 0;
  SimTime last_report_ = -1;
  bool summary_done_ = false;
  SimTime incident_start_ = -1;
  std::uint64_t seen_version_ = ~0ull;  // the drill's state version at the last act()
  Submission submission_;               // reused: no allocation per submission

  // plan_policy.cpp
  void check_triggers(Drill& drill);
  void advance_all(Drill& drill);
  void unsettle(const Drill& drill);
  bool advance(Drill& drill, std::size_t index);  // true if it did something
  void drop_done();
  Ix pick_post(const Drill& drill, const Step* step, Ix action) const;
  Ix pick_target(const Drill& drill, const ActionDef& def, const ExpectedAction& expected) const;
  bool submit(Drill& drill, Ix post, Ix action, Ix target, const std::string& target_id, SimTime* completes);
  void start_procedure(Drill& drill, Ix procedure);
  void finish(Active& a);
  static void wake_for_elapsed(Drill& drill, const Condition& c, SimTime since);
  // plan_policy_reports.cpp
  void grade(Drill& drill);
  void report(Drill& drill);
  bool incident_open(const Drill& drill);
  bool send(Drill& drill, const std::vector<Doer>& doers);
  const std::vector<Doer>& senders(Senders& s, Communication::Kind kind, const std::vector<Ix>* posts);
  Ix action_with_comm(Communication::Kind kind, Ix post) const;
};

// Runs the drill to its end with the policy acting at every time slice.
void run_with_policy(Drill& drill, PlanPolicy& policy);

}  // namespace drillsim

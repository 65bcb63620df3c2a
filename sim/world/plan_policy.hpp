// A policy that follows the plan as written: for demos, tests and Monte Carlo evaluation.
#pragma once

#include <vector>

#include "sim/world/condition_aspects.hpp"
#include "sim/world/drill.hpp"

namespace drillsim {

// It starts a procedure when its trigger holds, does each step's expected actions with the
// step's responsible post (else a cooperating one, else any post allowed), follows the branch
// the observations select, declares the level the plan's grading calls for, and reports on the
// plan's reporting clock. It acts only for the posts it is given (all posts when empty).
class PlanPolicy {
 public:
  explicit PlanPolicy(const Model& model, std::vector<Ix> posts = {});
  // Call whenever the drill has reached a new time slice (after start, and after every step).
  void act(Drill& drill);
  bool procedure_started(Ix procedure) const { return started_[procedure] != 0; }
  bool step_reached(Ix procedure, Ix step) const { return reached_[procedure][step] != 0; }
  SimTime first_started(Ix procedure) const { return first_started_[procedure]; }  // never if not started

 private:
  struct Active {
    Ix procedure = no_ix;
    Ix step = 0;
    std::size_t next_expect = 0;
    SimTime waiting_until = -1;  // a submitted action completes then (-1: nothing under way)
    bool done = false;
    bool step_done = false;      // the step's actions are done; waiting for one of its branches to hold
    SimTime started = 0;
  };
  const Model& model_;
  std::vector<char> controls_;  // by post
  std::vector<char> started_;   // by procedure: started at least once
  std::vector<SimTime> first_started_;
  std::vector<char> running_;   // by procedure: an instance is under way
  std::vector<char> armed_;     // by procedure: may start (again) when its trigger holds
  std::vector<std::size_t> since_;  // by procedure: messages delivered when it last started
  std::vector<CachedCondition> triggers_;  // by procedure
  std::vector<CachedCondition> levels_;    // by level
  std::vector<CachedCondition> resolved_;  // by procedure (exact: the same answers as asking each time)
  std::vector<std::vector<char>> reached_;  // by procedure, by step
  std::vector<Active> active_;
  int declared_rank_ = 0;
  SimTime last_report_ = -1;
  bool summary_done_ = false;
  SimTime incident_start_ = -1;
  std::uint64_t seen_version_ = ~0ull;  // the drill's state version at the last act()

  bool advance(Drill& drill, std::size_t index);  // true if it did something
  Ix pick_post(const Drill& drill, const Step* step, Ix action) const;
  Ix pick_target(const Drill& drill, const ActionDef& def, const ExpectedAction& expected) const;
  bool submit(Drill& drill, Ix post, Ix action, Ix target, const std::string& target_id, SimTime* completes);
  void start_procedure(Drill& drill, Ix procedure);
  void finish(Active& a);
  static void wake_for_elapsed(Drill& drill, const Condition& c, SimTime since);
  void grade(Drill& drill);
  void report(Drill& drill);
  Ix action_with_comm(Communication::Kind kind, Ix post) const;
};

// Runs the drill to its end with the policy acting at every time slice.
void run_with_policy(Drill& drill, PlanPolicy& policy);

}  // namespace drillsim

// The emergency plan (应急预案): levels, grading and reporting rules, procedures and rules of conduct.
#pragma once

#include "sim/model/condition.hpp"

namespace drillsim {

// A response level (一级/二级/三级, IV/III/II/I). The true level is the highest rank whose
// condition held at some moment of the drill. YAML: plan.levels[] {id, name, rank, when, declared_by: [posts]}
struct Level {
  std::string id;
  Text name;
  int rank = 0;  // higher is more severe
  Condition when;
  std::vector<Ix> declared_by;
  std::string source;
};

// YAML: plan.grading {within: DURATION, by: [posts]} — 002: initial grading within 30 min.
struct GradingRule {
  SimTime within = 0;  // 0: no deadline
  std::vector<Ix> by;
  std::string source;
};

// YAML: plan.reporting {first_within, cycle, summary_within, to: [posts/groups], by: [posts], source}
struct ReportingRule {
  SimTime first_within = 0;    // 004: major events within 15 min
  SimTime cycle = 0;           // 003: at least every 30 min until restored
  SimTime summary_within = 0;  // 003: summary within 12 h of restoration
  std::vector<Ix> to_posts;
  std::vector<Ix> to_groups;
  std::vector<Ix> by;
  std::string source;
};

// Where a step goes once it is done: the first branch whose condition holds.
// YAML: steps[].branches[] {when: CONDITION, next: step id | goto: procedure id | end: true}
struct Branch {
  Condition when;
  Ix next_step = no_ix;   // within the same procedure
  Ix goto_procedure = no_ix;
  bool end = false;       // the procedure ends here
  Text note;              // e.g. 若无法登录，则按“网络/服务器问题”处理
};

// An action a step expects. YAML: an action id, or {action: id, target: id} where the target is a
// component, post, party, level id or business kind, as the action's `target` says.
struct ExpectedAction {
  Ix action = no_ix;
  Ix target = no_ix;      // resolved for component/post/party/level targets
  std::string target_id;  // as written (business kinds stay textual)
};

// YAML: procedures[].steps[]
struct Step {
  std::string id;
  std::string source;       // e.g. "000 §5.2 第二步"
  Text text;
  std::vector<Ix> responsible;   // posts
  std::vector<Ix> cooperating;   // posts
  std::vector<ExpectedAction> expect;  // all expected (any post in responsible may do them)
  SimTime within = 0;            // limit relative to the procedure's start (0: none)
  std::string before_business;   // absolute limit: before the next business event of this kind
  std::vector<Branch> branches;  // none: continue with the next step; with branches it waits until one holds
  std::vector<Ix> starts;        // starts: [procedures]  once done, these start too, alongside (第五条 phases)
  Ix after_action = no_ix;       // within_after: {action: id, within: DURATION}  a limit measured from the
  SimTime after_within = 0;      //   first completion of that action (e.g. on site within 10 min of the report)
};

// YAML: plan.procedures[] {id, name, source, trigger: CONDITION, resolved: CONDITION, within, steps}
struct Procedure {
  std::string id;
  Text name;
  std::string source;
  Condition trigger;    // when the true state calls for it (scoring) and the plan-following policy starts it
  Condition resolved;   // the goal state; the procedure is satisfied once it holds
  SimTime within = 0;   // overall limit (000 §5.2: restore within 100 min)
  bool repeat = false;  // repeat: true  runs again for a new incident: its trigger turns false, then holds
                        // again (a message trigger holds again when such a message arrives anew)
  std::vector<Step> steps;
};

// A rule of conduct. YAML: plan.rules[]
//   {id, kind: must_not, action, posts?, unless_after: action, text, source}
//       e.g. the delivery group must not tell bidders the root cause before the technical group confirms it
//   {id, kind: must_first, first: [actions], before: [actions], when: CONDITION, text, source}
//       e.g. backup media out before fighting the fire
struct ConductRule {
  std::string id;
  enum class Kind : std::uint8_t { must_not, must_first } kind = Kind::must_not;
  Text text;
  std::string source;
  Ix action = no_ix;              // must_not
  std::vector<Ix> posts;          // must_not: only these posts (empty: anyone)
  Ix unless_after = no_ix;        // must_not: allowed once this action is done
  std::vector<Ix> first;          // must_first
  std::vector<Ix> before;         // must_first
  Condition when;                 // the rule applies while this holds
};

struct Plan {
  std::string id;
  std::string file;
  std::string version;
  Text name;
  std::string source;  // the seed it encodes
  std::vector<Level> levels;
  GradingRule grading;
  ReportingRule reporting;
  std::vector<Procedure> procedures;
  std::vector<ConductRule> rules;
};

}  // namespace drillsim

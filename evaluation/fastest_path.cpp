// The fastest path through a procedure's steps, for checking time limits against what is possible.
#include <algorithm>
#include <map>

#include "evaluation/plan_analysis.hpp"

namespace drillsim {
namespace {

// The least time a step's expected actions take: each post does its own actions one after another,
// different posts work in parallel; an effect waiting for a party adds the party's quickest response.
SimTime step_time(const Model& model, const Step& step) {
  std::map<Ix, double> per_post;
  for (const ExpectedAction& ex : step.expect) {
    const ActionDef& def = model.catalog.actions[ex.action];
    double t = def.duration.min();
    double party = 0;
    for (const Effect& e : def.effects)
      if (e.after_party != no_ix) party = std::max(party, model.organisation.parties[e.after_party].response.min());
    Ix post = step.responsible.empty() ? no_ix : step.responsible.front();
    per_post[post] += t;
    per_post[post] = std::max(per_post[post], t + party);
  }
  double longest = 0;
  for (const auto& [post, t] : per_post) longest = std::max(longest, t);
  return static_cast<SimTime>(longest);
}

bool result_reported(const Model& model, const Condition& c) {
  if (c.kind == Condition::Kind::observed && c.ref < model.catalog.actions.size()) {
    const auto& rules = model.catalog.actions[c.ref].observe;
    return std::any_of(rules.begin(), rules.end(), [&](const ObservationRule& r) { return r.result == c.text; });
  }
  if (c.kind == Condition::Kind::all)
    return std::all_of(c.children.begin(), c.children.end(), [&](const Condition& x) { return result_reported(model, x); });
  return true;
}

}  // namespace

bool branch_possible(const Model& model, const Step& step, std::size_t branch) {
  for (std::size_t b = 0; b < branch; ++b)
    if (step.branches[b].when.kind == Condition::Kind::always) return false;
  return result_reported(model, step.branches[branch].when);
}

SimTime fastest_time_to(const Model& model, Ix procedure, Ix target) {
  const Procedure& proc = model.plan.procedures[procedure];
  const std::size_t n = proc.steps.size();
  if (target >= n) return never;
  // Steps form a graph (next, branches); the best arrival time at each step, Bellman-Ford style.
  std::vector<SimTime> done(n, never);
  done[0] = step_time(model, proc.steps[0]);
  for (std::size_t round = 0; round < n; ++round) {
    bool changed = false;
    for (std::size_t s = 0; s < n; ++s) {
      if (done[s] == never) continue;
      const Step& step = proc.steps[s];
      std::vector<Ix> next;
      // A step without branches goes on to the next one; a step with branches goes where they say.
      bool falls_through = step.branches.empty();
      for (std::size_t i = 0; i < step.branches.size(); ++i) {
        const Branch& b = step.branches[i];
        if (b.next_step != no_ix && branch_possible(model, step, i)) next.push_back(b.next_step);
      }
      if (falls_through && s + 1 < n) next.push_back(static_cast<Ix>(s + 1));
      for (Ix t : next) {
        SimTime arrive = done[s] + step_time(model, proc.steps[t]);
        if (arrive < done[t]) {
          done[t] = arrive;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return done[target];
}

}  // namespace drillsim

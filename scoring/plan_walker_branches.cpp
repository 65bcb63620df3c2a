// The plan walker's branches: the one the observations reveal, or the truth would have revealed
// for actions nobody did (see plan_walker.hpp).
#include <algorithm>

#include "scoring/plan_walker.hpp"

namespace drillsim::scoring::detail {

// Observation results the missing actions would have given now, read from the truth by the
// catalog's own observation rules (the target: as expected, else the one the policy would choose).
std::vector<std::pair<Ix, std::string>> PlanWalker::would_observe(const Drill& d, const Step& step,
                                                                  const std::vector<int>& picks) const {
  std::vector<std::pair<Ix, std::string>> out;
  for (std::size_t k = 0; k < step.expect.size(); ++k) {
    if (picks[k] >= 0) continue;
    const ExpectedAction& ex = step.expect[k];
    const ActionDef& def = m_.catalog.actions[ex.action];
    Ix target = ex.target;
    if (target == no_ix && def.target == ActionDef::Target::component) {
      for (Ix c : def.target_choices)
        if (target == no_ix && d.truth().components[c].health != Health::up) target = c;
      if (target == no_ix && !def.target_choices.empty()) target = def.target_choices.front();
    }
    for (const ObservationRule& rule : def.observe) {
      if (!d.condition_holds(rule.when, target)) continue;
      out.emplace_back(ex.action, rule.result);
      break;
    }
  }
  return out;
}

// The condition with every `observed` leaf about a missing action decided: it holds if it was
// really observed, or if the truth would have shown it. The Drill evaluates the rest.
Condition PlanWalker::assume(const Drill& d, const Condition& c, const std::vector<Ix>& missing,
                             const std::vector<std::pair<Ix, std::string>>& would) const {
  if (c.kind == Condition::Kind::observed && contains(missing, c.ref)) {
    bool holds = d.condition_holds(c) ||
                 std::find(would.begin(), would.end(), std::make_pair(c.ref, c.text)) != would.end();
    Condition out;  // always
    if (!holds) {
      out.kind = Condition::Kind::negate;
      out.children.emplace_back();
    }
    return out;
  }
  Condition out = c;
  for (auto& child : out.children) child = assume(d, child, missing, would);
  return out;
}

// The first branch that holds (nullptr: none).
const Branch* PlanWalker::choose_branch(const Drill& d, const Instance& inst, const Step& step, bool assume_missing) {
  std::vector<Ix> missing;
  std::vector<std::pair<Ix, std::string>> would;
  if (assume_missing) {
    for (std::size_t k = 0; k < step.expect.size(); ++k)
      if (inst.picks[k] < 0) missing.push_back(step.expect[k].action);
    would = would_observe(d, step, inst.picks);
  }
  for (const Branch& b : step.branches) {
    const Condition& when = b.when;
    bool holds = missing.empty() ? d.condition_holds(when, no_ix, 0, inst.start)
                                 : d.condition_holds(assume(d, when, missing, would), no_ix, 0, inst.start);
    if (holds) return &b;
  }
  return nullptr;
}

bool PlanWalker::back_edge(const Instance& inst, const Branch* b) const {
  return b && b->goto_procedure == no_ix && !b->end && b->next_step != no_ix && inst.visited[b->next_step];
}

}  // namespace drillsim::scoring::detail

// The flow of a plan's procedures: every step reachable from the first one, and every procedure
// able to end, either itself or through the procedures it goes to. A set of procedures that only
// go to each other (A goes to B, B back to A) with no other way out is a goto cycle.
#include <algorithm>

#include <fmt/format.h>

#include "sim/load/loaders_internal.hpp"

namespace drillsim::load_detail {

namespace {

struct ProcedureFlow {
  std::vector<bool> reachable;        // per step
  bool ends = false;                  // a reachable step can end the procedure
  std::vector<Ix> gotos;              // procedures a reachable step can go to
  std::vector<const YNode*> goto_at;  // where each of those gotos is written
};

ProcedureFlow flow_of(const Procedure& procedure, const ProcedurePlace& place) {
  ProcedureFlow flow;
  const std::size_t n = procedure.steps.size();
  flow.reachable.assign(n, false);
  if (n == 0) return flow;
  std::vector<Ix> stack{0};
  flow.reachable[0] = true;
  auto visit = [&](Ix step) {
    if (step < n && !flow.reachable[step]) {
      flow.reachable[step] = true;
      stack.push_back(step);
    }
  };
  while (!stack.empty()) {
    const Ix s = stack.back();
    stack.pop_back();
    const Step& step = procedure.steps[s];
    if (step.branches.empty()) {
      if (s + 1 < n)
        visit(s + 1);
      else
        flow.ends = true;
      continue;
    }
    for (std::size_t b = 0; b < step.branches.size(); ++b) {
      const Branch& branch = step.branches[b];
      if (branch.end) flow.ends = true;
      if (branch.next_step != no_ix) visit(branch.next_step);
      if (branch.goto_procedure != no_ix &&
          std::find(flow.gotos.begin(), flow.gotos.end(), branch.goto_procedure) == flow.gotos.end()) {
        flow.gotos.push_back(branch.goto_procedure);
        const bool placed = s < place.steps.size() && b < place.steps[s].branches.size();
        flow.goto_at.push_back(placed ? place.steps[s].branches[b] : place.node);
      }
    }
  }
  return flow;
}

const YNode& id_or_node(const YNode* node) {
  if (const YNode* id = node->find("id")) return *id;
  return *node;
}

}  // namespace

void check_plan_flow(const FileCtx& ctx, const Plan& plan, const std::vector<ProcedurePlace>& places) {
  const std::size_t n = plan.procedures.size();
  std::vector<ProcedureFlow> flows(n);
  for (std::size_t p = 0; p < n; ++p) {
    flows[p] = flow_of(plan.procedures[p], places[p]);
    const Procedure& procedure = plan.procedures[p];
    for (std::size_t s = 0; s < procedure.steps.size(); ++s)
      if (!flows[p].reachable[s] && places[p].steps[s].node)
        ctx.error(id_or_node(places[p].steps[s].node),
                  fmt::format("step '{}' of procedure '{}' can never be reached: no path from the first step leads "
                              "to it (a step without branches continues with the next one)",
                              procedure.steps[s].id, procedure.id));
  }

  // A procedure can end when it ends itself or goes to one that can (fixpoint).
  std::vector<bool> can_end(n);
  for (std::size_t p = 0; p < n; ++p) can_end[p] = flows[p].ends || plan.procedures[p].steps.empty();
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t p = 0; p < n; ++p) {
      if (can_end[p]) continue;
      for (Ix q : flows[p].gotos)
        if (can_end[q]) {
          can_end[p] = true;
          changed = true;
          break;
        }
    }
  }

  // Among the procedures that cannot end: goto cycles, and procedures stuck on their own.
  std::vector<bool> reported(n, false);
  for (std::size_t p = 0; p < n; ++p) {
    if (can_end[p] || reported[p]) continue;
    if (flows[p].gotos.empty()) {
      reported[p] = true;
      ctx.error(id_or_node(places[p].node),
                fmt::format("procedure '{}' can never end: no path from its first step reaches an end",
                            plan.procedures[p].id));
      continue;
    }
    // Follow gotos from p (all to procedures that cannot end) until one repeats: that is a cycle.
    std::vector<std::size_t> path{p};
    std::vector<std::size_t> edge_index;  // which of path[i]'s gotos was followed
    std::vector<int> position(n, -1);
    position[p] = 0;
    std::size_t at = p;
    while (true) {
      const auto& gotos = flows[at].gotos;
      if (gotos.empty()) break;  // stuck on its own: reported when the loop reaches it
      const std::size_t next = gotos.front();
      edge_index.push_back(0);
      if (position[next] >= 0) {
        const auto start = static_cast<std::size_t>(position[next]);
        if (!reported[path[start]]) {
          std::string names;
          for (std::size_t i = start; i < path.size(); ++i) {
            names += plan.procedures[path[i]].id + " -> ";
            reported[path[i]] = true;
          }
          names += plan.procedures[next].id;
          ctx.error(*flows[path[start]].goto_at[edge_index[start]],
                    fmt::format("goto cycle with no way out: {} (none of these procedures can reach an end)", names));
        }
        break;
      }
      position[next] = static_cast<int>(path.size());
      path.push_back(next);
      at = next;
      if (reported[at]) break;
    }
  }
}

}  // namespace drillsim::load_detail

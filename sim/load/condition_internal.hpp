// Reading a CONDITION (a map with one key, see sim/model/condition.hpp) with its references resolved.
#pragma once

#include "sim/load/values_internal.hpp"

namespace drillsim::load_detail {

// Where `$target` may stand for a component.
enum class TargetUse : unsigned char {
  outside_catalog,       // plans, scenarios: refused
  not_component_action,  // a catalog action whose target is not a component: refused
  allowed,
};

struct CondEnv {
  TargetUse target = TargetUse::outside_catalog;
  bool scenario = false;  // {message: id} may name an inject too
  TimeBase time;
};

// A component reference, or target_ix for "$target" where the environment allows it.
Ix resolve_component(const FileCtx& ctx, const YNode& node, TargetUse target);

Condition read_condition(const FileCtx& ctx, const YNode& node, const CondEnv& env);

// Reports {observed: ...} conditions whose result the action can never observe (run after the
// catalog's actions are all read).
void check_observed_results(const FileCtx& ctx);

}  // namespace drillsim::load_detail

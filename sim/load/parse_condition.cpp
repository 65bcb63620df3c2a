// The condition language: one key per map (health, fault, fact, done, not_done, observed, message,
// temp_above, outage_over, business, after, off, fire, all, any, not), references resolved to indices.
#include <algorithm>

#include <fmt/format.h>

#include "sim/load/condition_internal.hpp"

namespace drillsim::load_detail {

namespace {

constexpr const char* condition_keys =
    "health, fault, fact, done, not_done, observed, message, temp_above, outage_over, business, after, "
    "off, fire, elapsed, since_done, all, any, not";

constexpr const char* off_reasons[] = {"any", "standby", "switched_off", "moved_out", "destroyed", "overheated",
                                       "battery_empty"};

bool parse_health(const std::string& s, Health& health, bool& not_up) {
  not_up = false;
  if (s == "up")
    health = Health::up;
  else if (s == "degraded")
    health = Health::degraded;
  else if (s == "down")
    health = Health::down;
  else if (s == "not_up") {
    health = Health::down;
    not_up = true;
  } else {
    return false;
  }
  return true;
}

bool parse_business_state(const std::string& s, BusinessState& out) {
  if (s == "pending")
    out = BusinessState::pending;
  else if (s == "held")
    out = BusinessState::held;
  else if (s == "held_fallback")
    out = BusinessState::held_fallback;
  else if (s == "delayed")
    out = BusinessState::delayed;
  else if (s == "missed")
    out = BusinessState::missed;
  else
    return false;
  return true;
}

void read_children(const FileCtx& ctx, const YNode& list, const CondEnv& env, Condition& c, const char* key) {
  if (!list.is_sequence()) {
    ctx.error(list, fmt::format("'{}' takes a list of conditions, got {}", key, kind_name(list)));
    return;
  }
  if (list.items.empty()) ctx.error(list, fmt::format("'{}' needs at least one condition", key));
  for (const YNode& item : list.items) c.children.push_back(read_condition(ctx, item, env));
}

}  // namespace

Ix resolve_component(const FileCtx& ctx, const YNode& node, TargetUse target) {
  if (node.is_scalar() && node.value == "$target") {
    switch (target) {
      case TargetUse::allowed:
        return target_ix;
      case TargetUse::not_component_action:
        ctx.error(node, "$target is only allowed in actions whose target is component");
        return no_ix;
      case TargetUse::outside_catalog:
        ctx.error(node, "$target is only allowed inside catalog actions");
        return no_ix;
    }
  }
  return resolve(ctx, node, Ref::component);
}

Condition read_condition(const FileCtx& ctx, const YNode& node, const CondEnv& env) {
  Condition c;
  if (!node.is_map()) {
    ctx.error(node,
              fmt::format("expected a condition (a map with one key: {}), got {}", condition_keys, kind_name(node)));
    return c;
  }
  if (node.keys.size() != 1) {
    ctx.error(node, fmt::format("a condition has exactly one key, this one has {}{}", node.keys.size(),
                                node.keys.size() > 1 ? "; combine several with all: [...] or any: [...]" : ""));
    return c;
  }
  const std::string& key = node.keys[0].value;
  const YNode& v = node.items[0];
  if (key == "health") {
    c.kind = Condition::Kind::health;
    Fields f(ctx, v, "a health condition", {"component", "is"});
    if (const YNode* comp = f.require("component")) c.component = resolve_component(ctx, *comp, env.target);
    if (const YNode* is = f.require("is")) {
      if (!is->is_scalar() || !parse_health(is->value, c.health, c.not_up))
        ctx.error(*is,
                  fmt::format("'is' must be up, degraded, down or not_up, got '{}'", read_string(ctx, *is, "a state")));
    }
  } else if (key == "fault") {
    c.kind = Condition::Kind::fault;
    if (!v.is_null()) {  // {fault: } or {fault: {}}: any fault
      Fields f(ctx, v, "a fault condition", {"component", "type"});
      if (const YNode* comp = f.get("component")) c.component = resolve_component(ctx, *comp, env.target);
      if (const YNode* type = f.get("type")) c.ref = resolve(ctx, *type, Ref::fault_type);
    }
  } else if (key == "fact") {
    c.kind = Condition::Kind::fact;
    c.ref = resolve(ctx, v, Ref::fact);
  } else if (key == "done") {
    c.kind = Condition::Kind::done;
    Fields f(ctx, v, "a done condition", {"action", "post"});
    if (const YNode* action = f.require("action")) c.ref = resolve(ctx, *action, Ref::action);
    if (const YNode* post = f.get("post")) c.post = resolve(ctx, *post, Ref::post);
  } else if (key == "not_done") {
    c.kind = Condition::Kind::not_done_by;
    Fields f(ctx, v, "a not_done condition", {"action", "by"});
    if (const YNode* action = f.require("action")) c.ref = resolve(ctx, *action, Ref::action);
    if (const YNode* by = f.require("by")) read_time(ctx, *by, env.time, c.time);
  } else if (key == "observed") {
    c.kind = Condition::Kind::observed;
    Fields f(ctx, v, "an observed condition", {"action", "result", "target", "latest"});
    if (const YNode* action = f.require("action")) c.ref = resolve(ctx, *action, Ref::action);
    if (const YNode* target = f.get("target")) c.target_id = read_string(ctx, *target, "a target id");
    if (const YNode* latest = f.get("latest")) read_bool(ctx, *latest, c.latest);
    if (const YNode* result = f.require("result")) {
      c.text = read_string(ctx, *result, "a result");
      if (c.ref != no_ix) ctx.observed.push_back({result, c.ref, c.text});
    }
  } else if (key == "message") {
    c.kind = Condition::Kind::message;
    if (!v.is_scalar()) {
      ctx.error(v,
                fmt::format("'message' takes a symptom{} id, got {}", env.scenario ? " or inject" : "", kind_name(v)));
    } else {
      c.text = v.value;
      const bool known =
          id_exists(ctx, Ref::symptom, v.value) || (env.scenario && id_exists(ctx, Ref::inject, v.value));
      if (!known && !ctx.quiet_refs)
        ctx.error(v, fmt::format("unknown {} '{}'", env.scenario ? "symptom or inject" : "symptom", v.value));
    }
  } else if (key == "temp_above") {
    c.kind = Condition::Kind::temp_above;
    Fields f(ctx, v, "a temp_above condition", {"room", "c"});
    if (const YNode* room = f.require("room")) {
      c.component = resolve_component(ctx, *room, env.target);
      if (c.component != no_ix && c.component != target_ix &&
          ctx.model.platform.components[c.component].kind != ComponentKind::room)
        ctx.error(*room, fmt::format("'{}' is not a room (its kind is not room)", room->value));
    }
    if (const YNode* deg = f.require("c")) read_number(ctx, *deg, c.value);
  } else if (key == "outage_over") {
    c.kind = Condition::Kind::outage_over;
    Fields f(ctx, v, "an outage_over condition", {"component", "tag", "s"});
    const YNode* comp = f.get("component");
    const YNode* tag = f.get("tag");
    if (f.ok() && (comp != nullptr) == (tag != nullptr))
      ctx.error(v, "outage_over needs exactly one of 'component' and 'tag'");
    if (comp) c.component = resolve_component(ctx, *comp, env.target);
    if (tag) {
      c.text = read_string(ctx, *tag, "a tag");
      bool used = false;
      for (const Component& comp : ctx.model.platform.components)
        for (const std::string& t : comp.tags) used = used || t == c.text;
      if (!used && !ctx.quiet_refs)
        ctx.error(*tag, fmt::format("no component has the tag '{}' (see the components' tags)", c.text));
    }
    if (const YNode* s = f.require("s")) read_duration(ctx, *s, c.time);
  } else if (key == "business") {
    c.kind = Condition::Kind::business;
    Fields f(ctx, v, "a business condition", {"kind", "is"});
    if (const YNode* kind = f.require("kind")) c.text = read_string(ctx, *kind, "a business kind");
    if (const YNode* is = f.require("is")) {
      if (!is->is_scalar() || !parse_business_state(is->value, c.business))
        ctx.error(*is, "'is' must be pending, held, held_fallback, delayed or missed");
    }
  } else if (key == "after") {
    c.kind = Condition::Kind::after;
    read_time(ctx, v, env.time, c.time);
  } else if (key == "off") {
    c.kind = Condition::Kind::off;
    Fields f(ctx, v, "an off condition", {"component", "reason"});
    if (const YNode* comp = f.require("component")) c.component = resolve_component(ctx, *comp, env.target);
    c.text = "any";
    if (const YNode* reason = f.get("reason")) {
      c.text = read_string(ctx, *reason, "a reason");
      if (std::find_if(std::begin(off_reasons), std::end(off_reasons), [&](const char* r) { return c.text == r; }) ==
          std::end(off_reasons))
        ctx.error(*reason, fmt::format("unknown reason '{}' (allowed: any, standby, switched_off, moved_out, "
                                       "destroyed, overheated, battery_empty)",
                                       c.text));
    }
  } else if (key == "since_done") {
    c.kind = Condition::Kind::since_done;
    Fields f(ctx, v, "a since_done condition", {"action", "s"});
    if (const YNode* action = f.require("action")) c.ref = resolve(ctx, *action, Ref::action);
    if (const YNode* s = f.require("s")) read_duration(ctx, *s, c.time);
  } else if (key == "elapsed") {
    c.kind = Condition::Kind::elapsed;
    read_duration(ctx, v, c.time);
  } else if (key == "fire") {
    c.kind = Condition::Kind::fire;
    c.component = resolve_component(ctx, v, env.target);
    if (c.component != no_ix && c.component != target_ix &&
        ctx.model.platform.components[c.component].kind != ComponentKind::room)
      ctx.error(v, fmt::format("'{}' is not a room (its kind is not room)", v.value));
  } else if (key == "all" || key == "any") {
    c.kind = key == "all" ? Condition::Kind::all : Condition::Kind::any;
    read_children(ctx, v, env, c, key.c_str());
  } else if (key == "not") {
    c.kind = Condition::Kind::negate;
    c.children.push_back(read_condition(ctx, v, env));
  } else {
    ctx.error(node.keys[0], fmt::format("unknown condition '{}' (allowed: {})", key, condition_keys));
  }
  return c;
}

void check_observed_results(const FileCtx& ctx) {
  for (const ObservedUse& use : ctx.observed) {
    if (use.action >= ctx.model.catalog.actions.size()) continue;
    const ActionDef& action = ctx.model.catalog.actions[use.action];
    std::vector<std::string_view> results;
    bool found = false;
    for (const ObservationRule& rule : action.observe) {
      found = found || rule.result == use.result;
      if (std::find(results.begin(), results.end(), rule.result) == results.end()) results.push_back(rule.result);
    }
    if (found) continue;
    if (results.empty())
      ctx.error(*use.at,
                fmt::format("action '{}' observes nothing, so it never gives the result '{}'", action.id, use.result));
    else
      ctx.error(*use.at, fmt::format("action '{}' never gives the result '{}' (its results: {})", action.id, use.result,
                                     fmt::join(results, ", ")));
  }
  ctx.observed.clear();
}

}  // namespace drillsim::load_detail

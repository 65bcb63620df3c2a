// The catalog file: facts and actions (posts, target, duration, precondition, effects,
// observations, communication). Repair effects fill FaultType::repaired_by.
#include <algorithm>

#include <fmt/format.h>

#include "sim/load/loaders_internal.hpp"

namespace drillsim::load_detail {

namespace {

struct TargetName {
  const char* name;
  ActionDef::Target target;
};
constexpr TargetName target_names[] = {
    {"none", ActionDef::Target::none},
    {"component", ActionDef::Target::component},
    {"post", ActionDef::Target::post},
    {"party", ActionDef::Target::party},
    {"business_event", ActionDef::Target::business_event},
    {"level", ActionDef::Target::level},
};

struct CommName {
  const char* name;
  Communication::Kind kind;
};
constexpr CommName comm_names[] = {
    {"report", Communication::Kind::report},
    {"notify", Communication::Kind::notify},
    {"declare_level", Communication::Kind::declare_level},
    {"start_emergency", Communication::Kind::start_emergency},
    {"end_emergency", Communication::Kind::end_emergency},
    {"notice", Communication::Kind::notice},
    {"summary_report", Communication::Kind::summary_report},
};

struct EffectName {
  const char* name;
  Effect::Kind kind;
};
constexpr EffectName effect_names[] = {
    {"repair", Effect::Kind::repair},
    {"activate", Effect::Kind::activate},
    {"deactivate", Effect::Kind::deactivate},
    {"move_out", Effect::Kind::move_out},
    {"extinguish", Effect::Kind::extinguish},
    {"set_fact", Effect::Kind::set_fact},
    {"clear_fact", Effect::Kind::clear_fact},
    {"postpone", Effect::Kind::postpone},
    {"call", Effect::Kind::call},
    {"message", Effect::Kind::message},
    {"restore", Effect::Kind::restore},
};
constexpr const char* effect_list =
    "repair, activate, deactivate, move_out, extinguish, set_fact, clear_fact, postpone, call, message, restore";

void check_room(const FileCtx& ctx, const YNode& at, Ix component) {
  if (component == no_ix || component == target_ix) return;
  if (ctx.model.platform.components[component].kind != ComponentKind::room)
    ctx.error(at,
              fmt::format("'{}' is not a room (its kind is not room)", ctx.model.platform.components[component].id));
}

void read_effect(const FileCtx& ctx, const YNode& node, Ix action, TargetUse target, Effect& effect) {
  if (!node.is_map()) {
    ctx.error(node, fmt::format("expected an effect (a map with one of: {}), got {}", effect_list, kind_name(node)));
    return;
  }
  const EffectName* which = nullptr;
  for (std::size_t i = 0; i < node.keys.size(); ++i)
    for (const EffectName& e : effect_names)
      if (node.keys[i].value == e.name) {
        if (which) {
          ctx.error(node.keys[i],
                    fmt::format("an effect has one effect key; '{}' and '{}' are both given (make two effects)",
                                which->name, e.name));
          return;
        }
        which = &e;
      }
  if (!which) {
    ctx.error(node, fmt::format("an effect needs one of: {}", effect_list));
    return;
  }
  std::vector<std::string_view> allowed{which->name, "delay", "after_party"};
  if (which->kind == Effect::Kind::repair) allowed.push_back("fixes");
  if (which->kind == Effect::Kind::postpone) allowed.push_back("by");
  Fields f(ctx, node, fmt::format("a {} effect", which->name), allowed);
  effect.kind = which->kind;
  const YNode& v = *f.get(which->name);
  switch (which->kind) {
    case Effect::Kind::repair: {
      effect.component = resolve_component(ctx, v, target);
      if (const YNode* fixes = f.require("fixes")) {
        effect.fixes = resolve_list(ctx, *fixes, Ref::fault_type);
        if (fixes->is_null() || (fixes->is_sequence() && fixes->items.empty()))
          ctx.error(*fixes, "fixes needs at least one fault type");
        for (Ix fault : effect.fixes) {
          auto& by = ctx.model.platform.fault_types[fault].repaired_by;
          if (std::find(by.begin(), by.end(), action) == by.end()) by.push_back(action);
        }
      }
      break;
    }
    case Effect::Kind::activate:
    case Effect::Kind::deactivate:
    case Effect::Kind::move_out:
    case Effect::Kind::restore:
      effect.component = resolve_component(ctx, v, target);
      break;
    case Effect::Kind::extinguish:
      effect.component = resolve_component(ctx, v, target);
      check_room(ctx, v, effect.component);
      break;
    case Effect::Kind::set_fact:
    case Effect::Kind::clear_fact:
      effect.ref = resolve(ctx, v, Ref::fact);
      break;
    case Effect::Kind::postpone:
      effect.business_kind = read_string(ctx, v, "a business kind");
      if (effect.business_kind.empty()) ctx.error(v, "postpone needs a business kind, e.g. bid_opening");
      if (const YNode* by = f.require("by")) read_duration(ctx, *by, effect.amount);
      break;
    case Effect::Kind::call:
      if (v.is_scalar() && v.value == "$target") {
        if (ctx.model.catalog.actions[action].target == ActionDef::Target::party)
          effect.ref = target_ix;
        else
          ctx.error(v, "call: $target needs an action whose target is party");
      } else {
        effect.ref = resolve(ctx, v, Ref::party);
      }
      break;
    case Effect::Kind::message: {
      Fields m(ctx, v, "a message effect", {"to", "text"});
      if (const YNode* to = m.require("to")) effect.ref = resolve(ctx, *to, Ref::post);
      if (const YNode* text = m.require("text")) effect.text = read_text(ctx, *text);
      break;
    }
  }
  if (const YNode* delay = f.get("delay")) read_distribution(ctx, *delay, effect.delay);
  if (const YNode* party = f.get("after_party")) effect.after_party = resolve(ctx, *party, Ref::party);
}

void read_comm(const FileCtx& ctx, const YNode& node, Communication& comm) {
  Fields f(ctx, node, "a comm", {"kind", "to"});
  if (!f.ok()) return;
  if (const YNode* k = f.require("kind")) {
    const std::string kind = read_string(ctx, *k, "a communication kind");
    bool known = false;
    for (const CommName& c : comm_names)
      if (kind == c.name) {
        comm.kind = c.kind;
        known = true;
      }
    if (!known)
      ctx.error(*k, fmt::format("unknown comm kind '{}' (allowed: report, notify, declare_level, start_emergency, "
                                "end_emergency, notice, summary_report)",
                                kind));
  }
  if (const YNode* to = f.get("to")) {
    for (const YNode* item : read_list(ctx, *to, "post or group ids")) {
      if (!item->is_scalar()) {
        ctx.error(*item, fmt::format("expected a post or group id, got {}", kind_name(*item)));
        continue;
      }
      const bool is_post = id_exists(ctx, Ref::post, item->value);
      const bool is_group = id_exists(ctx, Ref::group, item->value);
      if (is_post && is_group) {
        ctx.error(*item, fmt::format("'{}' is both a post and a group id; rename one of them", item->value));
      } else if (is_post) {
        comm.to_posts.push_back(resolve(ctx, *item, Ref::post));
      } else if (is_group) {
        comm.to_groups.push_back(resolve(ctx, *item, Ref::group));
      } else if (!ctx.quiet_refs) {
        ctx.error(*item, fmt::format("unknown post or group '{}'", item->value));
      }
    }
  }
}

void read_action(const FileCtx& ctx, const YNode& node, Ix self, ActionDef& action, Deferred& deferred) {
  Fields f(ctx, node, "an action",
           {"id", "name", "posts", "target", "targets", "duration", "precondition", "effects", "observe", "comm",
            "harmful"});
  if (!f.ok()) return;
  f.require("id");
  if (const YNode* n = f.get("name")) action.name = read_text(ctx, *n);
  if (const YNode* p = f.get("posts")) action.posts = resolve_list(ctx, *p, Ref::post);
  if (const YNode* t = f.get("target")) {
    const std::string target = read_string(ctx, *t, "a target kind");
    bool known = false;
    for (const TargetName& tn : target_names)
      if (target == tn.name) {
        action.target = tn.target;
        known = true;
      }
    if (!known)
      ctx.error(*t, fmt::format("unknown target '{}' (allowed: none, component, post, party, business_event, level)",
                                target));
  }
  if (const YNode* targets = f.get("targets")) {
    switch (action.target) {
      case ActionDef::Target::none:
        ctx.error(*targets, "'targets' needs a 'target' kind (component, post, party, business_event or level)");
        break;
      case ActionDef::Target::component:
        action.target_choices = resolve_list(ctx, *targets, Ref::component);
        break;
      case ActionDef::Target::post:
        action.target_choices = resolve_list(ctx, *targets, Ref::post);
        break;
      case ActionDef::Target::party:
        action.target_choices = resolve_list(ctx, *targets, Ref::party);
        break;
      case ActionDef::Target::business_event:
        read_string_list(ctx, *targets, "business kinds");  // calendar kinds: kept textual
        break;
      case ActionDef::Target::level: {
        PendingLevelTargets pending{ctx.file, self, {}};
        for (const YNode* item : read_list(ctx, *targets, "level ids")) pending.ids.push_back(item);
        deferred.level_targets.push_back(std::move(pending));
        break;
      }
    }
  }
  const TargetUse use =
      action.target == ActionDef::Target::component ? TargetUse::allowed : TargetUse::not_component_action;
  const CondEnv env{use, false, {}};
  if (const YNode* d = f.get("duration")) read_distribution(ctx, *d, action.duration);
  if (const YNode* p = f.get("precondition")) action.precondition = read_condition(ctx, *p, env);
  const auto effects = list_field(ctx, f, "effects", "effects");
  action.effects.resize(effects.size());
  for (std::size_t i = 0; i < effects.size(); ++i) read_effect(ctx, *effects[i], self, use, action.effects[i]);
  const auto observe = list_field(ctx, f, "observe", "observations");
  action.observe.resize(observe.size());
  for (std::size_t i = 0; i < observe.size(); ++i) {
    Fields o(ctx, *observe[i], "an observation", {"when", "result", "text"});
    if (!o.ok()) continue;
    ObservationRule& rule = action.observe[i];
    if (const YNode* when = o.get("when"))
      rule.when = read_condition(ctx, *when, env);
    else if (i + 1 < observe.size())
      ctx.error(*observe[i], "only the last observation may leave out 'when' (the ones after it could never apply)");
    if (const YNode* r = o.require("result")) {
      rule.result = read_string(ctx, *r, "a result");
      if (rule.result.empty()) ctx.error(*r, "an observation needs a result word, e.g. ok or fail");
    }
    if (const YNode* t = o.get("text")) rule.text = read_text(ctx, *t);
  }
  if (const YNode* c = f.get("comm")) read_comm(ctx, *c, action.comm);
  if (const YNode* h = f.get("harmful")) read_bool(ctx, *h, action.harmful);
}

}  // namespace

void load_catalog(const FileCtx& ctx, const YNode& body, Deferred& deferred) {
  Catalog& catalog = ctx.model.catalog;
  catalog.file = ctx.file;
  Fields f(ctx, body, "the catalog", {"id", "platform", "facts", "actions"});
  if (!f.ok()) return;
  if (const YNode* id = f.require("id")) catalog.id = read_id(ctx, *id, "catalog");
  const auto facts = list_field(ctx, f, "facts", "facts");
  const auto actions = list_field(ctx, f, "actions", "actions");
  register_ids(ctx, facts, "fact", catalog.facts);
  register_ids(ctx, actions, "action", catalog.actions);
  for (std::size_t i = 0; i < facts.size(); ++i) {
    Fields fact(ctx, *facts[i], "a fact", {"id", "name"});
    if (!fact.ok()) continue;
    fact.require("id");
    if (const YNode* n = fact.get("name")) catalog.facts[i].name = read_text(ctx, *n);
  }
  for (std::size_t i = 0; i < actions.size(); ++i)
    read_action(ctx, *actions[i], static_cast<Ix>(i), catalog.actions[i], deferred);
}

}  // namespace drillsim::load_detail

// The plan file: levels, grading and reporting rules, procedures with steps and branches, and
// rules of conduct. The flow checks (reachability, goto cycles) are in plan_flow.cpp.
#include <unordered_map>

#include <fmt/format.h>

#include "sim/load/loaders_internal.hpp"

namespace drillsim::load_detail {

namespace {

// Step ids of every procedure, for `next` and for a helpful message when it names another procedure's step.
struct StepIds {
  std::vector<std::unordered_map<std::string, Ix>> of_procedure;
};

CondEnv plan_env() { return CondEnv{TargetUse::outside_catalog, false, {}}; }

std::vector<Ix> read_posts(const FileCtx& ctx, const YNode& node, const char* role) {
  std::vector<Ix> posts;
  for (const YNode* item : read_list(ctx, node, "post ids")) {
    const Ix post = resolve(ctx, *item, Ref::post);
    if (post == no_ix) continue;
    posts.push_back(post);
    if (role) check_held(ctx, *item, post, role);
  }
  return posts;
}

// `to:` lists posts and groups together.
void read_posts_or_groups(const FileCtx& ctx, const YNode& node, std::vector<Ix>& posts, std::vector<Ix>& groups) {
  for (const YNode* item : read_list(ctx, node, "post or group ids")) {
    if (!item->is_scalar()) {
      ctx.error(*item, fmt::format("expected a post or group id, got {}", kind_name(*item)));
      continue;
    }
    const bool is_post = id_exists(ctx, Ref::post, item->value);
    const bool is_group = id_exists(ctx, Ref::group, item->value);
    if (is_post && is_group)
      ctx.error(*item, fmt::format("'{}' is both a post and a group id; rename one of them", item->value));
    else if (is_post)
      posts.push_back(resolve(ctx, *item, Ref::post));
    else if (is_group)
      groups.push_back(resolve(ctx, *item, Ref::group));
    else if (!ctx.quiet_refs)
      ctx.error(*item, fmt::format("unknown post or group '{}'", item->value));
  }
}

void read_level(const FileCtx& ctx, const YNode& node, Level& level) {
  Fields f(ctx, node, "a level", {"id", "name", "rank", "when", "declared_by", "source"});
  if (!f.ok()) return;
  f.require("id");
  if (const YNode* n = f.get("name")) level.name = read_text(ctx, *n);
  if (const YNode* r = f.get("rank")) {
    long long rank = 0;
    if (read_integer(ctx, *r, rank)) {
      if (rank < -1000 || rank > 1000)
        ctx.error(*r, "rank must be between -1000 and 1000");
      else
        level.rank = static_cast<int>(rank);
    }
  }
  if (const YNode* w = f.get("when")) level.when = read_condition(ctx, *w, plan_env());
  if (const YNode* d = f.get("declared_by")) level.declared_by = read_posts(ctx, *d, nullptr);
  if (const YNode* s = f.get("source")) level.source = read_string(ctx, *s, "a source");
}

void read_grading(const FileCtx& ctx, const YNode& node, GradingRule& rule) {
  Fields f(ctx, node, "grading", {"within", "by", "source"});
  if (!f.ok()) return;
  if (const YNode* w = f.get("within")) read_duration(ctx, *w, rule.within);
  if (const YNode* b = f.get("by")) rule.by = read_posts(ctx, *b, nullptr);
  if (const YNode* s = f.get("source")) rule.source = read_string(ctx, *s, "a source");
}

void read_reporting(const FileCtx& ctx, const YNode& node, ReportingRule& rule) {
  Fields f(ctx, node, "reporting", {"first_within", "cycle", "summary_within", "to", "by", "source"});
  if (!f.ok()) return;
  if (const YNode* d = f.get("first_within")) read_duration(ctx, *d, rule.first_within);
  if (const YNode* d = f.get("cycle")) read_duration(ctx, *d, rule.cycle);
  if (const YNode* d = f.get("summary_within")) read_duration(ctx, *d, rule.summary_within);
  if (const YNode* t = f.get("to")) read_posts_or_groups(ctx, *t, rule.to_posts, rule.to_groups);
  if (const YNode* b = f.get("by")) rule.by = read_posts(ctx, *b, nullptr);
  if (const YNode* s = f.get("source")) rule.source = read_string(ctx, *s, "a source");
}

void read_expected(const FileCtx& ctx, const YNode& node, ExpectedAction& expected) {
  const YNode* action_node = &node;
  const YNode* target_node = nullptr;
  if (node.is_map()) {
    Fields f(ctx, node, "an expected action", {"action", "target"});
    action_node = f.require("action");
    target_node = f.get("target");
    if (!action_node) return;
  }
  expected.action = resolve(ctx, *action_node, Ref::action);
  if (expected.action == no_ix) return;
  const ActionDef& action = ctx.model.catalog.actions[expected.action];
  for (Ix post : action.posts)
    check_held(ctx, *action_node, post, fmt::format("a post of '{}', which a step expects", action.id));
  if (!target_node) return;
  expected.target_id = read_string(ctx, *target_node, "a target");
  switch (action.target) {
    case ActionDef::Target::none:
      ctx.error(*target_node, fmt::format("action '{}' takes no target", action.id));
      return;
    case ActionDef::Target::component:
      expected.target = resolve(ctx, *target_node, Ref::component);
      break;
    case ActionDef::Target::post:
      expected.target = resolve(ctx, *target_node, Ref::post);
      break;
    case ActionDef::Target::party:
      expected.target = resolve(ctx, *target_node, Ref::party);
      break;
    case ActionDef::Target::level:
      expected.target = resolve(ctx, *target_node, Ref::level);
      break;
    case ActionDef::Target::business_event:
      return;  // a business kind, kept textual
  }
  if (expected.target != no_ix && !action.target_choices.empty()) {
    bool allowed = false;
    for (Ix choice : action.target_choices) allowed = allowed || choice == expected.target;
    if (!allowed)
      ctx.error(*target_node,
                fmt::format("'{}' is not among the targets action '{}' allows", expected.target_id, action.id));
  }
}

void read_branch(const FileCtx& ctx, const YNode& node, Ix procedure, const StepIds& steps, Branch& branch) {
  Fields f(ctx, node, "a branch", {"when", "next", "goto", "end", "note"});
  if (!f.ok()) return;
  if (const YNode* w = f.get("when")) branch.when = read_condition(ctx, *w, plan_env());
  if (const YNode* n = f.get("note")) branch.note = read_text(ctx, *n);
  const YNode* next = f.get("next");
  const YNode* go = f.get("goto");
  const YNode* end = f.get("end");
  const int targets = (next != nullptr) + (go != nullptr) + (end != nullptr);
  if (targets != 1) {
    ctx.error(node, targets == 0 ? "a branch needs one of next: STEP, goto: PROCEDURE or end: true"
                                 : "a branch has only one of next, goto and end");
    return;
  }
  if (next) {
    if (!next->is_scalar()) {
      ctx.error(*next, fmt::format("expected a step id, got {}", kind_name(*next)));
      return;
    }
    const auto& own = steps.of_procedure[procedure];
    if (auto it = own.find(next->value); it != own.end()) {
      branch.next_step = it->second;
      return;
    }
    for (std::size_t p = 0; p < steps.of_procedure.size(); ++p)
      if (p != procedure && steps.of_procedure[p].count(next->value)) {
        const std::string& other = ctx.model.plan.procedures[p].id;
        ctx.error(*next, fmt::format("step '{}' is in procedure '{}', not in this one: next stays within a "
                                     "procedure; write goto: {} to continue with that procedure",
                                     next->value, other, other));
        return;
      }
    ctx.error(*next,
              fmt::format("unknown step '{}' in procedure '{}'", next->value, ctx.model.plan.procedures[procedure].id));
  } else if (go) {
    branch.goto_procedure = resolve(ctx, *go, Ref::procedure);
  } else {
    bool value = false;
    if (read_bool(ctx, *end, value)) {
      if (value)
        branch.end = true;
      else
        ctx.error(*end, "end takes only true (leave the branch out to continue)");
    }
  }
}

void read_step(const FileCtx& ctx, const YNode& node, Ix procedure, const StepIds& steps, Step& step,
               StepPlace& place) {
  Fields f(ctx, node, "a step",
           {"id", "source", "text", "responsible", "cooperating", "expect", "within", "before_business", "branches",
            "starts", "within_after"});
  if (!f.ok()) return;
  f.require("id");
  if (const YNode* s = f.get("source")) step.source = read_string(ctx, *s, "a source");
  if (const YNode* t = f.get("text")) step.text = read_text(ctx, *t);
  if (const YNode* r = f.get("responsible")) step.responsible = read_posts(ctx, *r, "responsible for a step");
  if (const YNode* c = f.get("cooperating")) step.cooperating = read_posts(ctx, *c, nullptr);
  if (const YNode* e = f.get("expect")) {
    for (const YNode* item : read_list(ctx, *e, "expected actions")) {
      ExpectedAction expected;
      read_expected(ctx, *item, expected);
      if (expected.action != no_ix) step.expect.push_back(std::move(expected));
    }
  }
  if (const YNode* w = f.get("within")) read_duration(ctx, *w, step.within);
  if (const YNode* b = f.get("before_business")) step.before_business = read_string(ctx, *b, "a business kind");
  if (const YNode* s = f.get("starts")) {
    step.starts = resolve_list(ctx, *s, Ref::procedure);
    for (Ix p : step.starts)
      if (p == procedure) ctx.error(*s, "a step cannot start its own procedure");
  }
  if (const YNode* w = f.get("within_after")) {
    Fields after(ctx, *w, "within_after", {"action", "within"});
    if (const YNode* a = after.require("action")) step.after_action = resolve(ctx, *a, Ref::action);
    if (const YNode* d = after.require("within")) read_duration(ctx, *d, step.after_within);
  }
  const auto branches = list_field(ctx, f, "branches", "branches");
  step.branches.resize(branches.size());
  for (std::size_t i = 0; i < branches.size(); ++i) {
    read_branch(ctx, *branches[i], procedure, steps, step.branches[i]);
    place.branches.push_back(branches[i]);
  }
}

void read_procedure(const FileCtx& ctx, const YNode& node, Ix self, const StepIds& steps,
                    const std::vector<const YNode*>& step_nodes, Procedure& procedure, ProcedurePlace& place) {
  Fields f(ctx, node, "a procedure", {"id", "name", "source", "trigger", "resolved", "within", "repeat", "steps"});
  if (!f.ok()) return;
  f.require("id");
  if (const YNode* n = f.get("name")) procedure.name = read_text(ctx, *n);
  if (const YNode* s = f.get("source")) procedure.source = read_string(ctx, *s, "a source");
  if (const YNode* t = f.get("trigger")) procedure.trigger = read_condition(ctx, *t, plan_env());
  if (const YNode* r = f.get("resolved")) procedure.resolved = read_condition(ctx, *r, plan_env());
  if (const YNode* w = f.get("within")) read_duration(ctx, *w, procedure.within);
  if (const YNode* r = f.get("repeat")) read_bool(ctx, *r, procedure.repeat);
  if (const YNode* s = f.require("steps"))
    if (step_nodes.empty() && !s->is_scalar()) ctx.error(*s, "a procedure needs at least one step");
  for (std::size_t i = 0; i < step_nodes.size(); ++i)
    read_step(ctx, *step_nodes[i], self, steps, procedure.steps[i], place.steps[i]);
}

void read_rule(const FileCtx& ctx, const YNode& node, ConductRule& rule) {
  const YNode* kind = node.is_map() ? node.find("kind") : nullptr;
  const std::string k = kind && kind->is_scalar() ? kind->value : std::string();
  if (k == "must_not") {
    rule.kind = ConductRule::Kind::must_not;
    Fields f(ctx, node, "a must_not rule", {"id", "kind", "action", "posts", "unless_after", "when", "text", "source"});
    f.require("id");
    if (const YNode* a = f.require("action")) rule.action = resolve(ctx, *a, Ref::action);
    if (const YNode* p = f.get("posts")) rule.posts = read_posts(ctx, *p, nullptr);
    if (const YNode* u = f.get("unless_after")) rule.unless_after = resolve(ctx, *u, Ref::action);
    if (const YNode* w = f.get("when")) rule.when = read_condition(ctx, *w, plan_env());
    if (const YNode* t = f.get("text")) rule.text = read_text(ctx, *t);
    if (const YNode* s = f.get("source")) rule.source = read_string(ctx, *s, "a source");
  } else if (k == "must_first") {
    rule.kind = ConductRule::Kind::must_first;
    Fields f(ctx, node, "a must_first rule", {"id", "kind", "first", "before", "when", "text", "source"});
    f.require("id");
    if (const YNode* a = f.require("first")) rule.first = resolve_list(ctx, *a, Ref::action);
    if (const YNode* b = f.require("before")) rule.before = resolve_list(ctx, *b, Ref::action);
    if (const YNode* w = f.get("when")) rule.when = read_condition(ctx, *w, plan_env());
    if (const YNode* t = f.get("text")) rule.text = read_text(ctx, *t);
    if (const YNode* s = f.get("source")) rule.source = read_string(ctx, *s, "a source");
  } else if (!node.is_map()) {
    ctx.error(node, fmt::format("expected a map (a rule), got {}", kind_name(node)));
  } else if (!kind) {
    ctx.error(node, "missing required field 'kind' in a rule (must_not or must_first)");
  } else {
    ctx.error(*kind,
              fmt::format("unknown rule kind '{}' (allowed: must_not, must_first)", read_string(ctx, *kind, "a kind")));
  }
}

}  // namespace

void load_plan(const FileCtx& ctx, const YNode& body, Deferred& deferred) {
  Plan& plan = ctx.model.plan;
  plan.file = ctx.file;
  Fields f(ctx, body, "the plan",
           {"id", "name", "version", "source", "catalog", "levels", "grading", "reporting", "procedures", "rules"});
  if (!f.ok()) return;
  if (const YNode* id = f.require("id")) plan.id = read_id(ctx, *id, "plan");
  if (const YNode* n = f.get("name")) plan.name = read_text(ctx, *n);
  if (const YNode* v = f.get("version")) plan.version = read_string(ctx, *v, "a version");
  if (const YNode* s = f.get("source")) plan.source = read_string(ctx, *s, "a source");
  const auto levels = list_field(ctx, f, "levels", "levels");
  const auto procedures = list_field(ctx, f, "procedures", "procedures");
  const auto rules = list_field(ctx, f, "rules", "rules");
  register_ids(ctx, levels, "level", plan.levels);
  register_ids(ctx, procedures, "procedure", plan.procedures);
  register_ids(ctx, rules, "rule", plan.rules);

  // Steps: ids unique within their procedure.
  StepIds steps;
  std::vector<std::vector<const YNode*>> step_nodes(procedures.size());
  std::vector<ProcedurePlace> places(procedures.size());
  steps.of_procedure.resize(procedures.size());
  for (std::size_t p = 0; p < procedures.size(); ++p) {
    places[p].node = procedures[p];
    if (!procedures[p]->is_map()) continue;
    if (const YNode* list = procedures[p]->find("steps")) {
      if (list->is_scalar())
        ctx.error(*list, "expected a list of steps under 'steps', got a single value");
      else
        step_nodes[p] = read_list(ctx, *list, "steps");
    }
    const auto ids = collect_ids(ctx, step_nodes[p], "step");
    plan.procedures[p].steps.resize(ids.size());
    places[p].steps.resize(ids.size());
    for (std::size_t s = 0; s < ids.size(); ++s) {
      plan.procedures[p].steps[s].id = ids[s];
      places[p].steps[s].node = step_nodes[p][s];
      if (!ids[s].empty()) steps.of_procedure[p].emplace(ids[s], static_cast<Ix>(s));
    }
  }

  // Catalog actions whose targets are levels can be checked now.
  for (const PendingLevelTargets& pending : deferred.level_targets) {
    const FileCtx catalog_ctx{pending.file, ctx.out, ctx.model, ctx.quiet_refs};
    for (const YNode* id : pending.ids) {
      const Ix level = resolve(catalog_ctx, *id, Ref::level);
      if (level != no_ix) ctx.model.catalog.actions[pending.action].target_choices.push_back(level);
    }
  }
  deferred.level_targets.clear();

  for (std::size_t i = 0; i < levels.size(); ++i) read_level(ctx, *levels[i], plan.levels[i]);
  if (const YNode* g = f.get("grading")) read_grading(ctx, *g, plan.grading);
  if (const YNode* r = f.get("reporting")) read_reporting(ctx, *r, plan.reporting);
  for (std::size_t i = 0; i < procedures.size(); ++i)
    read_procedure(ctx, *procedures[i], static_cast<Ix>(i), steps, step_nodes[i], plan.procedures[i], places[i]);
  for (std::size_t i = 0; i < rules.size(); ++i) read_rule(ctx, *rules[i], plan.rules[i]);
  check_plan_flow(ctx, plan, places);
}

}  // namespace drillsim::load_detail

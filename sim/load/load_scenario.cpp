// The scenario file: start, end, seed, trainees, the business calendar, the injects (MSEL) and
// the exercise objectives.
#include <charconv>

#include <fmt/format.h>

#include "sim/load/loaders_internal.hpp"

namespace drillsim::load_detail {

namespace {

constexpr const char* payload_keys[] = {"fault", "clear", "message", "absent", "late", "fire", "load", "fact"};

void read_event(const FileCtx& ctx, const YNode& node, const TimeBase& time, BusinessEvent& event) {
  Fields f(ctx, node, "a business event",
           {"id", "kind", "name", "at", "duration", "grace", "requires", "strict", "fallback", "load"});
  if (!f.ok()) return;
  f.require("id");
  if (const YNode* k = f.require("kind")) {
    event.kind = read_string(ctx, *k, "a business kind");
    if (event.kind.empty()) ctx.error(*k, "a business event needs a kind, e.g. bid_opening");
  }
  if (const YNode* n = f.get("name")) event.name = read_text(ctx, *n);
  if (const YNode* at = f.require("at")) read_time(ctx, *at, time, event.at);
  if (const YNode* d = f.get("duration")) read_duration(ctx, *d, event.duration);
  if (const YNode* g = f.get("grace")) read_duration(ctx, *g, event.grace);
  if (const YNode* r = f.get("requires")) event.needs = resolve_list(ctx, *r, Ref::component);
  if (const YNode* fb = f.get("fallback")) event.fallback = resolve_list(ctx, *fb, Ref::fact);
  if (const YNode* s = f.get("strict")) read_bool(ctx, *s, event.strict);
  for (const YNode* item : list_field(ctx, f, "load", "loads")) {
    Fields l(ctx, *item, "a load", {"component", "amount", "from"});
    if (!l.ok()) continue;
    Load load;
    if (const YNode* c = l.require("component")) load.component = resolve(ctx, *c, Ref::component);
    if (const YNode* a = l.require("amount")) read_number(ctx, *a, load.amount);
    if (const YNode* from = l.get("from")) read_duration(ctx, *from, load.lead);
    event.loads.push_back(load);
  }
}

void read_payload(const FileCtx& ctx, const std::string& key, const YNode& v, Inject& inject) {
  if (key == "fault" || key == "clear") {
    inject.kind = key == "fault" ? Inject::Kind::fault : Inject::Kind::clear;
    Fields f(ctx, v, fmt::format("a {} payload", key), {"component", "type"});
    if (const YNode* c = f.require("component")) inject.component = resolve(ctx, *c, Ref::component);
    const YNode* type = key == "fault" ? f.require("type") : f.get("type");
    if (type) inject.ref = resolve(ctx, *type, Ref::fault_type);
  } else if (key == "message") {
    inject.kind = Inject::Kind::message;
    Fields f(ctx, v, "a message payload", {"from", "to", "text"});
    if (const YNode* from = f.get("from")) inject.from = read_text(ctx, *from);
    if (const YNode* to = f.require("to")) inject.ref = resolve(ctx, *to, Ref::post);
    if (const YNode* text = f.require("text")) {
      inject.text = read_text(ctx, *text);
      if (inject.text.empty()) ctx.error(*text, "a message needs a text");
    }
  } else if (key == "absent") {
    inject.kind = Inject::Kind::absent;
    inject.ref = resolve(ctx, v, Ref::person);
  } else if (key == "late") {
    inject.kind = Inject::Kind::late;
    Fields f(ctx, v, "a late payload", {"person", "by"});
    if (const YNode* p = f.require("person")) inject.ref = resolve(ctx, *p, Ref::person);
    if (const YNode* by = f.require("by")) read_distribution(ctx, *by, inject.late_by);
  } else if (key == "fire") {
    inject.kind = Inject::Kind::fire;
    inject.component = resolve(ctx, v, Ref::component);
    if (inject.component != no_ix && ctx.model.platform.components[inject.component].kind != ComponentKind::room)
      ctx.error(v, fmt::format("'{}' is not a room (a fire starts in a component of kind room)", v.value));
  } else if (key == "load") {
    inject.kind = Inject::Kind::load;
    Fields f(ctx, v, "a load payload", {"component", "amount"});
    if (const YNode* c = f.require("component")) inject.component = resolve(ctx, *c, Ref::component);
    if (const YNode* a = f.require("amount")) read_number(ctx, *a, inject.amount);
  } else if (key == "fact") {
    inject.kind = Inject::Kind::fact;
    inject.ref = resolve(ctx, v, Ref::fact);
  }
}

void read_inject(const FileCtx& ctx, const YNode& node, const CondEnv& env, SimTime end, bool end_known,
                 Inject& inject) {
  Fields f(ctx, node, "an inject",
           {"id", "at", "when", "note", "expect", "objective", "fault", "clear", "message", "absent", "late", "fire",
            "load", "fact"});
  if (!f.ok()) return;
  f.require("id");
  const YNode* at = f.get("at");
  const YNode* when = f.get("when");
  if (at && when) ctx.error(node, "an inject has either 'at' (a time) or 'when' (a condition), not both");
  if (!at && !when) ctx.error(node, "an inject needs 'at' (a time) or 'when' (a condition)");
  if (at) {
    inject.timed = true;
    if (at->is_map()) {
      inject.at_is_random = true;
      read_distribution(ctx, *at, inject.at_dist);
    } else if (read_time(ctx, *at, env.time, inject.at) && end_known && inject.at > end) {
      ctx.error(*at, "this inject comes after the end of the drill (start + end_after)");
    }
  } else if (when) {
    inject.timed = false;
    inject.when = read_condition(ctx, *when, env);
  }
  const YNode* payload_key = nullptr;
  int payloads = 0;
  for (const YNode& key : node.keys)
    for (const char* p : payload_keys)
      if (key.value == p) {
        ++payloads;
        if (payloads == 1)
          payload_key = &key;
        else
          ctx.error(key, fmt::format("an inject has one payload; '{}' and '{}' are both given (make two injects)",
                                     payload_key->value, key.value));
      }
  if (payloads == 0)
    ctx.error(node, "an inject needs one payload: fault, clear, message, absent, late, fire, load or fact");
  else
    read_payload(ctx, payload_key->value, *f.get(payload_key->value), inject);
  if (const YNode* n = f.get("note")) inject.note = read_text(ctx, *n);
  if (const YNode* e = f.get("expect")) inject.expect = read_text(ctx, *e);
  if (const YNode* o = f.get("objective")) {
    inject.objective = read_string(ctx, *o, "an objective id");
    resolve(ctx, *o, Ref::objective);
  }
}

}  // namespace

void load_scenario(const FileCtx& ctx, const YNode& body) {
  Scenario& scenario = ctx.model.scenario;
  scenario.file = ctx.file;
  Fields f(ctx, body, "the scenario",
           {"id", "name", "description", "plan", "start", "end_after", "seed", "trainees", "calendar", "injects",
            "objectives"});
  if (!f.ok()) return;
  if (const YNode* id = f.require("id")) scenario.id = read_id(ctx, *id, "scenario");
  if (const YNode* n = f.get("name")) scenario.name = read_text(ctx, *n);
  if (const YNode* d = f.get("description")) scenario.description = read_text(ctx, *d);

  CondEnv env{TargetUse::outside_catalog, true, {}};
  env.time.wall_clock = true;
  if (const YNode* start = f.require("start")) {
    scenario.start = read_string(ctx, *start, "a start date and time");
    if (parse_date_time(scenario.start, scenario.start_epoch_s)) {
      env.time.start_known = true;
      env.time.start_epoch = scenario.start_epoch_s;
      env.time.start_text = scenario.start;
    } else {
      ctx.error(*start, fmt::format("'{}' is not a start date and time: write \"YYYY-MM-DD HH:MM\"", scenario.start));
    }
  }
  bool end_known = false;
  if (const YNode* e = f.require("end_after")) {
    if (read_duration(ctx, *e, scenario.end)) {
      if (scenario.end <= 0)
        ctx.error(*e, "end_after must be longer than 0");
      else
        end_known = true;
    }
  }
  if (const YNode* s = f.get("seed")) {
    std::uint64_t seed = 0;
    const std::string text = s->is_scalar() ? s->value : std::string();
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seed);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size())
      ctx.error(*s, fmt::format("seed must be a whole number >= 0, got {}",
                                s->is_scalar() ? "'" + s->value + "'" : std::string(kind_name(*s))));
    else
      scenario.seed = seed;
  }
  if (const YNode* t = f.get("trainees")) {
    for (const YNode* item : read_list(ctx, *t, "post ids")) {
      const Ix post = resolve(ctx, *item, Ref::post);
      if (post == no_ix) continue;
      scenario.trainee_posts.push_back(post);
      check_held(ctx, *item, post, "a trainee");
    }
  }

  const auto calendar = list_field(ctx, f, "calendar", "business events");
  const auto injects = list_field(ctx, f, "injects", "injects");
  const auto objectives = list_field(ctx, f, "objectives", "objectives");
  register_ids(ctx, calendar, "business event", scenario.calendar);
  register_ids(ctx, injects, "inject", scenario.injects);
  register_ids(ctx, objectives, "objective", scenario.objectives);
  for (std::size_t i = 0; i < calendar.size(); ++i) read_event(ctx, *calendar[i], env.time, scenario.calendar[i]);
  for (std::size_t i = 0; i < injects.size(); ++i)
    read_inject(ctx, *injects[i], env, scenario.end, end_known, scenario.injects[i]);
  for (std::size_t i = 0; i < objectives.size(); ++i) {
    Fields o(ctx, *objectives[i], "an objective", {"id", "text", "procedures"});
    if (!o.ok()) continue;
    o.require("id");
    if (const YNode* t = o.get("text")) scenario.objectives[i].text = read_text(ctx, *t);
    if (const YNode* p = o.get("procedures")) scenario.objectives[i].procedures = resolve_list(ctx, *p, Ref::procedure);
  }
}

}  // namespace drillsim::load_detail

// The platform file: fault types, components with their dependencies, rooms and symptoms.
#include <unordered_map>

#include <fmt/format.h>

#include "sim/load/loaders_internal.hpp"

namespace drillsim::load_detail {

namespace {

struct KindName {
  const char* name;
  ComponentKind kind;
};
constexpr KindName component_kinds[] = {
    {"mains_power", ComponentKind::mains_power},
    {"ups", ComponentKind::ups},
    {"generator", ComponentKind::generator},
    {"cooling", ComponentKind::cooling},
    {"room", ComponentKind::room},
    {"wan_line", ComponentKind::wan_line},
    {"lan", ComponentKind::lan},
    {"firewall", ComponentKind::firewall},
    {"switch", ComponentKind::switch_device},
    {"server", ComponentKind::server},
    {"database", ComponentKind::database},
    {"storage", ComponentKind::storage},
    {"backup_media", ComponentKind::backup_media},
    {"application", ComponentKind::application},
    {"external_system", ComponentKind::external_system},
    {"client_environment", ComponentKind::client_environment},
    {"other", ComponentKind::other},
};

std::string component_kind_list() {
  std::string out;
  for (const KindName& k : component_kinds) {
    if (!out.empty()) out += ", ";
    out += k.name;
  }
  return out;
}

void read_fault_type(const FileCtx& ctx, const YNode& node, FaultType& fault) {
  Fields f(ctx, node, "a fault type", {"id", "name", "effect", "cause", "loses_data"});
  if (!f.ok()) return;
  f.require("id");
  if (const YNode* n = f.get("name")) fault.name = read_text(ctx, *n);
  if (const YNode* e = f.get("effect")) {
    const std::string effect = read_string(ctx, *e, "an effect");
    if (effect == "down")
      fault.effect = Health::down;
    else if (effect == "degraded")
      fault.effect = Health::degraded;
    else
      ctx.error(*e, fmt::format("effect must be down or degraded, got '{}'", effect));
  }
  if (const YNode* c = f.get("cause")) fault.cause = read_text(ctx, *c);
  if (const YNode* l = f.get("loses_data")) read_bool(ctx, *l, fault.loses_data);
}

void read_symptom(const FileCtx& ctx, const YNode& node, Symptom& symptom) {
  Fields f(ctx, node, "a symptom", {"id", "on", "from", "to", "delay", "text", "fault"});
  if (!f.ok()) return;
  if (const YNode* id = f.require("id")) symptom.id = id->is_scalar() ? id->value : std::string();
  if (const YNode* on = f.get("on")) {
    const std::string state = read_string(ctx, *on, "a state");
    if (state == "down")
      symptom.on = Health::down;
    else if (state == "degraded")
      symptom.on = Health::degraded;
    else if (state == "up") {
      symptom.on = Health::up;
      symptom.on_recovery = true;
    } else {
      ctx.error(*on, fmt::format("'on' must be down, degraded or up, got '{}'", state));
    }
  }
  if (const YNode* from = f.get("from")) symptom.from = read_text(ctx, *from);
  if (const YNode* to = f.require("to")) symptom.to = resolve(ctx, *to, Ref::post);
  if (const YNode* delay = f.get("delay")) read_duration(ctx, *delay, symptom.delay);
  if (const YNode* fault = f.get("fault")) symptom.fault = resolve(ctx, *fault, Ref::fault_type);
  if (const YNode* text = f.require("text")) {
    symptom.text = read_text(ctx, *text);
    if (symptom.text.empty()) ctx.error(*text, "a symptom needs a text");
  }
}

struct ComponentRead {
  const YNode* room = nullptr;
};

void read_number_field(const FileCtx& ctx, const Fields& f, std::string_view key, double& out, bool non_negative) {
  const YNode* node = f.get(key);
  if (!node || !read_number(ctx, *node, out)) return;
  if (non_negative && out < 0) ctx.error(*node, fmt::format("{} must not be negative", key));
}

void read_component(const FileCtx& ctx, const YNode& node, Ix self, Component& c, std::vector<Dependency>& deps,
                    ComponentRead& read) {
  Fields f(ctx, node, "a component",
           {"id",
            "name",
            "kind",
            "tags",
            "requires",
            "requires_any",
            "room",
            "standby",
            "max_temp_c",
            "holdup",
            "recharge",
            "base_temp_c",
            "heat_rate_c_per_min",
            "cool_rate_c_per_min",
            "alarm_temp_c",
            "fire_destroy",
            "fire_small",
            "holds_data",
            "backups",
            "capacity",
            "symptoms"});
  if (!f.ok()) return;
  f.require("id");
  if (const YNode* n = f.get("name")) c.name = read_text(ctx, *n);
  if (const YNode* k = f.require("kind")) {
    const std::string kind = read_string(ctx, *k, "a component kind");
    bool known = false;
    for (const KindName& kn : component_kinds)
      if (kind == kn.name) {
        c.kind = kn.kind;
        known = true;
      }
    if (!known) ctx.error(*k, fmt::format("unknown component kind '{}' (allowed: {})", kind, component_kind_list()));
  }
  if (const YNode* t = f.get("tags")) c.tags = read_string_list(ctx, *t, "tags");
  if (const YNode* r = f.get("requires")) {
    for (const YNode* item : read_list(ctx, *r, "component ids")) {
      const Ix dep = resolve(ctx, *item, Ref::component);
      if (dep == no_ix) continue;
      c.requires_all.push_back(dep);
      deps.push_back({self, dep, item});
    }
  }
  if (const YNode* r = f.get("requires_any")) {
    for (const YNode* group : read_list(ctx, *r, "lists of component ids")) {
      if (!group->is_sequence()) {
        ctx.error(*group,
                  fmt::format("requires_any takes a list of lists, e.g. [[mains, ups]]; got {}", kind_name(*group)));
        continue;
      }
      std::vector<Ix> any;
      for (const YNode& item : group->items) {
        const Ix dep = resolve(ctx, item, Ref::component);
        if (dep == no_ix) continue;
        any.push_back(dep);
        deps.push_back({self, dep, &item});
      }
      if (group->items.empty()) ctx.error(*group, "an empty group in requires_any can never be met");
      c.requires_any.push_back(std::move(any));
    }
  }
  if (const YNode* room = f.get("room")) {
    c.room = resolve(ctx, *room, Ref::component);
    read.room = room;
  }
  if (const YNode* s = f.get("standby")) read_bool(ctx, *s, c.standby);
  read_number_field(ctx, f, "max_temp_c", c.max_temp_c, false);
  if (const YNode* d = f.get("holdup")) read_duration(ctx, *d, c.holdup);
  if (const YNode* d = f.get("recharge")) read_duration(ctx, *d, c.recharge);
  read_number_field(ctx, f, "base_temp_c", c.base_temp_c, false);
  read_number_field(ctx, f, "heat_rate_c_per_min", c.heat_rate_c_per_min, true);
  read_number_field(ctx, f, "cool_rate_c_per_min", c.cool_rate_c_per_min, true);
  read_number_field(ctx, f, "alarm_temp_c", c.alarm_temp_c, false);
  if (const YNode* d = f.get("fire_destroy")) read_duration(ctx, *d, c.fire_destroy);
  if (const YNode* d = f.get("fire_small")) read_duration(ctx, *d, c.fire_small);
  if (const YNode* h = f.get("holds_data")) read_bool(ctx, *h, c.holds_data);
  if (const YNode* b = f.get("backups")) {
    for (const YNode* item : read_list(ctx, *b, "component ids")) {
      const Ix copy = resolve(ctx, *item, Ref::component);
      if (copy == no_ix) continue;
      if (copy == self) ctx.error(*item, "a component cannot be its own backup");
      c.backups.push_back(copy);
    }
  }
  read_number_field(ctx, f, "capacity", c.capacity, true);
  const auto symptoms = list_field(ctx, f, "symptoms", "symptoms");
  c.symptoms.resize(symptoms.size());
  for (std::size_t i = 0; i < symptoms.size(); ++i) read_symptom(ctx, *symptoms[i], c.symptoms[i]);
}

// Symptom ids are unique across the whole platform ({message: id} names them).
void check_symptom_ids(const FileCtx& ctx, const std::vector<const YNode*>& components) {
  std::unordered_map<std::string, int> seen;
  for (const YNode* comp : components) {
    const YNode* list = comp->find("symptoms");
    if (!list || !list->is_sequence()) continue;
    std::vector<const YNode*> items;
    for (const YNode& s : list->items) items.push_back(&s);
    for (const YNode* s : items) {
      const YNode* id = s->find("id");
      if (!id) continue;
      const std::string value = read_id(ctx, *id, "symptom");
      if (value.empty()) continue;
      auto [it, fresh] = seen.emplace(value, id->line);
      if (!fresh)
        ctx.error(*id, fmt::format("duplicate symptom id '{}' (first defined on line {})", value, it->second));
    }
  }
}

}  // namespace

void load_platform(const FileCtx& ctx, const YNode& body) {
  Platform& platform = ctx.model.platform;
  platform.file = ctx.file;
  Fields f(ctx, body, "the platform", {"id", "name", "organisation", "fault_types", "components"});
  if (!f.ok()) return;
  if (const YNode* id = f.require("id")) platform.id = read_id(ctx, *id, "platform");
  if (const YNode* n = f.get("name")) platform.name = read_text(ctx, *n);
  const auto faults = list_field(ctx, f, "fault_types", "fault types");
  const auto components = list_field(ctx, f, "components", "components");
  register_ids(ctx, faults, "fault type", platform.fault_types);
  register_ids(ctx, components, "component", platform.components);
  check_symptom_ids(ctx, components);
  for (std::size_t i = 0; i < faults.size(); ++i) read_fault_type(ctx, *faults[i], platform.fault_types[i]);
  std::vector<Dependency> deps;
  std::vector<ComponentRead> reads(components.size());
  for (std::size_t i = 0; i < components.size(); ++i)
    read_component(ctx, *components[i], static_cast<Ix>(i), platform.components[i], deps, reads[i]);
  for (std::size_t i = 0; i < components.size(); ++i) {
    const Ix room = platform.components[i].room;
    if (room != no_ix && platform.components[room].kind != ComponentKind::room)
      ctx.error(*reads[i].room, fmt::format("'{}' is not a room (its kind is not room)", platform.components[room].id));
  }
  order_components(ctx, platform, deps);
}

}  // namespace drillsim::load_detail

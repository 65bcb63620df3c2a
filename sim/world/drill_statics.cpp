// What a Drill derives from its model alone, once per thread and model.
#include "sim/world/drill_statics.hpp"

#include <algorithm>

#include "sim/world/condition_aspects.hpp"

namespace drillsim {

DrillStatics::DrillStatics(const Model& m) : graph(m.platform) {
  const auto& components = m.platform.components;
  room_thresholds.resize(components.size());
  in_room.resize(components.size());
  symptom_message.resize(components.size());
  for (std::size_t c = 0; c < components.size(); ++c) {
    const Component& comp = components[c];
    if (comp.kind == ComponentKind::room) rooms.push_back(static_cast<Ix>(c));
    if (comp.room != no_ix && comp.room < components.size()) in_room[comp.room].push_back(static_cast<Ix>(c));
    for (const Symptom& s : comp.symptoms) symptom_message[c].push_back(m.find_message(s.id));
  }
  position.resize(components.size());
  for (std::size_t p = 0; p < graph.order().size(); ++p) position[graph.order()[p]] = static_cast<std::uint32_t>(p);
  dependants.resize(components.size());
  for (std::size_t c = 0; c < components.size(); ++c) {
    for (Ix dep : components[c].requires_all) dependants[dep].push_back(static_cast<Ix>(c));
    for (const auto& group : components[c].requires_any)
      for (Ix dep : group) dependants[dep].push_back(static_cast<Ix>(c));
  }
  const auto& injects = m.scenario.injects;
  for (std::size_t i = 0; i < injects.size(); ++i) {
    inject_message.push_back(m.find_message(injects[i].id));
    inject_aspects.push_back(aspects_of(injects[i].when));
    if (injects[i].timed) continue;
    contingencies.push_back(static_cast<Ix>(i));
    collect(injects[i].when);
  }
  for (const Level& level : m.plan.levels) {
    level_aspects.push_back(aspects_of(level.when));
    collect(level.when);
  }
  for (const Procedure& proc : m.plan.procedures) {
    collect(proc.trigger);
    collect(proc.resolved);
    for (const Step& step : proc.steps)
      for (const Branch& b : step.branches) collect(b.when);
  }
  std::sort(outage_thresholds.begin(), outage_thresholds.end());
  outage_thresholds.erase(std::unique(outage_thresholds.begin(), outage_thresholds.end()), outage_thresholds.end());
}

void DrillStatics::collect(const Condition& c) {
  switch (c.kind) {
    case Condition::Kind::not_done_by:
    case Condition::Kind::after: condition_wakes.push_back(c.time); break;
    case Condition::Kind::outage_over: outage_thresholds.push_back(c.time); break;
    case Condition::Kind::since_done: since_done_thresholds.emplace_back(c.ref, c.time); break;
    case Condition::Kind::temp_above:
      // The temperature is event-driven: a threshold a condition tests must be a crossing point.
      if (c.component < room_thresholds.size()) room_thresholds[c.component].push_back(c.value);
      break;
    default: break;
  }
  for (const auto& child : c.children) collect(child);
}

// Built once per thread and model rather than once per drill. A few models per thread (plan A and
// plan B); an entry whose model has gone is never returned (the weak pointer no longer locks).
std::shared_ptr<const DrillStatics> DrillStatics::of(const std::shared_ptr<const Model>& model) {
  struct Entry {
    std::weak_ptr<const Model> model;
    std::shared_ptr<const DrillStatics> statics;
  };
  thread_local std::vector<Entry> cache;
  for (const Entry& e : cache)
    if (e.model.lock() == model) return e.statics;
  if (cache.size() >= 4) cache.erase(cache.begin());
  cache.push_back({model, std::make_shared<const DrillStatics>(*model)});
  return cache.back().statics;
}

}  // namespace drillsim

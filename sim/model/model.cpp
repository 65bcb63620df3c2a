// Lookups of loaded objects by their textual id.
#include "sim/model/model.hpp"

namespace drillsim {
namespace {
template <class T>
Ix find_by_id(const std::vector<T>& items, std::string_view id) {
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].id == id) return static_cast<Ix>(i);
  return no_ix;
}
}  // namespace

Ix Model::find_component(std::string_view id) const { return find_by_id(platform.components, id); }
Ix Model::find_post(std::string_view id) const { return find_by_id(organisation.posts, id); }
Ix Model::find_person(std::string_view id) const { return find_by_id(organisation.persons, id); }
Ix Model::find_party(std::string_view id) const { return find_by_id(organisation.parties, id); }
Ix Model::find_action(std::string_view id) const { return find_by_id(catalog.actions, id); }
Ix Model::find_fact(std::string_view id) const { return find_by_id(catalog.facts, id); }
Ix Model::find_fault_type(std::string_view id) const { return find_by_id(platform.fault_types, id); }
Ix Model::find_procedure(std::string_view id) const { return find_by_id(plan.procedures, id); }
Ix Model::find_level(std::string_view id) const { return find_by_id(plan.levels, id); }
Ix Model::find_inject(std::string_view id) const { return find_by_id(scenario.injects, id); }
Ix Model::find_business_event(std::string_view id) const { return find_by_id(scenario.calendar, id); }

Ix Model::find_message(std::string_view id) const {
  for (std::size_t i = 0; i < message_ids.size(); ++i)
    if (message_ids[i] == id) return static_cast<Ix>(i);
  return no_ix;
}

namespace {
Ix find_tag(const Model& m, const std::string& tag) {
  for (std::size_t i = 0; i < m.tags.size(); ++i)
    if (m.tags[i] == tag) return static_cast<Ix>(i);
  return no_ix;
}

void index_condition(const Model& m, Condition& c) {
  if (c.kind == Condition::Kind::message) c.ref = m.find_message(c.text);
  if (c.kind == Condition::Kind::outage_over && c.component == no_ix) c.ref = find_tag(m, c.text);
  for (Condition& child : c.children) index_condition(m, child);
}
}  // namespace

void index_messages(Model& m) {
  m.message_ids.clear();
  for (const Component& comp : m.platform.components)
    for (const Symptom& s : comp.symptoms)
      if (m.find_message(s.id) == no_ix) m.message_ids.push_back(s.id);
  for (const Inject& inj : m.scenario.injects)
    if (m.find_message(inj.id) == no_ix) m.message_ids.push_back(inj.id);
  m.tags.clear();
  m.tagged.clear();
  for (std::size_t c = 0; c < m.platform.components.size(); ++c)
    for (const std::string& tag : m.platform.components[c].tags) {
      Ix t = find_tag(m, tag);
      if (t == no_ix) {
        t = static_cast<Ix>(m.tags.size());
        m.tags.push_back(tag);
        m.tagged.emplace_back();
      }
      if (m.tagged[t].empty() || m.tagged[t].back() != c) m.tagged[t].push_back(static_cast<Ix>(c));
    }
  for (ActionDef& a : m.catalog.actions) {
    index_condition(m, a.precondition);
    for (ObservationRule& r : a.observe) index_condition(m, r.when);
  }
  for (Level& l : m.plan.levels) index_condition(m, l.when);
  for (Procedure& p : m.plan.procedures) {
    index_condition(m, p.trigger);
    index_condition(m, p.resolved);
    for (Step& s : p.steps)
      for (Branch& b : s.branches) index_condition(m, b.when);
  }
  for (ConductRule& r : m.plan.rules) index_condition(m, r.when);
  for (Inject& inj : m.scenario.injects) index_condition(m, inj.when);
}

}  // namespace drillsim

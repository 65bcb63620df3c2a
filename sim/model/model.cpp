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

}  // namespace drillsim

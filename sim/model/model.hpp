// Everything a drill needs, loaded and cross-resolved: immutable once loaded.
#pragma once

#include "sim/model/catalog.hpp"
#include "sim/model/organisation.hpp"
#include "sim/model/plan.hpp"
#include "sim/model/platform.hpp"
#include "sim/model/scenario.hpp"

namespace drillsim {

// Files chain: scenario -> plan -> catalog -> platform -> organisation (each names the next by a
// path relative to itself), so any one of them can be validated on its own with what it needs.
struct Model {
  Organisation organisation;
  Platform platform;
  Catalog catalog;
  Plan plan;
  Scenario scenario;  // empty id when only a plan (or less) was loaded
  // Every symptom and inject id, so that `message` conditions test an index (Condition::ref) instead
  // of comparing strings during a run. Filled by index_messages().
  std::vector<std::string> message_ids;
  // Every component tag, and by tag index the components carrying it (in component order), so that
  // an `outage_over` condition on a tag (Condition::ref) looks at those alone. Filled by index_messages().
  std::vector<std::string> tags;
  std::vector<std::vector<Ix>> tagged;

  // Lookups by textual id for front ends and the loader; the run itself uses indices.
  Ix find_component(std::string_view id) const;
  Ix find_post(std::string_view id) const;
  Ix find_person(std::string_view id) const;
  Ix find_party(std::string_view id) const;
  Ix find_action(std::string_view id) const;
  Ix find_fact(std::string_view id) const;
  Ix find_fault_type(std::string_view id) const;
  Ix find_procedure(std::string_view id) const;
  Ix find_level(std::string_view id) const;
  Ix find_inject(std::string_view id) const;
  Ix find_business_event(std::string_view id) const;
  Ix find_message(std::string_view id) const;
};

// Fills message_ids and tags, points every `message` condition's ref at its id's index and every
// `outage_over` on a tag at the tag's. The loader calls it; models built by hand (tests) may too, and
// conditions left without a ref still work, slower.
void index_messages(Model& model);

}  // namespace drillsim

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
};

}  // namespace drillsim

// What a Drill derives from its model alone, computed once per thread and model and shared by every
// Drill of that model (Monte Carlo restarts one drill per thread thousands of times a second, and
// builds another for the runs it must replay): the dependency graph, the times and thresholds
// conditions name, where each message is indexed.
#pragma once

#include <memory>
#include <vector>

#include "sim/model/model.hpp"
#include "sim/world/platform_graph.hpp"

namespace drillsim {

struct DrillStatics {
  explicit DrillStatics(const Model& model);

  PlatformGraph graph;
  // The wake-ups the clock conditions of contingency injects, levels and the plan need, in the order
  // the conditions name them (scheduled at start, so that events keep the same insertion order).
  std::vector<SimTime> condition_wakes;
  std::vector<SimTime> outage_thresholds;                      // distinct outage_over durations, ascending
  std::vector<std::pair<Ix, SimTime>> since_done_thresholds;   // (action, duration) of since_done conditions
  std::vector<std::vector<double>> room_thresholds;            // by room: temp_above values in conditions
  std::vector<std::uint32_t> position;                          // by component: its place in graph.order()
  std::vector<std::vector<Ix>> dependants;                     // by component: those requiring it
  std::vector<Ix> rooms;                                       // the room components, in component order
  std::vector<std::vector<Ix>> in_room;                        // by room: the components standing in it
  std::vector<Ix> contingencies;          // scenario injects with a `when`, in inject order
  std::vector<std::uint32_t> inject_aspects;  // by scenario inject: aspects_of(when)
  std::vector<std::uint32_t> level_aspects;   // by level: aspects_of(when)
  std::vector<Ix> inject_message;              // by scenario inject: its index in Model::message_ids
  std::vector<std::vector<Ix>> symptom_message;  // by component, by symptom: the same

  // The statics of `model`, built on first use on this thread (a few models per thread: plan A and B).
  static std::shared_ptr<const DrillStatics> of(const std::shared_ptr<const Model>& model);

 private:
  void collect(const Condition& c);
};

}  // namespace drillsim

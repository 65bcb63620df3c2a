// The platform's dependency graph (Boost.Graph) and health propagation along it.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include "sim/model/platform.hpp"

namespace drillsim {

// Edge from a dependency to its dependant; group is no_ix for all-of edges, else the index of
// the dependant's requires_any group.
struct DependencyEdge {
  Ix group = no_ix;
};

using DependencyGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property, DependencyEdge>;

class PlatformGraph {
 public:
  explicit PlatformGraph(const Platform& platform);
  const DependencyGraph& graph() const { return graph_; }
  const std::vector<Ix>& order() const { return order_; }  // dependencies first
  // Health from dependencies alone: worst of all-of, and the best member of each any-of group.
  Health inherited(Ix component, const std::vector<Health>& health) const;

 private:
  const Platform& platform_;
  DependencyGraph graph_;
  std::vector<Ix> order_;
};

}  // namespace drillsim

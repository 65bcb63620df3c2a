// Building the dependency graph and ordering it for propagation.
#include "sim/world/platform_graph.hpp"

#include <algorithm>
#include <boost/graph/topological_sort.hpp>
#include <stdexcept>

namespace drillsim {

PlatformGraph::PlatformGraph(const Platform& platform)
    : platform_(platform), graph_(platform.components.size()) {
  for (std::size_t c = 0; c < platform.components.size(); ++c) {
    const Component& comp = platform.components[c];
    for (Ix dep : comp.requires_all) boost::add_edge(dep, c, DependencyEdge{no_ix}, graph_);
    for (std::size_t g = 0; g < comp.requires_any.size(); ++g)
      for (Ix dep : comp.requires_any[g]) boost::add_edge(dep, c, DependencyEdge{static_cast<Ix>(g)}, graph_);
  }
  std::vector<DependencyGraph::vertex_descriptor> reversed;
  // The loader refuses cycles; topological_sort throws not_a_dag if one slipped through.
  boost::topological_sort(graph_, std::back_inserter(reversed));
  order_.assign(reversed.rbegin(), reversed.rend());
}

Health PlatformGraph::inherited(Ix component, const std::vector<Health>& health) const {
  const Component& comp = platform_.components[component];
  Health worst = Health::up;
  for (Ix dep : comp.requires_all) worst = std::max(worst, health[dep]);
  for (const auto& group : comp.requires_any) {
    Health best = Health::down;
    for (Ix dep : group) best = std::min(best, health[dep]);
    if (!group.empty()) worst = std::max(worst, best);
  }
  return worst;
}

}  // namespace drillsim

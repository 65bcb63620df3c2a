// The platform's dependency graph: topological order of components (Boost.Graph), and every
// dependency cycle reported by naming its components.
#include <algorithm>
#include <deque>
#include <iterator>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>
#include <fmt/format.h>

#include "sim/load/loaders_internal.hpp"

namespace drillsim::load_detail {

namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

// The shortest path start -> ... -> start inside one strongly connected component, as edge indices.
// `out[v]` lists the edges leaving v.
std::vector<std::size_t> cycle_through(Ix start, const std::vector<int>& scc, const std::vector<Dependency>& deps,
                                       const std::vector<std::vector<std::size_t>>& out) {
  const std::size_t n = scc.size();
  std::vector<std::size_t> via(n, deps.size());  // edge that reached each vertex
  std::vector<bool> seen(n, false);
  std::deque<Ix> queue{start};
  seen[start] = true;
  while (!queue.empty()) {
    const Ix v = queue.front();
    queue.pop_front();
    for (std::size_t e : out[v]) {
      const Ix w = deps[e].dependency;
      if (scc[w] != scc[start]) continue;
      if (w == start) {
        std::vector<std::size_t> path{e};
        for (Ix at = v; at != start; at = deps[via[at]].dependant) path.push_back(via[at]);
        std::reverse(path.begin(), path.end());
        return path;
      }
      if (!seen[w]) {
        seen[w] = true;
        via[w] = e;
        queue.push_back(w);
      }
    }
  }
  return {};
}

}  // namespace

void order_components(const FileCtx& ctx, Platform& platform, const std::vector<Dependency>& deps) {
  const std::size_t n = platform.components.size();
  platform.topo_order.clear();
  if (n == 0) return;
  Graph graph(n);
  // Edge dependant -> dependency: topological_sort emits the dependency first.
  for (const Dependency& d : deps) boost::add_edge(d.dependant, d.dependency, graph);

  std::vector<int> scc(n);
  const int scc_count = boost::strong_components(graph, scc.data());
  std::vector<int> scc_size(static_cast<std::size_t>(scc_count), 0);
  for (int s : scc) ++scc_size[static_cast<std::size_t>(s)];
  std::vector<bool> reported(static_cast<std::size_t>(scc_count), false);
  std::vector<std::vector<std::size_t>> out(n);
  std::vector<bool> self_loop(n, false);
  for (std::size_t e = 0; e < deps.size(); ++e) {
    out[deps[e].dependant].push_back(e);
    if (deps[e].dependant == deps[e].dependency) self_loop[deps[e].dependant] = true;
  }
  bool cyclic = false;
  for (Ix v = 0; v < n; ++v) {
    const auto s = static_cast<std::size_t>(scc[v]);
    if (reported[s]) continue;
    if (scc_size[s] < 2 && !self_loop[v]) continue;
    reported[s] = true;
    cyclic = true;
    const auto path = cycle_through(v, scc, deps, out);
    if (path.empty()) continue;
    std::string names = platform.components[v].id;
    for (std::size_t e : path) names += " -> " + platform.components[deps[e].dependency].id;
    ctx.error(*deps[path.front()].at,
              fmt::format("dependency cycle: {} (each requires the next); a component cannot depend on itself", names));
  }
  if (cyclic) return;
  std::vector<Graph::vertex_descriptor> order;
  order.reserve(n);
  try {
    boost::topological_sort(graph, std::back_inserter(order));
  } catch (const boost::not_a_dag&) {
    ctx.error(0, 0, "dependency cycle among the components");
    return;
  }
  for (auto v : order) platform.topo_order.push_back(static_cast<Ix>(v));
}

}  // namespace drillsim::load_detail

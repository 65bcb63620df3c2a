// Layered (Sugiyama-style) layout on the Boost graph: longest-path columns, sources pulled next to
// their first dependant, barycentre sweeps to order each column.
#include "gui/graph_layout.hpp"

#include <boost/graph/topological_sort.hpp>

#include <algorithm>
#include <iterator>

#include "sim/world/platform_graph.hpp"

namespace drillsim::gui {

GraphLayout layout_platform(const PlatformGraph& pg, std::size_t n, std::size_t max_rows) {
  const DependencyGraph& g = pg.graph();
  GraphLayout out;
  out.column.assign(n, 0);
  out.row.assign(n, 0);
  if (n == 0) return out;

  std::vector<DependencyGraph::vertex_descriptor> reversed;
  boost::topological_sort(g, std::back_inserter(reversed));  // dependants first
  for (auto it = reversed.rbegin(); it != reversed.rend(); ++it) {  // dependencies first
    auto v = *it;
    for (auto [e, end] = boost::in_edges(v, g); e != end; ++e)
      out.column[v] = std::max(out.column[v], out.column[boost::source(*e, g)] + 1);
  }
  // A source (mains power, an external system) stands just left of its nearest dependant.
  for (auto v : reversed) {
    if (boost::in_degree(v, g) != 0 || boost::out_degree(v, g) == 0) continue;
    int nearest = 1 << 30;
    for (auto [e, end] = boost::out_edges(v, g); e != end; ++e)
      nearest = std::min(nearest, out.column[boost::target(*e, g)]);
    out.column[v] = std::max(0, nearest - 1);
  }
  for (auto [e, end] = boost::edges(g); e != end; ++e)
    out.edges.push_back({static_cast<Ix>(boost::source(*e, g)), static_cast<Ix>(boost::target(*e, g)),
                         g[*e].group != no_ix});

  out.columns = *std::max_element(out.column.begin(), out.column.end()) + 1;
  std::vector<std::vector<Ix>> cols(out.columns);
  for (Ix v = 0; v < n; ++v) cols[out.column[v]].push_back(v);
  std::vector<float> pos(n, 0);
  auto number = [&](std::vector<Ix>& col) {
    for (std::size_t i = 0; i < col.size(); ++i) pos[col[i]] = static_cast<float>(i);
  };
  for (auto& col : cols) number(col);
  // Barycentre sweeps: order each column by the mean position of its neighbours in other columns.
  auto sweep = [&](bool rightwards) {
    for (int k = 0; k < out.columns; ++k) {
      int c = rightwards ? k : out.columns - 1 - k;
      std::vector<std::pair<float, Ix>> keyed;
      for (Ix v : cols[c]) {
        float sum = 0;
        int count = 0;
        auto add = [&](Ix u) {
          if ((rightwards && out.column[u] < c) || (!rightwards && out.column[u] > c)) sum += pos[u], ++count;
        };
        for (auto [e, end] = boost::in_edges(v, g); e != end; ++e) add(static_cast<Ix>(boost::source(*e, g)));
        for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) add(static_cast<Ix>(boost::target(*e, g)));
        keyed.emplace_back(count ? sum / count : pos[v], v);
      }
      std::stable_sort(keyed.begin(), keyed.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      for (std::size_t i = 0; i < keyed.size(); ++i) cols[c][i] = keyed[i].second;
      number(cols[c]);
    }
  };
  for (int i = 0; i < 4; ++i) sweep(i % 2 == 0);

  // Tall layers wrap into several columns.
  if (max_rows > 0) {
    std::vector<std::vector<Ix>> wrapped;
    for (const auto& col : cols)
      for (std::size_t start = 0; start < col.size(); start += max_rows)
        wrapped.emplace_back(col.begin() + static_cast<long>(start),
                             col.begin() + static_cast<long>(std::min(col.size(), start + max_rows)));
    cols = std::move(wrapped);
    out.columns = static_cast<int>(cols.size());
    for (int c = 0; c < out.columns; ++c)
      for (Ix v : cols[c]) out.column[v] = c;
  }
  std::size_t tallest = 0;
  for (const auto& col : cols) tallest = std::max(tallest, col.size());
  out.rows = static_cast<float>(tallest);
  for (const auto& col : cols) {
    float offset = (static_cast<float>(tallest) - static_cast<float>(col.size())) / 2.0f;
    for (std::size_t i = 0; i < col.size(); ++i) out.row[col[i]] = offset + static_cast<float>(i);
  }
  return out;
}

}  // namespace drillsim::gui

// The platform graph's layout: every dependency stands in an earlier column than its dependant, and
// no two components share a place, no column is taller than 8; for every shipped platform.
#include <doctest/doctest.h>

#include <set>

#include "gui/graph_layout.hpp"
#include "gui_test_support.hpp"
#include "sim/world/platform_graph.hpp"

using namespace drillsim;
using namespace drillsim::gui;

TEST_CASE("layered layout of every shipped platform") {
  auto library = scan_scenarios(test::source_path("scenarios"));
  std::set<std::string> platforms;
  for (const ScenarioEntry& e : library) {
    LoadResult r = load_scenario(e.path);
    if (!r.ok() || !platforms.insert(r.model->platform.id).second) continue;
    const Platform& p = r.model->platform;
    PlatformGraph graph(p);
    GraphLayout L = layout_platform(graph, p.components.size());
    INFO(p.id);
    REQUIRE(L.column.size() == p.components.size());
    CHECK(L.columns >= 2);
    std::size_t edges = 0;
    for (const Component& c : p.components) edges += c.requires_all.size();
    CHECK(L.edges.size() >= edges);
    for (const auto& e : L.edges) CHECK(L.column[e.from] < L.column[e.to]);
    std::set<std::pair<int, float>> places;
    for (Ix i = 0; i < p.components.size(); ++i) CHECK(places.insert({L.column[i], L.row[i]}).second);
    for (float r : L.row) CHECK(r <= L.rows);
    CHECK(L.rows <= 8);  // tall layers wrap into several columns
    std::vector<int> per_column(static_cast<std::size_t>(L.columns), 0);
    for (int c : L.column) ++per_column[static_cast<std::size_t>(c)];
    for (int count : per_column) CHECK(count > 0);  // no empty column
  }
  CHECK(platforms.size() >= 2);
}

// A layered layout of the platform's dependency graph: what a component depends on stands to its
// left, each column is ordered to keep edges short. Computed once per model on the Boost graph.
#pragma once

#include <vector>

#include "sim/model/basics.hpp"

namespace drillsim {
class PlatformGraph;
}

namespace drillsim::gui {

struct GraphLayout {
  std::vector<int> column;   // by component
  std::vector<float> row;    // by component: position in its column (centred columns: may be fractional)
  int columns = 0;
  float rows = 0;            // height of the tallest column, in rows
  struct Edge {
    Ix from = no_ix, to = no_ix;  // dependency -> dependant
    bool any_of = false;          // one of a requires_any group
  };
  std::vector<Edge> edges;
};

// A layer taller than max_rows is split over several columns side by side (a layer has no edges
// inside it, so every edge still runs from an earlier column to a later one).
GraphLayout layout_platform(const PlatformGraph& graph, std::size_t components, std::size_t max_rows = 8);

}  // namespace drillsim::gui

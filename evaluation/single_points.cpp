// Single points of failure: fail each component alone and see which services stop.
#include <algorithm>

#include "evaluation/plan_analysis.hpp"
#include "sim/world/platform_graph.hpp"

namespace drillsim {

std::vector<Ix> single_points_of_failure(const Model& model, Ix service) {
  const Platform& platform = model.platform;
  PlatformGraph graph(platform);
  std::vector<Ix> out;
  std::vector<Health> health(platform.components.size());
  for (Ix failed = 0; failed < platform.components.size(); ++failed) {
    if (failed == service) continue;
    for (Ix c : graph.order()) {
      const Component& comp = platform.components[c];
      // Standby equipment (a generator, a backup line) counts as redundancy: it can be switched on.
      Health own = c == failed ? Health::down : Health::up;
      // A room's dependencies are its cooling, which heats the room rather than stopping it.
      Health inherited = comp.kind == ComponentKind::room ? Health::up : graph.inherited(c, health);
      health[c] = std::max(own, inherited);
    }
    if (health[service] == Health::down) out.push_back(failed);
  }
  return out;
}

}  // namespace drillsim

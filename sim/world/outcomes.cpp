// Summarising a drill's outcomes from its state and journal.
#include "sim/world/outcomes.hpp"

namespace drillsim {

Outcomes outcomes_of(const Drill& drill) {
  Outcomes o;
  const WorldState& s = drill.truth();
  for (Ix b = 0; b < s.business.size(); ++b) {
    const BusinessRuntime& rt = s.business[b];
    SimTime delay = rt.settled_at != never ? rt.settled_at - drill.model().scenario.calendar[b].at : 0;
    o.business.push_back({b, rt.state, rt.state == BusinessState::delayed ? delay : 0});
  }
  for (Ix c = 0; c < s.components.size(); ++c)
    if (SimTime d = drill.downtime(c); d > 0) o.downtime.emplace_back(c, d);
  o.level = s.level;
  o.data_lost = s.data_lost;
  for (const auto& e : drill.journal().entries()) {
    if (e.kind == EntryKind::submit) ++o.actions;
    if (e.kind == EntryKind::rejected) ++o.rejected;
  }
  return o;
}

}  // namespace drillsim

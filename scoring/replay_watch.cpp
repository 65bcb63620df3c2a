// Replaying a journal one time slice at a time, for scoring: sim's replay() with a watch.
#include "scoring/replay_watch.hpp"

#include "sim/world/replay.hpp"

namespace drillsim::scoring {

std::unique_ptr<Drill> replay_watched(std::shared_ptr<const Model> model, const std::vector<JournalEntry>& journal,
                                      const Watch& watch, std::string& error) {
  ReplayWatch w{watch.on_event, watch.on_slice};
  return replay(std::move(model), journal, error, /*to_end=*/true, &w);
}

}  // namespace drillsim::scoring

// Room kept from the score sheets judged before (private to scoring/): the lists their items held,
// their named tallies, and the sheet's own vectors. Monte Carlo judges one sheet per replication: a
// caller that hands the scorer the same ScoreSheet every time gets it back judged anew with almost
// nothing allocated, once the first few sheets have made room.
#pragma once

#include <cstdint>
#include <vector>

#include "scoring/score.hpp"

namespace drillsim::scoring::detail {

class SheetRoom {
 public:
  // Empties `sheet` as `sheet = ScoreSheet{}` would, keeping the lists of its items and its tallies
  // here and the room of its vectors in place.
  void reclaim(ScoreSheet& sheet);
  // Appends an Item{} to `items`, its lists (empty) with room kept here when there is some.
  Item& add_item(std::vector<Item>& items) {
    Item& it = items.emplace_back();
    if (!ix_lists_.empty() || !run_lists_.empty()) give_room(it);
    return it;
  }
  // Appends NamedTally{key, name, {}} to `tallies`: one kept here when there is one.
  NamedTally& add_tally(std::vector<NamedTally>& tallies, const std::string& key, const Text& name);

 private:
  void give_room(Item& it);

  std::vector<std::vector<Ix>> ix_lists_;              // items' accountable posts and objectives, emptied
  std::vector<std::vector<std::uint32_t>> run_lists_;  // items' runs, emptied
  std::vector<NamedTally> tallies_;  // taken again last first: in the order the last sheet had them
};

}  // namespace drillsim::scoring::detail

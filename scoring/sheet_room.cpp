// Reusing the lists, tallies and vectors of the sheets judged before.
#include "scoring/sheet_room.hpp"

namespace drillsim::scoring::detail {
namespace {

// `to` (empty) takes the room of `from`, cleared.
template <class C>
void keep_room(C& to, C& from) {
  from.clear();
  to.swap(from);
}

// Keeps an emptied list with room in `pool`.
template <class T>
void keep_list(std::vector<std::vector<T>>& pool, std::vector<T>& list) {
  if (list.capacity() == 0) return;
  list.clear();
  pool.push_back(std::move(list));
}

// Gives `list` (empty) the room of a list kept in `pool`, if any.
template <class T>
void take_list(std::vector<std::vector<T>>& pool, std::vector<T>& list) {
  if (pool.empty()) return;
  list.swap(pool.back());
  pool.pop_back();
}

}  // namespace

void SheetRoom::reclaim(ScoreSheet& s) {
  for (Item& it : s.items) {
    keep_list(ix_lists_, it.accountable);
    keep_list(ix_lists_, it.objectives);
    keep_list(run_lists_, it.runs);
  }
  // The order tally() fills them, reversed.
  for (auto* tallies : {&s.by_participant, &s.by_group, &s.by_post, &s.by_procedure})
    for (auto nt = tallies->rbegin(); nt != tallies->rend(); ++nt) tallies_.push_back(std::move(*nt));
  ScoreSheet blank;
  keep_room(blank.procedures, s.procedures);
  keep_room(blank.items, s.items);
  keep_room(blank.business, s.business);
  keep_room(blank.downtime, s.downtime);
  keep_room(blank.equipment_lost, s.equipment_lost);
  keep_room(blank.levels_reached, s.levels_reached);
  keep_room(blank.by_procedure, s.by_procedure);
  keep_room(blank.by_post, s.by_post);
  keep_room(blank.by_group, s.by_group);
  keep_room(blank.by_participant, s.by_participant);
  keep_room(blank.objectives, s.objectives);
  keep_room(blank.evaluations, s.evaluations);
  keep_room(blank.journal, s.journal);
  s = std::move(blank);
}

void SheetRoom::give_room(Item& it) {
  take_list(ix_lists_, it.accountable);
  take_list(ix_lists_, it.objectives);
  take_list(run_lists_, it.runs);
}

NamedTally& SheetRoom::add_tally(std::vector<NamedTally>& tallies, const std::string& key, const Text& name) {
  if (tallies_.empty()) return tallies.emplace_back(NamedTally{key, name, {}});
  NamedTally& nt = tallies.emplace_back(std::move(tallies_.back()));
  tallies_.pop_back();
  nt.key = key;
  nt.name = name;
  nt.tally = Tally{};
  return nt;
}

}  // namespace drillsim::scoring::detail

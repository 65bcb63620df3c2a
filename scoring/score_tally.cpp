// Tallies: points per procedure, post, group, participant, objective and overall; HSEEP ratings.
//
// Every tally is filled in one pass over the items, adding each item to the tallies it counts
// towards. Each tally still receives its items in sheet order, so its sums are the same doubles as
// when it was summed on its own.
#include <algorithm>

#include "scoring/score_internal.hpp"

namespace drillsim::scoring::detail {
namespace {

void add(Tally& t, const Item& it) {
  if (it.penalty) {
    t.penalty += it.points;
  } else {
    t.earned += it.points;
    t.possible += it.max_points;
  }
  ++t.items;
}

// One tally per run of a procedure (a repeatable one runs once per incident; the second run is
// named "#2").
void by_procedure(const Model& m, ScoreSheet& s, SheetRoom& room) {
  std::vector<int> runs_so_far(m.plan.procedures.size(), 0);
  const std::size_t first = s.by_procedure.size();
  s.by_procedure.reserve(first + s.procedures.size());
  for (const ProcedureRun& run : s.procedures) {
    const Procedure& proc = m.plan.procedures[run.procedure];
    const int nth = ++runs_so_far[run.procedure];
    NamedTally& nt = room.add_tally(s.by_procedure, proc.id, proc.name);
    if (nth > 1) {
      nt.key += "#" + std::to_string(nth);
      nt.name.zh += "（第" + std::to_string(nth) + "次）";
      nt.name.en += " (#" + std::to_string(nth) + ")";
    }
  }
  for (const Item& it : s.items)
    if (it.procedure_run < s.procedures.size()) add(s.by_procedure[first + it.procedure_run].tally, it);
}

// Tallies by post and by group: an item counts once towards each post accountable for it and once
// towards each group one of those posts belongs to. Only posts and groups with items are listed.
void by_post_and_group(const Model& m, ScoreSheet& s, SheetRoom& room) {
  const Organisation& org = m.organisation;
  const std::size_t posts = org.posts.size(), groups = org.groups.size();
  // Posts first, then groups. Reused by the next sheet on this thread (Monte Carlo tallies one
  // sheet per replication): no allocation once the vectors have grown to the organisation's size.
  thread_local std::vector<Tally> tallies;
  thread_local std::vector<std::size_t> seen;  // the last item counted towards each: an item
                                               // listing a post twice, or two posts of a group, counts once
  tallies.assign(posts + groups, Tally{});
  seen.assign(posts + groups, static_cast<std::size_t>(-1));
  auto count = [&](std::size_t k, std::size_t i, const Item& it) {
    if (seen[k] == i) return;
    seen[k] = i;
    add(tallies[k], it);
  };
  for (std::size_t i = 0; i < s.items.size(); ++i) {
    const Item& it = s.items[i];
    for (Ix p : it.accountable) {
      count(p, i, it);
      if (Ix g = org.posts[p].group; g < groups) count(posts + g, i, it);
    }
  }
  auto listed = [&](std::size_t from, std::size_t n) {
    return static_cast<std::size_t>(std::count_if(tallies.begin() + static_cast<std::ptrdiff_t>(from),
                                                  tallies.begin() + static_cast<std::ptrdiff_t>(from + n),
                                                  [](const Tally& t) { return t.items > 0; }));
  };
  s.by_post.reserve(s.by_post.size() + listed(0, posts));
  s.by_group.reserve(s.by_group.size() + listed(posts, groups));
  for (Ix p = 0; p < posts; ++p)
    if (tallies[p].items > 0) room.add_tally(s.by_post, org.posts[p].id, org.posts[p].name).tally = tallies[p];
  for (Ix g = 0; g < groups; ++g)
    if (tallies[posts + g].items > 0)
      room.add_tally(s.by_group, org.groups[g].id, org.groups[g].name).tally = tallies[posts + g];
}

// Participants: what each one did (the evidence they gave, the penalties they earned), in the
// order they first acted.
void by_participant(const Observed& o, ScoreSheet& s, SheetRoom& room) {
  const auto first = static_cast<std::ptrdiff_t>(s.by_participant.size());
  auto find = [&](const std::string& actor) {
    return std::find_if(s.by_participant.begin() + first, s.by_participant.end(),
                        [&](const NamedTally& nt) { return nt.key == actor; });
  };
  for (const RunInfo& run : o.runs)  // the journal's `submit` entries, in order
    if (!run.actor.empty() && find(run.actor) == s.by_participant.end())
      room.add_tally(s.by_participant, run.actor, Text{run.actor, run.actor});
  for (const Item& it : s.items) {
    if (it.actor.empty()) continue;
    auto nt = find(it.actor);
    if (nt != s.by_participant.end()) add(nt->tally, it);
  }
}

void by_objective(const Model& m, const Rubric& rubric, ScoreSheet& s) {
  const auto& objectives = m.scenario.objectives;
  const std::size_t first = s.objectives.size();
  s.objectives.resize(first + objectives.size());
  for (Ix o = 0; o < objectives.size(); ++o) s.objectives[first + o].objective = o;
  for (const Item& it : s.items)
    for (Ix o : it.objectives)
      if (o < objectives.size()) add(s.objectives[first + o].tally, it);
  for (std::size_t k = first; k < s.objectives.size(); ++k) {
    ObjectiveResult& r = s.objectives[k];
    r.rating = r.tally.possible > 0 ? hseep_rating(rubric.hseep, r.tally.percent() / 100.0) : '-';
    for (const Evaluation& e : s.evaluations)
      if (e.objective == objectives[r.objective].id) r.evaluations.push_back(e);
  }
}

}  // namespace

void tally(const Model& m, const Rubric& rubric, const Observed& o, ScoreSheet& s, SheetRoom& room) {
  for (const Item& it : s.items) add(s.overall, it);
  s.overall_rating = s.overall.possible > 0 ? hseep_rating(rubric.hseep, s.overall.percent() / 100.0) : '-';
  by_procedure(m, s, room);
  by_post_and_group(m, s, room);
  by_participant(o, s, room);
  by_objective(m, rubric, s);
}

}  // namespace drillsim::scoring::detail

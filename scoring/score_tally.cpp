// Tallies: points per procedure, post, group, participant, objective and overall; HSEEP ratings.
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

}  // namespace

void tally(const Model& m, const Rubric& rubric, const Observed& o, ScoreSheet& s) {
  for (const Item& it : s.items) add(s.overall, it);
  s.overall_rating = s.overall.possible > 0 ? hseep_rating(rubric.hseep, s.overall.percent() / 100.0) : '-';

  // One tally per run of a procedure (a repeatable one runs once per incident).
  for (std::size_t r = 0; r < s.procedures.size(); ++r) {
    const Procedure& proc = m.plan.procedures[s.procedures[r].procedure];
    int nth = 1;
    for (std::size_t k = 0; k < r; ++k) nth += s.procedures[k].procedure == s.procedures[r].procedure;
    NamedTally nt{proc.id, proc.name, {}};
    if (nth > 1) {
      nt.key += "#" + std::to_string(nth);
      nt.name.zh += "（第" + std::to_string(nth) + "次）";
      nt.name.en += " (#" + std::to_string(nth) + ")";
    }
    for (const Item& it : s.items)
      if (it.procedure_run == r) add(nt.tally, it);
    s.by_procedure.push_back(std::move(nt));
  }
  const Organisation& org = m.organisation;
  for (Ix p = 0; p < org.posts.size(); ++p) {
    NamedTally nt{org.posts[p].id, org.posts[p].name, {}};
    for (const Item& it : s.items)
      if (contains(it.accountable, p)) add(nt.tally, it);
    if (nt.tally.items > 0) s.by_post.push_back(std::move(nt));
  }
  for (Ix g = 0; g < org.groups.size(); ++g) {
    NamedTally nt{org.groups[g].id, org.groups[g].name, {}};
    for (const Item& it : s.items) {
      bool in_group = false;
      for (Ix p : it.accountable) in_group = in_group || org.posts[p].group == g;
      if (in_group) add(nt.tally, it);
    }
    if (nt.tally.items > 0) s.by_group.push_back(std::move(nt));
  }
  // Participants: what each one did (the evidence they gave, the penalties they earned), in the
  // order they first acted.
  std::vector<std::string> actors;
  for (const RunInfo& run : o.runs)  // the journal's `submit` entries, in order
    if (!run.actor.empty() && std::find(actors.begin(), actors.end(), run.actor) == actors.end())
      actors.push_back(run.actor);
  for (const std::string& a : actors) {
    NamedTally nt{a, Text{a, a}, {}};
    for (const Item& it : s.items)
      if (it.actor == a) add(nt.tally, it);
    s.by_participant.push_back(std::move(nt));
  }
  for (Ix o = 0; o < m.scenario.objectives.size(); ++o) {
    ObjectiveResult r;
    r.objective = o;
    for (const Item& it : s.items)
      if (std::find(it.objectives.begin(), it.objectives.end(), o) != it.objectives.end()) add(r.tally, it);
    r.rating = r.tally.possible > 0 ? hseep_rating(rubric.hseep, r.tally.percent() / 100.0) : '-';
    for (const Evaluation& e : s.evaluations)
      if (e.objective == m.scenario.objectives[o].id) r.evaluations.push_back(e);
    s.objectives.push_back(std::move(r));
  }
}

}  // namespace drillsim::scoring::detail

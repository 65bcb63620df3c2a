// One replication and its measurements.
#include "evaluation/replication.hpp"

#include <cmath>
#include <limits>

#include "scoring/rubric.hpp"
#include "scoring/score.hpp"
#include "scoring/score_online.hpp"
#include "sim/world/drill.hpp"
#include "sim/world/plan_policy.hpp"

namespace drillsim {
namespace {

constexpr double not_applicable = std::numeric_limits<double>::quiet_NaN();

bool watched(const Model& m, Ix c) {
  switch (m.platform.components[c].kind) {
    case ComponentKind::application:
    case ComponentKind::database:
    case ComponentKind::server:
    case ComponentKind::ups:
    case ComponentKind::storage:
    case ComponentKind::wan_line:
      return true;
    default:
      break;
  }
  for (const BusinessEvent& b : m.scenario.calendar)
    for (Ix n : b.needs)
      if (n == c) return true;
  return false;
}

// When the first of `actions` was done (never if none was).
SimTime first_done(const Drill& d, const std::vector<Ix>& actions) {
  SimTime first = never;
  for (Ix a : actions) first = std::min(first, d.truth().first_done_at[a]);
  return first;
}

}  // namespace

std::vector<MetricDef> metrics_for(const Model& m, bool with_score) {
  using K = MetricDef::Kind;
  std::vector<MetricDef> out;
  const double end = static_cast<double>(m.scenario.end);
  for (const BusinessEvent& b : m.scenario.calendar)
    out.push_back({K::probability, "held:" + b.id, Text{b.name.zh + " 进行", "held: " + b.name.in(Lang::en)}});
  for (Ix c = 0; c < m.platform.components.size(); ++c) {
    if (!watched(m, c)) continue;
    const Component& comp = m.platform.components[c];
    out.push_back({K::probability, "up:" + comp.id, Text{comp.name.zh + " 全程未中断", "never down: " + comp.name.in(Lang::en)}});
    out.push_back({K::duration, "down:" + comp.id, Text{comp.name.zh + " 中断时长", "downtime: " + comp.name.in(Lang::en)}, 0, end});
  }
  for (const Procedure& p : m.plan.procedures)
    if (p.within > 0)
      out.push_back({K::probability, "limit:" + p.id,
                     Text{p.name.zh + " 按时限完成", "within its limit: " + p.name.in(Lang::en)}});
  if (m.plan.reporting.first_within > 0)
    out.push_back({K::probability, "first_report", Text{"首报按时", "first report on time"}});
  if (m.plan.grading.within > 0) out.push_back({K::probability, "grading", Text{"定级按时", "grading on time"}});
  out.push_back({K::probability, "data_lost", Text{"数据丢失", "data lost"}});
  out.push_back({K::number, "level", Text{"实际事件级别", "true level (rank)"}, 0, 5});
  if (with_score) out.push_back({K::number, "score", Text{"得分", "score (%)"}, 0, 100});
  return out;
}

Replicator::Replicator(std::shared_ptr<const Model> model, const std::vector<MetricDef>& metrics,
                       const scoring::Rubric* rubric)
    : model_(std::move(model)), metrics_(metrics) {
  const Model& m = *model_;
  if (rubric) {
    scorer_ = std::make_unique<scoring::OnlineScorer>(model_, *rubric);
    sheet_ = std::make_unique<scoring::ScoreSheet>();
  }
  for (const Procedure& p : m.plan.procedures) goals_.emplace_back(&p.resolved);
  for (Ix c = 0; c < m.platform.components.size(); ++c)
    if (watched(m, c)) watched_.push_back(c);
  const auto& actions = m.catalog.actions;
  for (Ix a = 0; a < actions.size(); ++a) {
    if (actions[a].comm.kind == Communication::Kind::report) report_actions_.push_back(a);
    if (actions[a].comm.kind == Communication::Kind::declare_level) declare_actions_.push_back(a);
  }
}

Replicator::~Replicator() = default;

bool run_replication(const std::shared_ptr<const Model>& model, std::uint64_t seed, const std::vector<MetricDef>& metrics,
                     const scoring::Rubric* rubric, std::vector<double>& values) {
  Replicator replicator(model, metrics, rubric);
  return replicator.run(seed, values);
}

// After every slice: the first moment each started procedure's goal holds.
void Replicator::watch_goals() {
  const std::vector<Ix>& started = policy_->started_order();
  for (; started_seen_ < started.size(); ++started_seen_) unresolved_.push_back(started[started_seen_]);
  std::size_t kept = 0;
  for (Ix p : unresolved_) {
    if (goals_[p].holds(*drill_, no_ix, 0, policy_->first_started(p))) resolved_[p] = drill_->now();
    else unresolved_[kept++] = p;
  }
  unresolved_.resize(kept);
}

bool Replicator::run(std::uint64_t seed, std::vector<double>& values) {
  const Model& m = *model_;
  const std::vector<MetricDef>& metrics = metrics_;
  scoring::OnlineScorer* scorer = scorer_.get();
  if (!drill_) {
    DrillOptions options;
    options.seed = seed;
    options.seed_given = true;
    options.journal = false;  // scoring watches the run as it happens (scoring/score_online.hpp)
    drill_ = std::make_unique<Drill>(model_, options);
    policy_ = std::make_unique<PlanPolicy>(m);
  } else {
    drill_->restart(seed);
    policy_->restart();
  }
  Drill& drill = *drill_;
  PlanPolicy& policy = *policy_;
  if (scorer) scorer->watch(drill, true);  // slices reported below: the plan is walked during the run
  resolved_.assign(m.plan.procedures.size(), never);
  for (CachedCondition& goal : goals_) goal.invalidate();
  unresolved_.clear();
  started_seen_ = 0;
  policy.act(drill);
  watch_goals();
  while (drill.step()) {
    if (scorer) scorer->on_slice(drill);
    policy.act(drill);
    watch_goals();
  }

  SimTime incident = never;
  for (Ix p = 0; p < m.plan.procedures.size(); ++p) incident = std::min(incident, policy.first_started(p));
  values.assign(metrics.size(), not_applicable);
  const WorldState& s = drill.truth();
  std::size_t i = 0;
  for (Ix b = 0; b < m.scenario.calendar.size(); ++b, ++i) {
    BusinessState st = s.business[b].state;
    values[i] = st == BusinessState::held || st == BusinessState::held_fallback || st == BusinessState::delayed;
  }
  for (Ix c : watched_) {
    SimTime down = drill.downtime(c);
    values[i++] = down == 0;
    values[i++] = static_cast<double>(down);
  }
  for (Ix p = 0; p < m.plan.procedures.size(); ++p) {
    const Procedure& proc = m.plan.procedures[p];
    if (proc.within <= 0) continue;
    SimTime start = policy.first_started(p);
    values[i++] = start == never ? not_applicable : (resolved_[p] != never && resolved_[p] - start <= proc.within);
  }
  if (m.plan.reporting.first_within > 0) {
    SimTime first = first_done(drill, report_actions_);
    values[i++] = incident == never ? not_applicable : (first != never && first - incident <= m.plan.reporting.first_within);
  }
  if (m.plan.grading.within > 0) {
    SimTime graded = first_done(drill, declare_actions_);
    values[i++] = incident == never ? not_applicable : (graded != never && graded - incident <= m.plan.grading.within);
  }
  values[i++] = s.data_lost;
  values[i++] = s.level == no_ix ? 0 : m.plan.levels[s.level].rank;
  if (scorer && i < metrics.size()) {
    scorer->finish(drill, *sheet_);  // judged in the room of the previous run's sheet
    values[i] = sheet_->overall.percent();
  }
  return scorer && !scorer->walked_live();
}

}  // namespace drillsim

// Scoring a journal: replay, walk, judge, tally. Names of kinds and verdicts; item titles.
#include "scoring/score.hpp"

#include <algorithm>

#include "scoring/score_internal.hpp"
#include "sim/world/describe.hpp"

namespace drillsim::scoring {

const char* item_kind_name(ItemKind kind) {
  switch (kind) {
    case ItemKind::step: return "step";
    case ItemKind::resolution: return "resolution";
    case ItemKind::first_report: return "first_report";
    case ItemKind::cycle_report: return "cycle_report";
    case ItemKind::summary_report: return "summary_report";
    case ItemKind::grading: return "grading";
    case ItemKind::over_grading: return "over_grading";
    case ItemKind::must_not: return "must_not";
    case ItemKind::must_first: return "must_first";
    case ItemKind::harmful: return "harmful";
    case ItemKind::needless: return "needless";
    case ItemKind::business: return "business";
    case ItemKind::data_lost: return "data_lost";
    case ItemKind::equipment_lost: return "equipment_lost";
    case ItemKind::downtime: return "downtime";
  }
  return "";
}

const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::done: return "done";
    case Verdict::late: return "late";
    case Verdict::wrong_post: return "wrong_post";
    case Verdict::out_of_order: return "out_of_order";
    case Verdict::partial: return "partial";
    case Verdict::missed: return "missed";
    case Verdict::open: return "open";
    case Verdict::violation: return "violation";
    case Verdict::needless: return "needless";
    case Verdict::wrong_level: return "wrong_level";
    case Verdict::lost: return "lost";
  }
  return "";
}

Text verdict_text(Verdict v) {
  switch (v) {
    case Verdict::done: return {"完成", "done"};
    case Verdict::late: return {"超时", "late"};
    case Verdict::wrong_post: return {"岗位不符", "wrong post"};
    case Verdict::out_of_order: return {"顺序不符", "out of order"};
    case Verdict::partial: return {"部分完成", "partly done"};
    case Verdict::missed: return {"未完成", "missed"};
    case Verdict::open: return {"进行中", "open"};
    case Verdict::violation: return {"违规", "violation"};
    case Verdict::needless: return {"多余", "needless"};
    case Verdict::wrong_level: return {"定级错误", "wrong level"};
    case Verdict::lost: return {"损失", "lost"};
  }
  return {};
}

double Tally::percent() const {
  if (possible <= 0) return -1;
  return std::clamp((earned - penalty) / possible * 100.0, 0.0, 100.0);
}

bool score_journal(const std::shared_ptr<const Model>& model, const std::vector<JournalEntry>& journal,
                   const Rubric& rubric, ScoreSheet& out, std::string& error, const std::vector<Evaluation>& after) {
  const Model& m = *model;
  ScoreSheet s;
  detail::Observed observed;
  if (!detail::observe_journal(model, journal, observed, s.journal, error)) return false;
  detail::Walked walked;
  if (!detail::walk_plan(model, rubric, s.journal, observed, walked, s, error)) return false;
  const JournalEntry& first = s.journal.front();
  s.scenario_id = first.subject;
  s.seed = static_cast<std::uint64_t>(first.value);
  s.plan_id = m.plan.id;
  s.plan_version = m.plan.version;
  s.rubric_id = rubric.id;
  s.rubric_version = rubric.version;
  for (const JournalEntry& e : s.journal) {
    if (e.kind == EntryKind::level_reached) {
      Ix l = m.find_level(e.subject);
      if (l != no_ix) s.levels_reached.emplace_back(l, e.t);
    } else if (e.kind == EntryKind::note && !e.subject.empty()) {
      s.evaluations.push_back(Evaluation{e.t, e.actor, e.subject, e.result, e.text.zh});
    }
  }
  for (const Evaluation& e : after) s.evaluations.push_back(e);
  detail::SheetRoom room;
  detail::finish_sheet(m, rubric, observed, walked, s, true, room);
  out = std::move(s);
  return true;
}

namespace detail {

void finish_sheet(const Model& m, const Rubric& rubric, const Observed& observed, const Walked& walked, ScoreSheet& s,
                  bool texts, SheetRoom& room) {
  s.finished = observed.finished;
  s.end = observed.end;
  s.incident_start = walked.incident_start;
  s.procedures = walked.procedures;
  bool all_resolved = !s.procedures.empty();
  SimTime restored = -1;
  for (const ProcedureRun& r : s.procedures) {
    all_resolved = all_resolved && r.resolved != never;
    restored = std::max(restored, r.resolved);
  }
  if (all_resolved) s.restored = restored;
  judge(m, rubric, observed, walked, s, texts, room);
  tally(m, rubric, observed, s, room);
}

}  // namespace detail

std::string item_title(const Model& m, const Item& it, Lang lang) {
  const bool zh = lang == Lang::zh;
  auto action = [&](Ix a) { return a < m.catalog.actions.size() ? m.catalog.actions[a].name.in(lang) : std::string("?"); };
  switch (it.kind) {
    case ItemKind::step: {
      const Procedure& p = m.plan.procedures[it.procedure];
      const Step& s = p.steps[it.step];
      return (s.source.empty() ? p.id + " " + s.id : s.source) + (zh ? "：" : ": ") + s.text.in(lang);
    }
    case ItemKind::resolution: {
      const Procedure& p = m.plan.procedures[it.procedure];
      return p.name.in(lang) + (zh ? "：" + describe_duration(p.within, lang) + "内恢复"
                                   : ": resolved within " + describe_duration(p.within, lang));
    }
    case ItemKind::first_report: return zh ? "首次报告" : "First report";
    case ItemKind::cycle_report: return zh ? "续报" : "Cycle report";
    case ItemKind::summary_report: return zh ? "总结报告" : "Summary report";
    case ItemKind::grading: return (zh ? "宣布" : "Declare ") + m.plan.levels[it.level].name.in(lang);
    case ItemKind::over_grading: return (zh ? "宣布未达到的" : "Declared, never reached: ") + m.plan.levels[it.level].name.in(lang);
    case ItemKind::must_not:
    case ItemKind::must_first: return m.plan.rules[it.rule].text.in(lang);
    case ItemKind::harmful: return (zh ? "有害动作：" : "Harmful action: ") + action(it.action);
    case ItemKind::needless: return (zh ? "多余动作：" : "Needless action: ") + action(it.action);
    case ItemKind::business: return m.scenario.calendar[it.business].name.in(lang);
    case ItemKind::data_lost: return zh ? "数据丢失" : "Data lost";
    case ItemKind::equipment_lost: return m.platform.components[it.component].name.in(lang) + (zh ? "损毁" : " destroyed");
    case ItemKind::downtime:
      return m.platform.components[it.component].name.in(lang) + (zh ? "中断" : " down ") + describe_duration(it.late_by, lang);
  }
  return "";
}

}  // namespace drillsim::scoring

// Judging penalties: rules of conduct broken, harmful actions, actions nobody asked for, and the
// outcomes (business events, data, equipment, downtime) read from the drill's final state.
#include <algorithm>

#include <fmt/format.h>

#include "scoring/score_judge.hpp"

namespace drillsim::scoring::detail::judging {
namespace {

std::string violation_why(const Judging& j, const ConductRule& rule, const RunInfo& run, const Item& it, Lang lang) {
  const bool zh = lang == Lang::zh;
  const Model& m = j.m;
  std::string out = zh ? post_text(m, run.post, lang) + "于" + j.at(run.submitted) + "执行「" + action_text(m, run.action, lang) + "」"
                       : post_text(m, run.post, lang) + " did “" + action_text(m, run.action, lang) + "” at " + j.at(run.submitted);
  if (rule.kind == ConductRule::Kind::must_not && rule.unless_after != no_ix)
    out += zh ? "，而「" + action_text(m, rule.unless_after, lang) + "」尚未完成"
              : " before “" + action_text(m, rule.unless_after, lang) + "” was done";
  if (rule.kind == ConductRule::Kind::must_first) {
    std::vector<std::string> first;
    for (Ix f : rule.first) first.push_back(action_text(m, f, lang));
    out += zh ? "，须先完成「" + fmt::format("{}", fmt::join(first, "、")) + "」"
              : " before doing “" + fmt::format("{}", fmt::join(first, "”, “")) + "” first";
  }
  out += zh ? "。违反：" : ". Breaks: ";
  out += rule.text.in(lang);
  if (!rule.source.empty()) out += "（" + rule.source + "）";
  out += (zh ? "。扣 " : ". Minus ") + number(it.points);
  return out;
}

// Every rule of conduct broken; marks the runs judged so that they are not judged again as needless.
void violations(const Judging& j, std::vector<char>& judged) {
  for (const Violation& v : j.o.violations) {
    const ConductRule& rule = j.m.plan.rules[v.rule];
    const RunInfo& run = j.o.runs[v.run - 1];
    const bool must_not = rule.kind == ConductRule::Kind::must_not;
    judged[v.run] = 1;
    Item& it = j.add_item();
    it.kind = must_not ? ItemKind::must_not : ItemKind::must_first;
    it.verdict = Verdict::violation;
    it.penalty = true;
    it.rule = v.rule;
    it.action = run.action;
    it.post = run.post;
    it.actor = run.actor;
    it.at = run.submitted;
    it.runs.assign(1, v.run);
    it.accountable.assign(1, run.post);
    it.points = must_not ? j.r.penalties.must_not : j.r.penalties.must_first;
    j.key(it, must_not ? "penalties.must_not" : "penalties.must_first");
    it.why = j.text([&](Lang lang) { return violation_why(j, rule, run, it, lang); });
  }
}

// Actions the plan asked for: those of every step the walk reached, and the communications the
// reporting and grading rules judge. By action; reused by the next sheet judged on this thread.
const std::vector<char>& asked_actions(const Judging& j) {
  thread_local std::vector<char> asked;
  asked.assign(j.m.catalog.actions.size(), 0);
  for (const StepRecord& rec : j.w.steps)
    for (const ExpectedAction& ex : j.m.plan.procedures[rec.procedure].steps[rec.step].expect) asked[ex.action] = 1;
  for (Ix a = 0; a < j.m.catalog.actions.size(); ++a) {
    auto k = j.m.catalog.actions[a].comm.kind;
    if (k == Communication::Kind::report || k == Communication::Kind::summary_report ||
        k == Communication::Kind::declare_level)
      asked[a] = 1;
  }
  return asked;
}

// Harmful actions and actions nobody asked for, among the runs no rule of conduct judged.
void unasked(const Judging& j, const std::vector<char>& judged) {
  const std::vector<char>& asked = asked_actions(j);
  double needless_total = 0;
  for (std::uint32_t n = 1; n <= j.o.runs.size(); ++n) {
    const RunInfo& run = j.o.runs[n - 1];
    if (judged[n] || run.action == no_ix) continue;
    const ActionDef& def = j.m.catalog.actions[run.action];
    if (!def.harmful && asked[run.action]) continue;  // most runs: nothing to judge, no item built
    Item& it = j.add_item();
    it.penalty = true;
    it.action = run.action;
    it.post = run.post;
    it.actor = run.actor;
    it.at = run.submitted;
    it.runs.assign(1, n);
    it.accountable.assign(1, run.post);
    if (def.harmful) {
      it.kind = ItemKind::harmful;
      it.verdict = Verdict::violation;
      it.points = j.r.penalties.harmful;
      j.key(it, "penalties.harmful");
    } else {
      it.kind = ItemKind::needless;
      it.verdict = Verdict::needless;
      it.points = std::max(0.0, std::min(j.r.penalties.needless, j.r.penalties.needless_max - needless_total));
      needless_total += it.points;
      j.key(it, "penalties.needless (at most penalties.needless_max)");
    }
    it.why = j.text([&](Lang lang) {
      const bool zh = lang == Lang::zh;
      std::string out = zh ? post_text(j.m, run.post, lang) + "于" + j.at(run.submitted) + "执行「" + def.name.in(lang) + "」"
                           : post_text(j.m, run.post, lang) + " did “" + def.name.in(lang) + "” at " + j.at(run.submitted);
      if (it.kind == ItemKind::harmful)
        out += zh ? "：目录标明此动作有害" : ": the catalog marks it harmful";
      else
        out += zh ? "：预案在本次事件中没有要求此动作" : ": no step the incident called for asked for it";
      out += (zh ? "。扣 " : ". Minus ") + number(it.points);
      return out;
    });
  }
}

void business(const Judging& j, const BusinessResult& b) {
  const BusinessEvent& ev = j.m.scenario.calendar[b.event];
  Item& it = j.add_item();
  it.kind = ItemKind::business;
  it.business = b.event;
  it.penalty = true;
  it.due = ev.at;
  it.at = b.settled;
  if (b.state == BusinessState::missed) {
    it.verdict = Verdict::lost;
    it.points = j.r.penalties.business_missed;
    j.key(it, "penalties.business_missed");
  } else if (b.delay > 0) {
    it.verdict = Verdict::late;
    it.late = true;
    it.late_by = b.delay;
    double share = ev.grace > 0 ? std::min(1.0, static_cast<double>(b.delay) / static_cast<double>(ev.grace)) : 1.0;
    it.points = j.r.penalties.business_delayed * share;
    j.key(it, "penalties.business_delayed × delay / grace");
  } else {
    it.verdict = Verdict::done;
    j.key(it, "-");
  }
  it.why = j.text([&](Lang lang) {
    const bool zh = lang == Lang::zh;
    std::string out = zh ? ev.name.in(lang) + "（" + j.at(ev.at) + "）：" : ev.name.in(lang) + " (" + j.at(ev.at) + "): ";
    switch (b.state) {
      case BusinessState::held: out += zh ? "按时进行" : "held on time"; break;
      case BusinessState::held_fallback: out += zh ? "按备用方案进行" : "held by the fallback"; break;
      case BusinessState::delayed: out += zh ? "延迟进行" : "held late"; break;
      case BusinessState::missed: out += zh ? "未能进行" : "missed"; break;
      default: break;
    }
    if (b.delay > 0) out += zh ? "，延迟" + j.dur(b.delay, lang) : ", " + j.dur(b.delay, lang) + " late";
    if (it.points > 0) out += (zh ? "。扣 " : ". Minus ") + number(it.points);
    return out;
  });
}

// A penalty for something lost: data, a destroyed component, a business component's downtime.
Item& loss(const Judging& j, ItemKind kind, double points, const char* rule_key) {
  Item& it = j.add_item();
  it.kind = kind;
  it.verdict = Verdict::lost;
  it.penalty = true;
  it.points = points;
  j.key(it, rule_key);
  return it;
}

}  // namespace

void judge_conduct(const Judging& j) {
  thread_local std::vector<char> judged;  // by run number; reused by the next sheet on this thread
  judged.assign(j.o.runs.size() + 1, 0);
  violations(j, judged);
  unasked(j, judged);
}

void judge_outcomes(const Judging& j) {
  for (const BusinessResult& b : j.s.business)
    if (b.state != BusinessState::pending) business(j, b);
  if (j.s.data_lost) {
    Item& it = loss(j, ItemKind::data_lost, j.r.penalties.data_lost, "penalties.data_lost");
    it.why = j.text([&](Lang lang) {
      return lang == Lang::zh ? "数据丢失。扣 " + number(it.points) : "Data lost. Minus " + number(it.points);
    });
  }
  for (Ix c : j.s.equipment_lost) {
    Item& it = loss(j, ItemKind::equipment_lost, j.r.penalties.equipment_lost, "penalties.equipment_lost");
    it.component = c;
    it.why = j.text([&](Lang lang) {
      return j.m.platform.components[c].name.in(lang) + (lang == Lang::zh ? "损毁。扣 " : " destroyed. Minus ") +
             number(it.points);
    });
  }
  if (j.r.penalties.downtime_per_hour <= 0) return;
  for (const auto& [c, down] : j.s.downtime) {
    const auto& tags = j.m.platform.components[c].tags;
    if (std::find(tags.begin(), tags.end(), "business") == tags.end()) continue;
    Item& it = loss(j, ItemKind::downtime, j.r.penalties.downtime_per_hour * static_cast<double>(down) / 3600.0,
                    "penalties.downtime_per_hour × hours");
    it.component = c;
    it.late_by = down;
    it.why = j.text([&](Lang lang) {
      return j.m.platform.components[c].name.in(lang) + (lang == Lang::zh ? "中断" : " down ") + j.dur(down, lang) +
             (lang == Lang::zh ? "。扣 " : ". Minus ") + number(it.points);
    });
  }
}

}  // namespace drillsim::scoring::detail::judging

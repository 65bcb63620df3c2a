// Turning verdicts into improvement items.
#include "scoring/improvements.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "scoring/score_internal.hpp"
#include "sim/model/civil_date.hpp"

namespace drillsim::scoring {
namespace {

using detail::posts_text;
using detail::span_text;

}  // namespace

std::string add_days(const std::string& ymd, int days) {
  int y = 0;
  unsigned mo = 0, d = 0;
  if (ymd.size() != 10 || std::sscanf(ymd.c_str(), "%d-%u-%u", &y, &mo, &d) != 3 || mo < 1 || mo > 12 || d < 1 || d > 31)
    return {};
  return date_of_days(days_from_civil(y, mo, d) + days);
}

std::vector<Improvement> improvements_of(const Model& m, const ScoreSheet& sheet, const Rubric& rubric,
                                         const std::string& drill_date) {
  std::vector<Improvement> out;
  const std::string due = add_days(drill_date, rubric.improvement_due_days);
  auto first_post = [&](const std::vector<Ix>& posts) {
    return posts.empty() ? std::string() : m.organisation.posts[posts.front()].id;
  };
  // Outcomes belong to whoever grades the incident (the leadership), else the first responsible post.
  std::string command_post = first_post(m.plan.grading.by);
  if (command_post.empty() && !m.plan.levels.empty()) command_post = first_post(m.plan.levels.front().declared_by);
  // Missed steps make one item per procedure: rehearse it; the other step faults one item each.
  // (One per run of a procedure: a repeatable one runs once per incident.)
  std::vector<std::vector<const Item*>> missed(sheet.procedures.size());
  for (const Item& it : sheet.items)
    if (it.kind == ItemKind::step && (it.verdict == Verdict::missed || it.verdict == Verdict::partial) &&
        it.procedure_run < missed.size())
      missed[it.procedure_run].push_back(&it);
  std::vector<char> missed_done(sheet.procedures.size(), 0);
  // A finding's key names the run by its start when a procedure ran more than once.
  auto run_key = [&](const Item& it) {
    std::size_t runs = 0;
    for (const ProcedureRun& r : sheet.procedures) runs += r.procedure == it.procedure;
    return runs > 1 && it.procedure_run < sheet.procedures.size() ? "@" + std::to_string(sheet.procedures[it.procedure_run].started)
                                                                 : std::string();
  };
  for (const Item& it : sheet.items) {
    if (it.kind == ItemKind::step && (it.verdict == Verdict::missed || it.verdict == Verdict::partial) &&
        it.procedure_run < missed.size()) {
      if (missed_done[it.procedure_run]) continue;
      missed_done[it.procedure_run] = 1;
      const Procedure& proc = m.plan.procedures[it.procedure];
      const auto& steps = missed[it.procedure_run];
      // The post with the most missed steps answers for the rehearsal.
      std::vector<int> count(m.organisation.posts.size(), 0);
      std::vector<Ix> posts;
      for (const Item* s : steps)
        for (Ix p : s->accountable) {
          if (!count[p]++) posts.push_back(p);
        }
      Ix lead = no_ix;
      for (Ix p : posts)
        if (lead == no_ix || count[p] > count[lead]) lead = p;
      Improvement imp;
      imp.kind = ItemKind::step;
      imp.due = due;
      imp.source = "missed:" + proc.id + run_key(it);
      imp.post = lead == no_ix ? std::string() : m.organisation.posts[lead].id;
      auto list = [&](Lang lang) {
        std::string out;
        for (const Item* s : steps) {
          const Step& st = proc.steps[s->step];
          out += (out.empty() ? "" : (lang == Lang::zh ? "；" : "; ")) + (st.source.empty() ? st.id : st.source) +
                 (lang == Lang::zh ? "「" : " “") + st.text.in(lang) + (lang == Lang::zh ? "」" : "”") +
                 (s->verdict == Verdict::partial ? (lang == Lang::zh ? "（部分完成）" : " (partly done)") : "");
        }
        return out;
      };
      imp.finding = Text{fmt::format("{}：{} 个步骤未完成：{}", proc.name.zh, steps.size(), list(Lang::zh)),
                         fmt::format("{}: {} step(s) not done: {}", proc.name.en.empty() ? proc.name.zh : proc.name.en, steps.size(),
                                     list(Lang::en))};
      imp.action = Text{"组织" + posts_text(m, posts, Lang::zh) + "学习并复盘演练" + proc.name.zh + "（" + proc.source +
                            "），逐步明确触发条件、负责岗位和所需的账号、工具与联系方式",
                        "Have " + posts_text(m, posts, Lang::en) + " study and rehearse " + proc.name.in(Lang::en) + " (" +
                            proc.source + "): for each step, when it applies, who does it, and the accounts, tools and contacts it needs"};
      out.push_back(std::move(imp));
      continue;
    }
    Improvement imp;
    imp.kind = it.kind;
    imp.due = due;
    imp.finding = Text{item_title(m, it, Lang::zh) + "：" + it.why.zh, item_title(m, it, Lang::en) + ": " + it.why.en};
    imp.post = first_post(it.accountable);
    auto text = [&](auto f) { imp.action = Text{f(Lang::zh), f(Lang::en)}; };
    switch (it.kind) {
      case ItemKind::step: {
        if (it.verdict == Verdict::done || it.verdict == Verdict::open) continue;
        const Procedure& proc = m.plan.procedures[it.procedure];
        const Step& step = proc.steps[it.step];
        imp.source = "step:" + proc.id + "/" + step.id + run_key(it);
        const std::string source = step.source.empty() ? proc.id + " " + step.id : step.source;
        text([&](Lang lang) {
          const bool zh = lang == Lang::zh;
          const std::string who = posts_text(m, step.responsible, lang);
          switch (it.verdict) {
            case Verdict::late:
              return zh ? who + "压缩" + source + "的处置时间（本次迟" + span_text(it.late_by, lang) + "）：预先准备联系方式、账号和工具，必要时与其他步骤并行"
                        : who + " to do " + source + " faster (" + span_text(it.late_by, lang) + " late this time): prepare contacts, accounts and tools beforehand, run it in parallel where the plan allows";
            case Verdict::wrong_post:
              return zh ? "明确岗位职责：" + source + "由" + who + "负责（本次由" + detail::post_text(m, it.post, lang) + "完成），在职责表和值班表中落实A/B角"
                        : "Make the duty clear: " + source + " belongs to " + who + " (done by " + detail::post_text(m, it.post, lang) + " this time); name the A/B holders in the duty roster";
            default:
              return zh ? who + "按预案顺序执行" + source + "：先完成前一步"
                        : who + " to follow the plan's order at " + source + ": finish the step before first";
          }
        });
        break;
      }
      case ItemKind::resolution: {
        if (it.verdict != Verdict::late && it.verdict != Verdict::missed) continue;
        const Procedure& proc = m.plan.procedures[it.procedure];
        imp.source = "resolution:" + proc.id + run_key(it);
        text([&](Lang lang) {
          return lang == Lang::zh
                     ? "评估" + proc.name.in(lang) + "在" + span_text(proc.within, lang) + "内恢复的可行性（备件、备份、厂商响应时间），必要时修订预案的恢复手段或时限"
                     : "Check whether " + proc.name.in(lang) + " can be resolved within " + span_text(proc.within, lang) +
                           " (spares, backups, vendor response); revise the plan's means or limit if not";
        });
        break;
      }
      case ItemKind::first_report:
      case ItemKind::cycle_report:
      case ItemKind::summary_report: {
        if (it.verdict == Verdict::done || it.verdict == Verdict::open) continue;
        imp.source = std::string(item_kind_name(it.kind)) + ":" + std::to_string(it.due);
        const ReportingRule& rule = m.plan.reporting;
        text([&](Lang lang) {
          const bool zh = lang == Lang::zh;
          std::string to = posts_text(m, rule.to_posts, lang);
          if (it.kind == ItemKind::first_report)
            return zh ? "落实首报制度：事件发生后" + span_text(rule.first_within, lang) + "内向" + to + "报告（" + rule.source + "）"
                      : "First report within " + span_text(rule.first_within, lang) + " of the incident to " + to + " (" + rule.source + ")";
          if (it.kind == ItemKind::cycle_report)
            return zh ? "恢复前至少每" + span_text(rule.cycle, lang) + "续报一次（" + rule.source + "）"
                      : "Report at least every " + span_text(rule.cycle, lang) + " until restored (" + rule.source + ")";
          return zh ? "恢复后" + span_text(rule.summary_within, lang) + "内提交总结报告（" + rule.source + "）"
                    : "Summary report within " + span_text(rule.summary_within, lang) + " of restoration (" + rule.source + ")";
        });
        break;
      }
      case ItemKind::grading:
      case ItemKind::over_grading: {
        if (it.verdict == Verdict::done || it.verdict == Verdict::open) continue;
        imp.source = std::string(item_kind_name(it.kind)) + ":" + m.plan.levels[it.level].id;
        text([&](Lang lang) {
          const bool zh = lang == Lang::zh;
          const std::string level = m.plan.levels[it.level].name.in(lang);
          if (it.kind == ItemKind::over_grading)
            return zh ? "对照预案分级标准定级（" + level + "的条件未成立），避免误判" : "Grade against the plan's criteria (" + level + " was never met)";
          return zh ? "由" + posts_text(m, it.accountable, lang) + "在" + level + "条件成立时及时宣布响应级别（" + m.plan.levels[it.level].source + "）"
                    : posts_text(m, it.accountable, lang) + " to declare " + level + " as soon as its condition holds (" + m.plan.levels[it.level].source + ")";
        });
        break;
      }
      case ItemKind::must_not:
      case ItemKind::must_first: {
        const ConductRule& rule = m.plan.rules[it.rule];
        imp.source = "rule:" + rule.id + ":" + std::to_string(it.runs.empty() ? 0 : it.runs.front());
        text([&](Lang lang) {
          return (lang == Lang::zh ? "纪律培训：" : "Conduct training: ") + rule.text.in(lang) + (rule.source.empty() ? "" : "（" + rule.source + "）");
        });
        break;
      }
      case ItemKind::harmful:
        imp.source = "harmful:" + std::to_string(it.runs.empty() ? 0 : it.runs.front());
        text([&](Lang lang) {
          const std::string a = m.catalog.actions[it.action].name.in(lang);
          return lang == Lang::zh ? "说明「" + a + "」的危害并纳入培训，处置中不得采用" : "Explain why “" + a + "” does harm and train not to do it";
        });
        break;
      case ItemKind::business: {
        if (it.verdict == Verdict::done) continue;
        const BusinessEvent& ev = m.scenario.calendar[it.business];
        imp.source = "business:" + ev.id;
        imp.post = command_post;
        text([&](Lang lang) {
          return lang == Lang::zh ? "复盘" + ev.name.in(lang) + "受影响的原因，提前落实备用方案（如金融机构提供保函文件、调整开标时间）及其启动时机"
                                  : "Review why " + ev.name.in(lang) + " was affected; settle the fallback and when to start it beforehand";
        });
        break;
      }
      case ItemKind::data_lost:
      case ItemKind::equipment_lost:
        imp.source = std::string(item_kind_name(it.kind)) + (it.component != no_ix ? ":" + m.platform.components[it.component].id : "");
        imp.post = command_post;
        text([&](Lang lang) {
          return lang == Lang::zh ? "检查备份策略、异地备份和机房防护，确认抢救顺序" : "Check the backup policy, off-site copies and the machine room's protection; settle the rescue order";
        });
        break;
      default: continue;  // needless actions and downtime: shown in the report, no item of their own
    }
    out.push_back(std::move(imp));
  }
  return out;
}

}  // namespace drillsim::scoring

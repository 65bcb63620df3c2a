// CSV exports of the journal and the verdicts: UTF-8 with BOM, RFC 4180 quoting, CRLF line ends.
#include <fmt/format.h>

#include "scoring/report.hpp"
#include "sim/world/timeline.hpp"

namespace drillsim::scoring {
namespace {

constexpr const char* bom = "\xEF\xBB\xBF";

std::string row(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
  return out + "\r\n";
}

std::string num(double v) { return fmt::format("{:.2f}", v); }

}  // namespace

std::string csv_field(const std::string& v) {
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string journal_csv(const Model& m, const std::vector<JournalEntry>& journal, Lang lang) {
  const bool zh = lang == Lang::zh;
  std::string out = bom;
  out += row(zh ? std::vector<std::string>{"序号", "秒", "时间", "类型", "仅导调可见", "岗位", "人员", "动作", "目标", "对象", "结果",
                                           "内容", "来源", "数值", "提交号", "时间线"}
                : std::vector<std::string>{"seq", "t", "clock", "kind", "truth_only", "post", "actor", "action", "target", "subject",
                                           "result", "text", "from", "value", "run", "timeline"});
  for (std::size_t i = 0; i < journal.size(); ++i) {
    const JournalEntry& e = journal[i];
    out += row({std::to_string(i + 1), std::to_string(e.t), clock_text(m.scenario, e.t), entry_kind_name(e.kind),
                e.truth_only ? "1" : "0", e.post, e.actor, e.action, e.target, e.subject, e.result, e.text.in(lang),
                e.from.in(lang), std::to_string(e.value), e.run ? std::to_string(e.run) : "", render_entry(m, e, lang)});
  }
  return out;
}

std::string verdicts_csv(const Model& m, const ScoreSheet& s, Lang lang) {
  const bool zh = lang == Lang::zh;
  std::string out = bom;
  out += row(zh ? std::vector<std::string>{"序号", "类别", "评判", "项目", "程序", "步骤", "负责岗位", "执行岗位", "人员", "应开始", "期限",
                                           "完成", "超时秒", "得分", "满分", "扣分", "规则", "说明", "演练目标"}
                : std::vector<std::string>{"seq", "kind", "verdict", "item", "procedure", "step", "accountable", "done_by", "actor",
                                           "reached", "due", "at", "late_by_s", "points", "max_points", "penalty", "rule", "why",
                                           "objectives"});
  auto clock = [&](SimTime t) { return t == never ? std::string() : clock_text(m.scenario, t); };
  for (std::size_t i = 0; i < s.items.size(); ++i) {
    const Item& it = s.items[i];
    std::string accountable, objectives;
    for (Ix p : it.accountable) accountable += (accountable.empty() ? "" : ";") + m.organisation.posts[p].id;
    for (Ix o : it.objectives) objectives += (objectives.empty() ? "" : ";") + m.scenario.objectives[o].id;
    out += row({std::to_string(i + 1), item_kind_name(it.kind), verdict_text(it.verdict).in(lang), item_title(m, it, lang),
                it.procedure != no_ix ? m.plan.procedures[it.procedure].id : "",
                it.step != no_ix ? m.plan.procedures[it.procedure].steps[it.step].id : "", accountable,
                it.post != no_ix ? m.organisation.posts[it.post].id : "", it.actor, clock(it.reached), clock(it.due), clock(it.at),
                std::to_string(it.late_by), it.penalty ? "" : num(it.points), it.penalty ? "" : num(it.max_points),
                it.penalty ? num(it.points) : "", it.rule_key, it.why.in(lang), objectives});
  }
  return out;
}

}  // namespace drillsim::scoring

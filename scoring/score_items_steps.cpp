// Judging the plan's own items: every expected step the walk reached (its verdict from the actions
// picked as its evidence) and each procedure's resolution against its `within`.
#include <algorithm>

#include <fmt/format.h>

#include "scoring/score_judge.hpp"

namespace drillsim::scoring::detail::judging {
namespace {

const char* business_kind_zh(const std::string& kind) {
  struct K {
    const char* id;
    const char* zh;
  };
  static const K kinds[] = {{"bid_opening", "开标"},     {"bid_deadline", "截标"},
                            {"decryption_deadline", "解密截止"}, {"decryption", "解密"},
                            {"evaluation", "评标"},      {"land_auction", "土地拍卖"},
                            {"property_auction", "产权拍卖"}, {"deposit", "保证金业务"}};
  for (const K& k : kinds)
    if (kind == k.id) return k.zh;
  return nullptr;
}

std::string business_kind(const std::string& kind, Lang lang) {
  const char* zh = business_kind_zh(kind);
  if (lang == Lang::zh && zh) return zh;
  std::string en = kind;
  std::replace(en.begin(), en.end(), '_', ' ');
  return en;
}

std::string due_reason(const Step& step, Lang lang) {
  std::vector<std::string> parts;
  if (step.within > 0)
    parts.push_back(lang == Lang::zh ? "程序启动后" + Judging::dur(step.within, lang) + "内"
                                     : "within " + Judging::dur(step.within, lang) + " of the procedure's start");
  if (!step.before_business.empty())
    parts.push_back(lang == Lang::zh ? "下一场" + business_kind(step.before_business, lang) + "前"
                                     : "before the next " + business_kind(step.before_business, lang));
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : (lang == Lang::zh ? "；" : "; ")) + p;
  return out;
}

// The walk records steps in the order it reached them, procedure runs interleaved; the sheet groups
// them by run in the order the drill called for the runs, each run's steps in the order of its path.
// A counting sort by run: stable and linear. Its two vectors are reused by the next sheet judged on
// this thread (Monte Carlo judges one per replication).
const std::vector<std::uint32_t>& grouped_by_run(const std::vector<StepRecord>& steps) {
  thread_local std::vector<std::uint32_t> next, order;
  std::size_t runs = 0;
  for (const StepRecord& rec : steps) runs = std::max(runs, rec.instance + 1);
  next.assign(runs + 1, 0);  // where each run's steps go
  for (const StepRecord& rec : steps) ++next[rec.instance + 1];
  for (std::size_t r = 1; r <= runs; ++r) next[r] += next[r - 1];
  order.resize(steps.size());
  for (std::uint32_t i = 0; i < steps.size(); ++i) order[next[steps[i].instance]++] = i;
  return order;
}

// What the picked completions of one step add up to.
struct Evidence {
  std::size_t done = 0;          // expected actions done
  SimTime last = -1;             // when the last of them was done
  const Completion* main = nullptr;  // the one named as the step's evidence (post, actor)
};

Evidence gather(const Judging& j, const StepRecord& rec, const Step& step, Item& it) {
  Evidence e;
  const std::size_t picked = static_cast<std::size_t>(
      std::count_if(rec.picks.begin(), rec.picks.end(), [](int k) { return k >= 0; }));
  it.runs.reserve(picked);
  for (int pick : rec.picks) {
    if (pick < 0) continue;
    const Completion& c = j.o.completions[static_cast<std::size_t>(pick)];
    ++e.done;
    it.runs.push_back(c.run);
    e.last = std::max(e.last, c.t);
    if (rec.due != never && c.t > rec.due) it.late = true;
    if (c.t < rec.last_done_before) it.out_of_order = true;
    bool wrong = wrong_post(j.m, c, step);
    if (wrong) it.wrong_post = true;
    if (!e.main || wrong || (!it.wrong_post && c.t >= e.main->t)) e.main = &c;
  }
  return e;
}

// The credit a step earns (a share of steps.points) and its verdict, from its evidence.
double credit_and_verdict(const Judging& j, const StepRecord& rec, const Evidence& e, Item& it) {
  const Credit& cr = j.r.step_credit;
  if (e.done == 0) {
    it.verdict = rec.open ? Verdict::open : Verdict::missed;
    it.late = it.wrong_post = it.out_of_order = false;
    return 0;
  }
  if (e.done < rec.picks.size()) {
    it.verdict = rec.open ? Verdict::open : Verdict::partial;
    it.late = it.wrong_post = it.out_of_order = false;
    return rec.open ? 0 : cr.partial;
  }
  double credit = 1;  // multiplied in this order: the points are compared bit for bit
  it.at = e.last;
  if (it.late) {
    it.late_by = e.last - rec.due;
    credit *= cr.late;
  }
  if (it.wrong_post) credit *= cr.wrong_post;
  if (it.out_of_order) credit *= cr.out_of_order;
  it.verdict = it.late           ? Verdict::late
               : it.wrong_post   ? Verdict::wrong_post
               : it.out_of_order ? Verdict::out_of_order
                                 : Verdict::done;
  return credit;
}

std::string step_rule_key(const StepRecord& rec, const Evidence& e, const Item& it) {
  std::string rule = "steps.points";
  if (e.done == 0) return rule + (rec.open ? " × 0 (open)" : " × 0 (missed)");
  if (e.done < rec.picks.size()) return rule + (rec.open ? " × 0 (open)" : " × steps.credit.partial");
  if (it.late) rule += " × steps.credit.late";
  if (it.wrong_post) rule += " × steps.credit.wrong_post";
  if (it.out_of_order) rule += " × steps.credit.out_of_order";
  return rule;
}

std::string step_why(const Judging& j, const StepRecord& rec, const Step& step, const Evidence& e, const Item& it,
                     double credit, Lang lang) {
  const bool zh = lang == Lang::zh;
  std::string who = posts_text(j.m, step.responsible, lang);
  std::string out;
  if (!who.empty()) out += zh ? "应由" + who + "负责" : "for " + who;
  if (rec.due != never)
    out += (out.empty() ? "" : (zh ? "，" : ", ")) + (zh ? "限" + j.at(rec.due) + "前（" : "by " + j.at(rec.due) + " (") +
           due_reason(step, lang) + (zh ? "）" : ")");
  out += zh ? "。" : ". ";
  if (e.done == 0) {
    out += rec.open ? (zh ? "尚未完成（演练进行中）" : "Not done yet (the drill is running)") : (zh ? "未完成" : "Not done");
  } else if (e.done < rec.picks.size()) {
    std::vector<std::string> missing;
    for (std::size_t k = 0; k < rec.picks.size(); ++k)
      if (rec.picks[k] < 0)
        missing.push_back(zh ? "「" + action_text(j.m, step.expect[k].action, lang) + "」"
                             : "“" + action_text(j.m, step.expect[k].action, lang) + "”");
    out += zh ? "只完成了一部分，未做：" + fmt::format("{}", fmt::join(missing, "、"))
              : "Only partly done; not done: " + fmt::format("{}", fmt::join(missing, ", "));
  } else {
    out += zh ? post_text(j.m, e.main->post, lang) + "于" + j.at(e.last) + "完成"
              : "Done by " + post_text(j.m, e.main->post, lang) + " at " + j.at(e.last);
    if (it.late) out += zh ? "，迟" + j.dur(it.late_by, lang) : ", " + j.dur(it.late_by, lang) + " late";
    if (it.wrong_post) out += zh ? "，非负责岗位（应由" + who + "完成）" : ", not by a responsible post (" + who + ")";
    if (it.out_of_order)
      out += zh ? "，早于前一步（" + j.at(rec.last_done_before) + "完成）"
                : ", before the step ahead of it (done at " + j.at(rec.last_done_before) + ")";
  }
  out += zh ? "。得分 " : ". Points ";
  out += number(j.r.step_points) + " × " + number(credit) + " = " + number(it.points);
  return out;
}

void judge_step(const Judging& j, const StepRecord& rec) {
  const Step& step = j.m.plan.procedures[rec.procedure].steps[rec.step];
  Item& it = j.add_item();
  it.kind = ItemKind::step;
  it.procedure = rec.procedure;
  it.procedure_run = rec.instance;
  it.step = rec.step;
  it.accountable = step.responsible.empty() ? step.cooperating : step.responsible;
  it.reached = rec.reached;
  it.due = rec.due;
  it.max_points = j.r.step_points;
  const Evidence e = gather(j, rec, step, it);
  const double credit = credit_and_verdict(j, rec, e, it);
  if (e.main) {
    it.post = e.main->post;
    it.actor = j.o.runs[e.main->run - 1].actor;
  }
  it.points = j.r.step_points * credit;
  if (!j.texts) return;
  it.rule_key = step_rule_key(rec, e, it);
  it.why = both([&](Lang lang) { return step_why(j, rec, step, e, it, credit, lang); });
}

std::string resolution_why(const Judging& j, const ProcedureRun& run, const Procedure& proc, const Item& it, Lang lang) {
  const bool zh = lang == Lang::zh;
  std::string out = zh ? "程序于" + j.at(run.started) + "启动，限" + j.dur(proc.within, lang) + "内（" + j.at(it.due) + "前）恢复。"
                       : "Started at " + j.at(run.started) + "; to be resolved within " + j.dur(proc.within, lang) +
                             " (by " + j.at(it.due) + "). ";
  switch (it.verdict) {
    case Verdict::done: out += zh ? "于" + j.at(run.resolved) + "恢复。" : "Resolved at " + j.at(run.resolved) + "."; break;
    case Verdict::late:
      out += zh ? "于" + j.at(run.resolved) + "恢复，超时" + j.dur(it.late_by, lang) + "。扣 " + number(it.points)
                : "Resolved at " + j.at(run.resolved) + ", " + j.dur(it.late_by, lang) + " late. Minus " + number(it.points);
      break;
    case Verdict::missed:
      out += zh ? "期限已过仍未恢复。扣 " + number(it.points) : "Not resolved when the limit passed. Minus " + number(it.points);
      break;
    default: out += zh ? "尚未到期限。" : "The limit has not come yet."; break;
  }
  return out;
}

}  // namespace

void judge_steps(const Judging& j) {
  // Grouped by procedure run, in the order the drill called for them; each in the order of its path.
  for (std::uint32_t i : grouped_by_run(j.w.steps)) judge_step(j, j.w.steps[i]);
}

void judge_resolutions(const Judging& j) {
  for (std::size_t r = 0; r < j.s.procedures.size(); ++r) {
    const ProcedureRun& run = j.s.procedures[r];
    const Procedure& proc = j.m.plan.procedures[run.procedure];
    if (proc.within <= 0) continue;
    Item& it = j.add_item();
    it.kind = ItemKind::resolution;
    it.procedure = run.procedure;
    it.procedure_run = r;
    it.penalty = true;
    it.reached = run.started;
    it.due = run.started + proc.within;
    for (const Step& step : proc.steps)
      for (Ix p : step.responsible)
        if (!contains(it.accountable, p)) it.accountable.push_back(p);
    if (run.resolved != never && run.resolved <= it.due) {
      it.verdict = Verdict::done;
      it.at = run.resolved;
      j.key(it, "-");
    } else if (run.resolved != never) {
      it.verdict = Verdict::late;
      it.late = true;
      it.at = run.resolved;
      it.late_by = run.resolved - it.due;
      it.points = j.r.penalties.resolved_late;
      j.key(it, "penalties.resolved_late");
    } else if (it.due <= j.o.end) {
      it.verdict = Verdict::missed;
      it.points = j.r.penalties.unresolved;
      j.key(it, "penalties.unresolved");
    } else {
      it.verdict = Verdict::open;
      j.key(it, "-");
    }
    it.why = j.text([&](Lang lang) { return resolution_why(j, run, proc, it, lang); });
  }
}

}  // namespace drillsim::scoring::detail::judging

// Judging: every item of a score sheet, with its verdict, its points and why.
//
// Sections
//   steps          the expected steps the walk found
//   procedures     resolution within the procedure's limit
//   reporting      first report, report cycle, summary report
//   grading        true levels declared, levels declared that were never reached
//   conduct        rules of conduct, harmful and needless actions
//   outcomes       business events, data, equipment, downtime
//   objectives     which items count towards which exercise objective
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "scoring/score_internal.hpp"
#include "sim/world/describe.hpp"
#include "sim/world/timeline.hpp"

namespace drillsim::scoring::detail {

bool contains(const std::vector<Ix>& v, Ix x) { return std::find(v.begin(), v.end(), x) != v.end(); }

std::string clock(const Model& model, SimTime t) { return clock_text(model.scenario, t); }

std::string posts_text(const Model& model, const std::vector<Ix>& posts, Lang lang) {
  return describe_posts(model, posts, lang);
}

std::string span_text(SimTime s, Lang lang) {
  const bool zh = lang == Lang::zh;
  SimTime h = s / 3600, m = s / 60 % 60, sec = s % 60;
  std::string out;
  if (h) out += std::to_string(h) + (zh ? "小时" : " h");
  if (m) out += (out.empty() || zh ? "" : " ") + std::to_string(m) + (zh ? "分" : " min");
  if (sec || out.empty()) out += (out.empty() || zh ? "" : " ") + std::to_string(sec) + (zh ? "秒" : " s");
  if (zh && !sec && m && !h) out += "钟";
  return out;
}

std::string post_text(const Model& model, Ix post, Lang lang) {
  return post < model.organisation.posts.size() ? model.organisation.posts[post].name.in(lang) : "?";
}

namespace {

std::string action_text(const Model& m, Ix a, Lang lang) {
  return a < m.catalog.actions.size() ? m.catalog.actions[a].name.in(lang) : "?";
}

std::string number(double v) {
  std::string s = fmt::format("{:.2f}", v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

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

// Both languages at once: f(Lang) -> std::string.
template <class F>
Text both(F f) {
  return Text{f(Lang::zh), f(Lang::en)};
}

class Judge {
 public:
  Judge(const Model& m, const Rubric& r, const Observed& o, const Walked& w, ScoreSheet& s, bool texts)
      : m_(m), r_(r), o_(o), w_(w), s_(s), texts_(texts) {}

  void run() {
    steps();
    procedures();
    reporting();
    grading();
    conduct();
    outcomes();
    objectives();
  }

 private:
  const Model& m_;
  const Rubric& r_;
  const Observed& o_;
  const Walked& w_;
  ScoreSheet& s_;
  bool texts_;

  // An item's explanation in both languages, when texts are wanted.
  template <class F>
  Text text(F f) const {
    return texts_ ? both(f) : Text{};
  }

  std::string at(SimTime t) const { return clock(m_, t); }
  std::string dur(SimTime t, Lang lang) const { return span_text(t, lang); }

  // ---- steps ---------------------------------------------------------------------------------

  std::string due_reason(const Step& step, Lang lang) const {
    std::vector<std::string> parts;
    if (step.within > 0)
      parts.push_back(lang == Lang::zh ? "程序启动后" + dur(step.within, lang) + "内"
                                       : "within " + dur(step.within, lang) + " of the procedure's start");
    if (!step.before_business.empty())
      parts.push_back(lang == Lang::zh ? "下一场" + business_kind(step.before_business, lang) + "前"
                                       : "before the next " + business_kind(step.before_business, lang));
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : (lang == Lang::zh ? "；" : "; ")) + p;
    return out;
  }

  void steps() {
    // Grouped by procedure, in the order the drill called for them; each in the order of its path.
    std::vector<const StepRecord*> order;
    for (const StepRecord& rec : w_.steps) order.push_back(&rec);
    std::stable_sort(order.begin(), order.end(),
                     [](const StepRecord* a, const StepRecord* b) { return a->instance < b->instance; });
    for (const StepRecord* r : order) {
      const StepRecord& rec = *r;
      const Procedure& proc = m_.plan.procedures[rec.procedure];
      const Step& step = proc.steps[rec.step];
      Item it;
      it.kind = ItemKind::step;
      it.procedure = rec.procedure;
      it.procedure_run = rec.instance;
      it.step = rec.step;
      it.accountable = step.responsible.empty() ? step.cooperating : step.responsible;
      it.reached = rec.reached;
      it.due = rec.due;
      it.max_points = r_.step_points;
      std::size_t done = 0;
      SimTime last = -1;
      const Completion* main = nullptr;
      std::vector<std::string> missing_zh, missing_en;
      for (std::size_t k = 0; k < rec.picks.size(); ++k) {
        if (rec.picks[k] < 0) {
          if (!texts_) continue;
          missing_zh.push_back("「" + action_text(m_, step.expect[k].action, Lang::zh) + "」");
          missing_en.push_back("“" + action_text(m_, step.expect[k].action, Lang::en) + "”");
          continue;
        }
        const Completion& c = o_.completions[static_cast<std::size_t>(rec.picks[k])];
        ++done;
        it.runs.push_back(c.run);
        last = std::max(last, c.t);
        if (rec.due != never && c.t > rec.due) it.late = true;
        if (c.t < rec.last_done_before) it.out_of_order = true;
        bool wrong = wrong_post(m_, c, step);
        if (wrong) it.wrong_post = true;
        if (!main || wrong || (!it.wrong_post && c.t >= main->t)) main = &c;
      }
      std::string rule = "steps.points";
      double credit = 1;
      if (done == 0) {
        it.verdict = rec.open ? Verdict::open : Verdict::missed;
        credit = 0;
        rule += rec.open ? " × 0 (open)" : " × 0 (missed)";
        it.late = it.wrong_post = it.out_of_order = false;
      } else if (done < rec.picks.size()) {
        it.verdict = rec.open ? Verdict::open : Verdict::partial;
        credit = rec.open ? 0 : r_.step_credit.partial;
        rule += rec.open ? " × 0 (open)" : " × steps.credit.partial";
        it.late = it.wrong_post = it.out_of_order = false;
      } else {
        it.at = last;
        if (it.late) {
          it.late_by = last - rec.due;
          credit *= r_.step_credit.late;
          rule += " × steps.credit.late";
        }
        if (it.wrong_post) {
          credit *= r_.step_credit.wrong_post;
          rule += " × steps.credit.wrong_post";
        }
        if (it.out_of_order) {
          credit *= r_.step_credit.out_of_order;
          rule += " × steps.credit.out_of_order";
        }
        it.verdict = it.late         ? Verdict::late
                     : it.wrong_post ? Verdict::wrong_post
                     : it.out_of_order ? Verdict::out_of_order
                                       : Verdict::done;
      }
      if (main) {
        it.post = main->post;
        it.actor = main->actor;
      }
      it.points = r_.step_points * credit;
      it.rule_key = rule;
      const Step* prev_step = &step;
      it.why = text([&](Lang lang) {
        const bool zh = lang == Lang::zh;
        std::string who = posts_text(m_, step.responsible, lang);
        std::string out;
        if (!who.empty()) out += zh ? "应由" + who + "负责" : "for " + who;
        if (rec.due != never)
          out += (out.empty() ? "" : (zh ? "，" : ", ")) + (zh ? "限" + at(rec.due) + "前（" : "by " + at(rec.due) + " (") +
                 due_reason(*prev_step, lang) + (zh ? "）" : ")");
        out += zh ? "。" : ". ";
        if (done == 0) {
          out += rec.open ? (zh ? "尚未完成（演练进行中）" : "Not done yet (the drill is running)")
                          : (zh ? "未完成" : "Not done");
        } else if (done < rec.picks.size()) {
          out += zh ? "只完成了一部分，未做：" + fmt::format("{}", fmt::join(missing_zh, "、"))
                    : "Only partly done; not done: " + fmt::format("{}", fmt::join(missing_en, ", "));
        } else {
          out += zh ? post_text(m_, main->post, lang) + "于" + at(last) + "完成"
                    : "Done by " + post_text(m_, main->post, lang) + " at " + at(last);
          if (it.late) out += zh ? "，迟" + dur(it.late_by, lang) : ", " + dur(it.late_by, lang) + " late";
          if (it.wrong_post)
            out += zh ? "，非负责岗位（应由" + who + "完成）" : ", not by a responsible post (" + who + ")";
          if (it.out_of_order)
            out += zh ? "，早于前一步（" + at(rec.last_done_before) + "完成）"
                      : ", before the step ahead of it (done at " + at(rec.last_done_before) + ")";
        }
        out += zh ? "。得分 " : ". Points ";
        out += number(r_.step_points) + " × " + number(credit) + " = " + number(it.points);
        return out;
      });
      s_.items.push_back(std::move(it));
    }
  }

  // ---- procedures ----------------------------------------------------------------------------

  void procedures() {
    for (std::size_t r = 0; r < s_.procedures.size(); ++r) {
      const ProcedureRun& run = s_.procedures[r];
      const Procedure& proc = m_.plan.procedures[run.procedure];
      if (proc.within <= 0) continue;
      Item it;
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
        it.rule_key = "-";
      } else if (run.resolved != never) {
        it.verdict = Verdict::late;
        it.late = true;
        it.at = run.resolved;
        it.late_by = run.resolved - it.due;
        it.points = r_.penalties.resolved_late;
        it.rule_key = "penalties.resolved_late";
      } else if (it.due <= o_.end) {
        it.verdict = Verdict::missed;
        it.points = r_.penalties.unresolved;
        it.rule_key = "penalties.unresolved";
      } else {
        it.verdict = Verdict::open;
        it.rule_key = "-";
      }
      it.why = text([&](Lang lang) {
        const bool zh = lang == Lang::zh;
        std::string out = zh ? "程序于" + at(run.started) + "启动，限" + dur(proc.within, lang) + "内（" + at(it.due) + "前）恢复。"
                             : "Started at " + at(run.started) + "; to be resolved within " + dur(proc.within, lang) +
                                   " (by " + at(it.due) + "). ";
        switch (it.verdict) {
          case Verdict::done: out += zh ? "于" + at(run.resolved) + "恢复。" : "Resolved at " + at(run.resolved) + "."; break;
          case Verdict::late:
            out += zh ? "于" + at(run.resolved) + "恢复，超时" + dur(it.late_by, lang) + "。扣 " + number(it.points)
                      : "Resolved at " + at(run.resolved) + ", " + dur(it.late_by, lang) + " late. Minus " + number(it.points);
            break;
          case Verdict::missed:
            out += zh ? "期限已过仍未恢复。扣 " + number(it.points) : "Not resolved when the limit passed. Minus " + number(it.points);
            break;
          default: out += zh ? "尚未到期限。" : "The limit has not come yet."; break;
        }
        return out;
      });
      s_.items.push_back(std::move(it));
    }
  }

  // ---- reporting -----------------------------------------------------------------------------

  using Comm = CommInfo;

  std::vector<Comm> comms(const char* kind) const {
    std::vector<Comm> out;
    for (const CommInfo& c : o_.comms)
      if (c.kind == kind) out.push_back(c);
    return out;
  }

  // The report reaches someone the rule names (a post, a group, a post of a named group, a group of a named post).
  bool reaches(const Comm& c, const ReportingRule& rule) const {
    if (rule.to_posts.empty() && rule.to_groups.empty()) return true;
    const Organisation& org = m_.organisation;
    for (const std::string& id : c.to) {
      for (Ix p : rule.to_posts) {
        if (org.posts[p].id == id) return true;
        if (org.posts[p].group != no_ix && org.groups[org.posts[p].group].id == id) return true;
      }
      for (Ix g : rule.to_groups) {
        if (org.groups[g].id == id) return true;
        Ix p = m_.find_post(id);
        if (p != no_ix && org.posts[p].group == g) return true;
      }
    }
    return false;
  }

  // Fills a reporting or grading item from the best of its candidates.
  void judge_comm(Item& it, const std::vector<const Comm*>& candidates, const std::vector<Ix>& by, const Credit& credit,
                  double points, const char* rubric_key) {
    it.max_points = points;
    const Comm* best = nullptr;
    double best_credit = -1;
    for (const Comm* c : candidates) {
      double cr = 1;
      if (it.due != never && c->t > it.due) cr *= credit.late;
      if (!by.empty() && !contains(by, c->post)) cr *= credit.wrong_post;
      if (cr > best_credit + 1e-12) {
        best = c;
        best_credit = cr;
      }
    }
    std::string rule = std::string(rubric_key) + ".points";
    if (!best) {
      bool overdue = it.due != never && it.due <= o_.end;
      it.verdict = (o_.finished || overdue) ? Verdict::missed : Verdict::open;
      it.rule_key = rule + " × 0";
      return;
    }
    it.at = best->t;
    it.post = best->post;
    it.actor = best->actor;
    it.runs = {best->run};
    double cr = 1;
    if (it.due != never && best->t > it.due) {
      it.late = true;
      it.late_by = best->t - it.due;
      cr *= credit.late;
      rule += std::string(" × ") + rubric_key + ".credit.late";
    }
    if (!by.empty() && !contains(by, best->post)) {
      it.wrong_post = true;
      cr *= credit.wrong_post;
      rule += std::string(" × ") + rubric_key + ".credit.wrong_post";
    }
    it.verdict = it.late ? Verdict::late : it.wrong_post ? Verdict::wrong_post : Verdict::done;
    it.points = points * cr;
    it.rule_key = rule;
  }

  Text comm_why(const Item& it, const std::vector<Ix>& by, const std::string& what_zh, const std::string& what_en) const {
    return text([&](Lang lang) {
      const bool zh = lang == Lang::zh;
      std::string out = zh ? what_zh : what_en;
      if (!by.empty()) out += zh ? "，由" + posts_text(m_, by, lang) + "报告" : ", by " + posts_text(m_, by, lang);
      if (it.due != never) out += zh ? "，限" + at(it.due) + "前" : ", due " + at(it.due);
      out += zh ? "。" : ". ";
      switch (it.verdict) {
        case Verdict::missed: out += zh ? "未报告" : "Not made"; break;
        case Verdict::open: out += zh ? "尚未报告（演练进行中）" : "Not made yet (the drill is running)"; break;
        default:
          out += zh ? post_text(m_, it.post, lang) + "于" + at(it.at) + "报告" : "Made by " + post_text(m_, it.post, lang) + " at " + at(it.at);
          if (it.late) out += zh ? "，迟" + dur(it.late_by, lang) : ", " + dur(it.late_by, lang) + " late";
          if (it.wrong_post) out += zh ? "，非规定报告岗位" : ", not by a post the rule names";
      }
      out += (zh ? "。得分 " : ". Points ") + number(it.points) + " / " + number(it.max_points);
      return out;
    });
  }

  void reporting() {
    const ReportingRule& rule = m_.plan.reporting;
    if (s_.incident_start == never) return;
    if (rule.first_within <= 0 && rule.cycle <= 0 && rule.summary_within <= 0) return;
    std::vector<Comm> all = comms("report");
    std::vector<const Comm*> reports;
    for (const Comm& c : all)
      if (c.t >= s_.incident_start && reaches(c, rule)) reports.push_back(&c);
    SimTime last_report = -1;
    if (rule.first_within > 0) {
      Item it;
      it.kind = ItemKind::first_report;
      it.reached = s_.incident_start;
      it.due = s_.incident_start + rule.first_within;
      it.accountable = rule.by;
      judge_comm(it, reports, rule.by, r_.report_credit, r_.report_points, "reports");
      if (texts_) it.why = comm_why(it, rule.by, "事件发生后" + dur(rule.first_within, Lang::zh) + "内首次报告",
                        "First report within " + dur(rule.first_within, Lang::en) + " of the incident");
      if (it.at != never) last_report = it.at;
      s_.items.push_back(std::move(it));
    }
    if (rule.cycle > 0) {
      // Reports at least every `cycle` until every procedure is resolved (or the drill ends).
      SimTime until = std::min(s_.restored, o_.end);
      SimTime prev = last_report >= 0 ? last_report : s_.incident_start + rule.first_within;
      for (int n = 0; n < 200; ++n) {
        SimTime due = prev + rule.cycle;
        if (due > until) break;
        Item it;
        it.kind = ItemKind::cycle_report;
        it.reached = prev;
        it.due = due;
        it.accountable = rule.by;
        // The earliest report after the previous one is this cycle's.
        std::vector<const Comm*> next;
        for (const Comm* c : reports) {
          if (c->t > prev && c->t <= until) {
            next.push_back(c);
            break;
          }
        }
        judge_comm(it, next, rule.by, r_.report_credit, r_.report_points, "reports");
        if (texts_) it.why = comm_why(it, rule.by, "每" + dur(rule.cycle, Lang::zh) + "续报一次", "A report every " + dur(rule.cycle, Lang::en));
        prev = it.at != never ? it.at : due;
        s_.items.push_back(std::move(it));
      }
    }
    if (rule.summary_within > 0 && s_.restored != never) {
      std::vector<Comm> all_summaries = comms("summary_report");
      std::vector<const Comm*> summaries;
      for (const Comm& c : all_summaries)
        if (c.t >= s_.restored) summaries.push_back(&c);
      Item it;
      it.kind = ItemKind::summary_report;
      it.reached = s_.restored;
      it.due = s_.restored + rule.summary_within;
      it.accountable = rule.by;
      judge_comm(it, summaries, rule.by, r_.report_credit, r_.report_points, "reports");
      // Not due within the drill and not made: nothing to judge.
      if (it.verdict == Verdict::open || (it.verdict == Verdict::missed && it.due > o_.end)) return;
      if (texts_) it.why = comm_why(it, rule.by, "恢复后" + dur(rule.summary_within, Lang::zh) + "内提交总结报告",
                        "Summary report within " + dur(rule.summary_within, Lang::en) + " of restoration");
      s_.items.push_back(std::move(it));
    }
  }

  // ---- grading -------------------------------------------------------------------------------

  void grading() {
    std::vector<Comm> declarations = comms("declare_level");
    const GradingRule& rule = m_.plan.grading;
    std::vector<char> reached(m_.plan.levels.size(), 0);
    for (const auto& [level, t] : s_.levels_reached) {
      reached[level] = 1;
      const Level& lv = m_.plan.levels[level];
      std::vector<Ix> by = lv.declared_by.empty() ? rule.by : lv.declared_by;
      Item it;
      it.kind = ItemKind::grading;
      it.level = level;
      it.reached = t;
      it.due = rule.within > 0 ? t + rule.within : never;
      it.accountable = by;
      std::vector<const Comm*> exact, higher;
      for (const Comm& c : declarations) {
        Ix l = m_.find_level(c.target);
        if (l == level) exact.push_back(&c);
        // A higher level declared in time covers this one.
        else if (l != no_ix && m_.plan.levels[l].rank > lv.rank) higher.push_back(&c);
      }
      judge_comm(it, exact.empty() ? higher : exact, by, r_.grading_credit, r_.grading_points, "grading");
      if (texts_) it.why = comm_why(it, by, "宣布" + lv.name.in(Lang::zh) + "（" + at(t) + "达到）",
                        "Declare " + lv.name.in(Lang::en) + " (reached at " + at(t) + ")");
      s_.items.push_back(std::move(it));
    }
    if (!o_.finished) return;  // a level declared early may still be reached
    for (const Comm& c : declarations) {
      Ix l = m_.find_level(c.target);
      if (l == no_ix || reached[l]) continue;
      Item it;
      it.kind = ItemKind::over_grading;
      it.verdict = Verdict::wrong_level;
      it.level = l;
      it.penalty = true;
      it.at = c.t;
      it.post = c.post;
      it.actor = c.actor;
      it.runs = {c.run};
      it.accountable = {c.post};
      it.points = r_.penalties.wrong_level;
      it.rule_key = "penalties.wrong_level";
      it.why = text([&](Lang lang) {
        const bool zh = lang == Lang::zh;
        return zh ? post_text(m_, c.post, lang) + "于" + at(c.t) + "宣布" + m_.plan.levels[l].name.in(lang) +
                        "，但实际事件未达到该级别。扣 " + number(it.points)
                  : post_text(m_, c.post, lang) + " declared " + m_.plan.levels[l].name.in(lang) + " at " + at(c.t) +
                        ", a level the incident never reached. Minus " + number(it.points);
      });
      s_.items.push_back(std::move(it));
    }
  }

  // ---- conduct -------------------------------------------------------------------------------

  void conduct() {
    std::vector<char> judged(o_.runs.size() + 1, 0);
    for (const Violation& v : o_.violations) {
      const ConductRule& rule = m_.plan.rules[v.rule];
      const RunInfo& run = o_.runs[v.run - 1];
      judged[v.run] = 1;
      Item it;
      it.kind = rule.kind == ConductRule::Kind::must_not ? ItemKind::must_not : ItemKind::must_first;
      it.verdict = Verdict::violation;
      it.penalty = true;
      it.rule = v.rule;
      it.action = run.action;
      it.post = run.post;
      it.actor = run.actor;
      it.at = run.submitted;
      it.runs = {v.run};
      it.accountable = {run.post};
      it.points = rule.kind == ConductRule::Kind::must_not ? r_.penalties.must_not : r_.penalties.must_first;
      it.rule_key = rule.kind == ConductRule::Kind::must_not ? "penalties.must_not" : "penalties.must_first";
      it.why = text([&](Lang lang) {
        const bool zh = lang == Lang::zh;
        std::string out = zh ? post_text(m_, run.post, lang) + "于" + at(run.submitted) + "执行「" + action_text(m_, run.action, lang) + "」"
                             : post_text(m_, run.post, lang) + " did “" + action_text(m_, run.action, lang) + "” at " + at(run.submitted);
        if (rule.kind == ConductRule::Kind::must_not && rule.unless_after != no_ix)
          out += zh ? "，而「" + action_text(m_, rule.unless_after, lang) + "」尚未完成"
                    : " before “" + action_text(m_, rule.unless_after, lang) + "” was done";
        if (rule.kind == ConductRule::Kind::must_first) {
          std::vector<std::string> first;
          for (Ix f : rule.first) first.push_back(action_text(m_, f, lang));
          out += zh ? "，须先完成「" + fmt::format("{}", fmt::join(first, "、")) + "」"
                    : " before doing “" + fmt::format("{}", fmt::join(first, "”, “")) + "” first";
        }
        out += zh ? "。违反：" : ". Breaks: ";
        out += rule.text.in(lang);
        if (!rule.source.empty()) out += "（" + rule.source + "）";
        out += (zh ? "。扣 " : ". Minus ") + number(it.points);
        return out;
      });
      s_.items.push_back(std::move(it));
    }
    // Actions the plan asked for: those of every step the walk reached, and the communications the
    // reporting and grading rules judge.
    std::vector<char> asked(m_.catalog.actions.size(), 0);
    for (const StepRecord& rec : w_.steps)
      for (const ExpectedAction& ex : m_.plan.procedures[rec.procedure].steps[rec.step].expect) asked[ex.action] = 1;
    for (Ix a = 0; a < m_.catalog.actions.size(); ++a) {
      auto k = m_.catalog.actions[a].comm.kind;
      if (k == Communication::Kind::report || k == Communication::Kind::summary_report ||
          k == Communication::Kind::declare_level)
        asked[a] = 1;
    }
    double needless_total = 0;
    for (std::uint32_t n = 1; n <= o_.runs.size(); ++n) {
      const RunInfo& run = o_.runs[n - 1];
      if (judged[n] || run.action == no_ix) continue;
      const ActionDef& def = m_.catalog.actions[run.action];
      Item it;
      it.penalty = true;
      it.action = run.action;
      it.post = run.post;
      it.actor = run.actor;
      it.at = run.submitted;
      it.runs = {n};
      it.accountable = {run.post};
      if (def.harmful) {
        it.kind = ItemKind::harmful;
        it.verdict = Verdict::violation;
        it.points = r_.penalties.harmful;
        it.rule_key = "penalties.harmful";
      } else if (!asked[run.action]) {
        it.kind = ItemKind::needless;
        it.verdict = Verdict::needless;
        it.points = std::max(0.0, std::min(r_.penalties.needless, r_.penalties.needless_max - needless_total));
        needless_total += it.points;
        it.rule_key = "penalties.needless (at most penalties.needless_max)";
      } else {
        continue;
      }
      it.why = text([&](Lang lang) {
        const bool zh = lang == Lang::zh;
        std::string out = zh ? post_text(m_, run.post, lang) + "于" + at(run.submitted) + "执行「" + def.name.in(lang) + "」"
                             : post_text(m_, run.post, lang) + " did “" + def.name.in(lang) + "” at " + at(run.submitted);
        if (it.kind == ItemKind::harmful)
          out += zh ? "：目录标明此动作有害" : ": the catalog marks it harmful";
        else
          out += zh ? "：预案在本次事件中没有要求此动作" : ": no step the incident called for asked for it";
        out += (zh ? "。扣 " : ". Minus ") + number(it.points);
        return out;
      });
      s_.items.push_back(std::move(it));
    }
  }

  // ---- outcomes ------------------------------------------------------------------------------

  void outcomes() {
    for (const BusinessResult& b : s_.business) {
      if (b.state == BusinessState::pending) continue;
      const BusinessEvent& ev = m_.scenario.calendar[b.event];
      Item it;
      it.kind = ItemKind::business;
      it.business = b.event;
      it.penalty = true;
      it.due = ev.at;
      it.at = b.settled;
      if (b.state == BusinessState::missed) {
        it.verdict = Verdict::lost;
        it.points = r_.penalties.business_missed;
        it.rule_key = "penalties.business_missed";
      } else if (b.delay > 0) {
        it.verdict = Verdict::late;
        it.late = true;
        it.late_by = b.delay;
        double share = ev.grace > 0 ? std::min(1.0, static_cast<double>(b.delay) / static_cast<double>(ev.grace)) : 1.0;
        it.points = r_.penalties.business_delayed * share;
        it.rule_key = "penalties.business_delayed × delay / grace";
      } else {
        it.verdict = Verdict::done;
        it.rule_key = "-";
      }
      it.why = text([&](Lang lang) {
        const bool zh = lang == Lang::zh;
        std::string out = zh ? ev.name.in(lang) + "（" + at(ev.at) + "）：" : ev.name.in(lang) + " (" + at(ev.at) + "): ";
        switch (b.state) {
          case BusinessState::held: out += zh ? "按时进行" : "held on time"; break;
          case BusinessState::held_fallback: out += zh ? "按备用方案进行" : "held by the fallback"; break;
          case BusinessState::delayed: out += zh ? "延迟进行" : "held late"; break;
          case BusinessState::missed: out += zh ? "未能进行" : "missed"; break;
          default: break;
        }
        if (b.delay > 0) out += zh ? "，延迟" + dur(b.delay, lang) : ", " + dur(b.delay, lang) + " late";
        if (it.points > 0) out += (zh ? "。扣 " : ". Minus ") + number(it.points);
        return out;
      });
      s_.items.push_back(std::move(it));
    }
    if (s_.data_lost) {
      Item it;
      it.kind = ItemKind::data_lost;
      it.verdict = Verdict::lost;
      it.penalty = true;
      it.points = r_.penalties.data_lost;
      it.rule_key = "penalties.data_lost";
      it.why = text([&](Lang lang) {
        return lang == Lang::zh ? "数据丢失。扣 " + number(it.points) : "Data lost. Minus " + number(it.points);
      });
      s_.items.push_back(std::move(it));
    }
    for (Ix c : s_.equipment_lost) {
      Item it;
      it.kind = ItemKind::equipment_lost;
      it.verdict = Verdict::lost;
      it.penalty = true;
      it.component = c;
      it.points = r_.penalties.equipment_lost;
      it.rule_key = "penalties.equipment_lost";
      it.why = text([&](Lang lang) {
        return m_.platform.components[c].name.in(lang) + (lang == Lang::zh ? "损毁。扣 " : " destroyed. Minus ") + number(it.points);
      });
      s_.items.push_back(std::move(it));
    }
    if (r_.penalties.downtime_per_hour > 0) {
      for (const auto& [c, down] : s_.downtime) {
        const auto& tags = m_.platform.components[c].tags;
        if (std::find(tags.begin(), tags.end(), "business") == tags.end()) continue;
        Item it;
        it.kind = ItemKind::downtime;
        it.verdict = Verdict::lost;
        it.penalty = true;
        it.component = c;
        it.late_by = down;
        it.points = r_.penalties.downtime_per_hour * static_cast<double>(down) / 3600.0;
        it.rule_key = "penalties.downtime_per_hour × hours";
        it.why = text([&](Lang lang) {
          return m_.platform.components[c].name.in(lang) + (lang == Lang::zh ? "中断" : " down ") + dur(down, lang) +
                 (lang == Lang::zh ? "。扣 " : ". Minus ") + number(it.points);
        });
        s_.items.push_back(std::move(it));
      }
    }
  }

  // ---- objectives ----------------------------------------------------------------------------

  void objectives() {
    const auto& procs = m_.plan.procedures;
    // Procedures where the plan's command acts: a step declares a level or starts or ends the emergency.
    std::vector<char> command(procs.size(), 0);
    for (Ix p = 0; p < procs.size(); ++p)
      for (const Step& step : procs[p].steps)
        for (const ExpectedAction& ex : step.expect) {
          auto k = m_.catalog.actions[ex.action].comm.kind;
          if (k == Communication::Kind::declare_level || k == Communication::Kind::start_emergency ||
              k == Communication::Kind::end_emergency)
            command[p] = 1;
        }
    auto expects = [&](Ix p, Ix action) {
      for (const Step& step : procs[p].steps)
        for (const ExpectedAction& ex : step.expect)
          if (ex.action == action) return true;
      return false;
    };
    for (Item& it : s_.items) {
      for (Ix o = 0; o < m_.scenario.objectives.size(); ++o) {
        const Objective& obj = m_.scenario.objectives[o];
        bool counts = false;
        for (Ix p : obj.procedures) {
          switch (it.kind) {
            case ItemKind::step:
            case ItemKind::resolution: counts = counts || it.procedure == p; break;
            case ItemKind::must_not: counts = counts || expects(p, m_.plan.rules[it.rule].action); break;
            case ItemKind::must_first:
              for (Ix a : m_.plan.rules[it.rule].first) counts = counts || expects(p, a);
              for (Ix a : m_.plan.rules[it.rule].before) counts = counts || expects(p, a);
              break;
            case ItemKind::first_report:
            case ItemKind::cycle_report:
            case ItemKind::summary_report:
            case ItemKind::grading:
            case ItemKind::over_grading: counts = counts || command[p]; break;
            default: break;
          }
        }
        if (counts) it.objectives.push_back(o);
      }
    }
  }
};

}  // namespace

void judge(const Model& model, const Rubric& rubric, const Observed& observed, const Walked& walked,
           ScoreSheet& sheet, bool texts) {
  Judge(model, rubric, observed, walked, sheet, texts).run();
}

}  // namespace drillsim::scoring::detail

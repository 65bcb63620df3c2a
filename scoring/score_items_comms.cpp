// Judging communications against the plan's rules: the first report, the report cycle and the
// summary report (reporting rule), each true level declared and levels declared that the incident
// never reached (grading rule). Each item takes the best of its candidate communications.
#include <algorithm>
#include <span>

#include "scoring/score_judge.hpp"

namespace drillsim::scoring::detail::judging {
namespace {

using Candidates = std::span<const CommInfo* const>;

// The communications of one kind, in the order they were made (pointers into Observed::comms).
std::vector<const CommInfo*> comms_of_kind(const Observed& o, Communication::Kind kind) {
  std::vector<const CommInfo*> out;
  for (const CommInfo& c : o.comms)
    if (c.kind == kind) out.push_back(&c);
  return out;
}

// The report reaches someone the rule names (a post, a group, a post of a named group, a group of a
// named post). It went to the ids of its action's posts and groups (the journal's `subject`).
bool reaches(const Model& m, const CommInfo& c, const ReportingRule& rule) {
  if (rule.to_posts.empty() && rule.to_groups.empty()) return true;
  const Organisation& org = m.organisation;
  auto named = [&](const std::string& id) {
    for (Ix p : rule.to_posts) {
      if (org.posts[p].id == id) return true;
      if (org.posts[p].group != no_ix && org.groups[org.posts[p].group].id == id) return true;
    }
    for (Ix g : rule.to_groups) {
      if (org.groups[g].id == id) return true;
      Ix p = m.find_post(id);
      if (p != no_ix && org.posts[p].group == g) return true;
    }
    return false;
  };
  const Communication& comm = m.catalog.actions[c.action].comm;
  for (Ix p : comm.to_posts)
    if (named(org.posts[p].id)) return true;
  for (Ix g : comm.to_groups)
    if (named(org.groups[g].id)) return true;
  return false;
}

// Fills a reporting or grading item from the best of its candidates: the first with the most
// credit (late and wrong-post credits multiplied).
void judge_comm(const Judging& j, Item& it, Candidates candidates, const std::vector<Ix>& by, const Credit& credit,
                double points, const char* rubric_key) {
  it.max_points = points;
  const CommInfo* best = nullptr;
  double best_credit = -1;
  for (const CommInfo* c : candidates) {
    double cr = 1;
    if (it.due != never && c->t > it.due) cr *= credit.late;
    if (!by.empty() && !contains(by, c->post)) cr *= credit.wrong_post;
    if (cr > best_credit + 1e-12) {
      best = c;
      best_credit = cr;
    }
  }
  if (!best) {
    bool overdue = it.due != never && it.due <= j.o.end;
    it.verdict = (j.o.finished || overdue) ? Verdict::missed : Verdict::open;
    if (j.texts) it.rule_key = std::string(rubric_key) + ".points × 0";
    return;
  }
  it.at = best->t;
  it.post = best->post;
  it.actor = j.o.runs[best->run - 1].actor;
  it.runs.assign(1, best->run);
  double cr = 1;
  if (it.due != never && best->t > it.due) {
    it.late = true;
    it.late_by = best->t - it.due;
    cr *= credit.late;
  }
  if (!by.empty() && !contains(by, best->post)) {
    it.wrong_post = true;
    cr *= credit.wrong_post;
  }
  it.verdict = it.late ? Verdict::late : it.wrong_post ? Verdict::wrong_post : Verdict::done;
  it.points = points * cr;
  if (!j.texts) return;
  it.rule_key = std::string(rubric_key) + ".points";
  if (it.late) it.rule_key += std::string(" × ") + rubric_key + ".credit.late";
  if (it.wrong_post) it.rule_key += std::string(" × ") + rubric_key + ".credit.wrong_post";
}

// Only called with texts.
Text comm_why(const Judging& j, const Item& it, const std::vector<Ix>& by, const std::string& what_zh,
              const std::string& what_en) {
  return both([&](Lang lang) {
    const bool zh = lang == Lang::zh;
    std::string out = zh ? what_zh : what_en;
    if (!by.empty()) out += zh ? "，由" + posts_text(j.m, by, lang) + "报告" : ", by " + posts_text(j.m, by, lang);
    if (it.due != never) out += zh ? "，限" + j.at(it.due) + "前" : ", due " + j.at(it.due);
    out += zh ? "。" : ". ";
    switch (it.verdict) {
      case Verdict::missed: out += zh ? "未报告" : "Not made"; break;
      case Verdict::open: out += zh ? "尚未报告（演练进行中）" : "Not made yet (the drill is running)"; break;
      default:
        out += zh ? post_text(j.m, it.post, lang) + "于" + j.at(it.at) + "报告"
                  : "Made by " + post_text(j.m, it.post, lang) + " at " + j.at(it.at);
        if (it.late) out += zh ? "，迟" + j.dur(it.late_by, lang) : ", " + j.dur(it.late_by, lang) + " late";
        if (it.wrong_post) out += zh ? "，非规定报告岗位" : ", not by a post the rule names";
    }
    out += (zh ? "。得分 " : ". Points ") + number(it.points) + " / " + number(it.max_points);
    return out;
  });
}

// A report the reporting posts are accountable for, reached and due then.
Item& report_item(const Judging& j, ItemKind kind, SimTime reached, SimTime due) {
  Item& it = j.add_item();
  it.kind = kind;
  it.reached = reached;
  it.due = due;
  it.accountable = j.m.plan.reporting.by;
  return it;
}

// Returns when the first report was made (-1: not made or not judged).
SimTime first_report(const Judging& j, Candidates reports) {
  const ReportingRule& rule = j.m.plan.reporting;
  if (rule.first_within <= 0) return -1;
  Item& it = report_item(j, ItemKind::first_report, j.s.incident_start, j.s.incident_start + rule.first_within);
  judge_comm(j, it, reports, rule.by, j.r.report_credit, j.r.report_points, "reports");
  if (j.texts)
    it.why = comm_why(j, it, rule.by, "事件发生后" + j.dur(rule.first_within, Lang::zh) + "内首次报告",
                      "First report within " + j.dur(rule.first_within, Lang::en) + " of the incident");
  return it.at != never ? it.at : -1;
}

// Reports at least every `cycle` until every procedure is resolved (or the drill ends).
void cycle_reports(const Judging& j, Candidates reports, SimTime last_report) {
  const ReportingRule& rule = j.m.plan.reporting;
  SimTime until = std::min(j.s.restored, j.o.end);
  SimTime prev = last_report >= 0 ? last_report : j.s.incident_start + rule.first_within;
  for (int n = 0; n < 200; ++n) {
    SimTime due = prev + rule.cycle;
    if (due > until) break;
    Item& it = report_item(j, ItemKind::cycle_report, prev, due);
    // The earliest report after the previous one is this cycle's.
    auto next = std::find_if(reports.begin(), reports.end(),
                             [&](const CommInfo* c) { return c->t > prev && c->t <= until; });
    judge_comm(j, it, next == reports.end() ? Candidates{} : Candidates{&*next, 1}, rule.by, j.r.report_credit,
               j.r.report_points, "reports");
    if (j.texts)
      it.why = comm_why(j, it, rule.by, "每" + j.dur(rule.cycle, Lang::zh) + "续报一次",
                        "A report every " + j.dur(rule.cycle, Lang::en));
    prev = it.at != never ? it.at : due;
  }
}

void summary_report(const Judging& j) {
  const ReportingRule& rule = j.m.plan.reporting;
  std::vector<const CommInfo*> summaries = comms_of_kind(j.o, Communication::Kind::summary_report);
  std::erase_if(summaries, [&](const CommInfo* c) { return c->t < j.s.restored; });
  Item& it = report_item(j, ItemKind::summary_report, j.s.restored, j.s.restored + rule.summary_within);
  judge_comm(j, it, summaries, rule.by, j.r.report_credit, j.r.report_points, "reports");
  // Not due within the drill and not made: nothing to judge.
  if (it.verdict == Verdict::open || (it.verdict == Verdict::missed && it.due > j.o.end)) {
    j.s.items.pop_back();
    return;
  }
  if (j.texts)
    it.why = comm_why(j, it, rule.by, "恢复后" + j.dur(rule.summary_within, Lang::zh) + "内提交总结报告",
                      "Summary report within " + j.dur(rule.summary_within, Lang::en) + " of restoration");
}

Text over_grading_why(const Judging& j, const CommInfo& c, Ix level, const Item& it) {
  return j.text([&](Lang lang) {
    const bool zh = lang == Lang::zh;
    const std::string& name = j.m.plan.levels[level].name.in(lang);
    return zh ? post_text(j.m, c.post, lang) + "于" + j.at(c.t) + "宣布" + name + "，但实际事件未达到该级别。扣 " +
                    number(it.points)
              : post_text(j.m, c.post, lang) + " declared " + name + " at " + j.at(c.t) +
                    ", a level the incident never reached. Minus " + number(it.points);
  });
}

}  // namespace

void judge_reporting(const Judging& j) {
  const ReportingRule& rule = j.m.plan.reporting;
  if (j.s.incident_start == never) return;
  if (rule.first_within <= 0 && rule.cycle <= 0 && rule.summary_within <= 0) return;
  std::vector<const CommInfo*> reports = comms_of_kind(j.o, Communication::Kind::report);
  std::erase_if(reports, [&](const CommInfo* c) { return c->t < j.s.incident_start || !reaches(j.m, *c, rule); });
  SimTime last_report = first_report(j, reports);
  if (rule.cycle > 0) cycle_reports(j, reports, last_report);
  if (rule.summary_within > 0 && j.s.restored != never) summary_report(j);
}

void judge_grading(const Judging& j) {
  const GradingRule& rule = j.m.plan.grading;
  const auto& levels = j.m.plan.levels;
  std::vector<const CommInfo*> declarations = comms_of_kind(j.o, Communication::Kind::declare_level);
  std::vector<Ix> declared(declarations.size());  // the level each declaration names (no_ix: none)
  for (std::size_t d = 0; d < declarations.size(); ++d) declared[d] = j.m.find_level(j.o.runs[declarations[d]->run - 1].target);
  std::vector<char> reached(levels.size(), 0);
  std::vector<const CommInfo*> exact, higher;
  for (const auto& [level, t] : j.s.levels_reached) {
    reached[level] = 1;
    const Level& lv = levels[level];
    const std::vector<Ix>& by = lv.declared_by.empty() ? rule.by : lv.declared_by;
    Item& it = j.add_item();
    it.kind = ItemKind::grading;
    it.level = level;
    it.reached = t;
    it.due = rule.within > 0 ? t + rule.within : never;
    it.accountable = by;
    exact.clear();
    higher.clear();
    for (std::size_t d = 0; d < declarations.size(); ++d) {
      Ix l = declared[d];
      if (l == level) exact.push_back(declarations[d]);
      // A higher level declared in time covers this one.
      else if (l != no_ix && levels[l].rank > lv.rank) higher.push_back(declarations[d]);
    }
    judge_comm(j, it, exact.empty() ? higher : exact, by, j.r.grading_credit, j.r.grading_points, "grading");
    if (j.texts)
      it.why = comm_why(j, it, by, "宣布" + lv.name.in(Lang::zh) + "（" + j.at(t) + "达到）",
                        "Declare " + lv.name.in(Lang::en) + " (reached at " + j.at(t) + ")");
  }
  if (!j.o.finished) return;  // a level declared early may still be reached
  for (std::size_t d = 0; d < declarations.size(); ++d) {
    const CommInfo& c = *declarations[d];
    Ix l = declared[d];
    if (l == no_ix || reached[l]) continue;
    Item& it = j.add_item();
    it.kind = ItemKind::over_grading;
    it.verdict = Verdict::wrong_level;
    it.level = l;
    it.penalty = true;
    it.at = c.t;
    it.post = c.post;
    it.actor = j.o.runs[c.run - 1].actor;
    it.runs.assign(1, c.run);
    it.accountable.assign(1, c.post);
    it.points = j.r.penalties.wrong_level;
    j.key(it, "penalties.wrong_level");
    it.why = over_grading_why(j, c, l, it);
  }
}

}  // namespace drillsim::scoring::detail::judging

// The score sheet as terminal text.
#include "scoring/score_text.hpp"

#include <fmt/format.h>

#include "sim/world/timeline.hpp"

namespace drillsim::scoring {
namespace {

std::string points(double v) {
  std::string s = fmt::format("{:.1f}", v);
  if (s.size() > 2 && s.substr(s.size() - 2) == ".0") s.resize(s.size() - 2);
  return s;
}

std::string tally_line(const Tally& t, bool zh) {
  return fmt::format(fmt::runtime(zh ? "{:>6}  得 {} / {}，扣 {}" : "{:>6}  earned {} of {}, minus {}"), percent_text(t),
                     points(t.earned), points(t.possible), points(t.penalty));
}

std::string rating_text(char r, bool zh) {
  switch (r) {
    case 'P': return zh ? "P（顺利完成）" : "P (performed without challenges)";
    case 'S': return zh ? "S（完成，有一些问题）" : "S (performed with some challenges)";
    case 'M': return zh ? "M（完成，问题较大）" : "M (performed with major challenges)";
    case 'U': return zh ? "U（未能完成）" : "U (unable to be performed)";
    default: return zh ? "—（本次未涉及）" : "— (not exercised)";
  }
}

}  // namespace

std::string percent_text(const Tally& t) {
  double p = t.percent();
  return p < 0 ? std::string("—") : fmt::format("{:.1f}", p);
}

std::string score_summary(const ScoreSheet& s, Lang lang) {
  const bool zh = lang == Lang::zh;
  int missed = 0, late = 0, wrong = 0, violations = 0, steps = 0;
  for (const Item& it : s.items) {
    if (it.kind == ItemKind::step) ++steps;
    if (it.kind == ItemKind::step && (it.verdict == Verdict::missed || it.verdict == Verdict::partial)) ++missed;
    if (it.late && it.kind == ItemKind::step) ++late;
    if (it.wrong_post && it.kind == ItemKind::step) ++wrong;
    if (it.kind == ItemKind::must_not || it.kind == ItemKind::must_first || it.kind == ItemKind::harmful) ++violations;
  }
  std::string out = fmt::format(fmt::runtime(zh ? "总分 {} / 100（{}）{}\n" : "Score {} / 100 ({}){}\n"),
                                percent_text(s.overall), rating_text(s.overall_rating, zh),
                                s.finished ? "" : (zh ? "，演练进行中" : ", drill still running"));
  out += fmt::format(fmt::runtime(zh ? "应做步骤 {} 个：未完成 {}，超时 {}，岗位不符 {}；违规 {} 次\n"
                                     : "{} expected steps: {} missed, {} late, {} by the wrong post; {} violations\n"),
                     steps, missed, late, wrong, violations);
  return out;
}

std::string score_text(const Model& m, const ScoreSheet& s, Lang lang) {
  const bool zh = lang == Lang::zh;
  std::string out = zh ? "== 评分 ==\n" : "== Score ==\n";
  out += score_summary(s, lang);
  out += zh ? "\n-- 评判明细 --\n" : "\n-- Verdicts --\n";
  for (const Item& it : s.items) {
    std::string pts = it.penalty ? (it.points > 0 ? "-" + points(it.points) : "0")
                                 : points(it.points) + "/" + points(it.max_points);
    std::string when = it.at != never        ? clock_text(m.scenario, it.at)
                       : it.reached != never ? "(" + clock_text(m.scenario, it.reached) + ")"
                                             : "--:--:--";
    out += fmt::format("  {:<10} {:<8} {:>7}  {}\n", when, verdict_text(it.verdict).in(lang), pts, item_title(m, it, lang));
    out += "           " + it.why.in(lang) + "\n";
  }
  auto section = [&](const char* zh_title, const char* en_title, const std::vector<NamedTally>& list) {
    if (list.empty()) return;
    out += std::string("\n-- ") + (zh ? zh_title : en_title) + " --\n";
    for (const auto& nt : list) out += "  " + tally_line(nt.tally, zh) + "  " + nt.name.in(lang) + "\n";
  };
  section("各程序", "By procedure", s.by_procedure);
  section("各岗位", "By post", s.by_post);
  section("各小组", "By group", s.by_group);
  section("各参演人员", "By participant", s.by_participant);
  if (!s.objectives.empty()) {
    out += zh ? "\n-- 演练目标（HSEEP） --\n" : "\n-- Objectives (HSEEP) --\n";
    for (const ObjectiveResult& o : s.objectives) {
      const Objective& obj = m.scenario.objectives[o.objective];
      out += fmt::format("  {:>6}  {}  {}\n", percent_text(o.tally), rating_text(o.rating, zh), obj.text.in(lang));
      for (const Evaluation& e : o.evaluations)
        out += fmt::format(fmt::runtime(zh ? "          评估员 {}（{}）：{} {}\n" : "          evaluator {} ({}): {} {}\n"), e.author,
                           e.t >= 0 ? clock_text(m.scenario, e.t) : (zh ? "演练后" : "after the drill"), e.rating, e.text);
    }
  }
  out += fmt::format(fmt::runtime(zh ? "\n  总计 {}  评分标准 {} {}\n" : "\n  Overall {}  rubric {} {}\n"), tally_line(s.overall, zh),
                     s.rubric_id, s.rubric_version);
  return out;
}

}  // namespace drillsim::scoring

// drillsim show PLAN: the plan as a readable outline, to check the encoding against the paper plan.
#include <fmt/format.h>

#include <iostream>

#include "app/commands.hpp"
#include "sim/load/loader.hpp"
#include "sim/world/describe.hpp"

namespace drillsim::app {
namespace {

std::string action_list(const Model& m, const Step& step, Lang lang) {
  std::string out;
  for (const auto& ex : step.expect) {
    if (!out.empty()) out += lang == Lang::zh ? "；" : "; ";
    out += m.catalog.actions[ex.action].name.in(lang);
    if (!ex.target_id.empty()) out += " [" + ex.target_id + "]";
  }
  return out;
}

void show_plan(const Model& m, Lang lang, std::ostream& out) {
  const bool zh = lang == Lang::zh;
  const Plan& plan = m.plan;
  out << fmt::format("{}  ({} {}, {})\n", plan.name.in(lang), zh ? "版本" : "version", plan.version, plan.source);
  out << (zh ? "\n一、响应级别\n" : "\n1. Response levels\n");
  for (const Level& l : plan.levels) {
    out << fmt::format("  {} (rank {}): {}\n", l.name.in(lang), l.rank, describe_condition(m, l.when, lang));
    if (!l.declared_by.empty())
      out << fmt::format(fmt::runtime(zh ? "      宣布：{}\n" : "      declared by: {}\n"), describe_posts(m, l.declared_by, lang));
    if (!l.source.empty()) out << fmt::format("      [{}]\n", l.source);
  }
  const GradingRule& g = plan.grading;
  if (g.within > 0 || !g.by.empty())
    out << fmt::format(fmt::runtime(zh ? "  定级时限：{}；由 {} 定级 [{}]\n" : "  Grading within {} by {} [{}]\n"),
                       g.within > 0 ? describe_duration(g.within, lang) : "-", describe_posts(m, g.by, lang), g.source);
  const ReportingRule& r = plan.reporting;
  out << (zh ? "\n二、信息报告\n" : "\n2. Reporting\n");
  auto limit = [&](SimTime t) { return t > 0 ? describe_duration(t, lang) : std::string("-"); };
  std::string to = describe_posts(m, r.to_posts, lang);
  for (Ix g2 : r.to_groups) to += (to.empty() ? "" : (zh ? "、" : ", ")) + m.organisation.groups[g2].name.in(lang);
  out << fmt::format(fmt::runtime(zh ? "  首报时限：{}；报告周期：{}；总结报告：恢复后{}内\n  报告人：{}；报送：{} [{}]\n"
                                     : "  First report within {}; cycle {}; summary within {} of recovery\n  by {}; to {} [{}]\n"),
                     limit(r.first_within), limit(r.cycle), limit(r.summary_within), describe_posts(m, r.by, lang), to,
                     r.source);
  out << (zh ? "\n三、应急处置程序\n" : "\n3. Procedures\n");
  for (std::size_t p = 0; p < plan.procedures.size(); ++p) {
    const Procedure& proc = plan.procedures[p];
    out << fmt::format("\n  [{}] {}  ({})\n", proc.id, proc.name.in(lang), proc.source);
    if (proc.trigger.kind != Condition::Kind::always)
      out << fmt::format(fmt::runtime(zh ? "    触发：{}\n" : "    Trigger: {}\n"), describe_condition(m, proc.trigger, lang));
    else
      out << (zh ? "    触发：仅由其他程序转入\n" : "    Trigger: only by a jump from another procedure\n");
    if (proc.resolved.kind != Condition::Kind::always)
      out << fmt::format(fmt::runtime(zh ? "    目标：{}\n" : "    Goal: {}\n"), describe_condition(m, proc.resolved, lang));
    if (proc.within > 0)
      out << fmt::format(fmt::runtime(zh ? "    时限：{}\n" : "    Limit: {}\n"), describe_duration(proc.within, lang));
    for (std::size_t s = 0; s < proc.steps.size(); ++s) {
      const Step& step = proc.steps[s];
      out << fmt::format("    {}. {} [{}]\n", s + 1, step.text.in(lang), step.source);
      out << fmt::format(fmt::runtime(zh ? "       负责：{}" : "       Responsible: {}"), describe_posts(m, step.responsible, lang));
      if (!step.cooperating.empty())
        out << fmt::format(fmt::runtime(zh ? "；配合：{}" : "; cooperating: {}"), describe_posts(m, step.cooperating, lang));
      out << '\n';
      if (!step.expect.empty())
        out << fmt::format(fmt::runtime(zh ? "       动作：{}\n" : "       Actions: {}\n"), action_list(m, step, lang));
      if (step.within > 0)
        out << fmt::format(fmt::runtime(zh ? "       时限：程序开始后{}\n" : "       Limit: {} after the procedure starts\n"),
                           describe_duration(step.within, lang));
      if (!step.before_business.empty())
        out << fmt::format(fmt::runtime(zh ? "       时限：{} 之前\n" : "       Limit: before {}\n"), step.before_business);
      for (const Branch& b : step.branches) {
        std::string where;
        if (b.goto_procedure != no_ix)
          where = fmt::format(fmt::runtime(zh ? "转“{}”" : "go to “{}”"), plan.procedures[b.goto_procedure].name.in(lang));
        else if (b.end)
          where = zh ? "结束" : "end";
        else if (b.next_step != no_ix)
          where = fmt::format(fmt::runtime(zh ? "转第{}步" : "step {}"), b.next_step + 1);
        out << fmt::format(fmt::runtime(zh ? "       若{} → {}\n" : "       if {} → {}\n"), describe_condition(m, b.when, lang), where);
      }
    }
  }
  if (!plan.rules.empty()) out << (zh ? "\n四、行为规则\n" : "\n4. Rules of conduct\n");
  for (const ConductRule& rule : plan.rules) {
    const char* kind = rule.kind == ConductRule::Kind::must_not ? (zh ? "禁止" : "must not") : (zh ? "必须先" : "must first");
    out << fmt::format("  [{}] {}: {} [{}]\n", rule.id, kind, rule.text.in(lang), rule.source);
  }
}

}  // namespace

void add_show(CLI::App& app) {
  static std::string plan_path, lang = "zh";
  auto* cmd = app.add_subcommand("show", "Print a plan as a readable outline");
  cmd->add_option("plan", plan_path, "Plan file")->required();
  cmd->add_option("--lang", lang, "zh or en")->check(CLI::IsMember({"zh", "en"}));
  cmd->callback([] {
    LoadResult r = load_plan(plan_path);
    if (!r.ok()) {
      for (const auto& p : r.problems) std::cerr << p.str() << '\n';
      return set_exit_code(1);
    }
    show_plan(*r.model, lang == "en" ? Lang::en : Lang::zh, std::cout);
    set_exit_code(0);
  });
}

}  // namespace drillsim::app

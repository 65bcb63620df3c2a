// The plan analysis: each check in its own function, findings in a fixed order (deterministic output).
#include "evaluation/plan_analysis.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <set>

#include "sim/world/describe.hpp"

namespace drillsim {
namespace {

using Findings = std::vector<Finding>;

void walk(const Condition& c, const std::function<void(const Condition&)>& visit) {
  visit(c);
  for (const auto& child : c.children) walk(child, visit);
}

std::set<Ix> expected_actions(const Plan& plan) {
  std::set<Ix> out;
  for (const auto& proc : plan.procedures)
    for (const auto& step : proc.steps)
      for (const auto& ex : step.expect) out.insert(ex.action);
  return out;
}

std::set<Ix> responsible_posts(const Plan& plan) {
  std::set<Ix> out;
  for (const auto& proc : plan.procedures)
    for (const auto& step : proc.steps) out.insert(step.responsible.begin(), step.responsible.end());
  return out;
}

void unhandled_faults(const Model& m, Findings& out) {
  std::set<Ix> expected = expected_actions(m.plan);
  for (const FaultType& ft : m.platform.fault_types) {
    bool handled = std::any_of(ft.repaired_by.begin(), ft.repaired_by.end(), [&](Ix a) { return expected.count(a); });
    if (handled) continue;
    Text msg = ft.repaired_by.empty()
                   ? Text{fmt::format("故障“{}”没有任何动作可以修复", ft.name.zh),
                          fmt::format("no action repairs the fault '{}'", ft.name.en)}
                   : Text{fmt::format("故障“{}”的修复动作不在任何处置步骤中", ft.name.zh),
                          fmt::format("no procedure step expects an action that repairs '{}'", ft.name.en)};
    out.push_back({"unhandled_fault", ft.id, msg, ""});
  }
}

void unanswered_symptoms(const Model& m, Findings& out) {
  std::set<std::string> triggers;
  for (const auto& proc : m.plan.procedures)
    walk(proc.trigger, [&](const Condition& c) {
      if (c.kind == Condition::Kind::message) triggers.insert(c.text);
    });
  for (const Component& comp : m.platform.components)
    for (const Symptom& s : comp.symptoms) {
      if (s.on_recovery || triggers.count(s.id)) continue;
      out.push_back({"unanswered_symptom", s.id,
                     {fmt::format("“{}”（{}）没有对应的处置程序", s.text.zh, comp.name.zh),
                      fmt::format("no procedure starts on '{}' ({})", s.text.in(Lang::en), comp.name.in(Lang::en))},
                     ""});
    }
}

void stand_ins(const Model& m, Findings& out) {
  const Organisation& org = m.organisation;
  std::set<Ix> critical = responsible_posts(m.plan);
  for (Ix p : critical) {
    const Post& post = org.posts[p];
    if (post.holders.size() >= 2) continue;
    out.push_back({"no_stand_in", post.id,
                   {fmt::format("岗位“{}”负责处置步骤，但没有B角", post.name.zh),
                    fmt::format("post '{}' is responsible for steps but has no stand-in (B)", post.name.in(Lang::en))},
                   ""});
  }
  for (Ix person = 0; person < org.persons.size(); ++person) {
    std::vector<Ix> posts;
    for (Ix p : critical)
      if (std::find(org.posts[p].holders.begin(), org.posts[p].holders.end(), person) != org.posts[p].holders.end())
        posts.push_back(p);
    if (posts.size() < 2) continue;
    out.push_back({"shared_person", org.persons[person].id,
                   {fmt::format("“{}”同时担任{}", org.persons[person].name.zh, describe_posts(m, posts, Lang::zh)),
                    fmt::format("'{}' holds {} at once", org.persons[person].name.in(Lang::en),
                                describe_posts(m, posts, Lang::en))},
                   ""});
  }
}

void single_points(const Model& m, Findings& out) {
  // Grouped by the failing component: "X alone stops A, B and C".
  const auto& comps = m.platform.components;
  std::vector<std::vector<Ix>> stops(comps.size());
  for (Ix s = 0; s < comps.size(); ++s) {
    if (comps[s].kind != ComponentKind::application) continue;
    for (Ix c : single_points_of_failure(m, s))
      if (comps[c].kind != ComponentKind::application && comps[c].kind != ComponentKind::external_system)
        stops[c].push_back(s);
  }
  for (Ix c = 0; c < comps.size(); ++c) {
    if (stops[c].empty()) continue;
    std::string zh, en;
    for (Ix s : stops[c]) {
      zh += (zh.empty() ? "" : "、") + comps[s].name.zh;
      en += (en.empty() ? "" : ", ") + comps[s].name.in(Lang::en);
    }
    out.push_back({"single_point", comps[c].id,
                   {fmt::format("“{}”单独故障即中断：{}（无冗余）", comps[c].name.zh, zh),
                    fmt::format("'{}' failing alone stops: {} (no redundancy)", comps[c].name.in(Lang::en), en)},
                   ""});
  }
}

void limits(const Model& m, Findings& out) {
  for (Ix p = 0; p < m.plan.procedures.size(); ++p) {
    const Procedure& proc = m.plan.procedures[p];
    for (Ix s = 0; s < proc.steps.size(); ++s) {
      const Step& step = proc.steps[s];
      if (step.within <= 0) continue;
      SimTime fastest = fastest_time_to(m, p, s);
      if (fastest == never || fastest <= step.within) continue;
      out.push_back({"infeasible_limit", proc.id + "/" + step.id,
                     {fmt::format("“{}”第{}步时限{}，最快也需{}", proc.name.zh, s + 1,
                                  describe_duration(step.within, Lang::zh), describe_duration(fastest, Lang::zh)),
                      fmt::format("'{}' step {} must be done within {} but takes at least {}", proc.name.in(Lang::en), s + 1,
                                  describe_duration(step.within, Lang::en), describe_duration(fastest, Lang::en))},
                     step.source});
    }
    if (proc.within <= 0 || proc.steps.empty()) continue;
    // The procedure's limit against the quickest way through to any of its last steps.
    SimTime fastest = never;
    for (Ix s = 0; s < proc.steps.size(); ++s) {
      bool ends = s + 1 == proc.steps.size();
      for (std::size_t b = 0; b < proc.steps[s].branches.size(); ++b) {
        const Branch& br = proc.steps[s].branches[b];
        if ((br.end || br.goto_procedure != no_ix) && branch_possible(m, proc.steps[s], b)) ends = true;
      }
      if (ends) fastest = std::min(fastest, fastest_time_to(m, p, s));
    }
    if (fastest == never || fastest <= proc.within) continue;
    out.push_back({"infeasible_limit", proc.id,
                   {fmt::format("“{}”时限{}，最快也需{}", proc.name.zh, describe_duration(proc.within, Lang::zh),
                                describe_duration(fastest, Lang::zh)),
                    fmt::format("'{}' must be done within {} but takes at least {}", proc.name.in(Lang::en),
                                describe_duration(proc.within, Lang::en), describe_duration(fastest, Lang::en))},
                   proc.source});
  }
}

void branches(const Model& m, Findings& out) {
  for (const Procedure& proc : m.plan.procedures)
    for (Ix s = 0; s < proc.steps.size(); ++s) {
      const Step& step = proc.steps[s];
      bool after_always = false;
      for (std::size_t b = 0; b < step.branches.size(); ++b) {
        const Branch& br = step.branches[b];
        std::string subject = fmt::format("{}/{}#{}", proc.id, step.id, b + 1);
        if (after_always) {
          out.push_back({"unreachable_branch", subject,
                         {fmt::format("“{}”第{}步的第{}个分支在无条件分支之后，永远不会执行", proc.name.zh, s + 1, b + 1),
                          fmt::format("'{}' step {} branch {} follows an unconditional branch and is never taken",
                                      proc.name.in(Lang::en), s + 1, b + 1)},
                         step.source});
          continue;
        }
        if (br.when.kind == Condition::Kind::always) after_always = true;
        walk(br.when, [&](const Condition& c) {
          if (c.kind != Condition::Kind::observed || c.ref >= m.catalog.actions.size()) return;
          const ActionDef& def = m.catalog.actions[c.ref];
          bool produced = std::any_of(def.observe.begin(), def.observe.end(),
                                      [&](const ObservationRule& r) { return r.result == c.text; });
          if (produced) return;
          out.push_back({"unreachable_branch", subject,
                         {fmt::format("“{}”第{}步的分支等待“{}”的结果 {}，但该动作从不产生此结果", proc.name.zh, s + 1,
                                      def.name.zh, c.text),
                          fmt::format("'{}' step {} waits for '{}' to find '{}', which it never reports",
                                      proc.name.in(Lang::en), s + 1, def.name.in(Lang::en), c.text)},
                         step.source});
        });
      }
    }
}

// The outage thresholds a level's condition names, by tag or component, when it is a plain
// outage_over or an `any` of them.
std::vector<std::pair<std::string, SimTime>> thresholds(const Model& m, const Condition& c) {
  std::vector<std::pair<std::string, SimTime>> out;
  walk(c, [&](const Condition& x) {
    if (x.kind != Condition::Kind::outage_over) return;
    out.emplace_back(x.component != no_ix ? m.platform.components[x.component].id : "#" + x.text, x.time);
  });
  return out;
}

void levels(const Model& m, Findings& out) {
  const auto& ls = m.plan.levels;
  for (std::size_t i = 0; i < ls.size(); ++i)
    for (std::size_t j = 0; j < ls.size(); ++j) {
      if (i == j) continue;
      if (ls[i].rank == ls[j].rank && i < j) {
        out.push_back({"level_conflict", ls[i].id + "=" + ls[j].id,
                       {fmt::format("级别“{}”与“{}”等级相同", ls[i].name.zh, ls[j].name.zh),
                        fmt::format("levels '{}' and '{}' have the same rank", ls[i].name.in(Lang::en), ls[j].name.in(Lang::en))},
                       ls[j].source});
        continue;
      }
      if (ls[i].rank <= ls[j].rank) continue;
      // i is more severe than j: for the same system its outage threshold must not be shorter.
      for (const auto& [what, ti] : thresholds(m, ls[i].when))
        for (const auto& [what_j, tj] : thresholds(m, ls[j].when))
          if (what == what_j && ti <= tj)
            out.push_back({"level_conflict", ls[i].id + "<" + ls[j].id,
                           {fmt::format("更高级别“{}”的中断阈值{}不高于“{}”的{}", ls[i].name.zh,
                                        describe_duration(ti, Lang::zh), ls[j].name.zh, describe_duration(tj, Lang::zh)),
                            fmt::format("the more severe level '{}' starts at {} of outage, no later than '{}' at {}",
                                        ls[i].name.in(Lang::en), describe_duration(ti, Lang::en), ls[j].name.in(Lang::en),
                                        describe_duration(tj, Lang::en))},
                           ls[i].source});
    }
}

}  // namespace

std::size_t PlanAnalysis::count(const std::string& kind) const {
  return static_cast<std::size_t>(
      std::count_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.kind == kind; }));
}

PlanAnalysis analyze_plan(const Model& model) {
  PlanAnalysis a;
  unhandled_faults(model, a.findings);
  unanswered_symptoms(model, a.findings);
  stand_ins(model, a.findings);
  single_points(model, a.findings);
  limits(model, a.findings);
  branches(model, a.findings);
  levels(model, a.findings);
  return a;
}

}  // namespace drillsim

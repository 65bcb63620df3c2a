// Judging: every item of a score sheet, with its verdict, its points and why (docs/scoring.md).
//
// Sections, in the order their items appear (score_judge.hpp says which file judges which)
//   steps          the expected steps the walk found
//   procedures     resolution within the procedure's limit
//   reporting      first report, report cycle, summary report
//   grading        true levels declared, levels declared that were never reached
//   conduct        rules of conduct, harmful and needless actions
//   outcomes       business events, data, equipment, downtime
//   objectives     which items count towards which exercise objective (this file)
#include <algorithm>

#include <fmt/format.h>

#include "scoring/score_judge.hpp"
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

namespace judging {

std::string action_text(const Model& m, Ix a, Lang lang) {
  return a < m.catalog.actions.size() ? m.catalog.actions[a].name.in(lang) : "?";
}

std::string number(double v) {
  std::string s = fmt::format("{:.2f}", v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

namespace {

// Which objectives an item counts towards: those with a procedure the item belongs to (steps,
// resolutions), a procedure expecting an action its rule of conduct is about, or a procedure where
// the plan's command acts (reports and grading). A list depends only on the item's kind and its
// procedure or rule, so it is worked out once and copied to every item that shares it.
class ObjectiveLists {
 public:
  explicit ObjectiveLists(const Model& m) : m_(m) {}

  const std::vector<Ix>& of(const Item& it) {
    switch (it.kind) {
      case ItemKind::step:
      case ItemKind::resolution:
        // Items come grouped by procedure run: one list at a time is enough.
        if (it.procedure != procedure_) {
          procedure_ = it.procedure;
          collect(of_procedure_, [&](Ix p) { return p == it.procedure; });
        }
        return of_procedure_;
      case ItemKind::must_not:
        collect(of_rule_, [&](Ix p) { return expects(p, m_.plan.rules[it.rule].action); });
        return of_rule_;
      case ItemKind::must_first:
        collect(of_rule_, [&](Ix p) {
          const ConductRule& rule = m_.plan.rules[it.rule];
          return std::any_of(rule.first.begin(), rule.first.end(), [&](Ix a) { return expects(p, a); }) ||
                 std::any_of(rule.before.begin(), rule.before.end(), [&](Ix a) { return expects(p, a); });
        });
        return of_rule_;
      case ItemKind::first_report:
      case ItemKind::cycle_report:
      case ItemKind::summary_report:
      case ItemKind::grading:
      case ItemKind::over_grading:
        if (!command_known_) {
          command_known_ = true;
          collect(of_command_, [&](Ix p) { return commands(p); });
        }
        return of_command_;
      default: return none_;
    }
  }

 private:
  const Model& m_;
  Ix procedure_ = no_ix;
  std::vector<Ix> of_procedure_;  // of the procedure `procedure_`
  bool command_known_ = false;
  std::vector<Ix> of_command_;
  std::vector<Ix> of_rule_;  // of the last rule asked about
  const std::vector<Ix> none_;

  // The objectives (in order) with a procedure for which `counts(procedure)` holds.
  template <class Counts>
  void collect(std::vector<Ix>& out, Counts counts) const {
    out.clear();
    const auto& objectives = m_.scenario.objectives;
    for (Ix o = 0; o < objectives.size(); ++o)
      if (std::any_of(objectives[o].procedures.begin(), objectives[o].procedures.end(), counts)) out.push_back(o);
  }

  bool expects(Ix p, Ix action) const {
    for (const Step& step : m_.plan.procedures[p].steps)
      for (const ExpectedAction& ex : step.expect)
        if (ex.action == action) return true;
    return false;
  }

  // The plan's command acts in the procedure: a step declares a level or starts or ends the emergency.
  bool commands(Ix p) const {
    for (const Step& step : m_.plan.procedures[p].steps)
      for (const ExpectedAction& ex : step.expect) {
        auto k = m_.catalog.actions[ex.action].comm.kind;
        if (k == Communication::Kind::declare_level || k == Communication::Kind::start_emergency ||
            k == Communication::Kind::end_emergency)
          return true;
      }
    return false;
  }
};

void judge_objectives(const Judging& j) {
  ObjectiveLists lists(j.m);
  for (Item& it : j.s.items) it.objectives = lists.of(it);
}

// Room for the items most sheets have, so that they are built in place without moving: one per
// step reached, procedure run, level reached, business event, loss, violation and communication
// (reports and declarations), and a few more. Needless actions or many report cycles may need more.
std::size_t expected_items(const Observed& o, const Walked& w, const ScoreSheet& s) {
  return w.steps.size() + s.procedures.size() + s.levels_reached.size() + s.business.size() +
         s.equipment_lost.size() + s.downtime.size() + o.violations.size() + o.comms.size() + 4;
}

}  // namespace
}  // namespace judging

void judge(const Model& model, const Rubric& rubric, const Observed& observed, const Walked& walked,
           ScoreSheet& sheet, bool texts, SheetRoom& room) {
  const judging::Judging j{model, rubric, observed, walked, sheet, texts, room};
  sheet.items.reserve(sheet.items.size() + judging::expected_items(observed, walked, sheet));
  judging::judge_steps(j);
  judging::judge_resolutions(j);
  judging::judge_reporting(j);
  judging::judge_grading(j);
  judging::judge_conduct(j);
  judging::judge_outcomes(j);
  judging::judge_objectives(j);
}

}  // namespace drillsim::scoring::detail

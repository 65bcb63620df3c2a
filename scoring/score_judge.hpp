// Judging, split by concept (private to scoring/): what every judging file reads and fills, and the
// text helpers its explanations use.
//
//   score_items.cpp          the order of the sections, the objectives items count towards, helpers
//   score_items_steps.cpp    expected steps and procedure resolution (the plan's own items)
//   score_items_comms.cpp    reporting and grading (communications judged against the plan's rules)
//   score_items_conduct.cpp  rules of conduct, harmful and needless actions, outcomes (penalties)
//
// Monte Carlo judges every replication without texts: then nothing is formatted and no rubric key
// is written (Judging::texts), and no Item is built before it is known to be kept.
#pragma once

#include <string>

#include "scoring/score_internal.hpp"

namespace drillsim::scoring::detail::judging {

// Both languages at once: f(Lang) -> std::string.
template <class F>
Text both(F f) {
  return Text{f(Lang::zh), f(Lang::en)};
}

std::string action_text(const Model& m, Ix action, Lang lang);
// A number as the explanations print it: at most two decimals, no trailing zeros ("2.5", "3").
std::string number(double v);

// What a sheet is judged from and the sheet it is judged into.
struct Judging {
  const Model& m;
  const Rubric& r;
  const Observed& o;
  const Walked& w;
  ScoreSheet& s;
  bool texts;
  SheetRoom& room;

  // A new item at the end of the sheet (Item{}, in room kept from an earlier sheet when there is some).
  Item& add_item() const { return room.add_item(s.items); }

  // An item's explanation in both languages, when texts are wanted.
  template <class F>
  Text text(F f) const {
    return texts ? both(f) : Text{};
  }
  // The rubric entries behind an item's points, when texts are wanted.
  void key(Item& it, const char* rule_key) const {
    if (texts) it.rule_key = rule_key;
  }
  std::string at(SimTime t) const { return clock(m, t); }
  static std::string dur(SimTime t, Lang lang) { return span_text(t, lang); }
};

// The sections, in the order their items appear on the sheet.
void judge_steps(const Judging& j);        // score_items_steps.cpp
void judge_resolutions(const Judging& j);  // score_items_steps.cpp
void judge_reporting(const Judging& j);    // score_items_comms.cpp
void judge_grading(const Judging& j);      // score_items_comms.cpp
void judge_conduct(const Judging& j);      // score_items_conduct.cpp
void judge_outcomes(const Judging& j);     // score_items_conduct.cpp

}  // namespace drillsim::scoring::detail::judging

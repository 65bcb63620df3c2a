// Headless scripts: UI-level steps (open a screen, choose a post, submit an action, advance the
// clock, switch language, take a screenshot) run through the functions the widgets call.
//
// One step per line, words separated by spaces; '#' starts a comment. The last argument of
// inject, evaluate, note and submit's note= takes the rest of the line.
//   lang zh|en                      view facilitator|trainees|post POST
//   screen start|situation|inbox|actions|plan|timeline|facilitator|debrief
//   scenario FILE                   mode tabletop|timed [SPEED]
//   participants-clear              participant NAME POST [A|B]
//   policy on|off                   plan-visible on|off        auto-advance on|off
//   start                           post POST
//   submit POST ACTION [target=ID] [note=TEXT...]
//   advance HH:MM[:SS] | advance +DURATION | next-event | run-to-end
//   wait DURATION (timed mode: the wall clock moves)   pause | resume | speed N
//   inject message POST TEXT...     inject fault COMPONENT FAULT_TYPE
//   hold INJECT | release INJECT    evaluate OBJECTIVE P|S|M|U TEXT...   note TEXT...
//   end                             truth on|off    zoom fit|PERCENT   procedure N
//   timeline-post POST|all          screenshot NAME
//   debrief-tab score|verdicts|outcomes|improvements|timeline|records   export FILE.html
//   improvement N open|done|dropped (the N-th stored item of the drill)
//   crash (exit at once, as a killed process)   resume-saved   expect-clock TIME
//   expect-journal-at-least N
//   Writing a drill (author, msel-*, plan-*, library): see gui/script_author.hpp.
#pragma once

#include <string>
#include <vector>

namespace drillsim::gui {

struct ScriptStep {
  int line = 0;
  std::vector<std::string> words;
  std::string text;  // the whole line, for rest-of-line arguments
  // The line from word i on, as written.
  std::string rest(std::size_t i) const;
};

bool parse_script(const std::string& path, std::vector<ScriptStep>& out, std::string& error);

}  // namespace drillsim::gui

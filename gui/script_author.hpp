// Script steps that drive the author screens (gui/script.cpp hands them over), through the same
// Editor commands the widgets call:
//   library FOLDER                  author-open FILE              author-new PLAN FILE_NAME
//   author-set PATH VALUE...        author-ids PATH ID...         author-tab header|calendar|...|fields
//   author-validate [N]             author-problem N              author-save
//   author-undo [plan]              author-redo [plan]            author-try
//   msel-add KIND                   msel-select N|ID              msel-set COLUMN VALUE...
//   msel-pick COLUMN ID             msel-when not_done|after|health|business [ID] [TIME]
//   msel-duplicate | msel-delete | msel-move up|down              msel-filter TEXT | msel-kind KIND|all
//   msel-export FILE                msel-import FILE              (relative files: beside the screenshots)
//   plan-select PROCEDURE [STEP]    plan-section levels|grading|rules|fields
//   plan-set FIELD VALUE... (of the selected step, else procedure)   plan-save-version VERSION
// PATH is a document path (scenario.name.zh, scenario.calendar[0].at, plan.procedures[2].within).
#pragma once

#include <string>

#include "gui/script.hpp"

namespace drillsim::gui {

class Console;

// Runs an author step; false when `step` is not one (then `error` is untouched). A failed step
// sets `error`.
bool run_author_step(Console& c, const ScriptStep& step, const std::string& dir, std::string& error);

}  // namespace drillsim::gui

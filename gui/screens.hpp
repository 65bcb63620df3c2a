// The screens of the console: each draws one screen from the Drill and sends commands back.
#pragma once

namespace drillsim::gui {

class Console;

void draw_top_bar(Console& c);
void draw_start(Console& c);
void draw_situation(Console& c);
void draw_inbox(Console& c);
void draw_actions(Console& c);
void draw_plan(Console& c);
void draw_timeline(Console& c);
void draw_facilitator(Console& c);
void draw_debrief(Console& c);
// Writing a drill (no drill needs to run): open or make a scenario or plan, and their editors.
void draw_author(Console& c);
void draw_author_scenario(Console& c);
void draw_author_plan(Console& c);
// Parts of the scenario editor (screen_author_msel.cpp, screen_author_try.cpp).
void draw_msel_editor(Console& c);
void draw_try_it(Console& c);

// Unread inbox entries for the current view (the navigation shows the count).
int inbox_unread(Console& c);
// The journal as the timeline screen shows it (also used by the debrief).
void draw_journal_table(Console& c, const char* id, bool with_filters);

}  // namespace drillsim::gui

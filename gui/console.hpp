// The drill console: the screens, the top bar and the commands they send. Immediate mode: every
// frame is drawn from the Drill; the console keeps only UI choices (screen, view, drafts, filters).
//
// Sections of the implementation:
//   console.cpp            commands (what a click or a script step does), per-frame bookkeeping
//   console_frame.cpp      the frame: top bar, navigation, status line, dispatch to the screens
//   screen_start.cpp       plan, scenario, mode, participants and their posts
//   screen_situation.cpp   the platform graph and the business calendar
//   screen_inbox.cpp       messages, complaints, alarms and observations as they arrive
//   screen_actions.cpp     per post: the catalog's actions, targets, durations, who is busy
//   screen_plan.cpp        the plan's procedures and steps as a reference
//   screen_timeline.cpp    the journal, filterable by post and kind
//   screen_facilitator.cpp clock, live injects, holds, evaluations, ending the drill
//   screen_debrief.cpp     outcomes, evaluations, the timeline (scoring and records when present)
//   screen_author*.cpp     writing a drill: open or make a scenario or plan, the scenario editor (MSEL,
//                          calendar, objectives, try it), the plan editor; state in editor_state.hpp
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "gui/autosave.hpp"
#include "gui/font_atlas.hpp"
#include "gui/graph_layout.hpp"
#include "gui/scenario_library.hpp"
#include "gui/session.hpp"
#include "gui/trainee_knowledge.hpp"
#include "scoring/improvements.hpp"
#include "scoring/rubric.hpp"
#include "scoring/score.hpp"

namespace drillsim::gui {

class Editor;

enum class Screen { start, situation, inbox, actions, plan, timeline, facilitator, debrief, author, author_scenario,
                    author_plan };
constexpr int screen_count = 11;
const char* screen_name(Screen s);
// The debrief's tabs, in order (scripts name them).
constexpr const char* debrief_tabs[] = {"score", "verdicts", "outcomes", "improvements", "timeline", "records"};  // "start", "situation", ... (scripts, string keys nav.<name>)
bool screen_from_name(std::string_view name, Screen& out);

// Whose eyes the console shows: the facilitator's (the truth too) or the trainees' (one post, or
// every trainee post when post is no_ix).
struct View {
  bool facilitator = true;
  Ix post = no_ix;
};

// The drill's score as scoring/ computes it from the journal (recomputed when the journal grew).
struct ScoreView {
  std::size_t journal_size = static_cast<std::size_t>(-1);
  std::int64_t computed_at_ms = 0;  // a running timed drill is re-scored at most every two seconds
  bool ok = false;
  std::string error;
  scoring::ScoreSheet sheet;
  std::vector<scoring::Improvement> improvements;
};

// Drafts and choices the screens keep between frames. Nothing here copies the drill's state.
struct ConsoleUi {
  Screen screen = Screen::start;
  View view;
  // start
  std::string library_folder;
  std::vector<ScenarioEntry> library;
  std::string new_participant;
  // situation
  bool show_truth = true;  // facilitator: truth or what the trainees know
  float zoom = 0;          // 0: fit
  // inbox: entries seen, by view key
  std::map<Ix, std::size_t> inbox_seen;
  std::size_t inbox_new_from = 0;  // entries from here on are marked new while the inbox is open
  int inbox_filter = 0;    // 0 all, 1 messages, 2 observations
  // actions
  Ix actions_post = no_ix;
  struct ActionDraft {
    int target = -1;        // index into the target choices
    std::string note;
  };
  std::map<std::pair<Ix, Ix>, ActionDraft> drafts;  // (post, action)
  std::string actions_filter;
  std::string last_result;  // what the last submission came to
  bool last_ok = true;
  // plan
  Ix plan_procedure = 0;
  // timeline
  Ix timeline_post = no_ix;
  std::uint32_t timeline_kinds = ~0u;  // bit per TimelineGroup
  std::string timeline_search;
  std::vector<std::size_t> timeline_rows;  // filtered journal indices
  std::uint64_t timeline_key = 0;          // what timeline_rows was filtered for
  bool timeline_follow = true;
  // facilitator
  struct InjectDraft {
    int kind = 0;  // Inject::Kind
    int component = 0, fault_type = 0, post = 0, person = 0, fact = 0;
    std::string from_zh, from_en, text_zh, text_en, at;
    int late_min = 15;
  } inject;
  struct EvaluationDraft {
    int objective = 0;
    int rating = 0;  // P S M U
    std::string evaluator, text;
  } evaluation;
  std::string note;
  std::string goto_time;
  bool confirm_end = false;
  std::string inject_result, evaluation_result;
  // debrief
  std::string export_path;
  std::string export_result;
  std::string improvement_error;  // why the last change of an item's status failed
  int records_year = 0;  // 0: this year
  int debrief_tab = -1;  // a tab to bring forward once (scripts): index into debrief_tabs
};

class Console {
 public:
  // wall_ms: the wall clock in milliseconds (the pacer's input; scripts give a virtual one).
  // autosave_dir and store_path: see Autosave (store_path "none": no records store).
  Console(FontAtlas& atlas, std::function<std::int64_t()> wall_ms, std::string autosave_dir = {},
          std::string store_path = {}, records::Durability durability = records::Durability::full);
  ~Console();

  // ---- commands: what widgets and script steps do ----
  void open_screen(Screen s);
  void set_lang(Lang lang);
  void set_view(View v);
  void scan_library(const std::string& folder);
  bool choose_scenario(const std::string& path);   // loads and validates it; problems in load_problems()
  SessionSetup& draft() { return draft_; }          // the start screen's setup
  void add_participant(const std::string& name, Ix post, int role);
  void remove_participant(std::size_t i);
  bool start_drill();
  bool resume_saved();
  void discard_saved();
  void select_post(Ix post);
  SubmitResult submit_action(Ix post, Ix action, Ix target, const std::string& target_id, const std::string& note);
  void advance_to(SimTime t);
  void advance_by(SimTime dt);
  bool next_event();
  void pause();
  void resume();
  void set_speed(double factor);
  bool add_live_inject(Inject inject, std::string* error = nullptr);
  bool hold_inject(Ix inject);
  bool release_inject(Ix inject);
  bool evaluate(const std::string& evaluator, const std::string& objective, const std::string& rating,
                const std::string& text);
  void add_note(const std::string& author, const std::string& text);
  void end_drill();
  // Writes the after-action report (HTML, or Markdown by the extension); false with a reason.
  bool export_report(const std::string& path, std::string* error = nullptr);
  // Sets the status (open, done, dropped) of an improvement item of the drill as stored; its note is
  // kept. False with a reason (no store, the drill not stored, an unknown item or status).
  bool set_improvement_status(std::int64_t item, const std::string& status, std::string* error = nullptr);

  // ---- frames ----
  // Between frames: timed-mode clock, glyphs for new text. True when the font atlas was rebuilt
  // (the renderer must upload it again).
  bool before_frame();
  // Builds the whole UI (between ImGui::NewFrame and ImGui::Render).
  void frame();
  void set_ui_scale(float s) { ui_scale_ = s; }
  // Keep every distinct text drawn, so used_text() covers text made at run time too (scripts, tests).
  void collect_shown_text(bool on) { collect_shown_ = on; }
  float ui_scale() const { return ui_scale_; }

  // ---- what the screens read ----
  ConsoleUi& ui() { return ui_; }
  const ConsoleUi& ui() const { return ui_; }
  DrillSession* session() { return session_.get(); }
  const DrillSession* session() const { return session_.get(); }
  const Model* model() const { return model_.get(); }  // the chosen scenario (before and during a drill)
  const std::vector<std::string>& load_problems() const { return problems_; }
  const TraineeKnowledge& knowledge() const { return knowledge_; }
  const GraphLayout& layout() const { return layout_; }
  FontAtlas& atlas() { return atlas_; }
  Editor& editor() { return *editor_; }  // the author screens' documents (usable without a drill)
  Autosave& autosave() { return autosave_; }
  const std::optional<SavedDrill>& saved() const { return saved_; }
  const std::string& status() const { return status_; }
  // The score of the drill so far (computed on demand, cached by journal size).
  const ScoreView& score();
  const std::string& rubric_error() const { return rubric_error_; }
  void set_status(std::string s, bool ok = true) { status_ = std::move(s), status_ok_ = ok; }
  bool status_ok() const { return status_ok_; }
  std::int64_t wall_ms() const { return wall_ms_(); }
  // The posts the current view acts for (trainee: its post or every trainee post; facilitator: all).
  std::vector<Ix> view_posts() const;
  bool sees_truth() const { return ui_.view.facilitator; }
  bool screen_visible(Screen s) const;
  // Everything the console may show for the loaded model, for the atlas and the glyph test.
  std::string used_text() const;
  // The author name written with the facilitator's own commands.
  std::string facilitator_name() const;

 private:
  FontAtlas& atlas_;
  std::function<std::int64_t()> wall_ms_;
  ConsoleUi ui_;
  SessionSetup draft_;
  std::shared_ptr<const Model> model_;
  std::vector<std::string> problems_;
  std::unique_ptr<DrillSession> session_;
  TraineeKnowledge knowledge_;
  GraphLayout layout_;
  Autosave autosave_;
  std::optional<SavedDrill> saved_;
  scoring::Rubric rubric_;
  std::string rubric_error_;
  ScoreView score_;
  std::string status_;
  bool status_ok_ = true;
  std::size_t glyphs_seen_ = 0;  // journal entries already given to the atlas
  float ui_scale_ = 1;
  bool collect_shown_ = false;
  std::unordered_set<std::string> shown_;  // every distinct text drawn (scripts: the glyph check)
  static void on_text(std::string_view text, void* self);
  bool finished_seen_ = false;
  std::unique_ptr<Editor> editor_;

  void reset_knowledge();
  void after_command();
};

}  // namespace drillsim::gui

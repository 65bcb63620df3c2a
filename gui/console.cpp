// The console's commands (what a click or a script step does) and its per-frame bookkeeping.
//
// Sections
//   screens        screen names
//   commands       scenario choice, start and resume, submissions, the clock, injects, evaluations
//   per frame      finishing the drill, glyphs for new journal lines, the knowledge of the trainees
//   score          scoring the journal (cached) and exporting the after-action report
#include "gui/console.hpp"

#include <imgui.h>

#include <filesystem>

#include "gui/editor_state.hpp"
#include "gui/strings.hpp"
#include "gui/used_text.hpp"
#include "gui/widgets.hpp"
#include "records/stored_drill.hpp"
#include "scoring/report.hpp"
#include "sim/load/loader.hpp"
#include "sim/world/names.hpp"
#include "sim/world/timeline.hpp"

namespace drillsim::gui {

namespace {
const char* screen_names[screen_count] = {"start",       "situation", "inbox",  "actions",         "plan",       "timeline",
                                          "facilitator", "debrief",   "author", "author_scenario", "author_plan"};
}

const char* screen_name(Screen s) { return screen_names[static_cast<int>(s)]; }

bool screen_from_name(std::string_view name, Screen& out) {
  for (int i = 0; i < screen_count; ++i)
    if (name == screen_names[i]) {
      out = static_cast<Screen>(i);
      return true;
    }
  return false;
}

Console::Console(FontAtlas& atlas, std::function<std::int64_t()> wall_ms, std::string autosave_dir,
                 std::string store_path, records::Durability durability)
    : atlas_(atlas), wall_ms_(std::move(wall_ms)), autosave_(std::move(autosave_dir), std::move(store_path), durability) {
  editor_ = std::make_unique<Editor>([this](std::string_view text) { atlas_.want(text); }, wall_ms_);
  editor_->rubric_path = scoring::default_rubric_path(DRILLSIM_SOURCE_DIR);
  atlas_.want(strings().all_text());
  set_text_observer(&Console::on_text, this);
  scan_library(shipped_scenarios_dir());
  std::string error;
  saved_ = autosave_.load(&error);
  if (!error.empty()) set_status(error, false);
  else if (!autosave_.store_error().empty()) set_status(autosave_.store_error(), false);
  Diagnostics problems;
  if (!scoring::load_rubric(scoring::default_rubric_path(DRILLSIM_SOURCE_DIR), rubric_, problems))
    rubric_error_ = problems.empty() ? "the scoring rubric cannot be loaded" : problems.front().str();
}

Console::~Console() {
  autosave_.stop();
  set_text_observer(nullptr, nullptr);
}

void Console::on_text(std::string_view text, void* self) {
  auto* c = static_cast<Console*>(self);
  c->atlas_.want(text);
  if (c->collect_shown_ && c->shown_.size() < 200000) c->shown_.emplace(text);
}

// ---------------------------------------------------------------- commands

void Console::open_screen(Screen s) {
  if (!screen_visible(s)) return;
  if (s == Screen::inbox && ui_.screen != Screen::inbox)
    ui_.inbox_new_from = ui_.inbox_seen[ui_.view.facilitator ? no_ix - 1 : ui_.view.post];
  ui_.screen = s;
}

void Console::set_lang(Lang lang) { strings().set_lang(lang); }

void Console::set_view(View v) {
  ui_.view = v;
  status_.clear();  // the last command's result may be about another post
  if (!screen_visible(ui_.screen)) ui_.screen = session_ ? Screen::situation : Screen::start;
  std::vector<Ix> posts = view_posts();
  if (!v.facilitator && !posts.empty()) ui_.actions_post = posts.front();
  reset_knowledge();
}

void Console::scan_library(const std::string& folder) {
  ui_.library_folder = folder;
  ui_.library = scan_scenarios(folder);
  for (const auto& e : ui_.library) {
    atlas_.want(e.name.zh + e.name.en + e.description.zh + e.description.en + e.plan_name.zh + e.plan_name.en);
    atlas_.want(e.path);
  }
  atlas_.want(folder);
}

bool Console::choose_scenario(const std::string& path) {
  LoadResult loaded = load_scenario(path);
  problems_.clear();
  if (!loaded.ok()) {
    for (const auto& p : loaded.problems) problems_.push_back(p.str());
    for (const auto& p : problems_) atlas_.want(p);
    model_.reset();
    draft_ = SessionSetup{};
    draft_.scenario_path = path;
    return false;
  }
  model_ = loaded.model;
  draft_ = SessionSetup{};
  draft_.scenario_path = path;
  int n = 0;
  for (Ix p : model_->scenario.trainee_posts) draft_.participants.push_back({trf("start.default_trainee", ++n), p, 0});
  atlas_.want(model_text(*model_));
  atlas_.want(engine_vocabulary(*model_));
  atlas_.want(path);
  return true;
}

void Console::add_participant(const std::string& name, Ix post, int role) {
  draft_.participants.push_back({name, post, role});
  atlas_.want(name);
}

void Console::remove_participant(std::size_t i) {
  if (i < draft_.participants.size()) draft_.participants.erase(draft_.participants.begin() + static_cast<long>(i));
}

bool Console::start_drill() {
  if (!model_) {
    set_status(tr("status.no_scenario"), false);
    return false;
  }
  if (session_ && !session_->drill().finished()) end_drill();  // a drill is never left running in the store
  autosave_.stop();
  session_ = std::make_unique<DrillSession>(model_, draft_, wall_ms());
  std::string error;
  score_ = ScoreView{};
  if (!autosave_.begin(*session_, facilitator_name(), &error)) set_status(error, false);
  else set_status(trf("status.started", tx(model_->scenario.name)));
  saved_.reset();
  finished_seen_ = false;
  glyphs_seen_ = 0;
  layout_ = layout_platform(session_->drill().graph(), model_->platform.components.size());
  std::vector<Ix> trainees = session_->trainee_posts();
  ui_.actions_post = trainees.empty() ? 0 : trainees.front();
  ui_.inbox_seen.clear();
  ui_.timeline_key = 0;
  ui_.drafts.clear();
  ui_.last_result.clear();
  reset_knowledge();
  ui_.screen = Screen::situation;
  return true;
}

bool Console::resume_saved() {
  if (!saved_) return false;
  if (!choose_scenario(saved_->scenario_path)) {
    set_status(trf("status.resume_failed", problems_.empty() ? "" : problems_.front()), false);
    return false;
  }
  SessionSetup setup;
  std::string error;
  if (!setup_from_yaml(saved_->setup_yaml, *model_, setup, &error)) {
    set_status(trf("status.resume_failed", error), false);
    return false;
  }
  draft_ = setup;
  auto session = resume_session(model_, setup, saved_->journal, saved_->clock, wall_ms(), error);
  if (!session) {
    atlas_.want(error);
    set_status(trf("status.resume_failed", error), false);
    return false;
  }
  autosave_.stop();
  session_ = std::move(session);
  score_ = ScoreView{};
  if (!autosave_.begin(*session_, facilitator_name(), &error, &*saved_)) set_status(error, false);
  saved_.reset();
  finished_seen_ = session_->drill().finished();
  glyphs_seen_ = 0;
  layout_ = layout_platform(session_->drill().graph(), model_->platform.components.size());
  std::vector<Ix> trainees = session_->trainee_posts();
  ui_.actions_post = trainees.empty() ? 0 : trainees.front();
  ui_.timeline_key = 0;
  reset_knowledge();
  ui_.screen = Screen::situation;
  set_status(trf("status.resumed", clock_text(model_->scenario, session_->drill().now())));
  return true;
}

void Console::discard_saved() {
  autosave_.discard();
  saved_.reset();
}

void Console::select_post(Ix post) {
  std::vector<Ix> posts = view_posts();
  for (Ix p : posts)
    if (p == post) ui_.actions_post = post;
}

SubmitResult Console::submit_action(Ix post, Ix action, Ix target, const std::string& target_id,
                                    const std::string& note) {
  SubmitResult r;
  if (!session_) return r;
  const Participant* who = session_->participant_at(post);
  std::string actor = who && !who->name.empty() ? who->name : facilitator_name();  // never empty: resume keys on it
  r = session_->submit(actor, post, action, target, target_id, note);
  const Model& m = *model_;
  std::string name = action < m.catalog.actions.size() ? tx(m.catalog.actions[action].name) : target_id;
  if (action < m.catalog.actions.size() && !target_id.empty())
    name += " [" + tx(target_text(m, m.catalog.actions[action], target, target_id)) + "]";
  if (r.accepted) {
    ui_.last_result = trf("actions.accepted", name, clock_text(m.scenario, r.completes));
    ui_.last_ok = true;
    if (session_->setup().mode == DrillMode::tabletop && session_->setup().auto_advance) session_->auto_advance();
  } else {
    ui_.last_result = trf("actions.refused", name, tx(r.reason));
    ui_.last_ok = false;
  }
  atlas_.want(ui_.last_result);
  set_status(ui_.last_result, r.accepted);
  after_command();
  return r;
}

void Console::advance_to(SimTime t) {
  if (!session_) return;
  session_->advance_to(t);
  session_->reanchor(wall_ms());
  after_command();
}

void Console::advance_by(SimTime dt) {
  if (session_) advance_to(session_->drill().now() + dt);
}

bool Console::next_event() {
  if (!session_) return false;
  bool moved = session_->next_event();
  session_->reanchor(wall_ms());
  after_command();
  return moved;
}

void Console::pause() {
  if (session_) session_->pause(wall_ms());
}

void Console::resume() {
  if (session_) session_->resume(wall_ms());
}

void Console::set_speed(double factor) {
  if (session_) session_->set_speed(factor, wall_ms());
}

bool Console::add_live_inject(Inject inject, std::string* error) {
  if (!session_) return false;
  std::string why;
  bool ok = session_->add_inject(std::move(inject), &why);
  ui_.inject_result = ok ? tr("facilitator.inject_added") : trf("facilitator.inject_failed", why);
  atlas_.want(ui_.inject_result);
  if (error) *error = why;
  after_command();
  return ok;
}

bool Console::hold_inject(Ix inject) { return session_ && session_->hold_inject(inject); }

bool Console::release_inject(Ix inject) {
  bool ok = session_ && session_->release_inject(inject);
  after_command();
  return ok;
}

bool Console::evaluate(const std::string& evaluator, const std::string& objective, const std::string& rating,
                       const std::string& text) {
  if (!session_) return false;
  atlas_.want(evaluator + text);
  bool ok = session_->add_evaluation(evaluator.empty() ? tr("role.evaluator") : evaluator, objective, rating, text);
  ui_.evaluation_result = ok ? tr("facilitator.evaluation_recorded") : tr("facilitator.evaluation_failed");
  return ok;
}

void Console::add_note(const std::string& author, const std::string& text) {
  if (!session_) return;
  atlas_.want(author + text);
  session_->add_note(author.empty() ? facilitator_name() : author, text);
}

void Console::end_drill() {
  if (!session_) return;
  session_->end();
  after_command();
  ui_.screen = Screen::debrief;
}

// ---------------------------------------------------------------- per frame

void Console::after_command() {
  if (!session_) return;
  autosave_.clock(session_->drill().now());
  if (session_->drill().finished() && !finished_seen_) {
    finished_seen_ = true;
    const ScoreView& sv = score();
    std::string error;
    if (!autosave_.finish(sv.ok ? &sv.sheet : nullptr, sv.ok ? &sv.improvements : nullptr, &error))
      set_status(error, false);
    ui_.screen = Screen::debrief;
    set_status(tr("status.finished"));
  }
}

bool Console::before_frame() {
  editor_->tick();
  if (session_) {
    session_->tick(wall_ms());
    after_command();
    knowledge_.update(*model_, session_->drill().journal());
    const auto& entries = session_->drill().journal().entries();
    for (; glyphs_seen_ < entries.size(); ++glyphs_seen_) {
      atlas_.want(render_entry(*model_, entries[glyphs_seen_], Lang::zh));
      atlas_.want(render_entry(*model_, entries[glyphs_seen_], Lang::en));
    }
  }
  atlas_.want(status_);
  if (!atlas_.pending()) return false;
  atlas_.build(atlas_.pixel_size());
  return true;
}

void Console::reset_knowledge() {
  if (!model_) return;
  std::vector<Ix> posts;
  if (session_) posts = ui_.view.facilitator ? session_->trainee_posts() : view_posts();
  knowledge_.reset(*model_, posts);
  if (session_) knowledge_.update(*model_, session_->drill().journal());
}

std::vector<Ix> Console::view_posts() const {
  std::vector<Ix> out;
  if (!model_) return out;
  if (ui_.view.facilitator) {
    std::vector<Ix> trainees = session_ ? session_->trainee_posts() : std::vector<Ix>{};
    out = trainees;  // the trainees' posts first, then the rest
    for (Ix p = 0; p < model_->organisation.posts.size(); ++p)
      if (!session_ || !session_->is_trainee_post(p)) out.push_back(p);
    return out;
  }
  if (ui_.view.post != no_ix) return {ui_.view.post};
  return session_ ? session_->trainee_posts() : out;
}

bool Console::screen_visible(Screen s) const {
  bool running = session_ != nullptr;
  switch (s) {
    case Screen::start: return ui_.view.facilitator;
    case Screen::facilitator: return ui_.view.facilitator && running;
    case Screen::plan: return running && (ui_.view.facilitator || session_->setup().trainees_see_plan);
    case Screen::debrief: return running && (ui_.view.facilitator || session_->drill().finished());
    case Screen::author: return ui_.view.facilitator;
    case Screen::author_scenario: return ui_.view.facilitator && editor_->doc(DocKind::scenario).open();
    case Screen::author_plan: return ui_.view.facilitator && editor_->doc(DocKind::plan).open();
    default: return running;
  }
}

std::string Console::used_text() const {
  std::string out = strings().all_text();
  for (const auto& e : ui_.library) out += e.name.zh + e.name.en + e.plan_name.zh + e.plan_name.en;
  if (model_) out += model_text(*model_) + engine_vocabulary(*model_);
  if (session_)
    for (const auto& e : session_->drill().journal().entries())
      out += render_entry(*model_, e, Lang::zh) + render_entry(*model_, e, Lang::en);
  for (const auto& s : shown_) out += s;
  return out;
}

std::string Console::facilitator_name() const { return tr("role.facilitator"); }

// ---------------------------------------------------------------- score

const ScoreView& Console::score() {
  if (!session_) return score_;
  const auto& journal = session_->drill().journal().entries();
  if (score_.journal_size == journal.size()) return score_;
  std::int64_t now = wall_ms();
  bool fresh_enough = score_.journal_size != static_cast<std::size_t>(-1) && now - score_.computed_at_ms < 2000;
  if (fresh_enough && !session_->drill().finished()) return score_;
  score_ = ScoreView{};
  score_.journal_size = journal.size();
  score_.computed_at_ms = now;
  if (!rubric_error_.empty()) {
    score_.error = rubric_error_;
    return score_;
  }
  std::vector<scoring::Evaluation> after;
  if (autosave_.store() && autosave_.drill_id() > 0) after = autosave_.store()->observations(autosave_.drill_id());
  score_.ok = scoring::score_journal(model_, journal, rubric_, score_.sheet, score_.error, after);
  if (score_.ok) score_.improvements = scoring::improvements_of(*model_, score_.sheet, rubric_, date_text(model_->scenario));
  atlas_.want(score_.error);
  return score_;
}

bool Console::set_improvement_status(std::int64_t item, const std::string& status, std::string* error) {
  std::string why;
  records::Store* store = autosave_.store();
  bool ok = false;
  if (!store) why = autosave_.store_error();
  else if (autosave_.drill_id() <= 0) why = "the drill is not in the record store";
  else ok = store->set_improvement_status(item, status, std::string(), why);
  ui_.improvement_error = ok ? std::string() : why;
  if (error) *error = why;
  return ok;
}

bool Console::export_report(const std::string& path, std::string* error) {
  const ScoreView& sv = score();
  std::string why = sv.error;
  bool ok = sv.ok;
  if (ok) {
    scoring::ReportInput in;
    records::Store* store = autosave_.store();
    if (!(store && autosave_.drill_id() > 0 &&
          records::report_input(*store, autosave_.drill_id(), model_, sv.sheet, in, why))) {
      in = scoring::ReportInput{};
      in.model = model_.get();
      in.sheet = &sv.sheet;
      in.held_on = date_text(model_->scenario);
      in.facilitator = facilitator_name();
      for (const Participant& p : session_->setup().participants)
        if (p.post < model_->organisation.posts.size()) in.participants.emplace_back(p.name, model_->organisation.posts[p.post].id);
      in.mode = "live";
      for (const auto& imp : sv.improvements) in.improvements.push_back({imp, "open", 0});
    }
    in.lang = strings().lang();
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    std::vector<std::string> written;
    ok = scoring::write_report_files(in, {path}, "", written, why);
  }
  ui_.export_result = ok ? trf("debrief.exported", path) : trf("debrief.export_failed", why);
  atlas_.want(ui_.export_result);
  if (error) *error = why;
  return ok;
}

}  // namespace drillsim::gui

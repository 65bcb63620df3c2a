// A drill as the console runs it: the Drill, the mode (tabletop or timed), the participants and
// the plan-following policy that plays the other posts. UI-independent: the widgets and the
// headless script call these same functions, and every change goes through the Drill's API.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/kernel/pacer.hpp"
#include "sim/world/drill.hpp"

namespace drillsim {
class PlanPolicy;
}

namespace drillsim::gui {

enum class DrillMode { tabletop, timed };

// A person in the drill room and the post they hold, as its A角 (role 0) or B角 (role 1).
struct Participant {
  std::string name;
  Ix post = no_ix;
  int role = 0;
};

struct SessionSetup {
  std::string scenario_path;
  DrillMode mode = DrillMode::tabletop;
  double speed = 1;                 // timed mode: simulated seconds per wall second
  std::vector<Participant> participants;
  bool policy_plays_others = true;  // drillsim plays the posts nobody holds
  bool trainees_see_plan = true;
  bool auto_advance = true;         // tabletop: when every trainee post is busy, run to the next news
  std::int64_t seed = -1;           // -1: the scenario's
};

class DrillSession {
 public:
  DrillSession(std::shared_ptr<const Model> model, SessionSetup setup, std::int64_t wall_ms);
  ~DrillSession();
  DrillSession(const DrillSession&) = delete;
  DrillSession& operator=(const DrillSession&) = delete;

  const Model& model() const { return *model_; }
  std::shared_ptr<const Model> model_ptr() const { return model_; }
  const Drill& drill() const { return *drill_; }
  const SessionSetup& setup() const { return setup_; }
  SessionSetup& setup() { return setup_; }  // participants' names, plan visibility: no effect on the run

  // The clock. Every way of moving it runs the events one time slice at a time, letting the
  // policy act after each, so that a resumed session reproduces the same journal.
  void advance_to(SimTime t);
  void advance_by(SimTime dt) { advance_to(drill_->now() + dt); }
  bool next_event();  // runs the next time slice; false when nothing is left
  // Tabletop: when every trainee post has an action under way, runs until one is free again or a
  // message or observation reaches a trainee post. Returns true if the clock moved.
  bool auto_advance();
  // Timed mode: follows the pacer at wall_ms.
  void tick(std::int64_t wall_ms);
  void pause(std::int64_t wall_ms) { pacer_.pause(wall_ms); }
  void resume(std::int64_t wall_ms) { pacer_.resume(wall_ms); }
  void set_speed(double factor, std::int64_t wall_ms);
  bool paused() const { return pacer_.paused(); }
  const Pacer& pacer() const { return pacer_; }
  // After a jump the pacer follows the drill's new time (and stays paused if it was).
  void reanchor(std::int64_t wall_ms);

  // Commands.
  SubmitResult submit(const std::string& actor, Ix post, Ix action, Ix target, const std::string& target_id,
                      const std::string& note);
  // Each command is followed by the events it made due at the current time (a live inject "now",
  // an action of no duration), so that no later command of the same second comes before them:
  // the order in which replay() and scoring play a journal back.
  bool add_inject(Inject inject, std::string* error = nullptr);
  bool hold_inject(Ix inject);
  bool release_inject(Ix inject);
  void add_note(const std::string& author, const std::string& text);
  bool add_evaluation(const std::string& author, const std::string& objective, const std::string& rating,
                      const std::string& text);
  void end() { drill_->end(); }

  // Who is who.
  bool is_trainee_post(Ix post) const;
  std::vector<Ix> trainee_posts() const;       // posts some participant holds, in the organisation's order
  const Participant* participant_at(Ix post) const;  // the first participant holding the post
  bool policy_plays(Ix post) const;            // drillsim plays this post

  // Receives every journal entry (the ones written so far first): the autosave's write-through.
  void set_journal_sink(std::function<void(const JournalEntry&)> sink);

 private:
  std::shared_ptr<const Model> model_;
  SessionSetup setup_;
  std::unique_ptr<Drill> drill_;
  std::unique_ptr<PlanPolicy> policy_;
  std::vector<char> policy_posts_;
  Pacer pacer_;
  void after_slice();
};

DrillOptions drill_options(const SessionSetup& setup);

// Rebuilds a session from an autosaved journal: a fresh drill with the same setup, the commands
// people gave (entries with an actor, live injects, holds, notes, an early end) replayed through
// the same functions at their times while the policy plays as it did. Null with a reason on failure.
std::unique_ptr<DrillSession> resume_session(std::shared_ptr<const Model> model, const SessionSetup& setup,
                                             const std::vector<JournalEntry>& journal, SimTime clock,
                                             std::int64_t wall_ms, std::string& error);

}  // namespace drillsim::gui

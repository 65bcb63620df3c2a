// What the trainees can know about the platform and the business calendar: derived only from the
// journal entries they receive (symptom messages, their own observations, business notices),
// never from the drill's true state. Responders see symptoms, not causes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/model/model.hpp"
#include "sim/world/journal.hpp"

namespace drillsim::gui {

// What the last report said about a component: nothing yet, down, degraded, or back up.
enum class Reported : std::uint8_t { unknown, down, degraded, up };

struct ComponentKnowledge {
  Reported reported = Reported::unknown;
  SimTime since = 0;
  std::vector<std::size_t> evidence;  // journal indices of the messages and observations about it
  bool checked = false;               // a diagnostic action targeted it
};

struct CalendarKnowledge {
  SimTime at = 0;          // as announced (postponements move it)
  std::string state;       // "", waiting, held, held_fallback, delayed, missed (business entry results)
};

class TraineeKnowledge {
 public:
  // Which posts' messages and observations count (by post index); empty means every post.
  void reset(const Model& model, std::vector<Ix> posts);
  // Reads the entries added since the last call (the journal only grows).
  void update(const Model& model, const Journal& journal);
  const std::vector<ComponentKnowledge>& components() const { return components_; }
  const std::vector<CalendarKnowledge>& calendar() const { return calendar_; }
  // Does the entry reach the posts this knowledge is for (messages, observations, comms)?
  bool reaches(const Model& model, const JournalEntry& e) const;

 private:
  struct SymptomRef {
    std::string id;
    Ix component = no_ix;
    Reported reports = Reported::down;
  };
  std::vector<SymptomRef> symptoms_;  // sorted by id
  std::vector<char> posts_;           // by post; empty: all
  std::vector<ComponentKnowledge> components_;
  std::vector<CalendarKnowledge> calendar_;
  std::size_t read_ = 0;
};

// The earliest business event not yet settled (to come, or waiting for a recovery), as the trainees
// know the calendar: its index, or no_ix when none is left.
Ix next_deadline(const std::vector<CalendarKnowledge>& calendar);

}  // namespace drillsim::gui

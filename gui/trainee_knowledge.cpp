// Deriving what the trainees can know from the journal entries that reach them.
#include "gui/trainee_knowledge.hpp"

#include <algorithm>

namespace drillsim::gui {

void TraineeKnowledge::reset(const Model& model, std::vector<Ix> posts) {
  symptoms_.clear();
  const auto& comps = model.platform.components;
  for (Ix c = 0; c < comps.size(); ++c)
    for (const Symptom& s : comps[c].symptoms) {
      Reported r = s.on_recovery ? Reported::up : s.on == Health::degraded ? Reported::degraded : Reported::down;
      symptoms_.push_back({s.id, c, r});
    }
  std::sort(symptoms_.begin(), symptoms_.end(), [](const SymptomRef& a, const SymptomRef& b) { return a.id < b.id; });
  posts_.clear();
  if (!posts.empty()) {
    posts_.assign(model.organisation.posts.size(), 0);
    for (Ix p : posts)
      if (p < posts_.size()) posts_[p] = 1;
  }
  components_.assign(comps.size(), {});
  calendar_.clear();
  for (const BusinessEvent& b : model.scenario.calendar) calendar_.push_back({b.at, ""});
  read_ = 0;
}

bool TraineeKnowledge::reaches(const Model& model, const JournalEntry& e) const {
  if (e.truth_only) return false;
  if (posts_.empty() || e.post.empty()) return true;
  Ix p = model.find_post(e.post);
  return p != no_ix && posts_[p];
}

void TraineeKnowledge::update(const Model& model, const Journal& journal) {
  const auto& entries = journal.entries();
  if (entries.size() < read_) read_ = 0;  // a new journal: start again
  for (; read_ < entries.size(); ++read_) {
    const JournalEntry& e = entries[read_];
    if (e.truth_only) continue;
    if (e.kind == EntryKind::message && reaches(model, e)) {
      auto it = std::lower_bound(symptoms_.begin(), symptoms_.end(), e.subject,
                                 [](const SymptomRef& s, const std::string& id) { return s.id < id; });
      if (it != symptoms_.end() && it->id == e.subject) {
        ComponentKnowledge& k = components_[it->component];
        k.reported = it->reports;
        k.since = e.t;
        k.evidence.push_back(read_);
      }
    } else if (e.kind == EntryKind::observation && reaches(model, e) && !e.target.empty()) {
      Ix c = model.find_component(e.target);
      if (c != no_ix) {
        components_[c].checked = true;
        components_[c].evidence.push_back(read_);
      }
    } else if (e.kind == EntryKind::business) {
      Ix b = model.find_business_event(e.subject);
      if (b == no_ix || b >= calendar_.size()) continue;
      if (e.result == "postponed") {
        calendar_[b].at += e.value;
        calendar_[b].state.clear();
      } else {
        calendar_[b].state = e.result;
      }
    }
  }
}

Ix next_deadline(const std::vector<CalendarKnowledge>& calendar) {
  Ix best = no_ix;
  for (Ix b = 0; b < calendar.size(); ++b) {
    const auto& c = calendar[b];
    if (!c.state.empty() && c.state != "waiting") continue;  // settled
    if (best == no_ix || c.at < calendar[best].at) best = b;
  }
  return best;
}

}  // namespace drillsim::gui

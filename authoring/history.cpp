// Undo and redo: a list of whole document states (each with the label of the edit that made it),
// the current position, and which state was last saved. An edit that changes nothing is not kept.
#include "authoring/history.hpp"

namespace drillsim::authoring {

namespace {

constexpr std::size_t never = static_cast<std::size_t>(-1);

// Content and presentation both (an edit may only change how a text is written).
bool same(const DocNode& a, const DocNode& b) {
  if (a.kind != b.kind || a.flow != b.flow || a.quoted != b.quoted || a.value != b.value || a.comment != b.comment ||
      a.keys != b.keys ||
      a.items.size() != b.items.size())
    return false;
  for (std::size_t i = 0; i < a.items.size(); ++i)
    if (!same(a.items[i], b.items[i])) return false;
  return true;
}

const std::string& nothing() {
  static const std::string empty;
  return empty;
}

}  // namespace

History::History(std::size_t limit) : limit_(limit < 2 ? 2 : limit) { entries_.push_back({DocNode(), {}}); }

void History::reset(const DocNode& state) {
  entries_.clear();
  entries_.push_back({state, {}});
  current_ = 0;
  saved_ = 0;
}

void History::record(const DocNode& state, std::string label) {
  if (same(state, entries_[current_].state)) return;
  entries_.resize(current_ + 1);  // drops the redo branch
  if (saved_ != never && saved_ > current_) saved_ = never;
  entries_.push_back({state, std::move(label)});
  current_ = entries_.size() - 1;
  if (entries_.size() > limit_) {
    entries_.erase(entries_.begin());
    --current_;
    saved_ = saved_ == 0 || saved_ == never ? never : saved_ - 1;
  }
}

bool History::can_undo() const { return current_ > 0; }

bool History::can_redo() const { return current_ + 1 < entries_.size(); }

const std::string& History::undo_label() const { return can_undo() ? entries_[current_].label : nothing(); }

const std::string& History::redo_label() const { return can_redo() ? entries_[current_ + 1].label : nothing(); }

bool History::undo(DocNode& state) {
  if (!can_undo()) return false;
  --current_;
  state = entries_[current_].state;
  return true;
}

bool History::redo(DocNode& state) {
  if (!can_redo()) return false;
  ++current_;
  state = entries_[current_].state;
  return true;
}

bool History::dirty() const { return saved_ != current_; }

void History::mark_saved() { saved_ = current_; }

}  // namespace drillsim::authoring

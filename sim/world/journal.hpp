// The journal: every event, message, observation and action of a drill, time-stamped, in order.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/model/basics.hpp"

namespace drillsim {

enum class EntryKind : std::uint8_t {
  drill_start, drill_end,
  inject,          // an MSEL inject fired (facilitator)
  live_inject,     // the facilitator added an inject during the drill (replayed)
  inject_held, inject_released,
  fault, fault_cleared, health,  // truth (facilitator)
  message,         // a symptom or inject message delivered to a post (trainees)
  submit,          // an action submitted (replayed)
  rejected,        // a submission refused, with the reason
  action_done, observation, comm,
  fact, component_state,  // effects: a fact set/cleared; a component activated, off, moved, destroyed
  temperature, battery, fire,  // dynamics (facilitator)
  party_called, party_arrived,
  person,          // absent, late, arrived
  business,        // a business event held, delayed, missed, postponed
  level_reached,   // the true response level rose (facilitator)
  note,            // evaluator or facilitator note
};

const char* entry_kind_name(EntryKind kind);
bool entry_kind_from_name(std::string_view name, EntryKind& out);

// Flat on purpose: one JSON object per line, no nesting, easy to grep and to replay.
struct JournalEntry {
  SimTime t = 0;
  EntryKind kind = EntryKind::note;
  bool truth_only = false;  // only the facilitator sees it
  std::string post;         // recipient or actor post id
  std::string actor;        // the participant's name (submit)
  std::string action;       // action id
  std::string target;       // target id
  std::string subject;      // component, fault type, fact, party, person, business event, inject, level id
  std::string result;       // observation result, state name, reason code
  Text text;                // rendered message / observation / reason
  Text from;                // message sender
  std::int64_t value = 0;   // durations, temperatures ×10, delays ...
  std::uint32_t run = 0;    // submission number (1-based) linking submit, done, observation
};

class Journal {
 public:
  void add(JournalEntry entry) { entries_.push_back(std::move(entry)); }
  const std::vector<JournalEntry>& entries() const { return entries_; }
  std::size_t size() const { return entries_.size(); }
  void clear() { entries_.clear(); }
  std::string to_jsonl() const;
  std::uint64_t hash() const;  // FNV-1a 64 of to_jsonl(): the golden-journal fingerprint
 private:
  std::vector<JournalEntry> entries_;
};

std::string to_json(const JournalEntry& entry);
// Parses one line written by to_json; false (with a reason) on anything else.
bool parse_journal_line(std::string_view line, JournalEntry& out, std::string& error);

}  // namespace drillsim

// Rendering journal entries as a human-readable timeline, in Chinese or English.
#pragma once

#include <string>

#include "sim/model/model.hpp"
#include "sim/world/journal.hpp"

namespace drillsim {

// "HH:MM:SS" of simulated time t on the scenario's wall clock ("D+1 HH:MM:SS" past midnight).
std::string clock_text(const Scenario& scenario, SimTime t);
// "2026-03-18" of the scenario's start.
std::string date_text(const Scenario& scenario);
// One line: clock, a bracketed label, and what happened. Truth-only entries are marked with '*'.
std::string render_entry(const Model& model, const JournalEntry& entry, Lang lang);

}  // namespace drillsim

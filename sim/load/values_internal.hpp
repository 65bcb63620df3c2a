// Reading durations, times, dates and distributions from the tree (private to sim/load).
#pragma once

#include <cstdint>
#include <string>

#include "sim/load/context_internal.hpp"

namespace drillsim::load_detail {

// Durations longer than this are refused as impossible (100 years).
constexpr SimTime max_duration_s = 100LL * 366 * 24 * 3600;

// "1h30m" style, for messages.
std::string format_duration(SimTime seconds);

// A DURATION node; reports negative or malformed values.
bool read_duration(const FileCtx& ctx, const YNode& node, SimTime& out);

// A DISTRIBUTION node: a plain duration (fixed) or a {dist: ...} map.
bool read_distribution(const FileCtx& ctx, const YNode& node, Distribution& out);

// "YYYY-MM-DD HH:MM" or "YYYY-MM-DD HH:MM:SS" as seconds since 1970 (as if UTC).
bool parse_date_time(const std::string& text, std::int64_t& epoch_s);

// How TIME values are read: in a scenario they may be wall-clock times on the start date.
struct TimeBase {
  bool wall_clock = false;       // scenario: HH:MM and dates allowed
  bool start_known = false;      // the scenario's start parsed fine
  std::int64_t start_epoch = 0;  // start as seconds since 1970
  std::string start_text;
};

// A TIME node: "+DURATION", or (in a scenario) "HH:MM[:SS]" or "YYYY-MM-DD HH:MM[:SS]".
// Stored as seconds from the start; never before it.
bool read_time(const FileCtx& ctx, const YNode& node, const TimeBase& base, SimTime& out);

}  // namespace drillsim::load_detail

// Durations ("1h30m"), times ("09:30", "+20m", "2026-03-18 14:00") and distributions.
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "sim/model/civil_date.hpp"

#include "sim/load/loader.hpp"
#include "sim/load/values_internal.hpp"

namespace drillsim {

bool parse_duration(const std::string& text, SimTime& out) {
  using load_detail::max_duration_s;
  if (text.empty()) return false;
  std::size_t i = 0;
  SimTime total = 0;
  int last_unit_rank = 4;  // d=3 h=2 m=1 s=0; units must come largest first, each once
  bool any_unit = false;
  while (i < text.size()) {
    const std::size_t digits_start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    if (i == digits_start || i - digits_start > 12) return false;
    SimTime number = 0;
    std::from_chars(text.data() + digits_start, text.data() + i, number);
    if (i == text.size()) {
      if (any_unit) return false;  // "1h30" is ambiguous
      total = number;
      break;
    }
    SimTime unit = 0;
    int rank = 0;
    switch (text[i]) {
      case 'd':
        unit = 86400;
        rank = 3;
        break;
      case 'h':
        unit = 3600;
        rank = 2;
        break;
      case 'm':
        unit = 60;
        rank = 1;
        break;
      case 's':
        unit = 1;
        rank = 0;
        break;
      default:
        return false;
    }
    if (rank >= last_unit_rank) return false;
    last_unit_rank = rank;
    any_unit = true;
    ++i;
    total += number * unit;  // at most 12 digits times a day: no overflow
    if (total > max_duration_s) return false;
  }
  if (total > max_duration_s) return false;
  out = total;
  return true;
}

namespace load_detail {

std::string format_duration(SimTime seconds) {
  if (seconds == 0) return "0s";
  const bool negative = seconds < 0;
  const SimTime v = negative ? -seconds : seconds;
  const SimTime d = v / 86400, h = v % 86400 / 3600, m = v % 3600 / 60, s = v % 60;
  auto part = [](SimTime n, char unit) { return n ? fmt::format("{}{}", n, unit) : std::string(); };
  return fmt::format("{}{}{}{}{}", negative ? "-" : "", part(d, 'd'), part(h, 'h'), part(m, 'm'), part(s, 's'));
}

namespace {

const char* const duration_help = "write 90s, 20m, 2h, 1h30m, 1d or a whole number of seconds";

bool duration_text(const FileCtx& ctx, const YNode& node, const std::string& text, SimTime& out) {
  if (!text.empty() && text[0] == '-') {
    ctx.error(node, fmt::format("negative duration '{}': durations are never negative", text));
    return false;
  }
  if (parse_duration(text, out)) return true;
  const bool shaped = !text.empty() && text[0] >= '0' && text[0] <= '9' &&
                      text.find_first_not_of("0123456789dhms") == std::string::npos;
  if (shaped)
    ctx.error(node, fmt::format("'{}' is not a valid duration: units largest first, each once "
                                "(1h30m, not 30m1h or 1h30), and at most 100 years",
                                text));
  else
    ctx.error(node, fmt::format("'{}' is not a duration: {}", text, duration_help));
  return false;
}

}  // namespace

bool read_duration(const FileCtx& ctx, const YNode& node, SimTime& out) {
  if (!node.is_scalar()) {
    ctx.error(node, fmt::format("expected a duration (e.g. 20m), got {}", kind_name(node)));
    return false;
  }
  return duration_text(ctx, node, node.value, out);
}

namespace {

bool read_sigma(const FileCtx& ctx, const YNode& node, double& out) {
  if (!read_number(ctx, node, out)) return false;
  if (out < 0) {
    ctx.error(node, "sigma must not be negative");
    return false;
  }
  return true;
}

bool read_param(const FileCtx& ctx, const Fields& f, std::string_view key, double& out) {
  const YNode* node = f.require(key);
  if (!node) return false;
  SimTime seconds = 0;
  if (!read_duration(ctx, *node, seconds)) return false;
  out = static_cast<double>(seconds);
  return true;
}

}  // namespace

bool read_distribution(const FileCtx& ctx, const YNode& node, Distribution& out) {
  if (node.is_scalar()) {
    SimTime seconds = 0;
    if (!read_duration(ctx, node, seconds)) return false;
    out = Distribution::fixed(static_cast<double>(seconds));
    return true;
  }
  if (!node.is_map()) {
    ctx.error(node, fmt::format("expected a duration or a {{dist: ...}} map, got {}", kind_name(node)));
    return false;
  }
  const YNode* dist = node.find("dist");
  if (!dist) {
    ctx.error(node,
              "missing required field 'dist' in a distribution (exponential, normal, lognormal, "
              "triangular, uniform, discrete)");
    return false;
  }
  const std::string kind = dist->is_scalar() ? dist->value : std::string();
  Distribution d;
  bool ok = true;
  if (kind == "fixed") {
    Fields f(ctx, node, "a fixed distribution", {"dist", "value"});
    d.kind = Distribution::Kind::fixed;
    ok = f.ok() && read_param(ctx, f, "value", d.a);
  } else if (kind == "exponential") {
    Fields f(ctx, node, "an exponential distribution", {"dist", "mean"});
    d.kind = Distribution::Kind::exponential;
    ok = f.ok() && read_param(ctx, f, "mean", d.a);
  } else if (kind == "normal") {
    Fields f(ctx, node, "a normal distribution", {"dist", "mean", "sd"});
    d.kind = Distribution::Kind::normal;
    ok = f.ok();
    ok = ok && read_param(ctx, f, "mean", d.a);
    ok = f.ok() && read_param(ctx, f, "sd", d.b) && ok;
  } else if (kind == "lognormal") {
    Fields f(ctx, node, "a lognormal distribution", {"dist", "median", "sigma"});
    d.kind = Distribution::Kind::lognormal;
    ok = f.ok() && read_param(ctx, f, "median", d.a);
    const YNode* sigma = f.require("sigma");
    ok = sigma && read_sigma(ctx, *sigma, d.b) && ok;
  } else if (kind == "triangular") {
    Fields f(ctx, node, "a triangular distribution", {"dist", "min", "mode", "max"});
    d.kind = Distribution::Kind::triangular;
    ok = f.ok();
    ok = read_param(ctx, f, "min", d.a) && ok;
    ok = read_param(ctx, f, "mode", d.b) && ok;
    ok = read_param(ctx, f, "max", d.c) && ok;
    if (ok && !(d.a <= d.b && d.b <= d.c)) {
      ctx.error(*f.get("min"),
                fmt::format("a triangular distribution needs min <= mode <= max (got {}, {}, {})",
                            format_duration(static_cast<SimTime>(d.a)), format_duration(static_cast<SimTime>(d.b)),
                            format_duration(static_cast<SimTime>(d.c))));
      ok = false;
    }
  } else if (kind == "uniform") {
    Fields f(ctx, node, "a uniform distribution", {"dist", "min", "max"});
    d.kind = Distribution::Kind::uniform;
    ok = f.ok();
    ok = read_param(ctx, f, "min", d.a) && ok;
    ok = read_param(ctx, f, "max", d.b) && ok;
    if (ok && d.a > d.b) {
      ctx.error(*f.get("min"),
                fmt::format("min ({}) is greater than max ({})", format_duration(static_cast<SimTime>(d.a)),
                            format_duration(static_cast<SimTime>(d.b))));
      ok = false;
    }
  } else if (kind == "discrete") {
    Fields f(ctx, node, "a discrete distribution", {"dist", "values", "weights"});
    d.kind = Distribution::Kind::discrete;
    const YNode* values = f.require("values");
    const YNode* weights = f.require("weights");
    ok = f.ok() && values && weights;
    if (ok) {
      for (const YNode* v : read_list(ctx, *values, "durations")) {
        SimTime seconds = 0;
        if (read_duration(ctx, *v, seconds))
          d.values.push_back(static_cast<double>(seconds));
        else
          ok = false;
      }
      double total = 0;
      for (const YNode* w : read_list(ctx, *weights, "weights")) {
        double weight = 0;
        if (!read_number(ctx, *w, weight)) {
          ok = false;
        } else if (weight < 0) {
          ctx.error(*w, "a weight must not be negative");
          ok = false;
        } else {
          d.weights.push_back(weight);
          total += weight;
        }
      }
      if (ok && d.values.empty()) {
        ctx.error(*values, "a discrete distribution needs at least one value");
        ok = false;
      } else if (ok && d.values.size() != d.weights.size()) {
        ctx.error(*weights, fmt::format("{} weights for {} values: give one weight per value", d.weights.size(),
                                        d.values.size()));
        ok = false;
      } else if (ok && !(total > 0)) {
        ctx.error(*weights, "the weights must not all be 0");
        ok = false;
      }
    }
  } else {
    ctx.error(*dist, fmt::format("unknown distribution '{}' (allowed: exponential, normal, lognormal, "
                                 "triangular, uniform, discrete; or a plain duration)",
                                 dist->is_scalar() ? dist->value : kind_name(*dist)));
    return false;
  }
  if (ok) out = std::move(d);
  return ok;
}

namespace {

bool read_digits(const std::string& s, std::size_t& i, std::size_t min_len, std::size_t max_len, int& out) {
  const std::size_t start = i;
  while (i < s.size() && i - start < max_len && s[i] >= '0' && s[i] <= '9') ++i;
  if (i - start < min_len) return false;
  out = 0;
  for (std::size_t k = start; k < i; ++k) out = out * 10 + (s[k] - '0');
  return true;
}

// "HH:MM" or "HH:MM:SS" from position i to the end of s.
bool parse_clock(const std::string& s, std::size_t i, int& seconds_of_day) {
  int h = 0, m = 0, sec = 0;
  if (!read_digits(s, i, 1, 2, h) || i >= s.size() || s[i] != ':') return false;
  ++i;
  if (!read_digits(s, i, 2, 2, m)) return false;
  if (i < s.size()) {
    if (s[i] != ':') return false;
    ++i;
    if (!read_digits(s, i, 2, 2, sec)) return false;
  }
  if (i != s.size() || h > 23 || m > 59 || sec > 59) return false;
  seconds_of_day = h * 3600 + m * 60 + sec;
  return true;
}

}  // namespace

bool parse_date_time(const std::string& text, std::int64_t& epoch_s) {
  std::size_t i = 0;
  int y = 0, mo = 0, d = 0;
  if (!read_digits(text, i, 4, 4, y) || i >= text.size() || text[i] != '-') return false;
  ++i;
  if (!read_digits(text, i, 2, 2, mo) || i >= text.size() || text[i] != '-') return false;
  ++i;
  if (!read_digits(text, i, 2, 2, d) || i >= text.size() || (text[i] != ' ' && text[i] != 'T')) return false;
  ++i;
  static constexpr int days_in_month[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (mo < 1 || mo > 12 || d < 1 || d > days_in_month[mo - 1]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (mo == 2 && d == 29 && !leap) return false;
  int seconds_of_day = 0;
  if (!parse_clock(text, i, seconds_of_day)) return false;
  epoch_s = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + seconds_of_day;
  return true;
}

bool read_time(const FileCtx& ctx, const YNode& node, const TimeBase& base, SimTime& out) {
  if (!node.is_scalar()) {
    ctx.error(node, fmt::format("expected a time (HH:MM, +DURATION or YYYY-MM-DD HH:MM), got {}", kind_name(node)));
    return false;
  }
  const std::string& text = node.value;
  if (!text.empty() && text[0] == '+') return duration_text(ctx, node, text.substr(1), out);
  int seconds_of_day = 0;
  std::int64_t epoch = 0;
  const bool clock = parse_clock(text, 0, seconds_of_day);
  const bool date = !clock && parse_date_time(text, epoch);
  if (clock || date) {
    if (!base.wall_clock) {
      ctx.error(node, fmt::format("'{}': a plan or catalog has no start date, so only +DURATION times "
                                  "(from the drill's start) are allowed here",
                                  text));
      return false;
    }
    if (!base.start_known) return false;  // the start itself was reported
    if (clock) epoch = base.start_epoch - ((base.start_epoch % 86400) + 86400) % 86400 + seconds_of_day;
    if (epoch < base.start_epoch) {
      ctx.error(node, fmt::format("time '{}' is before the scenario's start ({}){}", text, base.start_text,
                                  clock ? "; for the next day write the date too: YYYY-MM-DD HH:MM" : ""));
      return false;
    }
    out = epoch - base.start_epoch;
    return true;
  }
  SimTime ignored = 0;
  if (parse_duration(text, ignored))
    ctx.error(node, fmt::format("'{}' is not a time: write +{} for that long after the start", text, text));
  else
    ctx.error(node, fmt::format("'{}' is not a time: write HH:MM, HH:MM:SS, +DURATION or YYYY-MM-DD HH:MM", text));
  return false;
}

}  // namespace load_detail

bool parse_scenario_time(const std::string& text, std::int64_t start_epoch_s, SimTime& out) {
  if (!text.empty() && text[0] == '+') return parse_duration(text.substr(1), out);
  int seconds_of_day = 0;
  std::int64_t epoch = 0;
  if (load_detail::parse_clock(text, 0, seconds_of_day))
    epoch = start_epoch_s - ((start_epoch_s % 86400) + 86400) % 86400 + seconds_of_day;
  else if (!load_detail::parse_date_time(text, epoch))
    return false;
  if (epoch < start_epoch_s) return false;
  out = epoch - start_epoch_s;
  return true;
}

}  // namespace drillsim

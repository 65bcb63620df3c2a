// Basic vocabulary of the model: simulated time, indices, bilingual text, distributions.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace drillsim {

// Simulated time in whole seconds since the scenario's start. Integer by design (determinism).
using SimTime = std::int64_t;
constexpr SimTime never = std::numeric_limits<SimTime>::max();

// Index of a loaded object inside its owning vector (components, posts, actions, ...).
// The loader resolves every textual id into an Ix; the run never looks ids up by string.
using Ix = std::uint32_t;
constexpr Ix no_ix = std::numeric_limits<Ix>::max();
// Stands for "the target the trainee chose" inside a catalog action's effects and observations.
constexpr Ix target_ix = no_ix - 1;

enum class Lang { zh, en };

// A text in both languages. Either may be empty; `in` falls back to the other one.
struct Text {
  std::string zh;
  std::string en;
  const std::string& in(Lang lang) const {
    if (lang == Lang::en) return en.empty() ? zh : en;
    return zh.empty() ? en : zh;
  }
  bool empty() const { return zh.empty() && en.empty(); }
};

// A random duration or time, in seconds. Parameters are in seconds too.
// YAML: a plain duration ("90s", "20m", "2h", "1h30m", or an integer of seconds) is `fixed`;
// otherwise a map: {dist: exponential, mean: 10m} · {dist: normal, mean: 10m, sd: 2m}
// · {dist: lognormal, median: 10m, sigma: 0.4} · {dist: triangular, min: 5m, mode: 10m, max: 30m}
// · {dist: uniform, min: 5m, max: 10m} · {dist: discrete, values: [5m, 10m], weights: [3, 1]}.
// Samples are rounded to whole seconds and never negative.
struct Distribution {
  enum class Kind { fixed, exponential, normal, lognormal, triangular, uniform, discrete };
  Kind kind = Kind::fixed;
  double a = 0;  // fixed: value · exponential: mean · normal: mean · lognormal: median · triangular/uniform: min
  double b = 0;  // normal: sd · lognormal: sigma · triangular: mode · uniform: max
  double c = 0;  // triangular: max
  std::vector<double> values;   // discrete
  std::vector<double> weights;  // discrete, same length as values, need not sum to 1
  static Distribution fixed(double seconds) { return Distribution{Kind::fixed, seconds}; }
  double mean() const;  // the expected value, for planners and the fastest-path analysis
  double min() const;   // the smallest value it can draw
};

}  // namespace drillsim

// Random number streams: xoshiro256** seeded by splitmix64, and the project's own distributions.
//
// Determinism across builds: the generator is pure integer arithmetic. The distributions use only
// + - * / (exact in IEEE 754) and std::exp, std::log, std::sqrt, std::cos. sqrt is correctly rounded
// everywhere; exp, log and cos are not required to be, but every build of drillsim uses the same glibc
// (whose results for them do not depend on the compiler or the optimisation level), so a seed gives
// the same draws on every machine we ship to. Keep it that way: no <random> distributions (their
// algorithms differ between standard libraries), no -ffast-math, no other libm functions without
// checking them.
#include "sim/kernel/rng.hpp"

#include <cmath>
#include <limits>

namespace drillsim {

namespace {

constexpr double two_pi = 6.283185307179586476925286766559;

// splitmix64's output function: a bijective mix of one 64-bit word.
std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// One step of splitmix64: advances `state` and returns the next output.
std::uint64_t splitmix64(std::uint64_t& state) {
  state += 0x9e3779b97f4a7c15ULL;
  return mix64(state);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

Rng substream(std::uint64_t seed, Stream purpose, std::uint32_t entity, std::uint32_t occurrence) {
  std::uint64_t key = mix64(seed ^ 0x6a09e667f3bcc909ULL);
  key = mix64(key ^ (static_cast<std::uint64_t>(purpose) + 1));
  key = mix64(key ^ (static_cast<std::uint64_t>(entity) << 32 | occurrence));
  return Rng(key);
}

Rng::Rng(std::uint64_t seed) {
  // Four consecutive splitmix64 outputs are never all zero (the output is a bijection of the counter),
  // so the xoshiro state is always valid.
  std::uint64_t state = seed;
  for (auto& word : s_) word = splitmix64(state);
}

std::uint64_t Rng::next_u64() {
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

double Rng::uniform01() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

double Rng::exponential(double mean) {
  // 1 - u is in (0, 1], so the log is finite.
  return -mean * std::log(1.0 - uniform01());
}

double Rng::normal(double mean, double sd) {
  // Box-Muller, cosine branch only: the spare sine value is dropped so that the state stays the four
  // words (a cached spare would make a draw depend on how many normals were drawn before).
  const double u1 = 1.0 - uniform01();  // (0, 1]
  const double u2 = uniform01();
  return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(two_pi * u2);
}

double Rng::lognormal(double median, double sigma) { return median * std::exp(sigma * normal(0.0, 1.0)); }

double Rng::triangular(double min, double mode, double max) {
  const double u = uniform01();
  const double span = max - min;
  if (!(span > 0)) return min;
  const double left = mode - min;
  if (u * span < left) return min + std::sqrt(u * span * left);
  return max - std::sqrt((1.0 - u) * span * (max - mode));
}

double Rng::uniform(double min, double max) { return min + (max - min) * uniform01(); }

std::size_t Rng::discrete(const double* weights, std::size_t n) {
  // Non-positive (and NaN) weights never win; with no positive weight at all every index is equally
  // likely. Exactly one draw either way.
  const double u = uniform01();
  if (n == 0) return 0;
  double total = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (weights[i] > 0) total += weights[i];
  if (!(total > 0)) {
    const auto i = static_cast<std::size_t>(u * static_cast<double>(n));
    return i < n ? i : n - 1;
  }
  const double target = u * total;
  double cumulative = 0;
  std::size_t last_positive = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!(weights[i] > 0)) continue;
    cumulative += weights[i];
    last_positive = i;
    if (target < cumulative) return i;
  }
  return last_positive;  // rounding left target at the very top
}

SimTime Rng::sample(const Distribution& d) {
  double x = 0;
  switch (d.kind) {
    case Distribution::Kind::fixed: x = d.a; break;  // draws nothing
    case Distribution::Kind::exponential: x = exponential(d.a); break;
    case Distribution::Kind::normal: x = normal(d.a, d.b); break;  // clamped at 0 below
    case Distribution::Kind::lognormal: x = lognormal(d.a, d.b); break;
    case Distribution::Kind::triangular: x = triangular(d.a, d.b, d.c); break;
    case Distribution::Kind::uniform: x = uniform(d.a, d.b); break;
    case Distribution::Kind::discrete: {
      if (d.values.empty()) break;
      // Weights pair with values; without weights every value is equally likely.
      const std::size_t n = d.weights.empty() ? d.values.size()
                                              : (d.weights.size() < d.values.size() ? d.weights.size()
                                                                                    : d.values.size());
      if (d.weights.empty()) {
        const double u = uniform01();
        auto i = static_cast<std::size_t>(u * static_cast<double>(n));
        x = d.values[i < n ? i : n - 1];
      } else {
        x = d.values[discrete(d.weights.data(), n)];
      }
      break;
    }
  }
  if (!(x > 0)) return 0;  // negative, zero or NaN
  // Far beyond any drill; keeps llround defined.
  constexpr double cap = 4.0e18;
  if (x >= cap) return static_cast<SimTime>(cap);
  return static_cast<SimTime>(std::llround(x));
}

RngStreams::RngStreams(std::uint64_t scenario_seed) {
  // A purpose's seed is splitmix64 applied to (mixed scenario seed + purpose index steps), so two
  // purposes, or two neighbouring scenario seeds, start from unrelated states.
  const std::uint64_t base = mix64(scenario_seed);
  for (std::size_t i = 0; i < streams_.size(); ++i) {
    std::uint64_t state = base + 0x9e3779b97f4a7c15ULL * static_cast<std::uint64_t>(i);
    streams_[i] = Rng(splitmix64(state));
  }
}

}  // namespace drillsim

// Random number streams: one per purpose, derived from the scenario seed, with our own distribution code.
#pragma once

#include <array>
#include <cstdint>

#include "sim/model/basics.hpp"

namespace drillsim {

// xoshiro256** seeded through splitmix64: the same sequence on every compiler and platform.
class Rng {
 public:
  explicit Rng(std::uint64_t seed = 1);
  std::uint64_t next_u64();
  double uniform01();  // [0, 1), 53 bits
  // Distributions, implemented here (not <random>'s, whose results differ between libraries).
  double exponential(double mean);
  double normal(double mean, double sd);  // Box-Muller, no cached spare (state is the 4 words only)
  double lognormal(double median, double sigma);
  double triangular(double min, double mode, double max);
  double uniform(double min, double max);
  std::size_t discrete(const double* weights, std::size_t n);
  // A sample of d in whole seconds, never negative.
  SimTime sample(const Distribution& d);
 private:
  std::array<std::uint64_t, 4> s_{};
};

// Purposes that each get their own stream, so that changing how often one is drawn from (for example
// a plan revision with more actions) never shifts the draws of another: common random numbers.
enum class Stream : std::uint8_t { fault_timing = 0, durations, people, business_noise, parties, effect_delays, count };

// A generator for one draw of one purpose about one thing: the `occurrence`-th draw for `entity`
// (an action, a party, a person, an inject). Keying draws this way gives common random numbers
// across plan revisions: the third restart of the server takes as long under plan A as under plan B,
// however many other actions either plan adds or removes.
Rng substream(std::uint64_t seed, Stream purpose, std::uint32_t entity, std::uint32_t occurrence);

class RngStreams {
 public:
  explicit RngStreams(std::uint64_t scenario_seed = 1);
  Rng& operator[](Stream s) { return streams_[static_cast<std::size_t>(s)]; }
 private:
  std::array<Rng, static_cast<std::size_t>(Stream::count)> streams_;
};

}  // namespace drillsim

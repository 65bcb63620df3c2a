// Tests of the random number streams: pinned sequences, stream independence, distribution shapes.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "sim/kernel/rng.hpp"

using namespace drillsim;

namespace {

constexpr int draws = 200000;

struct Moments {
  double mean = 0;
  double sd = 0;
};

template <class Draw>
Moments moments(Draw draw) {
  double sum = 0, sum_sq = 0;
  for (int i = 0; i < draws; ++i) {
    const double x = draw();
    sum += x;
    sum_sq += x * x;
  }
  const double mean = sum / draws;
  return {mean, std::sqrt(sum_sq / draws - mean * mean)};
}

Distribution make(Distribution::Kind kind, double a, double b = 0, double c = 0) {
  Distribution d;
  d.kind = kind;
  d.a = a;
  d.b = b;
  d.c = c;
  return d;
}

}  // namespace

TEST_CASE("a fixed seed gives the pinned sequence (xoshiro256** seeded by splitmix64)") {
  // Pinned once, from an independent transcription of the reference C code of splitmix64 and
  // xoshiro256** (itself checked on their published first outputs). If these change, every recorded
  // drill replays differently.
  Rng rng(42);
  CHECK(rng.next_u64() == 0x15780b2e0c2ec716ULL);
  CHECK(rng.next_u64() == 0x6104d9866d113a7eULL);
  CHECK(rng.next_u64() == 0xae17533239e499a1ULL);
  CHECK(rng.next_u64() == 0xecb8ad4703b360a1ULL);
  Rng zero(0);
  CHECK(zero.next_u64() == 0x99ec5f36cb75f2b4ULL);
  Rng durations = RngStreams(42)[Stream::durations];
  CHECK(durations.next_u64() == 0x930ffd577961a88aULL);
}

TEST_CASE("uniform01 uses 53 bits and stays in [0, 1)") {
  Rng rng(7);
  Rng raw(7);
  for (int i = 0; i < 1000; ++i) {
    const double u = rng.uniform01();
    CHECK(u >= 0.0);
    CHECK(u < 1.0);
    CHECK(u == static_cast<double>(raw.next_u64() >> 11) / 9007199254740992.0);
  }
}

TEST_CASE("the same seed gives the same sequence, another seed a different one") {
  Rng a(123), b(123), c(124);
  bool all_equal = true, any_equal_to_c = false;
  for (int i = 0; i < 100; ++i) {
    const std::uint64_t x = a.next_u64();
    all_equal = all_equal && x == b.next_u64();
    any_equal_to_c = any_equal_to_c || x == c.next_u64();
  }
  CHECK(all_equal);
  CHECK_FALSE(any_equal_to_c);
}

TEST_CASE("each purpose has its own stream") {
  RngStreams streams(2024);
  std::vector<std::vector<std::uint64_t>> firsts;
  for (std::size_t s = 0; s < static_cast<std::size_t>(Stream::count); ++s) {
    Rng copy = streams[static_cast<Stream>(s)];
    std::vector<std::uint64_t> values;
    for (int i = 0; i < 8; ++i) values.push_back(copy.next_u64());
    firsts.push_back(values);
  }
  for (std::size_t i = 0; i < firsts.size(); ++i)
    for (std::size_t j = i + 1; j < firsts.size(); ++j) CHECK(firsts[i] != firsts[j]);

  // A different scenario seed gives different streams.
  RngStreams other(2025);
  CHECK(other[Stream::fault_timing].next_u64() != firsts[0][0]);
}

TEST_CASE("drawing from one stream does not change another (common random numbers)") {
  RngStreams quiet(99), busy(99);
  for (int i = 0; i < 10000; ++i) busy[Stream::durations].exponential(60);
  for (int i = 0; i < 100; ++i) {
    REQUIRE(quiet[Stream::fault_timing].next_u64() == busy[Stream::fault_timing].next_u64());
    REQUIRE(quiet[Stream::people].next_u64() == busy[Stream::people].next_u64());
  }
}

TEST_CASE("sample means and spreads match each distribution") {
  Rng rng(31337);
  SUBCASE("uniform01") {
    const Moments m = moments([&] { return rng.uniform01(); });
    CHECK(m.mean == doctest::Approx(0.5).epsilon(0.01));
    CHECK(m.sd == doctest::Approx(std::sqrt(1.0 / 12)).epsilon(0.01));
  }
  SUBCASE("exponential") {
    const Moments m = moments([&] { return rng.exponential(600); });
    CHECK(m.mean == doctest::Approx(600).epsilon(0.015));
    CHECK(m.sd == doctest::Approx(600).epsilon(0.02));
  }
  SUBCASE("normal") {
    const Moments m = moments([&] { return rng.normal(300, 45); });
    CHECK(m.mean == doctest::Approx(300).epsilon(0.005));
    CHECK(m.sd == doctest::Approx(45).epsilon(0.015));
  }
  SUBCASE("lognormal: median and mean") {
    int below = 0;
    const Moments m = moments([&] {
      const double x = rng.lognormal(600, 0.4);
      below += x < 600;
      return x;
    });
    CHECK(static_cast<double>(below) / draws == doctest::Approx(0.5).epsilon(0.01));
    CHECK(m.mean == doctest::Approx(600 * std::exp(0.08)).epsilon(0.01));
  }
  SUBCASE("triangular") {
    double lowest = 1e9, highest = -1e9;
    const Moments m = moments([&] {
      const double x = rng.triangular(300, 600, 1800);
      lowest = std::min(lowest, x);
      highest = std::max(highest, x);
      return x;
    });
    CHECK(m.mean == doctest::Approx(900).epsilon(0.01));
    const double variance = (300.0 * 300 + 600.0 * 600 + 1800.0 * 1800 - 300.0 * 600 - 300.0 * 1800 -
                             600.0 * 1800) / 18;
    CHECK(m.sd == doctest::Approx(std::sqrt(variance)).epsilon(0.015));
    CHECK(lowest >= 300);
    CHECK(highest <= 1800);
  }
  SUBCASE("uniform") {
    const Moments m = moments([&] { return rng.uniform(300, 600); });
    CHECK(m.mean == doctest::Approx(450).epsilon(0.005));
    CHECK(m.sd == doctest::Approx(300 / std::sqrt(12.0)).epsilon(0.01));
  }
}

TEST_CASE("discrete respects weights that need not sum to 1") {
  Rng rng(5);
  const double weights[] = {3, 0, 1, 6};
  int counts[4] = {0, 0, 0, 0};
  for (int i = 0; i < draws; ++i) counts[rng.discrete(weights, 4)]++;
  CHECK(counts[1] == 0);
  CHECK(counts[0] / double(draws) == doctest::Approx(0.3).epsilon(0.02));
  CHECK(counts[2] / double(draws) == doctest::Approx(0.1).epsilon(0.03));
  CHECK(counts[3] / double(draws) == doctest::Approx(0.6).epsilon(0.01));
}

TEST_CASE("discrete with no positive weight picks uniformly") {
  Rng rng(6);
  const double weights[] = {0, 0, 0};
  int counts[3] = {0, 0, 0};
  for (int i = 0; i < 30000; ++i) counts[rng.discrete(weights, 3)]++;
  for (int c : counts) CHECK(c / 30000.0 == doctest::Approx(1.0 / 3).epsilon(0.05));
}

TEST_CASE("sample gives whole seconds, never negative, with the distribution's mean") {
  Rng rng(77);
  Distribution discrete = make(Distribution::Kind::discrete, 0);
  discrete.values = {300, 600, 1200};
  discrete.weights = {3, 1, 0};
  const std::vector<Distribution> cases = {
      Distribution::fixed(90),
      make(Distribution::Kind::exponential, 600),
      make(Distribution::Kind::normal, 600, 120),
      make(Distribution::Kind::lognormal, 600, 0.4),
      make(Distribution::Kind::triangular, 300, 600, 1800),
      make(Distribution::Kind::uniform, 300, 600),
      discrete,
  };
  for (const Distribution& d : cases) {
    CAPTURE(static_cast<int>(d.kind));
    double sum = 0;
    SimTime lowest = never;
    for (int i = 0; i < draws; ++i) {
      const SimTime x = rng.sample(d);
      lowest = std::min(lowest, x);
      sum += static_cast<double>(x);
    }
    CHECK(lowest >= 0);
    CHECK(lowest >= static_cast<SimTime>(std::floor(d.min())));
    CHECK(sum / draws == doctest::Approx(d.mean()).epsilon(0.015));
  }
}

TEST_CASE("sample clamps a normal at zero and rounds to the nearest second") {
  Rng rng(8);
  const Distribution around_zero = make(Distribution::Kind::normal, 0, 60);
  int zeros = 0;
  for (int i = 0; i < draws; ++i) {
    const SimTime x = rng.sample(around_zero);
    REQUIRE(x >= 0);
    zeros += x == 0;
  }
  // Half the mass is below zero, plus the sliver that rounds to 0.
  CHECK(zeros / double(draws) == doctest::Approx(0.5 + 0.5 / (60 * std::sqrt(2 * 3.14159265))).epsilon(0.02));
  CHECK(rng.sample(Distribution::fixed(89.5)) == 90);
  CHECK(rng.sample(Distribution::fixed(89.4)) == 89);
  CHECK(rng.sample(Distribution::fixed(-5)) == 0);
}

TEST_CASE("sample of a fixed duration draws nothing") {
  Rng a(10), b(10);
  CHECK(a.sample(Distribution::fixed(60)) == 60);
  CHECK(a.next_u64() == b.next_u64());
}

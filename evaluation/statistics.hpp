// Streamed statistics: mean and variance (Welford), a fixed-bin histogram, confidence intervals.
#pragma once

#include <cstdint>
#include <vector>

namespace drillsim {

// Accumulates values one at a time; memory does not grow with the count. merge() combines two
// accumulators exactly as if their values had been added one after the other (up to rounding),
// so merging chunks in a fixed order gives the same figures whatever the number of threads.
class Accumulator {
 public:
  Accumulator() = default;
  Accumulator(double lo, double hi, int bins) : lo_(lo), hi_(hi), bins_(static_cast<std::size_t>(bins), 0) {}
  void add(double x);
  void merge(const Accumulator& other);
  std::uint64_t count() const { return n_; }
  double mean() const { return n_ ? mean_ : 0; }
  double variance() const { return n_ > 1 ? m2_ / static_cast<double>(n_ - 1) : 0; }
  double sd() const;
  double min() const { return min_; }
  double max() const { return max_; }
  // Half-width of the 95 % confidence interval of the mean (normal approximation).
  double ci95() const;
  const std::vector<std::uint64_t>& bins() const { return bins_; }
  double lo() const { return lo_; }
  double hi() const { return hi_; }

 private:
  std::uint64_t n_ = 0;
  double mean_ = 0, m2_ = 0, min_ = 0, max_ = 0;
  double lo_ = 0, hi_ = 1;
  std::vector<std::uint64_t> bins_;
};

// Wilson score interval for a proportion: [low, high] at 95 %.
void wilson95(std::uint64_t successes, std::uint64_t n, double& low, double& high);

}  // namespace drillsim

// Streamed statistics.
#include "evaluation/statistics.hpp"

#include <algorithm>
#include <cmath>

namespace drillsim {

void Accumulator::add(double x) {
  if (n_ == 0) {
    min_ = max_ = x;
  } else {
    min_ = std::min(min_, x);
    max_ = std::max(max_, x);
  }
  ++n_;
  double delta = x - mean_;
  mean_ += delta / static_cast<double>(n_);
  m2_ += delta * (x - mean_);
  if (!bins_.empty()) {
    double span = hi_ - lo_;
    auto bin = span > 0 ? static_cast<long long>((x - lo_) / span * static_cast<double>(bins_.size())) : 0;
    bin = std::clamp<long long>(bin, 0, static_cast<long long>(bins_.size()) - 1);
    ++bins_[static_cast<std::size_t>(bin)];
  }
}

void Accumulator::merge(const Accumulator& o) {
  if (o.n_ == 0) return;
  if (n_ == 0) {
    std::vector<std::uint64_t> mine = std::move(bins_);
    *this = o;
    if (!mine.empty() && bins_.empty()) bins_ = std::move(mine);
    return;
  }
  double n = static_cast<double>(n_), m = static_cast<double>(o.n_);
  double delta = o.mean_ - mean_;
  mean_ += delta * m / (n + m);
  m2_ += o.m2_ + delta * delta * n * m / (n + m);
  n_ += o.n_;
  min_ = std::min(min_, o.min_);
  max_ = std::max(max_, o.max_);
  for (std::size_t i = 0; i < bins_.size() && i < o.bins_.size(); ++i) bins_[i] += o.bins_[i];
}

double Accumulator::sd() const { return std::sqrt(variance()); }

double Accumulator::ci95() const { return n_ > 1 ? 1.959964 * sd() / std::sqrt(static_cast<double>(n_)) : 0; }

void wilson95(std::uint64_t successes, std::uint64_t n, double& low, double& high) {
  if (n == 0) {
    low = 0;
    high = 1;
    return;
  }
  const double z = 1.959964, nn = static_cast<double>(n), p = static_cast<double>(successes) / nn;
  double centre = (p + z * z / (2 * nn)) / (1 + z * z / nn);
  double half = z * std::sqrt(p * (1 - p) / nn + z * z / (4 * nn * nn)) / (1 + z * z / nn);
  low = std::max(0.0, centre - half);
  high = std::min(1.0, centre + half);
}

}  // namespace drillsim

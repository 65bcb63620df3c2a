// Summary figures of a Distribution (the sampling itself is the kernel's, in sim/kernel/rng.cpp).
#include <algorithm>
#include <cmath>

#include "sim/model/basics.hpp"

namespace drillsim {

double Distribution::mean() const {
  switch (kind) {
    case Kind::fixed: return a;
    case Kind::exponential: return a;
    case Kind::normal: return std::max(0.0, a);
    case Kind::lognormal: return a * std::exp(b * b / 2);
    case Kind::triangular: return (a + b + c) / 3;
    case Kind::uniform: return (a + b) / 2;
    case Kind::discrete: {
      double total = 0, sum = 0;
      for (std::size_t i = 0; i < values.size() && i < weights.size(); ++i) {
        total += weights[i];
        sum += weights[i] * values[i];
      }
      return total > 0 ? sum / total : 0;
    }
  }
  return 0;
}

double Distribution::min() const {
  switch (kind) {
    case Kind::fixed: return a;
    case Kind::exponential: return 0;
    case Kind::normal: return 0;
    case Kind::lognormal: return 0;
    case Kind::triangular: return a;
    case Kind::uniform: return a;
    case Kind::discrete: {
      double best = 0;
      bool first = true;
      for (std::size_t i = 0; i < values.size(); ++i)
        if (i < weights.size() && weights[i] > 0 && (first || values[i] < best)) {
          best = values[i];
          first = false;
        }
      return best;
    }
  }
  return 0;
}

}  // namespace drillsim

// A set of small indices (procedures of a plan), one bit each: unions and intersections a word at a
// time, nothing allocated once sized (private to scoring/).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace drillsim::scoring::detail {

class IndexBits {
 public:
  // Room for indices below n, all clear.
  void reset(std::size_t n) { words_.assign((n + 63) / 64, 0); }
  void clear() { std::fill(words_.begin(), words_.end(), 0); }
  void set(std::size_t i, bool on) {
    const std::uint64_t bit = std::uint64_t{1} << (i % 64);
    if (on) words_[i / 64] |= bit;
    else words_[i / 64] &= ~bit;
  }
  // The w-th word, cleared.
  std::uint64_t take_word(std::size_t w) { return std::exchange(words_[w], 0); }
  bool test(std::size_t i) const { return (words_[i / 64] >> (i % 64)) & 1u; }
  std::size_t words() const { return words_.size(); }
  std::uint64_t word(std::size_t w) const { return words_[w]; }

 private:
  std::vector<std::uint64_t> words_;
};

// Calls f(i) for every index set in `word`, the w-th word of a set, in increasing order.
template <class F>
void for_each_bit(std::uint64_t word, std::size_t w, F&& f) {
  for (; word != 0; word &= word - 1) f(w * 64 + static_cast<std::size_t>(__builtin_ctzll(word)));
}

}  // namespace drillsim::scoring::detail

// Which posts someone holding them is present for (Drill::post_staffed), as the scorer records it
// with every completed action (private to scoring/).
#pragma once

#include <cstdint>
#include <vector>

#include "sim/world/drill.hpp"

namespace drillsim::scoring::detail {

// A set of posts by index: bits for the first 64 (every shipped organisation fits, and nothing is
// allocated), a list beyond that.
class PostSet {
 public:
  void add(Ix post) {
    if (post < 64) bits_ |= std::uint64_t{1} << post;
    else more_.push_back(post);
  }
  bool has(Ix post) const {
    if (post < 64) return (bits_ >> post) & 1u;
    for (Ix p : more_)
      if (p == post) return true;
    return false;
  }
  void clear() {
    bits_ = 0;
    more_.clear();
  }

 private:
  std::uint64_t bits_ = 0;
  std::vector<Ix> more_;
};

// The staffed posts of one drill, read again only when they can have changed. Presence depends on
// the persons' state (absent, arriving late), which changes only with the people aspect, and on
// the clock reaching a late person's arrival: until the next arrival and while the people aspect
// stays put, the set last read is still the drill's. reset() before looking at another drill.
class StaffedPosts {
 public:
  void reset() { known_ = false; }
  const PostSet& of(const Drill& drill);

 private:
  PostSet posts_;
  bool known_ = false;
  std::uint64_t people_ = 0;  // the people aspect's version when posts_ was read
  SimTime until_ = never;     // the first arrival of a person still to come then
};

}  // namespace drillsim::scoring::detail

// Staffed posts, read again only when a person's state or the clock can have changed them.
#include "scoring/staffed_posts.hpp"

#include <algorithm>

namespace drillsim::scoring::detail {

const PostSet& StaffedPosts::of(const Drill& d) {
  const std::uint64_t people = d.aspect_version(Aspect::people);
  if (known_ && people == people_ && d.now() < until_) return posts_;
  known_ = true;
  people_ = people;
  posts_.clear();
  const std::size_t posts = d.model().organisation.posts.size();
  for (Ix p = 0; p < posts; ++p)
    if (d.post_staffed(p)) posts_.add(p);
  // A person who is not absent acts from `arrives` on (Drill::acting_person): the set stays as read
  // until the first of those arrivals still to come.
  until_ = never;
  for (const PersonState& ps : d.truth().persons)
    if (!ps.absent && ps.arrives > d.now()) until_ = std::min(until_, ps.arrives);
  return posts_;
}

}  // namespace drillsim::scoring::detail

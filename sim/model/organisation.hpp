// The responding organisation: groups, posts with A/B holders, persons, external parties.
#pragma once

#include "sim/model/basics.hpp"

namespace drillsim {

// 应急领导小组, 技术组, 现场交付组 ... YAML: organisation.groups[]
struct Group {
  std::string id;
  Text name;
};

// A person in the plan. Shipped data names posts ("技术组A角"), never a real person.
// YAML: organisation.persons[]
struct Person {
  std::string id;
  Text name;
  double absent_probability = 0;  // chance to be absent for the whole drill (people stream)
  Distribution late;              // extra delay before they can act (fixed 0 = on time)
};

// A post (岗位) is what acts in a drill: a trainee or the policy acts "as" a post.
// holders are ordered: holders[0] is the A角 (primary), holders[1] the B角 (stand-in), ...
// YAML: organisation.posts[] {id, name, group, holders: [person ids]}
struct Post {
  std::string id;
  Text name;
  Ix group = no_ix;
  std::vector<Ix> holders;  // persons
};

// Someone outside the organisation who is called and arrives after a while:
// vendor (新点/浪潮), bank, financial institution, CA company, telecom operator, 119, regulator.
// YAML: organisation.parties[] {id, name, kind, response: <distribution>}
struct Party {
  std::string id;
  Text name;
  std::string kind;       // vendor, bank, ca, telecom, fire_brigade, regulator, police, expert_pool, other
  Distribution response;  // time from the call until they act (arrive or answer)
};

struct Organisation {
  std::string id;
  std::string file;  // where it was loaded from
  Text name;
  std::vector<Group> groups;
  std::vector<Person> persons;
  std::vector<Post> posts;
  std::vector<Party> parties;
};

}  // namespace drillsim

// What a drill came to: business events held or missed, downtime, the true level, data lost.
#pragma once

#include <vector>

#include "sim/world/drill.hpp"

namespace drillsim {

struct BusinessOutcome {
  Ix event = no_ix;
  BusinessState state = BusinessState::pending;
  SimTime delay = 0;  // held late by this much
};

struct Outcomes {
  std::vector<BusinessOutcome> business;
  std::vector<std::pair<Ix, SimTime>> downtime;  // components that were down, with total time down
  Ix level = no_ix;                              // the highest true level reached
  bool data_lost = false;
  std::size_t actions = 0, rejected = 0;
};

Outcomes outcomes_of(const Drill& drill);

}  // namespace drillsim

// The kernel benchmark: the classic hold model on drillsim's event queue against a bare binary heap.
#pragma once

#include <iosfwd>

namespace drillsim {

// Prints `hold N=<n> events_per_s=<x> bare_heap_events_per_s=<y>` for N = 1000 and 100000, then
// whether the target (drillsim >= 0.8 x the bare heap at both sizes) is met. Takes some 10-20 s.
// Returns 0, or 1 if the two queues disagreed on the times they popped (a broken queue).
int run_kernel_bench(std::ostream& out);

}  // namespace drillsim

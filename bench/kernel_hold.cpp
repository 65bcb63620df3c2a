// The kernel benchmark: the hold model on drillsim's EventQueue and on a bare std::priority_queue.
//
// Hold model: N pending events; each step pops the earliest and schedules one at now + Exp(1). The
// increments are drawn once from drillsim's Rng and replayed identically to both queues, so the two
// pop exactly the same sequence of times (checked through a checksum) and the timing measures the
// queues alone, not the generator. SimTime is integer seconds, so Exp(1) is scaled to 1e6 ticks and
// rounded: ties stay as rare as in a real drill. The bare heap keeps (double time, uint64 seq) with the
// same integer-valued times. Each measurement: a fresh queue, a warm-up of N + holds/10 steps, then
// `holds` timed steps; best of 3, drillsim and the bare heap alternating so drift hits both alike.
#include "bench/kernel_hold.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <ostream>
#include <queue>
#include <utility>
#include <vector>

#include "sim/kernel/event_queue.hpp"
#include "sim/kernel/rng.hpp"

namespace drillsim {

namespace {

constexpr double ticks_per_unit = 1e6;
constexpr std::size_t increment_count = std::size_t{1} << 20;  // replayed cyclically
constexpr std::uint64_t holds = 6'000'000;
constexpr int rounds = 3;

struct Workload {
  std::vector<SimTime> initial;    // the N first times
  std::vector<SimTime> increment;  // Exp(1) in ticks
};

Workload make_workload(std::size_t n) {
  Rng rng(0x686f6c64ULL + n);
  Workload w;
  w.initial.reserve(n);
  for (std::size_t i = 0; i < n; ++i)
    w.initial.push_back(std::llround(rng.exponential(1.0) * ticks_per_unit));
  w.increment.reserve(increment_count);
  for (std::size_t i = 0; i < increment_count; ++i)
    w.increment.push_back(std::llround(rng.exponential(1.0) * ticks_per_unit));
  return w;
}

struct Measure {
  double events_per_s = 0;
  std::uint64_t checksum = 0;  // of the popped times, for the agreement check
};

using Clock = std::chrono::steady_clock;

// Runs warm-up and timed holds on any queue through two small adapters.
template <class Pop, class Push>
Measure hold_loop(const Workload& w, Pop pop, Push push) {
  const std::size_t mask = increment_count - 1;
  std::uint64_t checksum = 0;
  std::size_t k = 0;
  const std::uint64_t warm_up = w.initial.size() + holds / 10;
  for (std::uint64_t i = 0; i < warm_up; ++i, ++k) push(pop() + w.increment[k & mask]);
  const auto start = Clock::now();
  for (std::uint64_t i = 0; i < holds; ++i, ++k) {
    const SimTime now = pop();
    checksum += static_cast<std::uint64_t>(now);
    push(now + w.increment[k & mask]);
  }
  const std::chrono::duration<double> elapsed = Clock::now() - start;
  return {static_cast<double>(holds) / elapsed.count(), checksum};
}

Measure run_drillsim(const Workload& w) {
  EventQueue q;
  q.reserve(w.initial.size() + 1);
  for (SimTime t : w.initial) q.schedule(t, 0, EventData{});
  return hold_loop(
      w, [&q] { return q.pop().time; }, [&q](SimTime t) { q.schedule(t, 0, EventData{}); });
}

Measure run_bare_heap(const Workload& w) {
  using Entry = std::pair<double, std::uint64_t>;
  std::vector<Entry> storage;
  storage.reserve(w.initial.size() + 1);
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> q(std::greater<Entry>{},
                                                                        std::move(storage));
  std::uint64_t seq = 0;
  for (SimTime t : w.initial) q.emplace(static_cast<double>(t), seq++);
  return hold_loop(
      w,
      [&q] {
        const auto t = static_cast<SimTime>(q.top().first);
        q.pop();
        return t;
      },
      [&q, &seq](SimTime t) { q.emplace(static_cast<double>(t), seq++); });
}

}  // namespace

int run_kernel_bench(std::ostream& out) {
  bool target_met = true;
  for (const std::size_t n : {std::size_t{1000}, std::size_t{100000}}) {
    const Workload w = make_workload(n);
    Measure best_drillsim, best_bare;
    for (int round = 0; round < rounds; ++round) {
      const Measure d = run_drillsim(w);
      const Measure b = run_bare_heap(w);
      if (d.checksum != b.checksum) {
        out << "error: hold N=" << n << ": drillsim's queue and the bare heap popped different times\n";
        return 1;
      }
      best_drillsim.events_per_s = std::max(best_drillsim.events_per_s, d.events_per_s);
      best_bare.events_per_s = std::max(best_bare.events_per_s, b.events_per_s);
    }
    char line[160];
    std::snprintf(line, sizeof line, "hold N=%zu events_per_s=%.0f bare_heap_events_per_s=%.0f\n", n,
                  best_drillsim.events_per_s, best_bare.events_per_s);
    out << line << std::flush;
    if (best_drillsim.events_per_s < 0.8 * best_bare.events_per_s) target_met = false;
  }
  out << "target events_per_s >= 0.8 * bare_heap: " << (target_met ? "met" : "NOT met") << '\n';
  return 0;
}

}  // namespace drillsim

// Peer benchmark: the hold model in SimGrid S4U, for comparison with drillsim's kernel bench.
//
// N actors on one host, each repeatedly sleeping Exp(1) simulated seconds: every completed sleep is one
// event (one pop and one push of SimGrid's timer heap, plus its actor switching). A monitor actor
// samples the wall clock and the event count at simulated times W and W + T, so start-up (creating N
// actors and their first sleeps) is not counted. Workers stop at W + T + 1, after the second sample.
//
// Built by bench/peers/run_peers.sh: g++ -O2 -std=c++17 hold_simgrid.cpp -lsimgrid
// Usage: hold_simgrid N T W [seed]   prints: events=<n> wall_s=<s> events_per_s=<x>
#include <simgrid/s4u.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

namespace sg4 = simgrid::s4u;

namespace {

std::uint64_t completed = 0;

struct Sample {
  std::chrono::steady_clock::time_point wall;
  std::uint64_t events = 0;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s N T W [seed]\n", argv[0]);
    return 2;
  }
  const long n = std::atol(argv[1]);
  const double horizon = std::atof(argv[2]);
  const double warm_up = std::atof(argv[3]);
  const std::uint64_t seed = argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 1;
  const double stop_at = warm_up + horizon + 1;

  // Small stacks (KiB) and no guard pages, so that 100000 actors fit in memory and within the kernel's
  // limit of mappings per process; quiet logs.
  int engine_argc = 4;
  char stack_arg[] = "--cfg=contexts/stack-size:32";
  char guard_arg[] = "--cfg=contexts/guard-size:0";
  char log_arg[] = "--log=root.thres:critical";
  char* engine_argv[] = {argv[0], stack_arg, guard_arg, log_arg, nullptr};
  sg4::Engine engine(&engine_argc, engine_argv);
  auto* zone = sg4::create_full_zone("zone");
  sg4::Host* host = zone->create_host("host", 1e9);
  zone->seal();

  std::mt19937_64 gen(seed);
  std::exponential_distribution<double> exp1(1.0);

  for (long i = 0; i < n; ++i) {
    sg4::Actor::create("w" + std::to_string(i), host, [&gen, &exp1, stop_at] {
      for (;;) {
        const double d = exp1(gen);
        if (sg4::Engine::get_clock() + d > stop_at) return;
        sg4::this_actor::sleep_for(d);
        ++completed;
      }
    });
  }
  Sample first, second;
  sg4::Actor::create("monitor", host, [&] {
    sg4::this_actor::sleep_for(warm_up);
    first = {std::chrono::steady_clock::now(), completed};
    sg4::this_actor::sleep_for(horizon);
    second = {std::chrono::steady_clock::now(), completed};
  });
  engine.run();

  const double wall = std::chrono::duration<double>(second.wall - first.wall).count();
  const auto events = second.events - first.events;
  std::printf("events=%llu wall_s=%.3f events_per_s=%.0f\n", static_cast<unsigned long long>(events), wall,
              wall > 0 ? static_cast<double>(events) / wall : 0.0);
  return 0;
}

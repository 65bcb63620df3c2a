#!/usr/bin/python3
"""Peer benchmark: the hold model in SimPy 2.3.1 (Debian's python3-simpy), for comparison with
drillsim's kernel bench.

N processes, each repeatedly `yield hold, self, expovariate(1)`: every completed hold is one event.
A monitor process samples the wall clock and the event count at simulated times W and W + T, so
start-up (activating N processes) is not counted.

Usage: hold_simpy.py N T W [seed]   prints: events=<n> wall_s=<s> events_per_s=<x>
"""
import random
import sys
import time

from SimPy.Simulation import Process, activate, hold, initialize, simulate

completed = 0


class Worker(Process):
    def run(self, rng):
        global completed
        expovariate = rng.expovariate
        while True:
            yield hold, self, expovariate(1.0)
            completed += 1


class Monitor(Process):
    def run(self, warm_up, horizon, samples):
        yield hold, self, warm_up
        samples.append((time.perf_counter(), completed))
        yield hold, self, horizon
        samples.append((time.perf_counter(), completed))


def main():
    if len(sys.argv) < 4:
        sys.exit("usage: hold_simpy.py N T W [seed]")
    n, horizon, warm_up = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    initialize()
    for _ in range(n):
        worker = Worker()
        activate(worker, worker.run(rng))
    samples = []
    monitor = Monitor()
    activate(monitor, monitor.run(warm_up, horizon, samples))
    # The monitor's second sample falls at W + T; stop just after it.
    simulate(until=warm_up + horizon + 1e-9)
    (wall0, count0), (wall1, count1) = samples
    wall = wall1 - wall0
    events = count1 - count0
    print("events=%d wall_s=%.3f events_per_s=%.0f" % (events, wall, events / wall if wall > 0 else 0))


if __name__ == "__main__":
    main()

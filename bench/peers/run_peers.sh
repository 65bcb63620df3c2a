#!/bin/bash
# Runs the hold-model benchmark on drillsim's kernel and on two peers (SimGrid S4U, SimPy 2), and prints
# each one's events per second and its ratio to the bare std::priority_queue measured by drillsim's
# bench in the same run, side by side:
#   peer=<name> N=<n> events_per_s=<x> ratio_to_bare_heap=<r>
# Usage: bench/peers/run_peers.sh [path/to/drillsim]   (default: build/drillsim)
# Needs libsimgrid-dev and python3-simpy (Debian); installs them when missing and run as root, else
# skips the peer it cannot run. Takes about a minute on two cores.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
drillsim=${1:-build/drillsim}
if [[ ! -x $drillsim && -x $root/$drillsim ]]; then drillsim=$root/$drillsim; fi
if [[ ! -x $drillsim ]]; then
  echo "run_peers.sh: no drillsim binary at '$drillsim' (build it, or pass its path)" >&2
  exit 2
fi

# Peer sizes: simulated horizon T after a warm-up W, chosen for ~200k-500k counted events per run.
declare -A horizon=([1000]=400 [100000]=3)
declare -A warm_up=([1000]=5 [100000]=1)
sizes=(1000 100000)

missing=()
dpkg -s libsimgrid-dev >/dev/null 2>&1 || missing+=(libsimgrid-dev)
dpkg -s python3-simpy >/dev/null 2>&1 || missing+=(python3-simpy)
if ((${#missing[@]})); then
  if [[ $(id -u) == 0 ]]; then
    echo "run_peers.sh: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq "${missing[@]}" >&2 ||
      { apt-get update -qq >&2 && apt-get install -y -qq "${missing[@]}" >&2; }
  else
    echo "run_peers.sh: ${missing[*]} missing and not root: the peers that need them are skipped" >&2
  fi
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# drillsim first: its bare-heap figure is every ratio's denominator.
echo "run_peers.sh: drillsim bench kernel ..." >&2
"$drillsim" bench kernel >"$work/drillsim.txt"
declare -A bare dsim
while read -r _ n x y; do
  n=${n#N=}; x=${x#events_per_s=}; y=${y#bare_heap_events_per_s=}
  dsim[$n]=$x; bare[$n]=$y
done < <(grep '^hold N=' "$work/drillsim.txt")
for n in "${sizes[@]}"; do
  if [[ -z ${bare[$n]:-} ]]; then
    echo "run_peers.sh: drillsim's bench printed no line for N=$n:" >&2
    cat "$work/drillsim.txt" >&2
    exit 1
  fi
done

have_simgrid=0
if dpkg -s libsimgrid-dev >/dev/null 2>&1; then
  echo "run_peers.sh: building the SimGrid peer ..." >&2
  g++ -O2 -std=c++17 -o "$work/hold_simgrid" "$here/hold_simgrid.cpp" -lsimgrid && have_simgrid=1
fi
have_simpy=0
if /usr/bin/python3 -c 'import SimPy.Simulation' 2>/dev/null; then have_simpy=1; fi

line() {  # name n events_per_s
  awk -v name="$1" -v n="$2" -v x="$3" -v y="${bare[$2]}" \
    'BEGIN { printf "peer=%s N=%s events_per_s=%.0f ratio_to_bare_heap=%.3f\n", name, n, x, x / y }'
}
rate() { sed -n 's/.*events_per_s=\([0-9.]*\).*/\1/p'; }

for n in "${sizes[@]}"; do
  line drillsim "$n" "${dsim[$n]}"
  if ((have_simgrid)); then
    echo "run_peers.sh: SimGrid N=$n ..." >&2
    line simgrid "$n" "$("$work/hold_simgrid" "$n" "${horizon[$n]}" "${warm_up[$n]}" | rate)"
  fi
  if ((have_simpy)); then
    echo "run_peers.sh: SimPy N=$n ..." >&2
    line simpy "$n" "$(/usr/bin/python3 "$here/hold_simpy.py" "$n" "${horizon[$n]}" "${warm_up[$n]}" | rate)"
  fi
done

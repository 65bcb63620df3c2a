#!/usr/bin/env bash
# The main job: install what is missing, build, and open the drill console on the default drill.
# Without a display (no $DISPLAY, or DRILLSIM_HEADLESS=1) it runs that drill headless instead, with
# the plan-following policy responding, and prints the facilitator's timeline.
set -euo pipefail
DRILLSIM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$DRILLSIM_ROOT/scripts/deps.sh"
drillsim_install_missing
drillsim_build "$DRILLSIM_ROOT/build"
cd "$DRILLSIM_ROOT"
if [ -n "${DISPLAY:-}" ] && [ "${DRILLSIM_HEADLESS:-0}" != "1" ] && [ -x build/drillsim-gui ]; then
  # Opens on seed 000's "network cut during bid opening" drill, or resumes a drill that did not finish.
  exec build/drillsim-gui "$@"
fi
exec build/drillsim run scenarios/000_sanmenxia/scenarios/network_cut_opening.yaml --auto "$@"

#!/usr/bin/env bash
# The main job: install what is missing, build, and run a drill of the default scenario.
set -euo pipefail
DRILLSIM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$DRILLSIM_ROOT/scripts/deps.sh"
drillsim_install_missing
drillsim_build "$DRILLSIM_ROOT/build"
cd "$DRILLSIM_ROOT"
exec build/drillsim run scenarios/000_sanmenxia/scenarios/network_cut_opening.yaml --auto "$@"

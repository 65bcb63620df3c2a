#!/usr/bin/env bash
# Install what is missing, build, and run every test: a normal build, then an ASan+UBSan build.
# DRILLSIM_NO_SANITIZE=1 skips the sanitizer build (for a quick local run).
set -euo pipefail
DRILLSIM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$DRILLSIM_ROOT/scripts/deps.sh"
drillsim_install_missing

drillsim_build "$DRILLSIM_ROOT/build"
(cd "$DRILLSIM_ROOT/build" && ctest --output-on-failure)

if [ "${DRILLSIM_NO_SANITIZE:-0}" != "1" ]; then
  # The console's tests already ran above; the sanitizer build covers the engine, loader, scoring,
  # records and evaluation, which is where memory errors would hide, and keeps CI time down.
  drillsim_build "$DRILLSIM_ROOT/build-sanitize" -DDRILLSIM_SANITIZE=ON -DDRILLSIM_GUI=OFF
  (cd "$DRILLSIM_ROOT/build-sanitize" && ctest --output-on-failure)
fi

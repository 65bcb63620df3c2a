#!/usr/bin/env bash
# Installs the Debian packages drillsim needs, only those missing. Sourced by start.sh and test.sh.
set -euo pipefail

DRILLSIM_PACKAGES=(
  build-essential cmake ccache pkg-config
  libboost-graph-dev libyaml-cpp-dev libsqlite3-dev doctest-dev libfmt-dev libcli11-dev
  libsfml-dev libimgui-dev fonts-noto-cjk
  xvfb xauth
)

drillsim_install_missing() {
  local missing=()
  for p in "${DRILLSIM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  echo "drillsim: installing ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Configures and builds into $1 with extra CMake arguments after it.
drillsim_build() {
  local dir="$1"
  shift
  cmake -S "$DRILLSIM_ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  cmake --build "$dir" -j"$(nproc)"
}

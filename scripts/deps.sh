#!/usr/bin/env bash
# Installs the Debian 12 packages divlab needs: with no argument, what building and running it
# needs (./scripts/run.sh); with --test, also every test, fuzz and benchmark tool (./scripts/test.sh).
# Idempotent: installs only what is missing; uses sudo when not root. apt's and dpkg's progress go
# to a log (build/deps.log); its last lines are shown if the install fails.
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(
  # build
  build-essential cmake ninja-build pkg-config
  # libraries
  libimgui-dev libglfw3-dev python3-glad libboost-math-dev nlohmann-json3-dev libcli11-dev
  libcairo2-dev libfreetype-dev libstb-dev libgl-dev libegl-dev libegl1-mesa-dev libgles-dev
  # run: Mesa's OpenGL drivers and the GUI's font
  libgl1-mesa-dri fonts-dejavu-core
)
if [ "${1:-}" = "--test" ]; then
  packages+=(
    # tests, fuzzing and benchmarks
    libgtest-dev libbenchmark-dev clang libclang-rt-14-dev python3 python3-scipy python3-mpmath python3-numpy
    xvfb xauth xdotool x11-utils python3-xlib imagemagick librsvg2-bin poppler-utils
    openbox  # a window manager for the e2e minimise/restore test (Xvfb has none)
    # the install test (tests/cli/install.sh): the Debian package, the desktop entry, the MIME type
    dpkg-dev desktop-file-utils shared-mime-info libglib2.0-bin
  )
elif [ $# -gt 0 ]; then
  echo "usage: scripts/deps.sh [--test]" >&2
  exit 2
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo=sudo
fi
mkdir -p build
log=build/deps.log
echo "deps: installing ${#missing[@]} packages and what they need (${missing[*]}); progress in $log"
start=$SECONDS
if ! { $sudo apt-get update -qq &&
       $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o=Dpkg::Use-Pty=0 \
         --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  tail -n 25 "$log" >&2
  echo "deps: apt-get failed (the whole log: $log)" >&2
  exit 1
fi
echo "deps: done in $((SECONDS - start)) s"

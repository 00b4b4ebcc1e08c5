#!/usr/bin/env bash
# Installs every Debian 12 package divlab needs to build, run and test. Idempotent; uses sudo when not root.
set -euo pipefail
packages=(
  # build
  build-essential cmake ninja-build pkg-config git
  # libraries
  libimgui-dev libglfw3-dev python3-glad libboost-math-dev nlohmann-json3-dev libcli11-dev
  libcairo2-dev libfreetype-dev libstb-dev libgl-dev libegl-dev libegl1-mesa-dev libgles-dev
  libgl1-mesa-dri fonts-dejavu-core
  # tests, fuzzing and benchmarks
  libgtest-dev libbenchmark-dev clang libclang-rt-14-dev python3 python3-scipy python3-mpmath python3-numpy
  xvfb xauth xdotool x11-utils python3-xlib imagemagick librsvg2-bin poppler-utils
  openbox  # a window manager for the e2e minimise/restore test (Xvfb has none)
)
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
echo "deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"

#!/usr/bin/env bash
# Quick start: install what is missing, build Release, and open divlab (on FILE if given).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
# Without tests and benchmarks: their libraries come with ./scripts/test.sh, whose
# `cmake --preset release` turns them on again (CMakePresets.json).
cmake --preset release -DDIVLAB_BUILD_TESTS=OFF -DDIVLAB_BUILD_BENCH=OFF >/dev/null
cmake --build --preset release --target divlab
exec build/release/app/divlab "$@"

#!/usr/bin/env bash
# Quick start: install what is missing, build Release, and open divlab (on FILE if given).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target divlab
exec build/release/app/divlab "$@"

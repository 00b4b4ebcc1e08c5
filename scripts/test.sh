#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: the Release suite, the same suite under
# AddressSanitizer + UndefinedBehaviorSanitizer, and a bounded libFuzzer run of the scenario loader.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh --test

# GUI tests need an X server; each suite gets its own Xvfb.
xvfb() { xvfb-run -a -s "-screen 0 1920x1080x24 -noreset" "$@"; }

echo "== release: build and test"
cmake --preset release >/dev/null
cmake --build --preset release
xvfb ctest --preset release

echo "== asan+ubsan: build and test"
cmake --preset asan >/dev/null
cmake --build --preset asan
# (cli.install packages the build: an ASan build is no package, and the Release suite covers it.)
LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0" xvfb ctest --preset asan -LE "bench" -E '^cli\.install$'

echo "== fuzz: scenario loader (bounded)"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target scenario_fuzz
mkdir -p build/fuzz/corpus-run
cp tests/fuzz/corpus/* build/fuzz/corpus-run/ 2>/dev/null || true
build/fuzz/tests/fuzz/scenario_fuzz -max_total_time="${DIVLAB_FUZZ_SECONDS:-60}" -timeout=5 -rss_limit_mb=4096 \
  -dict=tests/fuzz/scenario.dict build/fuzz/corpus-run 2>build/fuzz/fuzz.log \
  || { tail -n 40 build/fuzz/fuzz.log; echo "fuzz: FAILED"; exit 1; }
tail -n 2 build/fuzz/fuzz.log
echo "== all suites passed"

#!/usr/bin/env bash
# Every malformed file in tests/cli/bad/ gives exactly its one expected line on stderr (SPEC §4),
# exit status 2, and nothing on stdout. So do usage errors; --help and --version succeed.
set -uo pipefail
: "${DIVLAB:?}" "${SRC:?}"
status=0
fail() { echo "FAIL: $*"; status=1; }
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT

# expect STATUS EXPECTED_STDERR_LINE ARGS...: exact stderr, empty stdout.
expect() {
  local want_status=$1 want_err=$2
  shift 2
  "$DIVLAB" "$@" >"$out" 2>"$err"
  local rc=$?
  [ $rc -eq "$want_status" ] || fail "divlab $*: exit $rc, expected $want_status"
  [ -s "$out" ] && fail "divlab $*: wrote to stdout: $(head -c 200 "$out")"
  [ "$(cat "$err")" = "$want_err" ] || fail "divlab $*: stderr is
  $(cat "$err")
expected
  $want_err"
  [ "$(wc -l <"$err")" -eq 1 ] || fail "divlab $*: stderr is not exactly one line"
}

cd "$SRC/tests/cli/bad" || exit 1
count=0
for f in *.json; do
  expected_file="${f%.json}.expected"
  [ -f "$expected_file" ] || { fail "$f has no $expected_file"; continue; }
  expect 2 "$(cat "$expected_file")" metrics "$f"
  expect 2 "$(cat "$expected_file")" metrics "$f" --json  # --json changes nothing on errors
  count=$((count + 1))
done
[ $count -ge 20 ] || fail "only $count malformed files"

# The SPEC §4 examples, word for word.
expect 2 "divlab: coin.json: p.mass[3]: expected a finite number >= 0, got -0.2" metrics coin.json
expect 2 "divlab: mix.json: q.components[1].sd: expected a number > 0, got 0" metrics mix.json
expect 2 'divlab: sigma.json: q.components[0]: unknown key "sigma" (expected: family, weight, mean, sd)' \
  metrics sigma.json

# Files that cannot be read.
expect 2 "divlab: missing.json: cannot open: No such file or directory" metrics missing.json
expect 2 "divlab: .: cannot read: is a directory" metrics .

# Usage errors.
coin="$SRC/assets/presets/01-fair-vs-rigged-coin.json"
expect 2 "divlab: metrics: FILE is required (see 'divlab metrics --help')" metrics
expect 2 "divlab: metrics: The following argument was not expected: --frobnicate (see 'divlab metrics --help')" \
  metrics "$coin" --frobnicate
expect 2 "divlab: metrics: The following argument was not expected: extra.json (see 'divlab metrics --help')" \
  metrics "$coin" extra.json
expect 2 "divlab: metrics: --base: expected e or 2, got '10'" metrics "$coin" --base 10
expect 2 "divlab: metrics: --base: 1 required TEXT missing (see 'divlab metrics --help')" metrics "$coin" --base
# A bad --base is reported before the file is even opened.
expect 2 "divlab: metrics: --base: expected e or 2, got 'ten'" metrics missing.json --base ten
expect 2 "divlab: unknown command or option '--frobnicate' (see 'divlab --help')" --frobnicate

# --help and --version succeed, on stdout.
"$DIVLAB" metrics --help >"$out" 2>"$err"; rc=$?
[ $rc -eq 0 ] || fail "metrics --help: exit $rc"
grep -q "Usage: divlab metrics \[OPTIONS\] FILE" "$out" || fail "metrics --help: no usage line"
grep -q -- "--base" "$out" && grep -q -- "--json" "$out" || fail "metrics --help: options missing"
[ -s "$err" ] && fail "metrics --help: wrote to stderr"
for args in "--version" "metrics --version"; do
  # shellcheck disable=SC2086
  "$DIVLAB" $args >"$out" 2>"$err"; rc=$?
  [ $rc -eq 0 ] || fail "$args: exit $rc"
  grep -Eq '^divlab [0-9]+\.[0-9]+\.[0-9]+$' "$out" || fail "$args: printed '$(cat "$out")'"
done
"$DIVLAB" --help >"$out" 2>"$err" && grep -q "divlab metrics FILE" "$out" || fail "divlab --help"

[ $status -eq 0 ] && echo "metrics_errors: all passed ($count malformed files)"
exit $status

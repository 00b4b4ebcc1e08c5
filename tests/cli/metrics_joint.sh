#!/usr/bin/env bash
# `divlab metrics` on joint scenarios (SPEC §5): the table and the JSON of two joint presets match
# the committed goldens, the JSON matches the independent mpmath/scipy reference
# (tests/reference/presets/joint_expected.json), and fit, render and screenshot refuse a joint file
# in one line (no lab or figure draws one yet).
# UPDATE_GOLDEN=1 rewrites the goldens from the current binary (review the diff before committing).
set -uo pipefail
: "${DIVLAB:?}" "${SRC:?}"
golden="$SRC/tests/cli/golden"
status=0
fail() { echo "FAIL: $*"; status=1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# json_close EXPECTED ACTUAL TOL [ENTRY]: same keys in the same order, numbers within TOL relative
# (+1e-12); with ENTRY, EXPECTED is a reference file and ENTRY its preset.
json_close() {
  python3 - "$@" <<'PY'
import json, sys
from collections import OrderedDict
exp_path, act_path, tol = sys.argv[1], sys.argv[2], float(sys.argv[3])
act = json.load(open(act_path), object_pairs_hook=OrderedDict)
if len(sys.argv) > 4:
    entry = json.load(open(exp_path), object_pairs_hook=OrderedDict)[sys.argv[4]]
    exp = OrderedDict([("base", entry["base"])] + list(entry["metrics"].items()))
else:
    exp = json.load(open(exp_path), object_pairs_hook=OrderedDict)
bad = [f"keys {list(act)} != {list(exp)}"] if list(exp) != list(act) else []
for k, e in exp.items():
    a = act.get(k)
    if isinstance(e, str) or isinstance(a, str):
        if a != e: bad.append(f"{k}: {a!r} != {e!r}")
    elif a is None or abs(a - e) > tol * abs(e) + 1e-12:
        bad.append(f"{k}: {a!r} != {e!r}")
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
}

cd "$SRC/assets/presets/joint" || exit 1
for preset in 03-noisy-binary-channel 05-weather-transport; do
  "$DIVLAB" metrics "$preset.json" >"$tmp/table" 2>"$tmp/err"; rc=$?
  [ $rc -eq 0 ] || fail "$preset: table exit $rc: $(cat "$tmp/err")"
  [ -s "$tmp/err" ] && fail "$preset: table wrote to stderr: $(cat "$tmp/err")"
  "$DIVLAB" metrics "$preset.json" --json >"$tmp/json" 2>"$tmp/err"; rc=$?
  [ $rc -eq 0 ] || fail "$preset: --json exit $rc: $(cat "$tmp/err")"
  if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
    cp "$tmp/table" "$golden/joint-$preset.table.txt"
    cp "$tmp/json" "$golden/joint-$preset.json.txt"
    continue
  fi
  diff -u "$golden/joint-$preset.table.txt" "$tmp/table" || fail "$preset: table differs from golden"
  out=$(json_close "$golden/joint-$preset.json.txt" "$tmp/json" 1e-13) || fail "$preset: --json vs golden: $out"
done

# Every joint preset, in its own base and in nats, against mpmath/scipy.
for f in *.json; do
  "$DIVLAB" metrics "$f" --json >"$tmp/json" 2>"$tmp/err" || fail "$f: exit $?: $(cat "$tmp/err")"
  out=$(json_close "$SRC/tests/reference/presets/joint_expected.json" "$tmp/json" 1e-9 "$f") \
    || fail "$f: --json vs mpmath/scipy reference: $out"
  "$DIVLAB" metrics "$f" --json --base e >"$tmp/nats" || fail "$f --base e: exit $?"
  python3 - "$tmp/json" "$tmp/nats" <<'PY' || fail "$f: --base e is not the bits times ln 2"
import json, math, sys
bits, nats = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert bits["base"] == "2" and nats["base"] == "e", (bits["base"], nats["base"])
for k, v in bits.items():
    if k != "base":
        assert abs(nats[k] - v * math.log(2)) <= 1e-15 + 1e-14 * abs(nats[k]), (k, nats[k], v)
PY
done

# 17 significant digits; an exactly independent table prints I as 0.
"$DIVLAB" metrics 05-weather-transport.json --json >"$tmp/json"
grep -Eq '^  "mutual_information": 0\.3031147587638[0-9]{4},$' "$tmp/json" || fail "weather: I not printed with 17 digits"
"$DIVLAB" metrics 04-looks-correlated-but-independent.json --json >"$tmp/json"
grep -q '^  "mutual_information": 0,$' "$tmp/json" || fail "looks-correlated: I is not exactly 0"

# fit and render: one clear line, exit 2, nothing on stdout, no file left behind.
expect_refusal() {  # expect_refusal PATTERN ARGS...
  local pattern=$1
  shift
  "$DIVLAB" "$@" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  [ $rc -eq 2 ] || fail "divlab $*: exit $rc, expected 2"
  [ -s "$tmp/out" ] && fail "divlab $*: wrote to stdout"
  [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "divlab $*: stderr is not one line: $(cat "$tmp/err")"
  grep -qE -e "$pattern" "$tmp/err" || fail "divlab $*: stderr '$(cat "$tmp/err")' does not match '$pattern'"
}
expect_refusal '^divlab: fit: 05-weather-transport\.json: a joint scenario has no P to fit' fit 05-weather-transport.json
expect_refusal '^divlab: fit: 05-weather-transport\.json: a joint scenario' fit 05-weather-transport.json --objective jsd
expect_refusal "^divlab: render: 05-weather-transport\\.json: figure 'dashboard' draws P and Q, which a joint scenario does not have" \
  render 05-weather-transport.json -o "$tmp/x.png" --figure dashboard
expect_refusal "^divlab: render: 01-independent\\.json: figure 'fit' draws P and Q" render 01-independent.json -o "$tmp/x.pdf" --figure fit
expect_refusal '^divlab: screenshot: 05-weather-transport\.json: the divergence lab does not open a joint scenario' \
  screenshot 05-weather-transport.json -o "$tmp/x.png" --lab divergence
[ -e "$tmp/x.png" ] || [ -e "$tmp/x.pdf" ] && fail "render or screenshot left a file behind"

[ $status -eq 0 ] && echo "metrics_joint: all passed"
exit $status

#!/usr/bin/env bash
# `divlab metrics` on presets: the table and the JSON match the committed goldens, and the JSON also
# matches the independent mpmath/scipy reference (tests/reference/presets/expected.json).
# UPDATE_GOLDEN=1 rewrites the goldens from the current binary (review the diff before committing).
set -uo pipefail
: "${DIVLAB:?}" "${SRC:?}"
golden="$SRC/tests/cli/golden"
status=0
fail() { echo "FAIL: $*"; status=1; }

# Compares two metrics JSON texts: same keys in the same order, same strings, numbers within `tol`.
json_close() {  # json_close EXPECTED_FILE ACTUAL_FILE TOL [KEYS_FROM_REFERENCE_ENTRY]
  python3 - "$@" <<'PY'
import json, sys
from collections import OrderedDict
exp_path, act_path, tol = sys.argv[1], sys.argv[2], float(sys.argv[3])
act = json.load(open(act_path), object_pairs_hook=OrderedDict)
if len(sys.argv) > 4:  # an entry of tests/reference/presets/expected.json
    entry = json.load(open(exp_path))[sys.argv[4]]
    exp = OrderedDict([("base", entry["base"])] + list(entry["metrics"].items()))
else:
    exp = json.load(open(exp_path), object_pairs_hook=OrderedDict)
bad = []
if list(exp) != list(act):
    bad.append(f"keys {list(act)} != {list(exp)}")
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

cd "$SRC/assets/presets" || exit 1
for preset in 01-fair-vs-rigged-coin 02-label-smoothing 04-bimodal-vs-one-gaussian 05-disjoint-supports \
              06-heavy-tails-t-vs-normal 07-cauchy-vs-normal 08-peaked-vs-flat; do
  table=$("$DIVLAB" metrics "$preset.json" 2>/tmp/divlab-golden-err.$$); rc=$?
  [ $rc -eq 0 ] || fail "$preset: table exit $rc: $(cat /tmp/divlab-golden-err.$$)"
  [ -s /tmp/divlab-golden-err.$$ ] && fail "$preset: table wrote to stderr: $(cat /tmp/divlab-golden-err.$$)"
  "$DIVLAB" metrics "$preset.json" --json >/tmp/divlab-golden-json.$$ 2>/tmp/divlab-golden-err.$$; rc=$?
  [ $rc -eq 0 ] || fail "$preset: --json exit $rc: $(cat /tmp/divlab-golden-err.$$)"
  if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
    printf '%s\n' "$table" >"$golden/$preset.table.txt"
    cp /tmp/divlab-golden-json.$$ "$golden/$preset.json.txt"
    continue
  fi
  diff -u "$golden/$preset.table.txt" <(printf '%s\n' "$table") || fail "$preset: table differs from golden"
  # 17 significant digits are printed; the last one or two may move with the platform's libm.
  out=$(json_close "$golden/$preset.json.txt" /tmp/divlab-golden-json.$$ 1e-13) || fail "$preset: --json vs golden: $out"
  out=$(json_close "$SRC/tests/reference/presets/expected.json" /tmp/divlab-golden-json.$$ 1e-9 "$preset.json") \
    || fail "$preset: --json vs mpmath/scipy reference: $out"
done

# --base overrides the file's base: the coin in nats.
"$DIVLAB" metrics 01-fair-vs-rigged-coin.json --json --base e >/tmp/divlab-golden-json.$$ || fail "--base e exit $?"
if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
  cp /tmp/divlab-golden-json.$$ "$golden/01-fair-vs-rigged-coin.base-e.json.txt"
else
  out=$(json_close "$golden/01-fair-vs-rigged-coin.base-e.json.txt" /tmp/divlab-golden-json.$$ 1e-13) \
    || fail "--base e vs golden: $out"
  grep -q '^  "base": "e",$' /tmp/divlab-golden-json.$$ || fail "--base e: base is not e"
  grep -q '^  "kl_pq": 1.61446308036085' /tmp/divlab-golden-json.$$ || fail "--base e: kl_pq is not 2.329 bits in nats"
fi

# JSON form: one object, "inf" as a string, 17 significant digits, nothing else on stdout.
"$DIVLAB" metrics 02-label-smoothing.json --json >/tmp/divlab-golden-json.$$
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["kl_qp"]=="inf" and d["perplexity_qp"]=="inf", d' \
  /tmp/divlab-golden-json.$$ || fail "label smoothing: inf is not the string \"inf\""
grep -Eq '"kl_pq": 0\.1625189294977749[0-9],' /tmp/divlab-golden-json.$$ || fail "label smoothing: kl_pq not printed with 17 digits"

rm -f /tmp/divlab-golden-err.$$ /tmp/divlab-golden-json.$$
[ $status -eq 0 ] && echo "metrics_golden: all passed"
exit $status

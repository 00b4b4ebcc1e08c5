#!/usr/bin/env bash
# `divlab code` (SPEC §6): every coding preset's --json matches the independent reference
# (tests/reference/coding.json, "presets": heapq Huffman under the tie rule, mpmath values) with
# codes exactly and numbers to 1e-12 + 1e-9·|x|; the table states the identity with its numbers;
# null codewords, "inf" lengths and index labels for a file without labels; "0" for one symbol;
# bad input (malformed, continuous, joint, usage) is one line on stderr and exit 2.
set -uo pipefail
: "${DIVLAB:?}" "${SRC:?}"
status=0
fail() { echo "FAIL: $*"; status=1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# check_json REFERENCE_KEY ACTUAL: same keys in order, symbols and codes exact, numbers close.
check_json() {
  python3 - "$SRC/tests/reference/coding.json" "$@" <<'PY'
import json, sys
from collections import OrderedDict
ref = json.load(open(sys.argv[1]), object_pairs_hook=OrderedDict)["presets"][sys.argv[2]]
act = json.load(open(sys.argv[3]), object_pairs_hook=OrderedDict)
bad = []
if list(act) != list(ref): bad.append(f"keys {list(act)} != {list(ref)}")
def close(a, e, what):
    if isinstance(e, str) or isinstance(a, str):
        if a != e: bad.append(f"{what}: {a!r} != {e!r}")
    elif not isinstance(a, (int, float)) or abs(a - e) > 1e-12 + 1e-9 * abs(e):
        bad.append(f"{what}: {a!r} != {e!r}")
if len(act.get("symbols", [])) != len(ref["symbols"]): bad.append("symbol count")
for i, (a, e) in enumerate(zip(act.get("symbols", []), ref["symbols"])):
    if list(a) != ["label", "p", "q", "code_p", "code_q"]: bad.append(f"symbols[{i}] keys {list(a)}")
    for k in ("label", "code_p", "code_q"):
        if a.get(k) != e[k]: bad.append(f"symbols[{i}].{k}: {a.get(k)!r} != {e[k]!r}")
    for k in ("p", "q"): close(a.get(k), e[k], f"symbols[{i}].{k}")
for k, e in ref.items():
    if k != "symbols": close(act.get(k), e, k)
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
}

count=0
for f in "$SRC"/assets/presets/coding/*.json; do
  name=$(basename "$f")
  "$DIVLAB" code "$f" --json >"$tmp/json" 2>"$tmp/err"; rc=$?
  [ $rc -eq 0 ] || fail "$name: --json exit $rc: $(cat "$tmp/err")"
  [ -s "$tmp/err" ] && fail "$name: --json wrote to stderr"
  out=$(check_json "$name" "$tmp/json") || fail "$name: --json vs reference: $out"
  "$DIVLAB" code "$f" >"$tmp/table" 2>"$tmp/err"; rc=$?
  [ $rc -eq 0 ] || fail "$name: table exit $rc"
  grep -q "E_P\[ℓ_Q\] = H(P) + D(P‖2^−ℓ_Q):" "$tmp/table" || fail "$name: the table does not state the identity"
  count=$((count + 1))
done
[ $count -ge 5 ] || fail "only $count coding presets"

# The identity with its numbers, and the rows of the tie preset (codes of SPEC §6's tie rule).
"$DIVLAB" code "$SRC/assets/presets/coding/04-tie-changes-the-cost.json" >"$tmp/table"
grep -q "E_P\[ℓ_Q\] = H(P) + D(P‖2^−ℓ_Q):  2.1 = 1.121928095 + 0.9780719051 bits" "$tmp/table" \
  || fail "tie preset: identity line: $(grep 'E_P\[ℓ_Q\] =' "$tmp/table")"
grep -Eq "^  d +0.05 +0.1 +010 +100 +3 +3 " "$tmp/table" || fail "tie preset: row d: $(grep -E '^  d ' "$tmp/table")"
"$DIVLAB" code "$SRC/assets/presets/coding/03-dyadic-pair.json" >"$tmp/table"
grep -q "3.5625 = 1.875 + 1.6875 bits" "$tmp/table" || fail "dyadic preset: identity line"

# No labels: indices as numbers; zeros give null codewords and "inf" lengths.
"$DIVLAB" code "$SRC/tests/cli/code_data/no-labels.json" --json >"$tmp/json" || fail "no-labels: exit $?"
python3 - "$tmp/json" <<'PY' || fail "no-labels: $(cat "$tmp/json")"
import json, sys
d = json.load(open(sys.argv[1]))
s = d["symbols"]
assert [x["label"] for x in s] == [0, 1, 2, 3]
assert s[1]["code_p"] is None and s[3]["code_q"] is None and s[1]["code_q"] is not None
assert d["length_p_code_q"] == "inf" and d["length_q_code_p"] == "inf"
assert d["kl_pq"] == "inf" and d["kl_qp"] == "inf"
assert d["length_p_code_p"] == 1.5
PY
"$DIVLAB" code "$SRC/tests/cli/code_data/no-labels.json" >"$tmp/table" || fail "no-labels table: exit $?"
grep -q "E_P\[ℓ_Q\] = H(P) + D(P‖2^−ℓ_Q):  ∞ = 1.5 + ∞ bits" "$tmp/table" || fail "no-labels: ∞ identity: $(grep 'E_P\[ℓ_Q\] =' "$tmp/table")"
"$DIVLAB" code "$SRC/tests/cli/code_data/one-symbol.json" --json >"$tmp/json" || fail "one-symbol: exit $?"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['symbols'][0]['code_p']=='0' and d['symbols'][0]['code_q']=='0' and d['length_p_code_p']==1 and d['entropy_p']==0" "$tmp/json" \
  || fail "one-symbol: $(cat "$tmp/json")"

# Bad input: one line on stderr, exit 2, nothing on stdout.
expect() {
  local want=$1
  shift
  "$DIVLAB" "$@" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  [ $rc -eq 2 ] || fail "divlab $*: exit $rc, expected 2"
  [ -s "$tmp/out" ] && fail "divlab $*: wrote to stdout"
  [ "$(cat "$tmp/err")" = "$want" ] || fail "divlab $*: stderr is '$(cat "$tmp/err")', expected '$want'"
}
cd "$SRC/tests/cli/bad" || exit 1
expect "divlab: coin.json: p.mass[3]: expected a finite number >= 0, got -0.2" code coin.json
expect "$(cat all-zero.expected)" code all-zero.json --json
expect "divlab: missing.json: cannot open: No such file or directory" code missing.json
cd "$SRC/assets/presets" || exit 1
expect 'divlab: 04-bimodal-vs-one-gaussian.json: kind: expected "discrete" (a code is built for discrete P and Q), got "continuous"' \
  code 04-bimodal-vs-one-gaussian.json
expect 'divlab: joint/01-independent.json: kind: expected "discrete" (a code is built for discrete P and Q), got "joint"' \
  code joint/01-independent.json --json
expect "divlab: code: FILE is required (see 'divlab code --help')" code
expect "divlab: code: The following argument was not expected: --base (see 'divlab code --help')" code 01-fair-vs-rigged-coin.json --base
"$DIVLAB" code --help >"$tmp/out" 2>&1 && grep -q "Huffman" "$tmp/out" || fail "code --help"

# The coding figures render from a discrete file (PNG, SVG, PDF; the table also as .tex and .csv) and
# refuse a continuous one in one line.
tie="$SRC/assets/presets/coding/04-tie-changes-the-cost.json"
for fig in code_trees code_table code_area; do
  for ext in png svg pdf; do
    "$DIVLAB" render "$tie" --figure "$fig" -o "$tmp/$fig.$ext" 2>"$tmp/err" || fail "render $fig .$ext: $(cat "$tmp/err")"
    [ -s "$tmp/$fig.$ext" ] || fail "render $fig .$ext: empty file"
  done
done
"$DIVLAB" render "$tie" --figure code_table -o "$tmp/codes.tex" || fail "render code_table .tex"
grep -q '\\texttt{100} & 3 & 3' "$tmp/codes.tex" || fail "codes.tex: row d: $(grep '^d ' "$tmp/codes.tex")"
grep -q '\\toprule' "$tmp/codes.tex" || fail "codes.tex: not a booktabs table"
"$DIVLAB" render "$tie" --figure code_table -o "$tmp/codes.csv" || fail "render code_table .csv"
grep -Eq '^d,0\.0(5|4999)[0-9]*,0\.1[0-9]*,010,100,3,3,4\.32192809488736[0-9]*,3\.32192809488736[0-9]*$' "$tmp/codes.csv" || fail "codes.csv: row d: $(grep '^d,' "$tmp/codes.csv")"
expect "divlab: render: 04-bimodal-vs-one-gaussian.json: figure 'code_trees' draws codes for discrete P and Q, and this scenario is \"continuous\"" \
  render 04-bimodal-vs-one-gaussian.json --figure code_trees -o "$tmp/x.png"
exit $status

#!/usr/bin/env bash
# `divlab metrics FILE --alpha A` (SPEC §7): the JSON's "alpha", "renyi_pq", "renyi_qp" and
# "alpha_divergence_pq" against the independent mpmath reference (tests/reference/alpha.json), ∞ and
# overflow as SPEC says, the table's rows; a bad A or a joint file gets one line and exit 2.
set -uo pipefail
: "${DIVLAB:?}" "${SRC:?}"
status=0
fail() { echo "FAIL: $*"; status=1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ref="$SRC/tests/reference/alpha.json"
presets="$SRC/assets/presets"

# check_json JSON_FILE CASE_KIND CASE_NAME ALPHA BASE TOL: the four keys against the reference (Rényi in
# the file's base, Minka in nats), the §1 keys still first.
check_json() {
  python3 - "$ref" "$@" <<'PY'
import json, math, sys
ref_path, act_path, kind, name, alpha, base, tol = sys.argv[1:8]
alpha, tol = float(alpha), float(tol)
act = json.load(open(act_path))
case = next(c for c in json.load(open(ref_path))[kind] if c["name"] == name)
row = next(r for r in case["values"] if r["alpha"] == alpha)
keys = list(act)
bad = []
if keys[0] != "base" or keys[-4:] != ["alpha", "renyi_pq", "renyi_qp", "alpha_divergence_pq"]:
    bad.append(f"keys {keys}")
if act.get("alpha") != alpha: bad.append(f"alpha {act.get('alpha')!r}")
scale = math.log(2) if base == "2" else 1.0
for k in ("renyi_pq", "renyi_qp", "alpha_divergence_pq"):
    e, a = row[k], act.get(k)
    if e == "overflow": e = None
    elif isinstance(e, (int, float)) and k != "alpha_divergence_pq": e = e / scale
    if isinstance(e, str) or e is None or isinstance(a, str) or a is None:
        if a != e: bad.append(f"{k}: {a!r} != {e!r}")
    elif abs(a - e) > tol * abs(e) + 1e-12:
        bad.append(f"{k}: {a!r} != {e!r} (rel {abs(a - e) / abs(e):.2g})")
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
}

run_json() {  # run_json OUT ARGS...: exit 0 and nothing on stderr
  local out=$1
  shift
  "$DIVLAB" metrics "$@" --json >"$out" 2>"$tmp/err"
  local rc=$?
  [ $rc -eq 0 ] || fail "metrics $*: exit $rc: $(cat "$tmp/err")"
  [ -s "$tmp/err" ] && fail "metrics $*: wrote to stderr: $(cat "$tmp/err")"
}

# Discrete: the coin preset (base 2) and in nats, α on both sides of 1 and α = 1 itself.
for a in 0.5 0.999999 1 1.000001 2 10 100; do
  run_json "$tmp/coin.json" "$presets/01-fair-vs-rigged-coin.json" --alpha "$a"
  out=$(check_json "$tmp/coin.json" discrete coin "$a" 2 1e-9) || fail "coin --alpha $a: $out"
  run_json "$tmp/coin-e.json" "$presets/01-fair-vs-rigged-coin.json" --alpha "$a" --base e
  out=$(check_json "$tmp/coin-e.json" discrete coin "$a" e 1e-9) || fail "coin --alpha $a --base e: $out"
done
# At α = 1 the Rényi values are kl_pq and kl_qp exactly.
run_json "$tmp/one.json" "$presets/01-fair-vs-rigged-coin.json" --alpha 1
python3 - "$tmp/one.json" <<'PY' || fail "--alpha 1: renyi_pq/renyi_qp are not kl_pq/kl_qp"
import json, sys
j = json.load(open(sys.argv[1]))
sys.exit(0 if j["renyi_pq"] == j["kl_pq"] and j["renyi_qp"] == j["kl_qp"] else 1)
PY

# Disjoint supports: Rényi ∞ both ways for α = ½, Minka's D_½ = 1/(½·½) = 4.
run_json "$tmp/disjoint.json" "$presets/05-disjoint-supports.json" --alpha 0.5
python3 - "$tmp/disjoint.json" <<'PY' || fail "disjoint --alpha 0.5: $(cat "$tmp/disjoint.json")"
import json, sys
j = json.load(open(sys.argv[1]))
sys.exit(0 if j["renyi_pq"] == "inf" and j["renyi_qp"] == "inf" and abs(j["alpha_divergence_pq"] - 4) < 1e-12 else 1)
PY

# A finite Minka value beyond the double range: null in JSON, "overflow" in the table (never ∞).
cat >"$tmp/tiny.json" <<'EOF'
{"format": "divlab.scenario", "version": 1, "kind": "discrete", "base": "e",
 "p": {"mass": [1e-300, 1]}, "q": {"mass": [1, 1e-300]}}
EOF
run_json "$tmp/tiny-out.json" "$tmp/tiny.json" --alpha 100
out=$(check_json "$tmp/tiny-out.json" discrete tiny_masses 100 e 1e-9) || fail "tiny --alpha 100: $out"
table=$("$DIVLAB" metrics "$tmp/tiny.json" --alpha 100) || fail "tiny table: exit $?"
grep -q "α-divergence (Minka) *overflow *nats" <<<"$table" || fail "tiny table has no overflow row: $table"

# Continuous: the mixture of all four families (P's t₄ against Q's t₅ tails: ∞ at α = 10) and two normals.
python3 - "$ref" "$tmp" <<'PY'
import json, sys
ref, tmp = json.load(open(sys.argv[1])), sys.argv[2]
def comp(c):
    d = {k: v for k, v in c.items() if k != "scale"}
    if "scale" in c: d["sd" if c["family"] == "normal" else "scale"] = c["scale"]
    return d
for c in ref["continuous"]:
    if c["name"] in ("mixture_all_families", "normals"):
        s = {"format": "divlab.scenario", "version": 1, "kind": "continuous", "base": "e",
             "p": {"components": [comp(x) for x in c["p"]]}, "q": {"components": [comp(x) for x in c["q"]]}}
        json.dump(s, open(f"{tmp}/{c['name']}.json", "w"))
PY
for a in 0.5 2 10; do
  run_json "$tmp/mix-out.json" "$tmp/mixture_all_families.json" --alpha "$a"
  out=$(check_json "$tmp/mix-out.json" continuous mixture_all_families "$a" e 1e-7) || fail "mixture --alpha $a: $out"
done
run_json "$tmp/n-out.json" "$tmp/normals.json" --alpha 2
out=$(check_json "$tmp/n-out.json" continuous normals 2 e 1e-7) || fail "normals --alpha 2: $out"

# The table: the §1 table, then the α rows with units and why ∞.
table=$("$DIVLAB" metrics "$presets/06-heavy-tails-t-vs-normal.json" --alpha 2 2>"$tmp/err") || fail "t vs normal table: exit $?"
[ -s "$tmp/err" ] && fail "t vs normal table wrote to stderr"
for want in "quantity (α = 2)" "D_α(P‖Q)  *Rényi divergence of order α  *∞  *nats  why ∞: " "D_α(Q‖P)" "α-divergence (Minka)" "KL divergence (forward)"; do
  grep -q "$want" <<<"$table" || fail "t vs normal table lacks '$want': $table"
done

# Bad --alpha: exactly one line on stderr, nothing on stdout, exit 2.
for bad in 0 -1 nan inf -inf abc 2x 0x; do
  for form in "--alpha=$bad" "--alpha $bad"; do
    # shellcheck disable=SC2086  # "--alpha -1" as two words
    "$DIVLAB" metrics "$presets/01-fair-vs-rigged-coin.json" $form >"$tmp/out" 2>"$tmp/err"
    rc=$?
    [ $rc -eq 2 ] || fail "$form: exit $rc, expected 2"
    [ -s "$tmp/out" ] && fail "$form: wrote to stdout"
    [ "$(cat "$tmp/err")" = "divlab: metrics: --alpha: expected a finite number > 0, got '$bad'" ] ||
      fail "$form: stderr is $(cat "$tmp/err")"
  done
done
# No value at all: the command line's own usage error, one line, exit 2.
"$DIVLAB" metrics "$presets/01-fair-vs-rigged-coin.json" --alpha= >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 2 ] && [ ! -s "$tmp/out" ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "--alpha=: exit $rc, stderr $(cat "$tmp/err")"
# A joint table has no P and Q.
joint="$presets/joint/01-independent.json"
"$DIVLAB" metrics "$joint" --alpha 2 >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 2 ] || fail "joint --alpha: exit $rc, expected 2"
[ -s "$tmp/out" ] && fail "joint --alpha: wrote to stdout"
[ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q "joint table" "$tmp/err" || fail "joint --alpha: stderr is $(cat "$tmp/err")"

[ $status -eq 0 ] && echo "metrics_alpha: all passed"
exit $status

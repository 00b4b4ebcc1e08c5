#!/usr/bin/env bash
# divlab fit --json: the SPEC §3 keys, the reverse-KL optimum of the bimodal scenario against the
# SciPy reference (tests/reference/fit), --start/--objective/--max-steps overrides, --trajectory,
# and the golden output (numbers compared to 1e-9).
set -euo pipefail
: "${DIVLAB:?}" "${SRC:?}"
D="$SRC/tests/cli/fit_data"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

"$DIVLAB" fit "$D/bimodal.json" --json > "$tmp/rev.json"
"$DIVLAB" fit "$D/bimodal.json" --json --objective forward_kl --start mean=-1,sd=0.5 > "$tmp/fwd.json"
"$DIVLAB" fit "$D/bimodal.json" --json --start mean=0.3,sd=2.5 --trajectory > "$tmp/broad.json"
"$DIVLAB" fit "$D/bimodal.json" --json --max-steps 3 --trajectory > "$tmp/three.json"
"$DIVLAB" fit "$D/nofit.json" --json --objective jsd --start mean=-1.5,sd=0.5 > "$tmp/jsd.json"
"$DIVLAB" fit "$D/coin.json" --json > "$tmp/coin.json"
"$DIVLAB" fit "$D/heavy.json" --json > "$tmp/heavy.json"
"$DIVLAB" fit "$D/mixture.json" --json > "$tmp/mixture.json"
# Deterministic: a second run prints the same bytes, trajectory included.
"$DIVLAB" fit "$D/bimodal.json" --json --start mean=0.3,sd=2.5 --trajectory > "$tmp/broad2.json"
cmp -s "$tmp/broad.json" "$tmp/broad2.json" || { echo "FAIL: two runs differ"; exit 1; }

/usr/bin/python3 - "$tmp" "$SRC" <<'PY'
import json, math, sys
tmp, src = sys.argv[1], sys.argv[2]
load = lambda n: json.load(open(f"{tmp}/{n}.json"))
ref = {c["name"]: c for c in json.load(open(f"{src}/tests/reference/fit/fit_reference.json"))["cases"]}
fails = []
def check(cond, what):
    if not cond: fails.append(what)

rev = load("rev")
for k in ("model", "objective", "start", "params", "value", "steps", "converged"):
    check(k in rev, f"key {k} missing")
check(rev["model"] == "normal" and rev["objective"] == "reverse_kl", "model/objective")
check(rev["start"] == {"mean": 1, "sd": 1}, f"start {rev['start']}")
check(rev["converged"] is True and rev["steps"] > 0, "converged")
check(set(rev["params"]) == {"mean", "sd"}, "params keys")
right = max(ref["bimodal_reverse"]["minima"], key=lambda m: m["mean"])  # start at mean 1 → right mode
check(abs(rev["params"]["mean"] - right["mean"]) < 1e-6, f"mean {rev['params']['mean']} vs {right['mean']}")
check(abs(rev["params"]["sd"] - right["sd"]) < 1e-6, f"sd {rev['params']['sd']} vs {right['sd']}")
check(abs(rev["value"] - right["value"]) < 1e-9, "value")
check("trajectory" not in rev, "trajectory without --trajectory")

fwd = load("fwd")  # forward KL: moment matching, mean 0 and sd sqrt(0.36 + 4)
check(fwd["objective"] == "forward_kl" and fwd["start"] == {"mean": -1, "sd": 0.5}, "fwd start")
check(abs(fwd["params"]["mean"]) < 1e-7 and abs(fwd["params"]["sd"] - math.sqrt(4.36)) < 1e-7, f"fwd {fwd['params']}")

broad = load("broad")  # a wide start lands in the broad minimum between the modes
mid = [m for m in ref["bimodal_reverse"]["minima"] if abs(m["mean"]) < 0.5][0]
check(abs(broad["params"]["mean"] - mid["mean"]) < 1e-6 and abs(broad["params"]["sd"] - mid["sd"]) < 1e-6,
      f"broad {broad['params']} vs {mid}")
t = broad["trajectory"]
check(len(t) == broad["steps"] + 1, "trajectory length")
check(t[0] == {"step": 0, "mean": 0.3, "sd": 2.5, "value": t[0]["value"]}, f"trajectory[0] {t[0]}")
check([p["step"] for p in t] == list(range(len(t))), "trajectory steps")
check(abs(t[-1]["value"] - broad["value"]) == 0, "last trajectory value is the result")

three = load("three")
check(three["steps"] == 3 and three["converged"] is False and len(three["trajectory"]) == 4, "max-steps 3")
check("max_steps" in three.get("stopped_because", ""), "stopped_because names max_steps")

jsd = load("jsd")
left = [m for m in ref["bimodal_jsd"]["minima"] if m["mean"] < -1][0]
check(jsd["objective"] == "jsd" and abs(jsd["params"]["mean"] - left["mean"]) < 1e-6
      and abs(jsd["params"]["sd"] - left["sd"]) < 1e-6, f"jsd {jsd['params']} vs {left}")

coin = load("coin")
check(coin["model"] == "discretised_normal" and coin["converged"], "coin")

heavy = load("heavy")
check(heavy["value"] == "inf" and heavy["converged"] is False and heavy["steps"] == 0, f"heavy {heavy}")
check("tails" in heavy.get("stopped_because", ""), "heavy explains the tails")

mix = load("mixture")  # K = 2 from the start keys; reverse KL reaches P itself
check(mix["model"] == "normal_mixture" and mix["converged"], f"mixture {mix.get('stopped_because')}")
want = {"weight1": 0.3, "mean1": -1.5, "sd1": 0.5, "weight2": 0.7, "mean2": 1.0, "sd2": 0.8}
check(set(mix["params"]) == set(want), f"mixture params {mix['params']}")
check(all(abs(mix["params"][k] - v) < 1e-6 for k, v in want.items()), f"mixture params {mix['params']}")
check(abs(mix["value"]) < 1e-11, f"mixture value {mix['value']}")

# Golden: every number equal to 1e-9 relative, every other value exactly.
gold = json.load(open(f"{src}/tests/cli/fit_data/golden_bimodal.json"))
def same(a, b, path):
    if isinstance(a, dict):
        check(isinstance(b, dict) and set(a) == set(b), f"golden keys at {path}: {sorted(a)} vs {sorted(b) if isinstance(b, dict) else b}")
        for k in a:
            if isinstance(b, dict) and k in b: same(a[k], b[k], f"{path}.{k}")
    elif isinstance(a, list):
        check(isinstance(b, list) and len(a) == len(b), f"golden length at {path}")
        for i, (x, y) in enumerate(zip(a, b)): same(x, y, f"{path}[{i}]")
    elif isinstance(a, float) or isinstance(b, float):
        check(abs(a - b) <= 1e-9 * max(1, abs(a)), f"golden {path}: {a} vs {b}")
    else:
        check(a == b, f"golden {path}: {a} vs {b}")
same(gold, load("rev"), "$")

if fails:
    print("\n".join(fails)); sys.exit(1)
print("fit json: ok")
PY

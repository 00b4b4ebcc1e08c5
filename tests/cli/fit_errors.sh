#!/usr/bin/env bash
# divlab fit: usage errors and invalid input → one line "divlab: ..." on stderr, nothing on stdout,
# exit status 2; the readable text form; --help.
set -euo pipefail
: "${DIVLAB:?}" "${SRC:?}"
D="$SRC/tests/cli/fit_data"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0

# expect_error <pattern> <args...>: exit 2, empty stdout, exactly one stderr line matching the pattern.
expect_error() {
  local pattern=$1; shift
  local status=0
  "$DIVLAB" fit "$@" >"$tmp/out" 2>"$tmp/err" || status=$?
  if [[ $status -ne 2 ]]; then echo "FAIL: fit $* → status $status (want 2)"; fail=1; fi
  if [[ -s $tmp/out ]]; then echo "FAIL: fit $* wrote to stdout"; fail=1; fi
  if [[ $(wc -l <"$tmp/err") -ne 1 ]]; then echo "FAIL: fit $* → $(wc -l <"$tmp/err") stderr lines"; cat "$tmp/err"; fail=1; fi
  if ! grep -Eq -- "^divlab: .*$pattern" "$tmp/err"; then echo "FAIL: fit $* → '$(cat "$tmp/err")' lacks /$pattern/"; fail=1; fi
}

expect_error 'has no "fit" section.*--objective' "$D/nofit.json"
expect_error "FILE is required|required" 
expect_error "objective: expected forward_kl, reverse_kl or jsd, got 'kl'" "$D/bimodal.json" --objective kl
expect_error "--start: sd: expected a number > 0, got 0" "$D/bimodal.json" --start mean=1,sd=0
expect_error "--start: sd: expected a number > 0, got -2" "$D/bimodal.json" --start sd=-2
expect_error "--start: mean: expected a finite number, got 'abc'" "$D/bimodal.json" --start mean=abc
expect_error "--start: mean: expected a finite number, got 'inf'" "$D/bimodal.json" --start mean=inf
expect_error "--start: unknown parameter 'sigma' \(expected: mean, sd\)" "$D/bimodal.json" --start sigma=1
expect_error "--start: unknown parameter 'mean0' \(expected: mean, sd, meanK, sdK, weightK\)" "$D/mixture.json" --start mean0=1
expect_error "--start: weight2: expected a number > 0, got 0" "$D/mixture.json" --start weight2=0
expect_error "--learning-rate: expected a number > 0, got -0.5" "$D/bimodal.json" --learning-rate -0.5
expect_error "--start: expected name=value pairs.*got 'mean'" "$D/bimodal.json" --start mean
expect_error "--start: expected name=value pairs.*got ''" "$D/bimodal.json" --start mean=1,,sd=2
expect_error "--start: parameter 'mean' given twice" "$D/bimodal.json" --start mean=1,mean=2
expect_error "--max-steps: expected an integer from 1" "$D/bimodal.json" --max-steps 0
expect_error "max-steps" "$D/bimodal.json" --max-steps ten
expect_error "--optimizer: expected gd, momentum or adam, got 'lbfgs'" "$D/bimodal.json" --optimizer lbfgs
expect_error "unknown|extra|not expected|The following argument" "$D/bimodal.json" --frobnicate
expect_error "missing.json" "$D/missing.json"
printf '{"format": "divlab.scenario", "version": 1, "kind": "continuous",\n "p": {"components": []}}' >"$tmp/bad.json"
expect_error "bad.json" "$tmp/bad.json"
# The fit section's own start, checked where the fit is planned (FitPlan), names the file and the place.
printf '{"format": "divlab.scenario", "version": 1, "kind": "discrete", "p": {"mass": [1, 2]}, "q": {"mass": [1, 1]},
 "fit": {"model": "categorical", "objective": "forward_kl", "start": {"centre": 1}}}' >"$tmp/cat.json"
expect_error "cat.json: fit.start: unknown key \"centre\" \(expected: mean, sd\)" "$tmp/cat.json"
# One check of the start for files and flags (check_start): a mixture's unknown names, its weights > 0,
# components 1..64, and starts within the numerics' range, whichever way they come.
printf '{"format": "divlab.scenario", "version": 1, "kind": "continuous",
 "p": {"components": [{"family": "normal", "weight": 1, "mean": 0, "sd": 1}]},
 "q": {"components": [{"family": "normal", "weight": 1, "mean": 0, "sd": 1}]},
 "fit": {"model": "normal_mixture", "objective": "reverse_kl", "start": {"sd1": 0.5, "foo": 1}}}' >"$tmp/mixfoo.json"
expect_error "mixfoo.json: fit.start: unknown key \"foo\" \(expected: mean, sd, meanK, sdK, weightK\)" "$tmp/mixfoo.json"
expect_error "--start: unknown parameter 'foo' \(expected: mean, sd, meanK, sdK, weightK\)" "$D/mixture.json" --start sd1=0.5,foo=1
expect_error "--start: weight1: expected a number > 0, got -1" "$D/mixture.json" --start weight1=-1
expect_error "--start: mean70: expected a component number from 1 to 64, got 70" "$D/mixture.json" --start mean70=0
expect_error "--start: mean: expected a number within ±1e300 \(the range the numerics resolve\), got 1e\+308" \
  "$D/bimodal.json" --start mean=1e308,sd=1e308
expect_error "--start: sd: expected a number <= 1e300, got 1e\+308" "$D/bimodal.json" --start mean=1,sd=1e308
expect_error "--start: sd: expected a number >= 1e-150, got 1e-200" "$D/bimodal.json" --start sd=1e-200

# A one-component mixture is a normal, started from its component's own mean1/sd1 (file and flag alike);
# the extremes of the start's range give a finite answer, never null.
for start in "sd1=0.5" "mean1=-1,sd1=0.5,weight1=1" "mean=3,sd=1e-3"; do
  status=0
  "$DIVLAB" fit "$D/mixture.json" --start "$start" --json >"$tmp/one" 2>"$tmp/err" || status=$?
  if [[ $status -ne 0 ]]; then echo "FAIL: --start $start → status $status: $(cat "$tmp/err")"; fail=1; fi
  if grep -q null "$tmp/one"; then echo "FAIL: --start $start printed null"; cat "$tmp/one"; fail=1; fi
done
# Starts within range but so far from P that the objective overflows: a clean error, not a null.
expect_error "--start: sd: expected a number >= 1e-12·\|mean\| = 1e\+288 \(a narrower normal is finer than doubles resolve near its mean\), got 1e-150" \
  "$D/bimodal.json" --start mean=-1e300,sd=1e-150
for start in "mean=1e300,sd=1e300" "mean=-1e300,sd=1e290" "mean=0,sd=1e300"; do
  expect_error "--start: the objective cannot be evaluated in doubles at this start" "$D/mixture.json" --start "$start"
  expect_error "--start: the objective cannot be evaluated in doubles at this start" "$D/bimodal.json" --start "$start"
done
"$DIVLAB" fit "$D/mixture.json" --start mean1=-1,sd1=0.5 --max-steps 1 --json >"$tmp/one"
grep -q '"model": "normal"' "$tmp/one" || { echo "FAIL: K = 1 mixture is not a normal"; cat "$tmp/one"; fail=1; }
python3 - "$tmp/one" <<'PY' || fail=1
import json, math, sys
d = json.load(open(sys.argv[1]))
# One adam step (learning rate 0.02) from mean −1, sd 0.5 moves each by at most ~0.02 (in mean, log sd).
p = d["params"]
ok = abs(p["mean"] + 1) < 0.05 and abs(math.log(p["sd"] / 0.5)) < 0.05
print("" if ok else "FAIL: mean1/sd1 not used as the start: %s" % p, end="")
sys.exit(0 if ok else 1)
PY

# The text form: readable, names the result and says it converged.
"$DIVLAB" fit "$D/bimodal.json" >"$tmp/text"
grep -q "^result: mean = 1.99707828" "$tmp/text" || { echo "FAIL: text result"; cat "$tmp/text"; fail=1; }
grep -q "converged" "$tmp/text" || { echo "FAIL: text converged"; fail=1; }
grep -q "D(Q_θ‖P)" "$tmp/text" || { echo "FAIL: text objective symbol"; fail=1; }
# An infinite objective is an answer (status 0) with its reason, not an error.
"$DIVLAB" fit "$D/heavy.json" >"$tmp/heavy"
grep -q "value:  D(P‖Q_θ) = ∞" "$tmp/heavy" || { echo "FAIL: heavy ∞"; cat "$tmp/heavy"; fail=1; }
grep -q "tails are heavier" "$tmp/heavy" || { echo "FAIL: heavy reason"; fail=1; }
"$DIVLAB" fit --help | grep -q -- "--trajectory" || { echo "FAIL: --help"; fail=1; }

[[ $fail -eq 0 ]] && echo "fit errors: ok"
exit $fail

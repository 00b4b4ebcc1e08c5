#!/usr/bin/env bash
# Issue 11 §7, input and output hygiene: hostile names and titles are escaped, every write is
# checked (a full disk is an error with a message, never exit 0), limits are checked before work
# (sizes, steps, file sizes, devices, FIFOs, component counts), and nothing hangs.
set -uo pipefail
: "${DIVLAB:?}" "${SRC:?}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
coin="$SRC/assets/presets/01-fair-vs-rigged-coin.json"
bimodal="$SRC/tests/cli/fit_data/bimodal.json"

# expect_status STATUS PATTERN CMD...: the status, one stderr line matching PATTERN, within 20 s.
expect_status() {
  local want=$1 pattern=$2; shift 2
  local status=0
  timeout 20 "$DIVLAB" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null || status=$?
  if [[ $status -ne $want ]]; then echo "FAIL: divlab $* → status $status (want $want): $(head -c 300 "$tmp/err")"; fail=1; fi
  if [[ $(wc -l <"$tmp/err") -ne 1 ]]; then echo "FAIL: divlab $* → $(wc -l <"$tmp/err") stderr lines"; fail=1; fi
  if ! grep -Eq -- "$pattern" "$tmp/err"; then echo "FAIL: divlab $* → '$(head -c 300 "$tmp/err")' lacks /$pattern/"; fail=1; fi
  if LC_ALL=C grep -qP '[\x00-\x09\x0b-\x1f\x7f]' "$tmp/err"; then echo "FAIL: divlab $* put a control character on stderr"; fail=1; fi
}

# --base "" is not "no base".
expect_status 2 "^divlab: metrics: --base: expected e or 2, got ''$" metrics "$coin" --base ""

# A title with NUL, ESC and a newline: printed whole, escaped (it cut the output at the NUL, and ESC
# reached the terminal).
printf '{"format": "divlab.scenario", "version": 1, "kind": "discrete", "title": "before\\u0000after \\u001b[31mred\\nline",
 "p": {"mass": [1, 1]}, "q": {"mass": [1, 2]}}' >"$tmp/title.json"
"$DIVLAB" metrics "$tmp/title.json" >"$tmp/out" || { echo "FAIL: metrics title.json"; fail=1; }
grep -qF 'before\0after \x1b[31mred\nline' "$tmp/out" || { echo "FAIL: title not escaped whole: $(head -1 "$tmp/out" | od -c | head -3)"; fail=1; }
if LC_ALL=C grep -qP '[\x00\x1b]' "$tmp/out"; then echo "FAIL: a NUL or ESC reached stdout"; fail=1; fi
# A file name with ESC and a newline in an error: one escaped line.
expect_status 2 'no\\x1b\[2Jsuch\\nfile.json: cannot open' metrics "$tmp/no"$'\e'"[2Jsuch"$'\n'"file.json"

# Every write checked: stdout on a full disk is an error with a message (was exit 1, silent).
status=0; "$DIVLAB" metrics "$coin" >/dev/full 2>"$tmp/err" || status=$?
[[ $status -eq 1 ]] && grep -q "cannot write the output" "$tmp/err" || { echo "FAIL: metrics >/dev/full: $status $(cat "$tmp/err")"; fail=1; }
status=0; "$DIVLAB" fit "$bimodal" --json >/dev/full 2>"$tmp/err" || status=$?
[[ $status -eq 1 ]] && grep -q "^divlab: fit: cannot write the output: No space left on device" "$tmp/err" || { echo "FAIL: fit >/dev/full: $status $(cat "$tmp/err")"; fail=1; }
# A figure to a full disk (a .png, .svg, .csv name linked to /dev/full): an error naming the file,
# never exit 0.
for ext in png svg csv; do
  ln -s /dev/full "$tmp/full.$ext"
  expect_status 1 "^divlab: render: cannot write .*full.$ext" render "$coin" -o "$tmp/full.$ext" --figure densities
done
if "$DIVLAB" screenshot --help >/dev/null 2>&1; then
  expect_status 1 "^divlab: screenshot: cannot write .*full.png: No space left on device$" \
    screenshot "$coin" -o "$tmp/full.png" --size 320x240 --frames 1
  # Written through a temporary renamed over the target: a good write leaves exactly the file.
  mkdir "$tmp/shots"
  "$DIVLAB" screenshot "$coin" -o "$tmp/shots/a.png" --size 320x240 --frames 1 2>/dev/null || { echo "FAIL: screenshot"; fail=1; }
  [[ $(ls "$tmp/shots") == "a.png" ]] || { echo "FAIL: screenshot left: $(ls "$tmp/shots")"; fail=1; }
  head -c 8 "$tmp/shots/a.png" | od -An -tx1 | grep -q '89 50 4e 47' || { echo "FAIL: not a PNG"; fail=1; }
fi

# Limits before work: a PNG that cannot be allocated is a usage error at once.
expect_status 2 "^divlab: render: --size × --scale is 32768x32768 pixels; a PNG may have at most 16384 a side" \
  render "$coin" -o "$tmp/big.png" --size 8192x8192 --scale 4
[[ -e "$tmp/big.png" ]] && { echo "FAIL: big.png written"; fail=1; }
# A file's max_steps has the flag's cap; a trajectory is capped where it would not fit in memory.
printf '{"format": "divlab.scenario", "version": 1, "kind": "continuous",
 "p": {"components": [{"family": "normal", "weight": 1, "mean": 0, "sd": 1}]},
 "q": {"components": [{"family": "normal", "weight": 1, "mean": 0, "sd": 1}]},
 "fit": {"model": "normal", "objective": "reverse_kl", "start": {"mean": 1}, "max_steps": 2147483647, "tolerance": 0}}' >"$tmp/steps.json"
expect_status 2 "^divlab: .*steps.json: fit.max_steps: expected an integer from 1 to 100000000, got 2147483647$" fit "$tmp/steps.json"
( cd "$tmp" && expect_status 2 "^divlab: steps.json: fit.max_steps: expected an integer from 1 to 100000000" fit steps.json )
expect_status 2 "^divlab: fit: --trajectory records every step: at most 1000000 steps" fit "$bimodal" --trajectory --max-steps 100000000
# Tolerance 0 is allowed: it runs to max_steps and says so.
"$DIVLAB" fit "$bimodal" --max-steps 50 --json >"$tmp/out" 2>&1 || { echo "FAIL: fit 50 steps"; fail=1; }

# Files checked before they are read: over 1 GiB (sparse, instant), a device, a FIFO with no writer.
truncate -s 1100M "$tmp/huge.json"
start=$(date +%s%N)
expect_status 2 "^divlab: .*huge.json: cannot read: larger than 1024 MiB, too large for a scenario$" metrics "$tmp/huge.json"
(( ($(date +%s%N) - start) / 1000000 < 2000 )) || { echo "FAIL: the huge file was read before refusal"; fail=1; }
expect_status 2 "^divlab: /dev/zero: cannot read: not a regular file or a pipe$" metrics /dev/zero
mkfifo "$tmp/fifo"
expect_status 2 "fifo: line 1, column 1: JSON syntax error" metrics "$tmp/fifo"
# A pipe with a writer still works (process substitution).
"$DIVLAB" metrics <(sleep 0.3; cat "$coin") --json >"$tmp/out" 2>&1 || { echo "FAIL: metrics from a pipe: $(cat "$tmp/out")"; fail=1; }
grep -q '"kl_pq"' "$tmp/out" || { echo "FAIL: pipe output"; fail=1; }

# 10⁴ mixture components: refused with the limit (they took minutes: every breakpoint against every component).
python3 - "$tmp/many.json" <<'PY'
import json, sys
comps = [{"family": "normal", "weight": 1, "mean": i * 0.01, "sd": 1} for i in range(10000)]
json.dump({"format": "divlab.scenario", "version": 1, "kind": "continuous", "p": {"components": comps},
           "q": {"components": [{"family": "normal", "weight": 1, "mean": 0, "sd": 1}]}}, open(sys.argv[1], "w"))
PY
expect_status 2 "^divlab: .*many.json: p.components: expected at most 1000 components, got 10000$" metrics "$tmp/many.json"

[[ $fail -eq 0 ]] && echo "hostile io: ok"
exit $fail

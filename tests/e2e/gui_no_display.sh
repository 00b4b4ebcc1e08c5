#!/usr/bin/env bash
# Without a display the GUI exits 2 with one clear message that points to `divlab render`,
# and a bad scenario file is reported (SPEC §4) before any window is opened.
set -uo pipefail
: "${DIVLAB:?path to divlab}"
err=$(mktemp)
trap 'rm -f "$err" "$err.json"' EXIT
env -u DISPLAY -u WAYLAND_DISPLAY timeout 20 "$DIVLAB" 2>"$err"
rc=$?
cat "$err"
[ "$rc" -eq 2 ] || { echo "expected exit 2 without a display, got $rc"; exit 1; }
grep -q "divlab render" "$err" || { echo "message does not mention 'divlab render'"; exit 1; }
grep -qi "segmentation\|abort\|terminate" "$err" && { echo "crash-like output"; exit 1; }
printf '{"format":"divlab.scenario","version":1,"kind":"discrete","p":{"mass":[1,-0.2]},"q":{"mass":[1,1]}}' >"$err.json"
env -u DISPLAY timeout 20 "$DIVLAB" "$err.json" 2>"$err"
rc=$?
cat "$err"
[ "$rc" -eq 2 ] || { echo "expected exit 2 for an invalid file, got $rc"; exit 1; }
grep -q "p.mass\[1\]" "$err" || { echo "error does not name the place"; exit 1; }
echo "no-display: OK"

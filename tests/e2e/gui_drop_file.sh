#!/usr/bin/env bash
# End-to-end: drop a scenario file onto the real window (an XDND source, as a file manager does):
# divlab opens it. With unsaved work it asks first, and the work stays until the user agrees.
set -euo pipefail
: "${DIVLAB:?path to divlab}" "${SRC:?source dir}" "${DISPLAY:?needs an X display (run under xvfb-run)}"
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export XDG_STATE_HOME="$work/state" DIVLAB_STATE_OUT="$work/state.json"
coin="$SRC/assets/presets/01-fair-vs-rigged-coin.json"
source "$SRC/tests/e2e/divlab_window.bash"

start_divlab "$SRC/assets/presets/08-peaked-vs-flat.json"
title() { xdotool getwindowname "$win"; }
wait_title() {  # wait_title PATTERN: until the window title matches
  for _ in $(seq 50); do case "$(title)" in $1) return 0 ;; esac; sleep 0.1; done
  echo "FAIL: title '$(title)' does not match '$1'"; cat "$work/stderr"; exit 1
}
/usr/bin/python3 "$SRC/tests/e2e/xdnd_drop.py" "$win" "$coin" || { echo "FAIL: no XdndFinished"; exit 1; }
wait_title "Fair coin vs rigged coin — divlab"
echo "dropped onto a clean window: opened '$(title)'"

# Unsaved work (Tab: edit Q; U: make it uniform), then a drop: the prompt appears and the work stays.
xdotool windowfocus "$win" 2>/dev/null || true
for k in Tab u; do xdotool keydown $k; sleep 0.1; xdotool keyup $k; sleep 0.2; done
wait_title "• Fair coin*"
/usr/bin/python3 "$SRC/tests/e2e/xdnd_drop.py" "$win" "$SRC/assets/presets/02-label-smoothing.json"
sleep 0.5
wait_title "• Fair coin*"
echo "dropped onto unsaved work: still '$(title)' (not replaced)"
quit_cleanly  # (the unsaved work is not asked about: DIVLAB_STATE_OUT is set)
echo "PASS"

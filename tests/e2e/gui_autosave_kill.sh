#!/usr/bin/env bash
# End-to-end: never losing work. Edit in the real window, kill -9 it, start divlab again with no
# file: the edited session comes back (marked unsaved). After a clean quit it does not come back.
set -euo pipefail
: "${DIVLAB:?path to divlab}" "${SRC:?source dir}" "${DISPLAY:?needs an X display (run under xvfb-run)}"
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export XDG_STATE_HOME="$work/state"  # a private state dir: never the user's own autosave
session="$XDG_STATE_HOME/divlab/labs/divergence/session.json"  # each lab autosaves on its own

source "$SRC/tests/e2e/divlab_window.bash"
start() {  # start [FILE]: launches divlab (start_divlab) and gives its window the keyboard
  start_divlab "$@"
  xdotool windowfocus --sync "$win" 2>/dev/null || xdotool windowfocus "$win" || true
}
tap() { xdotool keydown "$1"; sleep 0.1; xdotool keyup "$1"; sleep 0.3; }
kind_in() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["kind"])' "$1"; }

# 1. Default scenario (continuous); 1 opens the coin preset (discrete); Tab and U make Q uniform: an edit.
start
tap 1
tap Tab
tap u
for _ in $(seq 50); do [ -s "$session" ] && break; sleep 0.1; done  # autosave after ~1 s of quiet
[ -s "$session" ] || { echo "FAIL: no autosave at $session"; cat "$work/stderr"; exit 1; }
kill -9 "$pid"; wait "$pid" 2>/dev/null || true; pid=""

# 2. Restart with no file: the session is restored (the edited coin) and the title shows it is unsaved.
export DIVLAB_STATE_OUT="$work/after-crash.json"
start
grep -q "Restored the unsaved work of the divergence lab" "$work/stderr" || { echo "FAIL: not restored"; cat "$work/stderr"; exit 1; }
title=$(xdotool getwindowname "$win")
case "$title" in "• "*) ;; *) echo "FAIL: restored session not marked unsaved: '$title'"; exit 1 ;; esac
quit_cleanly
[ "$(kind_in "$work/after-crash.json")" = "discrete" ] || { echo "FAIL: restored scenario is not the edited coin"; exit 1; }
echo "restored after kill -9: the edited coin, title '$title'"

# 3. That quit was clean: the next start opens the default scenario (continuous) again.
export DIVLAB_STATE_OUT="$work/after-clean.json"
start
quit_cleanly
[ "$(kind_in "$work/after-clean.json")" = "continuous" ] || { echo "FAIL: a clean quit was restored"; exit 1; }
echo "PASS"

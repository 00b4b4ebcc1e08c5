# Helpers the e2e tests source (not a test itself: ctest runs tests/e2e/*.sh). They need $work,
# $pid and $win (divlab's process and window), DIVLAB_STATE_OUT, and X Y HEIGHT from geometry.

# The discrete scenario the tests drive: four bins, P = 0.1 … 0.4, Q the reverse.
write_four_bins() {
  cat >"$1" <<'JSON'
{ "format": "divlab.scenario", "version": 1, "title": "e2e", "kind": "discrete", "base": "2",
  "p": { "mass": [0.1, 0.2, 0.3, 0.4] }, "q": { "mass": [0.4, 0.3, 0.2, 0.1] } }
JSON
}

# Starts divlab with ARGS (its stderr to $work/stderr), sets $pid and $win, and lets it draw.
start_divlab() {
  "$DIVLAB" "$@" 2>>"$work/stderr" &
  pid=$!
  win=$(timeout 20 xdotool search --sync --pid "$pid" --name "divlab" | head -n1)
  sleep 1.5
}

# Sets X, Y, WIDTH, HEIGHT: the window's inside on the screen (xwininfo: under a window manager
# xdotool's position counts the frame twice).
geometry() {
  local info
  info=$(xwininfo -id "$win")
  X=$(awk '/Absolute upper-left X/ {print $4}' <<<"$info")
  Y=$(awk '/Absolute upper-left Y/ {print $4}' <<<"$info")
  WIDTH=$(awk '/Width:/ {print $2}' <<<"$info")
  HEIGHT=$(awk '/Height:/ {print $2}' <<<"$info")
}

# Writes the state (F9) and waits until it appears.
snapshot() {
  rm -f "$DIVLAB_STATE_OUT" "$DIVLAB_STATE_OUT.layout.json"
  xdotool windowfocus "$win" 2>/dev/null || true
  xdotool mousemove $((X + 5)) $((Y + HEIGHT - 5)) key F9
  for _ in $(seq 50); do [ -s "$DIVLAB_STATE_OUT.layout.json" ] && break; sleep 0.1; done
  [ -s "$DIVLAB_STATE_OUT.layout.json" ] || { echo "no state written"; cat "$work/stderr"; exit 1; }
}

# Ctrl+Q: a clean exit (status 0, and the sanitizers' exit checks, leaks included, pass).
quit_cleanly() {
  xdotool key ctrl+q
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  ! kill -0 "$pid" 2>/dev/null || { echo "divlab did not quit on Ctrl+Q"; cat "$work/stderr"; exit 1; }
  local rc=0
  wait "$pid" || rc=$?
  pid=""
  [ "$rc" -eq 0 ] || { echo "divlab exited with $rc"; cat "$work/stderr"; exit 1; }
}

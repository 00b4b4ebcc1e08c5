#!/usr/bin/env bash
# End-to-end: the real divlab window under a window manager (openbox on ctest's Xvfb, which has
# none of its own). Resized to small and large sizes, the UI must fill each size (the layout the app
# reports and the pixels on the screen). Minimised, it must sleep rather than draw; restored, it
# must draw the same plot again and still answer keys.
set -euo pipefail
: "${DIVLAB:?path to divlab}" "${SRC:?source dir}" "${DISPLAY:?needs an X display (run under xvfb-run)}"
for tool in xdotool import openbox xprop; do
  command -v "$tool" >/dev/null || { echo "$tool missing (scripts/deps.sh installs it)"; exit 1; }
done
work=$(mktemp -d)
pid="" wm=""
root_props() { xprop -root | grep -o '^[A-Za-z_][A-Za-z0-9_]*' | sort -u; }
props_before=$(root_props)
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null
  [ -n "$wm" ] && kill "$wm" 2>/dev/null  # the other e2e tests expect a display without a WM
  wait 2>/dev/null || true
  # Openbox leaves its root properties behind, and a stale _NET_SUPPORTING_WM_CHECK makes GLFW 3.3
  # abort at start (x11_init.c: _glfwGrabErrorHandlerX11 assertion): the next test's divlab would.
  for p in $(comm -13 <(echo "$props_before") <(root_props)); do xprop -root -remove "$p"; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; cat "$work/stderr" 2>/dev/null; exit 1; }

# The window manager, with its config and cache in the scratch dir.
XDG_CONFIG_HOME="$work" XDG_CACHE_HOME="$work" openbox --sm-disable 2>"$work/openbox.log" &
wm=$!
for _ in $(seq 50); do xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q "window id" && break; sleep 0.1; done
xprop -root _NET_SUPPORTING_WM_CHECK | grep -q "window id" || { cat "$work/openbox.log"; fail "openbox did not start"; }

source "$SRC/tests/e2e/divlab_window.bash"
write_four_bins "$work/four.json"
export DIVLAB_STATE_OUT="$work/state.json"
start_divlab "$work/four.json"

# The window's pixels on the screen as $work/$1.png.
shoot() { import -window root -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage "$work/$1.png"; }

# Resize: at each size the layout spans the window and the screen shows it drawn there.
for size in 800x600 1280x720 1800x950; do
  xdotool windowsize --sync "$win" "${size%x*}" "${size#*x}" 2>/dev/null || xdotool windowsize "$win" "${size%x*}" "${size#*x}"
  sleep 1
  geometry
  [ "${WIDTH}x$HEIGHT" = "$size" ] || fail "asked for $size, the window is ${WIDTH}x$HEIGHT"
  snapshot
  shoot "size-$size"
  /usr/bin/python3 "$SRC/tests/e2e/window_pixels.py" fills "$work/size-$size.png" "$DIVLAB_STATE_OUT.layout.json" \
    || fail "the UI does not fill the window at $size"
done

# Minimise: nothing is drawn (the process sleeps); restore: the same plot comes back.
sleep 2  # let the app go idle
shoot before
xdotool windowminimize --sync "$win" 2>/dev/null || xdotool windowminimize "$win"
for _ in $(seq 50); do xprop -id "$win" WM_STATE | grep -q Iconic && break; sleep 0.1; done
xprop -id "$win" WM_STATE | grep -q Iconic || fail "the window manager did not iconify the window"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }  # user + system time, in clock ticks
t0=$(cpu_ticks)
sleep 4
used=$(( $(cpu_ticks) - t0 ))
hz=$(getconf CLK_TCK)
echo "minimised for 4 s: $used ticks of CPU (of $hz per second)"
kill -0 "$pid" 2>/dev/null || fail "divlab died while minimised"
# Drawing a 1800×950 frame in software costs tens of ms; asleep it costs next to nothing.
[ "$used" -le $((hz / 20)) ] || fail "divlab used $used ticks while minimised: it draws or spins"

xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowmap "$win"
for _ in $(seq 50); do xprop -id "$win" WM_STATE | grep -q Normal && break; sleep 0.1; done
sleep 1
kill -0 "$pid" 2>/dev/null || fail "divlab died on restore"
geometry
shoot after
/usr/bin/python3 "$SRC/tests/e2e/window_pixels.py" same "$work/before.png" "$work/after.png" "$DIVLAB_STATE_OUT.layout.json" \
  || fail "the plot after restoring differs from the plot before minimising"

# Still answers keys: → shifts P one bin to the right.
xdotool windowactivate --sync "$win" 2>/dev/null || true
xdotool key Right
sleep 0.3
snapshot
/usr/bin/python3 - "$DIVLAB_STATE_OUT" <<'PY' || fail "→ after restoring did not shift P"
import json, sys
p = json.load(open(sys.argv[1]))["p"]["mass"]; s = sum(p)
print("P after → :", [round(v / s, 4) for v in p])
assert abs(p[0] / s - 0.4) < 1e-9 and abs(p[1] / s - 0.1) < 1e-9, p
PY

# Undo (nothing left unsaved), then quit.
xdotool key ctrl+z
sleep 0.3
quit_cleanly
echo "e2e: OK"

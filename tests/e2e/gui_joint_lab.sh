#!/usr/bin/env bash
# End-to-end: the mutual-information lab in the real window under Xvfb, driven with xdotool. Open a
# joint file (it opens in the joint lab), drag a cell up, check the written table against the drag;
# L locks the marginals and a second drag keeps them; Ctrl+1 switches to the divergence lab and
# Ctrl+3 back, the table and its undo intact (Ctrl+Z undoes the locked drag); and the pixels of
# the dragged cell are drawn darker (more probable) than before.
set -euo pipefail
: "${DIVLAB:?path to divlab}" "${SRC:?source dir}" "${DISPLAY:?needs an X display (run under xvfb-run)}"
command -v xdotool >/dev/null || { echo "xdotool missing"; exit 1; }
command -v import >/dev/null || { echo "imagemagick (import) missing"; exit 1; }
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

source "$SRC/tests/e2e/divlab_window.bash"
export DIVLAB_STATE_OUT="$work/state.json"
cp "$SRC/assets/presets/joint/05-weather-transport.json" "$work/weather.json"
start_divlab "$work/weather.json"
xdotool windowfocus --sync "$win" 2>/dev/null || xdotool windowfocus "$win" || true
geometry
snapshot
python3 - "$DIVLAB_STATE_OUT.layout.json" <<'PY'
import json, sys
l = json.load(open(sys.argv[1]))
assert l["lab"] == "joint", l
assert (l["rows"], l["cols"]) == (2, 3), l
PY

# Screen pixels of a cell's centre and the drag's end points, from the layout the app reported.
cell() {  # cell I J DY: prints x y y+DY of cell (I, J)'s centre on the screen
  python3 - "$DIVLAB_STATE_OUT.layout.json" "$X" "$Y" "$1" "$2" "$3" <<'PY'
import json, sys
l = json.load(open(sys.argv[1])); X, Y, i, j, dy = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
x0, y0, x1, y1 = l["table_grid"]; R, C = l["rows"], l["cols"]
cx = X + x0 + (j + 0.5) * (x1 - x0) / C; cy = Y + y0 + (i + 0.5) * (y1 - y0) / R
print(round(cx), round(cy), round(cy + dy * (y1 - y0)))
PY
}
drag() {  # drag X Y0 Y1: press, move in small steps, hold, release
  xdotool mousemove "$1" "$2" mousedown 1
  for y in $(seq "$2" $(( $3 < $2 ? -6 : 6 )) "$3") "$3"; do xdotool mousemove "$1" "$y"; sleep 0.02; done
  sleep 0.3  # held still: the value must not run away
  xdotool mouseup 1
  sleep 0.3
}
colour_at() { convert "$work/screen.png" -crop "1x1+$1+$2" -format '%[fx:int(255*r)] %[fx:int(255*g)] %[fx:int(255*b)]' info:; }

read -r cx cy cy_up < <(cell 1 1 -0.15)   # sun × bike: 0.20 → 0.35 (a drag over 15% of the grid)
import -window root "$work/screen.png"
before=$(colour_at "$cx" "$((cy - 12))")
drag "$cx" "$cy" "$cy_up"
snapshot
python3 - "$DIVLAB_STATE_OUT" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))["joint"]["mass"]; s = sum(map(sum, m)); p = [[v / s for v in r] for r in m]
print("P after the drag:", [[round(v, 4) for v in r] for r in p])
assert abs(p[1][1] - 0.35) < 0.01, p          # to within a few pixels of the drag
rest = [0.30, 0.10, 0.05, 0.05, 0.30]; k = 0.65 / 0.80  # the others kept their ratios
got = [p[0][0], p[0][1], p[0][2], p[1][0], p[1][2]]
assert all(abs(g - r * k) < 0.01 for g, r in zip(got, rest)), got
PY
import -window root "$work/screen.png"
after=$(colour_at "$cx" "$((cy - 12))")
python3 - "$before" "$after" <<'PY'
import sys
b, a = [list(map(int, s.split())) for s in sys.argv[1:3]]
print("cell colour before", b, "after", a)
assert sum(a) < sum(b) - 30, (b, a)  # a more probable cell is drawn darker
PY

# L locks the marginals: a second drag moves mass but both marginals stay.
xdotool key l
sleep 0.3
read -r cx cy cy_dn < <(cell 0 0 0.1)
drag "$cx" "$cy" "$cy_dn"
cp "$DIVLAB_STATE_OUT" "$work/before-lock.json"
snapshot
python3 - "$work/before-lock.json" "$DIVLAB_STATE_OUT" <<'PY'
import json, sys
def load(f):
    m = json.load(open(f))["joint"]["mass"]; s = sum(map(sum, m)); return [[v / s for v in r] for r in m]
a, b = load(sys.argv[1]), load(sys.argv[2])
rows = lambda p: [sum(r) for r in p]; cols = lambda p: [sum(c) for c in zip(*p)]
print("locked drag: cell", round(a[0][0], 4), "→", round(b[0][0], 4))
assert b[0][0] < a[0][0] - 0.02, (a, b)
assert all(abs(x - y) < 1e-9 for x, y in zip(rows(a), rows(b))), (rows(a), rows(b))
assert all(abs(x - y) < 1e-9 for x, y in zip(cols(a), cols(b))), (cols(a), cols(b))
PY
cp "$DIVLAB_STATE_OUT" "$work/locked.json"

# Another lab and back: the table and its undo history are intact.
xdotool key ctrl+1
sleep 0.4
snapshot
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["lab"] == "divergence"' "$DIVLAB_STATE_OUT.layout.json"
xdotool key ctrl+3
sleep 0.4
snapshot
cmp -s <(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["joint"])' "$work/locked.json") \
       <(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["joint"])' "$DIVLAB_STATE_OUT") \
  || { echo "FAIL: the table changed across a lab switch"; exit 1; }
xdotool key ctrl+z
sleep 0.3
snapshot
cmp -s <(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["joint"])' "$work/before-lock.json") \
       <(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["joint"])' "$DIVLAB_STATE_OUT") \
  || { echo "FAIL: Ctrl+Z after the lab switch did not undo the locked drag"; exit 1; }
quit_cleanly
echo "gui_joint_lab: all passed"

#!/usr/bin/env bash
# End-to-end: the real divlab window under the X display ctest runs in (xvfb-run), driven with
# xdotool: drag P's first bar up, press → (shift P right), check the written state; Ctrl+Z, check
# again; and assert on the screen's pixels that the dragged bar is drawn where it should be.
set -euo pipefail
: "${DIVLAB:?path to divlab}" "${SRC:?source dir}" "${DISPLAY:?needs an X display (run under xvfb-run)}"
command -v xdotool >/dev/null || { echo "xdotool missing"; exit 1; }
command -v import >/dev/null || { echo "imagemagick (import) missing"; exit 1; }
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

source "$SRC/tests/e2e/divlab_window.bash"
write_four_bins "$work/four.json"
export DIVLAB_STATE_OUT="$work/state.json"
start_divlab "$work/four.json"
xdotool windowfocus --sync "$win" 2>/dev/null || xdotool windowfocus "$win" || true
geometry
echo "window $win at $X,$Y size ${WIDTH}x$HEIGHT"

snapshot
# Pixel positions of P's bar 0 (left half of bin 0) at heights from the layout the app reported.
read -r bx by0 by1 < <(python3 - "$DIVLAB_STATE_OUT.layout.json" "$X" "$Y" <<'PY'
import json, sys
l = json.load(open(sys.argv[1])); X, Y = int(sys.argv[2]), int(sys.argv[3])
x0, y0, x1, y1 = l["density_plot"]; lo, hi = l["x_range"]; ylo, yhi = l["y_range"]
px = lambda v: X + x0 + (v - lo) / (hi - lo) * (x1 - x0)
py = lambda v: Y + y1 - (v - ylo) / (yhi - ylo) * (y1 - y0)
print(round(px(-0.2)), round(py(0.1)), round(py(0.4)))  # press at its height: nothing moves yet
PY
)
# Drag the bar from its height 0.1 to 0.4 in small steps (the y axis may only grow during a drag).
xdotool mousemove "$bx" "$by0" mousedown 1
for y in $(seq "$by0" -8 "$by1") "$by1"; do xdotool mousemove "$bx" "$y"; sleep 0.02; done
sleep 0.2
xdotool mouseup 1
sleep 0.3
xdotool key Right   # the drag made P the edit target: shift P one bin to the right
sleep 0.3
snapshot
python3 - "$DIVLAB_STATE_OUT" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))["p"]["mass"]; s = sum(p); p = [v / s for v in p]
print("P after drag + shift:", [round(v, 4) for v in p])
assert abs(p[1] - 0.4) < 0.01, p            # the dragged bar (to within ~5 px), moved one bin right
r = 0.6 / (0.2 + 0.3 + 0.4)                  # the others kept their ratios 2 : 3 : 4
assert abs(p[2] - 0.2 * r) < 0.01 and abs(p[3] - 0.3 * r) < 0.01 and abs(p[0] - 0.4 * r) < 0.01, p
PY

# Pixels: P's bar in bin 1 must be drawn up to its probability on the current axes.
import -window root "$work/screen.png"
python3 - "$work/screen.png" "$DIVLAB_STATE_OUT.layout.json" "$X" "$Y" "$DIVLAB_STATE_OUT" <<'PY'
import json, subprocess, sys
png, lay, X, Y = sys.argv[1], json.load(open(sys.argv[2])), int(sys.argv[3]), int(sys.argv[4])
p = json.load(open(sys.argv[5]))["p"]["mass"]; p1 = p[1] / sum(p)
x0, y0, x1, y1 = lay["density_plot"]; lo, hi = lay["x_range"]; ylo, yhi = lay["y_range"]
col = round(X + x0 + (1 - 0.2 - lo) / (hi - lo) * (x1 - x0))
top = Y + y1 - (p1 - ylo) / (yhi - ylo) * (y1 - y0)
# One pixel column as text: "x,y: (r,g,b)" lines.
out = subprocess.run(["convert", png, "-crop", f"1x{int(y1 - y0) + 1}+{col}+{int(Y + y0)}", "txt:-"],
                     capture_output=True, text=True, check=True).stdout
blue = []
for line in out.splitlines()[1:]:
    xy, rest = line.split(":", 1)
    r, g, b = [int(float(v)) for v in rest.split("(")[1].split(")")[0].split(",")[:3]]
    if b > r + 60 and b > 120: blue.append(int(Y + y0) + int(xy.split(",")[1]))
assert blue, "no P-coloured pixels in the bar's column"
print(f"P bar column {col}: blue from y={min(blue)} to {max(blue)}, expected top {top:.1f}")
assert abs(min(blue) - top) <= 3, (min(blue), top)
assert max(blue) >= Y + y1 - 3  # the bar reaches down to the axis
PY

xdotool key ctrl+z   # undo the shift
sleep 0.3
snapshot
python3 - "$DIVLAB_STATE_OUT" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))["p"]["mass"]; s = sum(p); p = [v / s for v in p]
print("P after Ctrl+Z:", [round(v, 4) for v in p])
assert abs(p[0] - 0.4) < 0.01, p
PY
# Resize: the layout follows the window (and nothing is lost).
xdotool windowsize "$win" 1024 640
sleep 1
snapshot
python3 - "$DIVLAB_STATE_OUT" "$DIVLAB_STATE_OUT.layout.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))["p"]["mass"]; s = sum(p)
x0, y0, x1, y1 = json.load(open(sys.argv[2]))["density_plot"]
print("after resize: plot", [round(v) for v in (x0, y0, x1, y1)])
assert 0 < x0 < x1 <= 1024 and 0 < y0 < y1 <= 640, (x0, y0, x1, y1)
assert abs(p[0] / s - 0.4) < 0.01, p
PY
# Undo the drag too (nothing left unsaved), then Ctrl+Q: a clean exit (status 0, sanitizers' exit
# checks run) that writes the state once more.
rm -f "$DIVLAB_STATE_OUT"
xdotool key ctrl+z
sleep 0.3
quit_cleanly
python3 - "$DIVLAB_STATE_OUT" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))["p"]["mass"]; s = sum(p)
print("state written on exit:", [round(v / s, 4) for v in p])
assert max(abs(a / s - b) for a, b in zip(p, [0.1, 0.2, 0.3, 0.4])) < 1e-12, p
PY
echo "e2e: OK"

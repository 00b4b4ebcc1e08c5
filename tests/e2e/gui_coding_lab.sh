#!/usr/bin/env bash
# End-to-end: the coding lab in the real window under Xvfb, driven with xdotool. Ctrl+4 shows it (on
# its own first document, the compression story); dragging Q's last bar up to 0.5 writes that Q
# (P untouched), gives the symbol Q's shortest codeword and raises E_P[ℓ_Q] to core's value
# (`divlab code` on the written file); R draws a message from P, saved in the document; Ctrl+Z
# undoes the message, then the drag.
set -euo pipefail
: "${DIVLAB:?path to divlab}" "${SRC:?source dir}" "${DISPLAY:?needs an X display (run under xvfb-run)}"
command -v xdotool >/dev/null || { echo "xdotool missing"; exit 1; }
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

source "$SRC/tests/e2e/divlab_window.bash"
export DIVLAB_STATE_OUT="$work/state.json"
start_divlab
xdotool windowfocus --sync "$win" 2>/dev/null || xdotool windowfocus "$win" || true
geometry
xdotool key ctrl+4
sleep 0.5
snapshot
cp "$DIVLAB_STATE_OUT" "$work/before.json"
cp "$DIVLAB_STATE_OUT.layout.json" "$work/before.layout.json"
python3 - "$DIVLAB_STATE_OUT.layout.json" <<'PY'
import json, sys
l = json.load(open(sys.argv[1]))
assert l["lab"] == "coding", l
assert l["x"] == [-0.5, 7.5], l
PY

# Q's bar of the last symbol ("error"): its centre is 0.2 right of the bin; drag from its top to 0.5.
read -r bx by0 by1 < <(python3 - "$DIVLAB_STATE_OUT.layout.json" "$DIVLAB_STATE_OUT" "$X" "$Y" <<'PY'
import json, sys
l = json.load(open(sys.argv[1])); s = json.load(open(sys.argv[2])); X, Y = int(sys.argv[3]), int(sys.argv[4])
x0, y0, x1, y1 = l["sculpt_plot"]; (xl, xh), (yl, yh) = l["x"], l["y"]
q = s["q"]["mass"]; q7 = q[7] / sum(q)
px = lambda v: X + x0 + (v - xl) / (xh - xl) * (x1 - x0)
py = lambda v: Y + y1 - (v - yl) / (yh - yl) * (y1 - y0)
print(round(px(7.2)), round(py(q7) - 2), round(py(0.5)))
PY
)
xdotool mousemove "$bx" "$by0" mousedown 1
for y in $(seq "$by0" -6 "$by1") "$by1"; do xdotool mousemove "$bx" "$y"; sleep 0.02; done
sleep 0.3
xdotool mouseup 1
sleep 0.3
snapshot
python3 - "$work/before.json" "$DIVLAB_STATE_OUT" "$work/before.layout.json" "$DIVLAB_STATE_OUT.layout.json" <<'PY'
import json, sys
norm = lambda m: [v / sum(m) for v in m]
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
la, lb = json.load(open(sys.argv[3])), json.load(open(sys.argv[4]))
qa, qb = norm(a["q"]["mass"]), norm(b["q"]["mass"])
print("q[error]:", round(qa[7], 4), "->", round(qb[7], 4), "; Q's lengths", la["lengths_q"], "->", lb["lengths_q"])
assert abs(qb[7] - 0.5) < 0.02, qb
assert norm(a["p"]["mass"]) == norm(b["p"]["mass"]), "P changed"
assert lb["lengths_q"][7] == 1 and la["lengths_q"][7] > 1, (la, lb)
assert lb["length_p_code_q"] > la["length_p_code_q"], (la, lb)
PY
# The lab's E_P[ℓ_Q] is core's, as `divlab code` computes it from the written file.
"$DIVLAB" code "$DIVLAB_STATE_OUT" --json >"$work/code.json"
python3 - "$work/code.json" "$DIVLAB_STATE_OUT.layout.json" <<'PY'
import json, sys
c, l = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert abs(c["length_p_code_q"] - l["length_p_code_q"]) < 1e-12, (c["length_p_code_q"], l["length_p_code_q"])
assert [len(s["code_q"]) for s in c["symbols"]] == l["lengths_q"], c
PY

# R draws a message from P (40 symbols).
xdotool mousemove $((X + 5)) $((Y + HEIGHT - 5)) key r
sleep 0.3
snapshot
python3 -c 'import json,sys; n = json.load(open(sys.argv[1]))["message_symbols"]; assert n == 40, n' "$DIVLAB_STATE_OUT.layout.json"
python3 -c 'import json,sys; m = json.load(open(sys.argv[1]))["coding"]["message"]; assert len(m) > 0, m' "$DIVLAB_STATE_OUT"

# The message is part of the document (issue 12): the first Ctrl+Z takes it back, the second
# undoes the drag (one gesture, one step).
xdotool key ctrl+z
sleep 0.3
snapshot
python3 -c 'import json,sys; s = json.load(open(sys.argv[1])); assert "coding" not in s, s.get("coding")' "$DIVLAB_STATE_OUT"
xdotool key ctrl+z
sleep 0.3
snapshot
cmp -s <(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["q"])' "$work/before.json") \
       <(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["q"])' "$DIVLAB_STATE_OUT") \
  || { echo "FAIL: Ctrl+Z did not undo the drag of Q's bar"; exit 1; }
quit_cleanly
echo "gui_coding_lab: all passed"

#!/usr/bin/env bash
# Every lab renders without a display: `divlab render` draws each registered figure of its lab,
# refuses a figure of another kind in one line, and `divlab screenshot --lab NAME` shows each lab
# (normal and presentation mode, any theme) from the same frame driver as the window.
set -uo pipefail
: "${DIVLAB:?}" "${SRC:?}"
unset DISPLAY WAYLAND_DISPLAY XAUTHORITY
export EGL_LOG_LEVEL=fatal
status=0
fail() { echo "FAIL: $*"; status=1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
png() { python3 "$SRC/tests/golden/pngtool.py" "$@"; }
png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8}'; }
weather="$SRC/assets/presets/joint/05-weather-transport.json"
bimodal="$SRC/assets/presets/04-bimodal-vs-one-gaussian.json"
letters="$SRC/assets/presets/coding/02-english-vs-german-letters.json"

# The joint figures, in every format; a joint file's default figure is its table.
for figure in joint_table joint_vs_product pointwise_mi information_diagram; do
  for ext in png svg pdf; do
    "$DIVLAB" render "$weather" -o "$tmp/$figure.$ext" --figure "$figure" 2>"$tmp/err" || fail "$figure.$ext: exit $? $(cat "$tmp/err")"
  done
  head -c 4 "$tmp/$figure.png" | grep -q PNG || fail "$figure.png is not a PNG"
  grep -q "<svg" "$tmp/$figure.svg" || fail "$figure.svg is not an SVG"
  head -c 4 "$tmp/$figure.pdf" | grep -q "%PDF" || fail "$figure.pdf is not a PDF"
  read -r colours _ < <(png info "$tmp/$figure.png")
  [ "$colours" -gt 30 ] || fail "$figure.png has only $colours colours"
done
"$DIVLAB" render "$weather" -o "$tmp/default.png" || fail "default joint figure: exit $?"
cmp -s "$tmp/default.png" "$tmp/joint_table.png" || fail "a joint file's default figure is not joint_table"
# The PDF keeps its words as text (the information diagram names its parts).
if command -v pdftotext >/dev/null; then
  pdftotext "$tmp/information_diagram.pdf" - | grep -q "H(X|Y)" || fail "information_diagram.pdf has no H(X|Y) text"
fi

# A figure of another kind: one line, exit 2, no file.
"$DIVLAB" render "$bimodal" -o "$tmp/wrong.png" --figure pointwise_mi 2>"$tmp/err"
rc=$?
[ $rc -eq 2 ] || fail "pointwise_mi of a P-vs-Q file: exit $rc, expected 2"
grep -q "draws a joint table, which this scenario does not have" "$tmp/err" || fail "pointwise_mi refusal: $(cat "$tmp/err")"
[ -e "$tmp/wrong.png" ] && fail "a refused render left a file"

# Screenshots of every lab, normal and presentation, and the lab picked by the file's kind.
for lab in divergence fit joint coding; do
  file=$bimodal
  [ $lab = joint ] && file=$weather
  [ $lab = coding ] && file=$letters
  for mode in "" --presentation; do
    out="$tmp/shot-$lab$mode.png"
    "$DIVLAB" screenshot "$file" -o "$out" --size 1280x720 --lab $lab $mode 2>"$tmp/err" || fail "screenshot $lab $mode: exit $? $(cat "$tmp/err")"
    [ "$(png_size "$out")" = "1280x720" ] || fail "screenshot $lab $mode: size $(png_size "$out")"
    read -r colours _ < <(png info "$out")
    [ "$colours" -gt 50 ] || fail "screenshot $lab $mode: only $colours colours"
  done
  cmp -s "$tmp/shot-$lab.png" "$tmp/shot-$lab--presentation.png" && fail "presentation mode changed nothing in $lab"
done
"$DIVLAB" screenshot "$weather" -o "$tmp/by-kind.png" --size 1280x720 || fail "joint file without --lab: exit $?"
cmp -s "$tmp/by-kind.png" "$tmp/shot-joint.png" || fail "a joint file does not open in the joint lab"
"$DIVLAB" screenshot "$bimodal" -o "$tmp/dark.png" --size 1280x720 --theme dark || fail "--theme dark: exit $?"
cmp -s "$tmp/dark.png" "$tmp/shot-divergence.png" && fail "--theme dark changed nothing"
# Scripted: a named action with arguments runs before the capture, the same as its flag.
"$DIVLAB" screenshot "$bimodal" -o "$tmp/dark-run.png" --size 1280x720 --run 'set_theme={"name":"dark"}' || fail "--run set_theme: exit $?"
cmp -s "$tmp/dark.png" "$tmp/dark-run.png" || fail "--run set_theme={dark} differs from --theme dark"
"$DIVLAB" screenshot "$bimodal" -o "$tmp/x.png" --run 'set_theme={"name":"neon"}' 2>"$tmp/err"
[ $? -eq 2 ] || fail "--run with a bad argument: not exit 2"
grep -q 'set_theme: name: expected light, dark, print or high_contrast, got "neon"' "$tmp/err" || fail "--run bad argument: $(cat "$tmp/err")"
"$DIVLAB" screenshot "$bimodal" -o "$tmp/x.png" --run fit.play 2>"$tmp/err"
[ $? -eq 2 ] || fail "--run of another lab's action: not exit 2"
grep -q "only in the fit lab" "$tmp/err" || fail "--run fit.play in divergence: $(cat "$tmp/err")"
[ -e "$tmp/x.png" ] && fail "a refused screenshot left a file"
"$DIVLAB" screenshot "$bimodal" -o "$tmp/x.png" --lab chemistry 2>"$tmp/err"
[ $? -eq 2 ] || fail "--lab chemistry: not exit 2"
grep -q "unknown lab 'chemistry' (expected one of: divergence, fit, joint, coding)" "$tmp/err" || fail "--lab chemistry: $(cat "$tmp/err")"

# A continuous file cannot open in the coding lab (codes are for discrete P and Q): one line, exit 2.
"$DIVLAB" screenshot "$bimodal" -o "$tmp/x.png" --lab coding 2>"$tmp/err"
[ $? -eq 2 ] || fail "--lab coding on a continuous file: not exit 2"
[ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "--lab coding on a continuous file: $(cat "$tmp/err")"
# A discrete file opens in the divergence lab by default, and in the coding lab when asked.
"$DIVLAB" screenshot "$letters" -o "$tmp/letters-default.png" --size 1280x720 || fail "letters without --lab: exit $?"
cmp -s "$tmp/letters-default.png" "$tmp/shot-coding.png" && fail "a discrete file opened in the coding lab without --lab"

[ $status -eq 0 ] && echo "lab_figures: all passed"
exit $status

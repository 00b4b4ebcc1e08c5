#!/usr/bin/env bash
# `divlab screenshot` renders the whole GUI offscreen through EGL (Mesa surfaceless) with no
# X server: DISPLAY and WAYLAND_DISPLAY unset. Checks size, content, determinism and errors.
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
coin="$SRC/assets/presets/01-fair-vs-rigged-coin.json"
bimodal="$SRC/assets/presets/04-bimodal-vs-one-gaussian.json"

"$DIVLAB" screenshot "$coin" -o "$tmp/coin.png" --size 800x500 2>"$tmp/err" || fail "coin: exit $? ($(cat "$tmp/err"))"
[ "$(png_size "$tmp/coin.png")" = "800x500" ] || fail "coin: size $(png_size "$tmp/coin.png")"
# A real GUI, not a blank or single-colour frame: many colours (text, P and Q, panels).
read -r _ _ colours _ opaque < <(png info "$tmp/coin.png")
[ "$colours" -gt 50 ] || fail "coin screenshot has only $colours colours"
[ "$opaque" = "1.0000" ] || fail "coin screenshot is not opaque ($opaque)"
# The menu bar row (top 20 px) has text on it.
read -r bar_colours _ < <(png crop "$tmp/coin.png" 0 0 800 18)
[ "$bar_colours" -gt 4 ] || fail "menu bar looks empty ($bar_colours colours)"

# Default size, a continuous scenario.
"$DIVLAB" screenshot "$bimodal" -o "$tmp/bimodal.png" || fail "bimodal: exit $?"
[ "$(png_size "$tmp/bimodal.png")" = "1600x1000" ] || fail "default size is $(png_size "$tmp/bimodal.png")"

# Deterministic: same input, same bytes.
"$DIVLAB" screenshot "$coin" -o "$tmp/coin2.png" --size 800x500 || fail "second run: exit $?"
cmp -s "$tmp/coin.png" "$tmp/coin2.png" || fail "two screenshots of the same input differ"

# A different scenario gives a different picture.
"$DIVLAB" screenshot "$bimodal" -o "$tmp/bimodal-small.png" --size 800x500 || fail "bimodal small: exit $?"
cmp -s "$tmp/coin.png" "$tmp/bimodal-small.png" && fail "coin and bimodal screenshots are identical"

# Errors: one line, exit 2 for bad usage or input.
for args in "--size 10x10" "--size big" "-o $tmp/x.jpg" "--theme neon"; do
  # shellcheck disable=SC2086
  "$DIVLAB" screenshot "$coin" -o "$tmp/x.png" $args >"$tmp/out" 2>"$tmp/err"
  rc=$?
  [ $rc -eq 2 ] || fail "screenshot $args: exit $rc, expected 2"
  [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "screenshot $args: stderr is not one line: $(cat "$tmp/err")"
done
(cd "$SRC/tests/cli/bad" && "$DIVLAB" screenshot coin.json -o "$tmp/bad.png" 2>"$tmp/err")
[ $? -eq 2 ] || fail "invalid scenario: exit status"
[ "$(cat "$tmp/err")" = "$(cat "$SRC/tests/cli/bad/coin.expected")" ] || fail "invalid scenario: stderr $(cat "$tmp/err")"
[ -e "$tmp/bad.png" ] && fail "invalid scenario left a file"

[ $status -eq 0 ] && echo "screenshot_headless: ok"
exit $status

#!/usr/bin/env bash
# `divlab render` errors: one line on stderr, exit 2 for bad usage or input (SPEC §3, §4), exit 1
# for the rest, nothing on stdout, and never a partial or leftover file.
set -uo pipefail
: "${DIVLAB:?}" "${SRC:?}"
unset DISPLAY WAYLAND_DISPLAY
status=0
fail() { echo "FAIL: $*"; status=1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
coin="$SRC/assets/presets/01-fair-vs-rigged-coin.json"

# expect STATUS STDERR_PATTERN ARGS...: one stderr line matching the (grep -E) pattern.
expect() {
  local want_status=$1 pattern=$2
  shift 2
  "$DIVLAB" "$@" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  [ $rc -eq "$want_status" ] || fail "divlab $*: exit $rc, expected $want_status"
  [ -s "$tmp/out" ] && fail "divlab $*: wrote to stdout"
  [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "divlab $*: stderr is not one line: $(cat "$tmp/err")"
  grep -qE -e "$pattern" "$tmp/err" || fail "divlab $*: stderr '$(cat "$tmp/err")' does not match '$pattern'"
}

# Invalid scenarios: the same SPEC §4 line as every other command.
cd "$SRC/tests/cli/bad" || exit 1
n=0
for f in *.json; do
  [ -f "${f%.json}.expected" ] || continue
  expect 2 "^$(sed 's/[][\.*^$(){}+?|]/\\&/g' "${f%.json}.expected")\$" render "$f" -o "$tmp/x.png"
  n=$((n + 1))
done
[ $n -ge 5 ] || fail "only $n bad files"
cd "$tmp" || exit 1

expect 2 "^divlab: .*nothere\.json" render nothere.json -o x.png
expect 2 "unknown figure 'nope' \(expected one of: densities, contributions, cdf, metrics, identities, dashboard, fit, fit_overlay, fit_loss, landscape, landscape_forward, landscape_reverse, joint_table, joint_vs_product, pointwise_mi, information_diagram, code_trees, code_table, code_area\)" \
  render "$coin" -o x.png --figure nope
expect 2 "figure 'fit' exports as \.png, \.svg or \.pdf" render "$coin" -o x.csv --figure fit
expect 2 "figure 'landscape' exports as \.png, \.svg or \.pdf" render "$coin" -o x.json --figure landscape
expect 2 "--size: expected WxH" render "$coin" -o x.png --size 640
expect 2 "--size: expected WxH" render "$coin" -o x.png --size 640x-2
expect 2 "--size must be between" render "$coin" -o x.png --size 10x10
expect 2 "--size must be between" render "$coin" -o x.png --size 90000x10
expect 2 "--scale must be between 1 and 4" render "$coin" -o x.png --scale 5
expect 2 "--scale must be between 1 and 4" render "$coin" -o x.png --scale 0.5
expect 2 "--scale" render "$coin" -o x.png --scale two
expect 2 "unknown theme 'neon'" render "$coin" -o x.png --theme neon
expect 2 "cannot tell the format of 'x\.gif'" render "$coin" -o x.gif
expect 2 "output is required" render "$coin"
expect 2 "FILE is required|required" render -o x.png
expect 2 "render: " render "$coin" -o x.png --bogus
expect 1 "cannot write $tmp/no/such/dir/x\.png: No such file or directory" render "$coin" -o "$tmp/no/such/dir/x.png"
expect 1 "cannot write $tmp/no/such/dir/x\.pdf: No such file or directory" render "$coin" -o "$tmp/no/such/dir/x.pdf"
expect 1 "cannot write $tmp/no/such/dir/x\.svg: No such file or directory" render "$coin" -o "$tmp/no/such/dir/x.svg"

# None of the failures above left a file behind (nor a temporary).
left=$(find "$tmp" -type f ! -name out ! -name err)
[ -z "$left" ] || fail "failed renders left files: $left"

# A failed render never clobbers an existing output.
echo "previous figure" >keep.png
"$DIVLAB" render "$SRC/tests/cli/bad/coin.json" -o keep.png 2>/dev/null
[ "$(cat keep.png)" = "previous figure" ] || fail "a failed render overwrote keep.png"

[ $status -eq 0 ] && echo "render_errors: ok"
exit $status

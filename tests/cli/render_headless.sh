#!/usr/bin/env bash
# `divlab render` with no display at all: every preset and every figure into PNG/SVG/PDF/CSV,
# the files parse and render (rsvg-convert, pdftoppm), sizes and scales are honoured, PDF text is
# selectable, and the same input gives byte-identical files.
set -uo pipefail
: "${DIVLAB:?}" "${SRC:?}"
unset DISPLAY WAYLAND_DISPLAY XAUTHORITY
status=0
fail() { echo "FAIL: $*"; status=1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
png() { python3 "$SRC/tests/golden/pngtool.py" "$@"; }
# PNG width and height from the IHDR chunk.
png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8}'; }

coin="$SRC/assets/presets/01-fair-vs-rigged-coin.json"
bimodal="$SRC/assets/presets/04-bimodal-vs-one-gaussian.json"

# Every preset renders its dashboard (default figure) at the default size.
n=0
for f in "$SRC"/assets/presets/*.json; do
  name=$(basename "$f" .json)
  "$DIVLAB" render "$f" -o "$tmp/$name.png" 2>"$tmp/err" || fail "$name: exit $? ($(cat "$tmp/err"))"
  [ -s "$tmp/err" ] && fail "$name: wrote to stderr: $(cat "$tmp/err")"
  [ "$(png_size "$tmp/$name.png")" = "1400x900" ] || fail "$name: size $(png_size "$tmp/$name.png")"
  n=$((n + 1))
done
[ $n -ge 5 ] || fail "only $n presets"

# Every figure in every format, for a discrete and a continuous scenario.
for scen in "$coin" "$bimodal"; do
  s=$(basename "$scen" .json)
  for fig in densities contributions cdf metrics identities dashboard; do
    for ext in png svg pdf csv; do
      out="$tmp/$s-$fig.$ext"
      "$DIVLAB" render "$scen" -o "$out" --figure "$fig" --size 640x400 || fail "$s $fig $ext: exit $?"
      [ -s "$out" ] || fail "$s $fig $ext: no output"
    done
    [ "$(png_size "$tmp/$s-$fig.png")" = "640x400" ] || fail "$s $fig: png size $(png_size "$tmp/$s-$fig.png")"
    rsvg-convert -o "$tmp/$s-$fig.svg.png" "$tmp/$s-$fig.svg" || fail "$s $fig: rsvg-convert rejects the SVG"
    [ "$(png_size "$tmp/$s-$fig.svg.png")" = "640x400" ] || fail "$s $fig: svg renders at $(png_size "$tmp/$s-$fig.svg.png")"
    pdftoppm -png -r 96 -singlefile "$tmp/$s-$fig.pdf" "$tmp/$s-$fig.pdf" || fail "$s $fig: pdftoppm rejects the PDF"
    [ "$(png_size "$tmp/$s-$fig.pdf.png")" = "640x400" ] || fail "$s $fig: pdf renders at $(png_size "$tmp/$s-$fig.pdf.png")"
  done
done

# The fit views (issue 5): the scenario's fit, as pictures only.
for fig in fit landscape; do
  for ext in png svg pdf; do
    "$DIVLAB" render "$bimodal" -o "$tmp/$fig.$ext" --figure "$fig" --size 900x400 || fail "$fig $ext: exit $?"
  done
  [ "$(png_size "$tmp/$fig.png")" = "900x400" ] || fail "$fig: png size $(png_size "$tmp/$fig.png")"
  rsvg-convert -o "$tmp/$fig.svg.png" "$tmp/$fig.svg" || fail "$fig: rsvg-convert rejects the SVG"
  pdftoppm -png -r 96 -singlefile "$tmp/$fig.pdf" "$tmp/$fig.pdf" || fail "$fig: pdftoppm rejects the PDF"
done

# PDF text is real text in DejaVu Sans (selectable, searchable).
text=$(pdftotext "$tmp/01-fair-vs-rigged-coin-densities.pdf" - | tr -d '[:space:]')
for word in heads tails Distributions; do
  [[ "$text" == *"$word"* ]] || fail "PDF text lacks '$word'"
done
pdftotext "$tmp/04-bimodal-vs-one-gaussian-contributions.pdf" - | tr -d '[:space:]' | grep -q 'D(P‖Q)' \
  || fail "PDF text lacks D(P‖Q)"
pdffonts "$tmp/01-fair-vs-rigged-coin-metrics.pdf" | grep -q DejaVuSans || fail "PDF does not embed DejaVu Sans"

# CSV: the densities of the coin, exactly.
expected_csv='label,x,p,q,m
heads,0,0.5,0.98999999999999999,0.745
tails,1,0.5,0.01,0.255'
[ "$(cat "$tmp/01-fair-vs-rigged-coin-densities.csv")" = "$expected_csv" ] \
  || fail "coin densities CSV is $(cat "$tmp/01-fair-vs-rigged-coin-densities.csv")"
head -1 "$tmp/04-bimodal-vs-one-gaussian-cdf.csv" | grep -qx 'x,cdf_p,cdf_q,cdf_absdiff' || fail "cdf CSV header"
[ "$(wc -l <"$tmp/04-bimodal-vs-one-gaussian-cdf.csv")" -gt 100 ] || fail "continuous CSV has too few rows"

# Metrics as JSON: the same object as `divlab metrics --json`; as LaTeX: a booktabs table.
for scen in "$coin" "$bimodal"; do
  "$DIVLAB" render "$scen" -o "$tmp/m.json" --figure metrics || fail "-o .json: exit $?"
  "$DIVLAB" metrics "$scen" --json >"$tmp/metrics.json" || fail "metrics --json: exit $?"
  python3 -c 'import json,sys; a,b=(json.load(open(f)) for f in sys.argv[1:]); sys.exit(a!=b)' \
    "$tmp/m.json" "$tmp/metrics.json" || fail "$(basename "$scen"): render -o .json differs from metrics --json"
  "$DIVLAB" render "$scen" -o "$tmp/m.tex" || fail "-o .tex: exit $?"
  [ "$(grep -c '\\\\$' "$tmp/m.tex")" -eq 17 ] || fail "LaTeX table has $(grep -c '\\\\$' "$tmp/m.tex") rows, expected 17"
  for rule in toprule midrule bottomrule; do grep -qxF "\\$rule" "$tmp/m.tex" || fail "LaTeX table lacks \\$rule"; done
done
"$DIVLAB" render "$coin" -o "$tmp/coin.tex" || fail "coin -o .tex: exit $?"
grep -qF 'KL divergence (forward) & $D(P\,\|\,Q)$ & 2.32918 & bits \\' "$tmp/coin.tex" ||
  fail "coin LaTeX row: $(grep forward "$tmp/coin.tex")"
# The units are the ones `divlab metrics` prints (one registry): W₁ in units of x, a discrete PPL in choices.
grep -qF 'Wasserstein-1 (earth mover'"'"'s) & $W_1$ & 0.49 & units of x \\' "$tmp/coin.tex" || fail "coin LaTeX W₁ unit"
grep -qF 'perplexity of P & $\mathrm{PPL}(P)$ & 2 & choices \\' "$tmp/coin.tex" || fail "coin LaTeX PPL unit"
for unit in "units of x" choices bits; do
  "$DIVLAB" metrics "$coin" | grep -qF "  $unit" || fail "metrics table lacks '$unit'"
done

# --scale multiplies the PNG's pixels; --size sets the canvas.
"$DIVLAB" render "$coin" -o "$tmp/s3.png" --figure densities --size 300x200 --scale 3 || fail "--scale 3: exit $?"
[ "$(png_size "$tmp/s3.png")" = "900x600" ] || fail "--scale 3 gives $(png_size "$tmp/s3.png")"
"$DIVLAB" render "$coin" -o "$tmp/s15.png" --figure densities --size 300x200 --scale 1.5 || fail "--scale 1.5"
[ "$(png_size "$tmp/s15.png")" = "450x300" ] || fail "--scale 1.5 gives $(png_size "$tmp/s15.png")"

# Print theme: white background; --transparent: a clear one; dark theme: a dark one.
read -r _ _ _ luma opaque < <(png info "$tmp/01-fair-vs-rigged-coin-densities.png")
awk -v l="$luma" 'BEGIN { exit !(l > 200) }' || fail "print theme is not light (mean luma $luma)"
[ "$opaque" = "1.0000" ] || fail "print theme PNG is not opaque ($opaque)"
"$DIVLAB" render "$coin" -o "$tmp/clear.png" --figure densities --size 320x200 --transparent || fail "--transparent"
read -r _ _ _ _ opaque < <(png info "$tmp/clear.png")
awk -v o="$opaque" 'BEGIN { exit !(o < 0.5) }' || fail "--transparent leaves $opaque of the pixels opaque"
"$DIVLAB" render "$coin" -o "$tmp/dark.png" --figure densities --size 320x200 --theme dark || fail "--theme dark"
read -r _ _ _ luma _ < <(png info "$tmp/dark.png")
awk -v l="$luma" 'BEGIN { exit !(l < 80) }' || fail "dark theme is not dark (mean luma $luma)"

# Deterministic: the same input twice gives the same bytes, in every format.
for ext in png svg pdf; do
  "$DIVLAB" render "$bimodal" -o "$tmp/a.$ext" --figure dashboard || fail "determinism run 1 ($ext)"
  "$DIVLAB" render "$bimodal" -o "$tmp/b.$ext" --figure dashboard || fail "determinism run 2 ($ext)"
  cmp -s "$tmp/a.$ext" "$tmp/b.$ext" || fail "two renders of the same input differ ($ext)"
done

# --help works and names every figure.
"$DIVLAB" render --help >"$tmp/help" || fail "render --help: exit $?"
for fig in densities contributions cdf metrics fit landscape dashboard; do
  grep -q "$fig" "$tmp/help" || fail "render --help does not name '$fig'"
done

[ $status -eq 0 ] && echo "render_headless: ok"
exit $status

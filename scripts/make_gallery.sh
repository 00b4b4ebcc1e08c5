#!/usr/bin/env bash
# Renders the gallery of docs/gallery/ from the presets in assets/presets/ with `divlab render`
# (no display needed), and writes docs/gallery/README.md around the images.
# Usage: scripts/make_gallery.sh [path/to/divlab]   (default: build/release/app/divlab)
# Output is deterministic: re-running it on unchanged inputs changes no file.
set -euo pipefail
cd "$(dirname "$0")/.."
divlab=${1:-build/release/app/divlab}
[ -x "$divlab" ] || { echo "make_gallery: no divlab at $divlab (build it, or pass its path)" >&2; exit 1; }
out=docs/gallery
mkdir -p "$out"
unset DISPLAY WAYLAND_DISPLAY

# A figure per preset that shows what the preset is about, plus the dashboard of every preset.
feature_figure() {
  case "$1" in
    *coin* | *label-smoothing* | *disjoint*) echo contributions ;;
    *letters*) echo densities ;;
    *bimodal* | *uniform*) echo densities ;;
    *heavy-tails* | *cauchy*) echo cdf ;;
    *peaked*) echo identities ;;
    *) echo metrics ;;
  esac
}

title() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("title", ""))' "$1"; }

md="$out/README.md"
{
  echo "# Gallery"
  echo
  echo "Every figure here is drawn by \`divlab render\` from a preset in [assets/presets/](../../assets/presets/),"
  echo "with no display, in the print theme. Regenerate them all with \`scripts/make_gallery.sh\`;"
  echo "see [docs/export.md](../export.md) for the options (SVG and PDF, sizes, scales, themes, CSV)."
  echo
} >"$md"

for preset in assets/presets/*.json; do
  name=$(basename "$preset" .json)
  fig=$(feature_figure "$name")
  echo "make_gallery: $name"
  "$divlab" render "$preset" -o "$out/$name-dashboard.png" --figure dashboard --size 1400x900
  "$divlab" render "$preset" -o "$out/$name-$fig.png" --figure "$fig" --size 800x480 --scale 2
  {
    echo "## $(title "$preset")"
    echo
    echo "\`divlab render assets/presets/$name.json -o $name-$fig.png --figure $fig --size 800x480 --scale 2\`"
    echo
    echo "<img src=\"$name-$fig.png\" width=\"800\" alt=\"$fig of $name\">"
    echo
    echo "<details><summary>Dashboard (<code>--figure dashboard --size 1400x900</code>)</summary>"
    echo
    echo "<img src=\"$name-dashboard.png\" width=\"1400\" alt=\"dashboard of $name\">"
    echo
    echo "</details>"
    echo
  } >>"$md"
done

# The fit demo: forward KL covers both modes, reverse KL locks onto one.
for fig in fit landscape; do
  "$divlab" render assets/presets/04-bimodal-vs-one-gaussian.json -o "$out/04-bimodal-vs-one-gaussian-$fig.png" \
    --figure "$fig" --scale 2
done
{
  echo "## Fitting a Gaussian to the bimodal mixture: forward vs reverse KL"
  echo
  echo "\`divlab render assets/presets/04-bimodal-vs-one-gaussian.json -o fit.png --figure fit --scale 2\`"
  echo
  echo "<img src=\"04-bimodal-vs-one-gaussian-fit.png\" width=\"1200\" alt=\"forward and reverse KL fits\">"
  echo
  echo "<img src=\"04-bimodal-vs-one-gaussian-landscape.png\" width=\"1200\" alt=\"KL landscapes over (mean, log sd)\">"
  echo
} >>"$md"

# One vector example of each kind, for authors who want to see what they get.
"$divlab" render assets/presets/04-bimodal-vs-one-gaussian.json -o "$out/04-bimodal-vs-one-gaussian-contributions.svg" \
  --figure contributions --size 800x480
"$divlab" render assets/presets/02-label-smoothing.json -o "$out/02-label-smoothing-dashboard.pdf" --figure dashboard
{
  echo "## Vector output"
  echo
  echo "- [04-bimodal-vs-one-gaussian-contributions.svg](04-bimodal-vs-one-gaussian-contributions.svg)"
  echo "  (\`--figure contributions -o ….svg\`)"
  echo "- [02-label-smoothing-dashboard.pdf](02-label-smoothing-dashboard.pdf) (\`-o ….pdf\`: selectable text in DejaVu Sans)"
} >>"$md"
echo "make_gallery: wrote $(ls "$out" | wc -l) files in $out"

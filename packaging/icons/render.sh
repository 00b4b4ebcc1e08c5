#!/usr/bin/env bash
# Renders divlab.svg to the PNG sizes of the hicolor icon theme (committed beside it, so building
# divlab needs no SVG renderer). Run after changing divlab.svg; needs rsvg-convert (librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")"
for n in 16 22 24 32 48 64 128 256; do
  rsvg-convert -w "$n" -h "$n" divlab.svg -o "divlab-$n.png"
done

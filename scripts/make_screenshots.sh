#!/usr/bin/env bash
# The README's screenshots of every lab, from `divlab screenshot` (offscreen EGL, no display needed).
# Usage: scripts/make_screenshots.sh [path/to/divlab]
set -euo pipefail
cd "$(dirname "$0")/.."
divlab=${1:-build/release/app/divlab}
bimodal=assets/presets/04-bimodal-vs-one-gaussian.json
weather=assets/presets/joint/05-weather-transport.json
letters=assets/presets/coding/02-english-vs-german-letters.json
"$divlab" screenshot "$bimodal" -o docs/screenshot.png --size 1600x900 --lab divergence
"$divlab" screenshot "$bimodal" -o docs/screenshot-fit.png --size 1600x900 --lab fit --run fit.play --frames 120
"$divlab" screenshot "$weather" -o docs/screenshot-joint.png --size 1600x900
"$divlab" screenshot "$letters" -o docs/screenshot-coding.png --size 1600x900 --lab coding \
  --run 'coding.set_message={"text":"kullback leibler"}' --run 'coding.hover={"symbol":4}'
"$divlab" screenshot "$bimodal" -o docs/screenshot-presentation.png --size 1600x900 --presentation
"$divlab" screenshot "$weather" -o docs/screenshot-joint-presentation.png --size 1600x900 --presentation
echo "wrote docs/screenshot{,-fit,-joint,-coding,-presentation,-joint-presentation}.png"

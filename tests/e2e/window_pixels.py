"""Pixel checks of window screenshots for the e2e tests (numpy; images read through ImageMagick).

  window_pixels.py fills SHOT.png LAYOUT.json    the UI fills the window it was shot in
  window_pixels.py same BEFORE.png AFTER.png LAYOUT.json    the distributions plot looks the same
LAYOUT.json is what F9 writes beside the state: the plot's rectangle in window pixels and its axes.
"""
import json
import re
import subprocess
import sys

import numpy as np


def read(png):
    """The image as an H×W×3 int array."""
    ppm = subprocess.run(["convert", png, "-depth", "8", "ppm:-"], capture_output=True, check=True).stdout
    header = re.match(rb"P6\s+(\d+)\s+(\d+)\s+255\s", ppm)  # one whitespace byte, then the pixels
    w, h, pos = int(header[1]), int(header[2]), header.end()
    return np.frombuffer(ppm[pos:pos + w * h * 3], np.uint8).reshape(h, w, 3).astype(int)


def plot_rect(layout):
    return [round(v) for v in layout["density_plot"]]


def fills(img, layout):
    h, w, _ = img.shape
    x0, y0, x1, y1 = plot_rect(layout)
    print(f"{w}x{h}: distributions plot at {x0},{y0}..{x1},{y1}")
    assert 0 <= x0 < x1 <= w and 0 <= y0 < y1 <= h, "the plot lies outside the window"
    assert x1 - x0 >= 0.25 * w and y1 - y0 >= 0.2 * h, "the plot does not grow with the window"
    # Drawn, not left black or undefined: every edge strip of the window has UI colours.
    for name, strip in {"top": img[:4], "bottom": img[-4:], "left": img[:, :4], "right": img[:, -4:]}.items():
        black = np.all(strip < 8, axis=-1).mean()
        assert black < 0.5, f"the {name} edge is {black:.0%} black"
    # The panels reach the right and bottom edges: text and widgets there, not only one background.
    for name, part in {"right column": img[:, -w // 8:], "bottom half": img[-h // 2:]}.items():
        colours = len(np.unique(part.reshape(-1, 3), axis=0))
        assert colours >= 20, f"the {name} shows {colours} colours: nothing is drawn there"
    # P's tallest bar (bin 3, p = 0.4) is drawn where the reported axes put it.
    lo, hi = layout["x_range"]
    ylo, yhi = layout["y_range"]
    col = round(x0 + (3 - 0.2 - lo) / (hi - lo) * (x1 - x0))
    top = y1 - (0.4 - ylo) / (yhi - ylo) * (y1 - y0)
    r, g, b = (img[y0:y1 + 1, col, i] for i in range(3))
    blue = np.nonzero((b > r + 60) & (b > 120))[0] + y0
    assert blue.size, f"no P-coloured pixels in column {col}"
    print(f"P bar 3: blue from y={blue.min()} to {blue.max()}, expected top {top:.1f}")
    assert abs(blue.min() - top) <= 3 and blue.max() >= y1 - 3, "P's bar is not where the axes put it"


def same(before, after, layout):
    assert before.shape == after.shape, f"the window changed size: {before.shape} → {after.shape}"
    x0, y0, x1, y1 = plot_rect(layout)
    a, b = before[y0:y1, x0:x1], after[y0:y1, x0:x1]
    assert len(np.unique(a.reshape(-1, 3), axis=0)) >= 5, "the plot before minimising is blank"
    changed = np.any(np.abs(a - b) > 24, axis=-1).mean()
    print(f"plot {x1 - x0}x{y1 - y0}: {changed:.2%} of its pixels differ after restoring")
    assert changed < 0.01, "the plot is not drawn as it was"


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    layout = json.load(open(args[-1]))
    try:
        if mode == "fills":
            fills(read(args[0]), layout)
        else:
            same(read(args[0]), read(args[1]), layout)
    except AssertionError as e:
        print(f"window_pixels {mode}: {e}")
        sys.exit(1)

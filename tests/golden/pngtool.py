#!/usr/bin/env python3
"""PNG facts and golden comparison with a tolerance, for shell tests (standard library only).

  pngtool.py info FILE
      prints: WIDTH HEIGHT DISTINCT_COLOURS MEAN_LUMA OPAQUE_FRACTION
  pngtool.py compare ACTUAL EXPECTED [--channel-tol 24] [--max-fraction 0.002]
      exit 0 when at most max-fraction of the pixels differ by more than channel-tol in some
      channel (the rule of tests/golden/image_compare.hpp), else exit 1; prints a summary.
  pngtool.py crop FILE X Y W H
      prints DISTINCT_COLOURS MEAN_LUMA of a rectangle.
"""
import argparse
import struct
import sys
import zlib


def read_png(path):
    """Returns (width, height, rows) with rows as lists of RGBA tuples (8-bit, non-interlaced)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG file")
    pos, idat, width = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or interlace != 0 or colour not in (0, 2, 4, 6):
                raise ValueError(f"{path}: unsupported PNG (depth {depth}, colour {colour}, interlace {interlace})")
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        ftype, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 255
            elif ftype == 2:
                line[i] = (line[i] + b) & 255
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        prev = line
        px = []
        for x in range(width):
            v = line[x * channels:(x + 1) * channels]
            if channels == 1:
                px.append((v[0], v[0], v[0], 255))
            elif channels == 2:
                px.append((v[0], v[0], v[0], v[1]))
            elif channels == 3:
                px.append((v[0], v[1], v[2], 255))
            else:
                px.append(tuple(v))
        rows.append(px)
    return width, height, rows


def stats(pixels):
    pixels = list(pixels)
    n = max(1, len(pixels))
    luma = sum(0.2126 * r + 0.7152 * g + 0.0722 * b for r, g, b, _ in pixels) / n
    opaque = sum(1 for p in pixels if p[3] == 255) / n
    return len(set(pixels)), luma, opaque


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    i = sub.add_parser("info")
    i.add_argument("file")
    c = sub.add_parser("compare")
    c.add_argument("actual")
    c.add_argument("expected")
    c.add_argument("--channel-tol", type=int, default=24)
    c.add_argument("--max-fraction", type=float, default=0.002)
    k = sub.add_parser("crop")
    k.add_argument("file")
    for name in ("x", "y", "w", "h"):
        k.add_argument(name, type=int)
    a = ap.parse_args()
    if a.cmd == "info":
        w, h, rows = read_png(a.file)
        colours, luma, opaque = stats(p for row in rows for p in row)
        print(w, h, colours, f"{luma:.1f}", f"{opaque:.4f}")
        return 0
    if a.cmd == "crop":
        w, h, rows = read_png(a.file)
        colours, luma, _ = stats(p for row in rows[a.y:a.y + a.h] for p in row[a.x:a.x + a.w])
        print(colours, f"{luma:.1f}")
        return 0
    wa, ha, ra = read_png(a.actual)
    we, he, re_ = read_png(a.expected)
    if (wa, ha) != (we, he):
        print(f"size differs: {wa}x{ha} vs {we}x{he}")
        return 1
    differing, worst = 0, 0
    for row_a, row_e in zip(ra, re_):
        for pa, pe in zip(row_a, row_e):
            d = max(abs(x - y) for x, y in zip(pa, pe))
            worst = max(worst, d)
            differing += d > a.channel_tol
    fraction = differing / (wa * ha)
    print(f"max channel diff {worst}, {differing} pixels differ ({100 * fraction:.4f}%)")
    return 0 if fraction <= a.max_fraction else 1


if __name__ == "__main__":
    sys.exit(main())

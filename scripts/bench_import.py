#!/usr/bin/python3
"""`divlab import --text` on a 100 MB text (issue 15's target: ≤ 2 s) against a plain Python
collections.Counter script making the same counts (letters a–z after ASCII case folding; words as
maximal runs of a–z), for each unit. Both sides read the file themselves; wall-clock medians of
--repeat runs; the counts of both are compared, so the ratio is for the same work.

  scripts/bench_import.py [--divlab build/release/app/divlab] [--mb 100] [--repeat 3]
"""
import argparse, collections, json, os, random, re, statistics, subprocess, sys, tempfile, time

WORDS = ["the", "of", "and", "To", "a", "in", "that", "is", "was", "He", "for", "it", "with", "as",
         "his", "on", "be", "at", "by", "I", "Größe", "naïve", "information", "divergence", "entropy",
         "λόγος"]
WEIGHTS = [40, 25, 20, 18, 16, 14, 10, 9, 9, 8, 7, 7, 6, 6, 5, 5, 5, 4, 4, 4, 1, 1, 2, 2, 2, 1]


def make_text(path, mb):
    rng = random.Random(7)
    block = []
    for _ in range(200_000):
        block.append(rng.choices(WORDS, WEIGHTS)[0])
        r = rng.randrange(16)
        block.append(".\n" if r == 0 else ", " if r == 1 else " ")
    chunk = "".join(block).encode()
    with open(path, "wb") as f:
        left = mb * 1_000_000
        while left > 0:
            f.write(chunk[:left])
            left -= len(chunk)


def fold(data):
    return data.translate(bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz"))


def python_counts(path, unit):
    with open(path, "rb") as f:
        data = fold(f.read())
    if unit == "letter":
        counts = collections.Counter(data)  # over bytes: Counter's C loop, the fastest plain Python
        return collections.Counter({chr(b): n for b, n in counts.items() if 97 <= b <= 122})
    return collections.Counter(w.decode() for w in re.findall(rb"[a-z]+", data))


def timed(fn, repeat):
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--divlab", default="build/release/app/divlab")
    ap.add_argument("--mb", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        text, out = os.path.join(tmp, "text.txt"), os.path.join(tmp, "out.json")
        make_text(text, a.mb)
        print(f"{os.path.getsize(text) / 1e6:.0f} MB text, median of {a.repeat} runs (wall clock)")
        for unit in ("letter", "word"):
            t_cpp, _ = timed(lambda: subprocess.run([a.divlab, "import", "--text", text, "--unit", unit, "-o", out],
                                                    check=True), a.repeat)
            with open(out) as f:
                s = json.load(f)
            got = dict(zip(s["support"]["labels"], s["p"]["mass"]))
            t_py, want = timed(lambda: python_counts(text, unit), a.repeat)
            if got != {k: float(v) for k, v in want.items()}:
                sys.exit(f"{unit}: divlab and Python counts differ")
            print(f"{unit:6}  divlab import {t_cpp:6.2f} s   Python Counter {t_py:6.2f} s   "
                  f"ratio {t_py / t_cpp:5.1f}x   ({len(got)} distinct)")


if __name__ == "__main__":
    main()

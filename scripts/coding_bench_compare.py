#!/usr/bin/python3
"""Side-by-side throughput of divlab's arithmetic coder (tests/bench/coding_bench, Google Benchmark,
BM_ArithmeticEncode/BM_ArithmeticDecode on 10⁶ symbols) against two references on a message of the
same distribution (26 letter frequencies, English after Lewand):

  * the same coder written plainly in Python (tests/reference/gen_coding.py: Witten–Neal–Cleary,
    32-bit, pending bits), the independent reference the tests compare bit strings with;
  * zlib (level 6, Python's C binding) compressing the message as one byte per symbol: a general
    compressor (LZ77 + Huffman), timed for throughput and for its bits per symbol against H(P).

Prints symbols per second, bits per symbol and the ratios. CPU time on both sides.

  scripts/coding_bench_compare.py [--bench build/release/tests/bench/coding_bench] [--python-symbols 100000]
"""
import argparse, json, math, os, subprocess, sys, time, zlib

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "reference"))
import gen_coding  # noqa: E402

LETTERS = [8.167, 1.492, 2.782, 4.253, 12.702, 2.228, 2.015, 6.094, 6.966, 0.153, 0.772, 4.025, 2.406,
           6.749, 7.507, 1.929, 0.095, 5.987, 6.327, 9.056, 2.758, 0.978, 2.360, 0.150, 1.974, 0.074]


def cpp(bench):
    out = subprocess.run([bench, "--benchmark_format=json", "--benchmark_filter=Arithmetic",
                          "--benchmark_repetitions=5", "--benchmark_report_aggregates_only=true"],
                         check=True, capture_output=True, text=True).stdout
    res = {}
    for b in json.loads(out)["benchmarks"]:
        if b.get("aggregate_name") == "median":
            name = b["run_name"].split("/")[0]
            n = int(b["run_name"].split("/")[1])
            scale = {"ms": 1e-3, "us": 1e-6, "ns": 1e-9}[b["time_unit"]]
            res[name] = n / (b["cpu_time"] * scale)
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", default=os.path.join(HERE, "..", "build", "release", "tests", "bench", "coding_bench"))
    ap.add_argument("--python-symbols", type=int, default=100000)
    args = ap.parse_args()
    p = np.array(LETTERS) / sum(LETTERS)
    entropy = -float(np.sum(p * np.log2(p)))
    rng = np.random.default_rng(1)
    msg = rng.choice(len(p), size=args.python_symbols, p=p).tolist()
    f = gen_coding.freqs(LETTERS)
    t0 = time.process_time()
    bits = gen_coding.arith_encode(f, msg)
    py_rate = len(msg) / (time.process_time() - t0)
    big = rng.choice(len(p), size=1_000_000, p=p).astype(np.uint8).tobytes()
    t0 = time.process_time()
    reps = 5
    for _ in range(reps):
        z = zlib.compress(big, 6)
    zlib_rate = reps * len(big) / (time.process_time() - t0)
    c = cpp(args.bench)
    enc, dec = c["BM_ArithmeticEncode"], c["BM_ArithmeticDecode"]
    print(f"H(P) = {entropy:.4f} bits per symbol")
    print(f"divlab arithmetic encode   {enc / 1e6:8.2f} M symbols/s   (decode {dec / 1e6:.2f} M/s)")
    print(f"Python arithmetic encode   {py_rate / 1e6:8.3f} M symbols/s   {len(bits) / len(msg):.4f} bits/symbol   "
          f"ratio divlab/Python = {enc / py_rate:.0f}x")
    print(f"zlib level 6 (1 byte/sym)  {zlib_rate / 1e6:8.2f} M symbols/s   {8 * len(z) / len(big):.4f} bits/symbol   "
          f"ratio divlab/zlib = {enc / zlib_rate:.2f}x")


if __name__ == "__main__":
    main()

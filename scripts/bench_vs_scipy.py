#!/usr/bin/python3
"""Side-by-side timings: divlab's measures (tests/bench/measures_bench, Google Benchmark) against
scipy/numpy computing the same quantities on exactly the same inputs; prints medians and ratios.

  scripts/bench_vs_scipy.py [--bench PATH/TO/measures_bench] [--reps 7]

Both sides are timed in CPU time of the one thread doing the work (Google Benchmark's cpu_time,
Python's process_time), which stays meaningful on a loaded machine where wall time does not.

Discrete: p_i = frac((i+1)·0.618…) + 1e-3, q_i = frac((i+1)·0.414…) + 1e-3 (and unsorted
x_i = frac((i+1)·0.754…)·N), the same IEEE operations as measures_bench.cpp. scipy computes
entropy (stats.entropy), KL both ways (stats.entropy(p, q)), cross-entropies, JSD
(spatial.distance.jensenshannon), W₁ (stats.wasserstein_distance), TV, Hellinger and BC (numpy).
Continuous: the two 4-component mixtures of measures_bench.cpp; scipy.integrate.quad over ℝ,
one call per quantity (entropy ×2, KL ×2, JSD, TV, BC, Hellinger, W₁), with plain-math scalar
densities (not scipy.stats objects, whose per-call overhead would dominate).
"""
import argparse, json, math, os, subprocess, sys, time, warnings

import numpy as np
from scipy import integrate, special, stats
from scipy.spatial import distance

HERE = os.path.dirname(os.path.abspath(__file__))


def sequence(n, a, scale=1.0, offset=1e-3):
    return ((np.arange(1, n + 1, dtype=float) * a) % 1.0 + offset) * scale


def scipy_discrete(p, q, x):
    p = p / p.sum(); q = q / q.sum()
    hp, hq = stats.entropy(p), stats.entropy(q)
    klpq, klqp = stats.entropy(p, q), stats.entropy(q, p)
    xpq, xqp = -np.sum(p * np.log(q)), -np.sum(q * np.log(p))
    js = distance.jensenshannon(p, q)
    w1 = stats.wasserstein_distance(x, x, p, q)
    tv = 0.5 * np.abs(p - q).sum()
    bc = np.sqrt(p * q).sum()
    hel = math.sqrt(0.5 * ((np.sqrt(p) - np.sqrt(q)) ** 2).sum())
    ppl = [math.exp(v) for v in (hp, hq, xpq, xqp)]
    return hp, klpq, js, w1, tv, hel, bc, ppl


def median_time(fn, reps):
    ts = []
    for _ in range(reps):
        t = time.process_time(); fn(); ts.append(time.process_time() - t)
    return float(np.median(ts))


# The mixtures of measures_bench.cpp: (family, weight, mean, scale, df, low, high).
NORMALS_P = [("normal", .3, -3, .8), ("normal", .2, -.5, .5), ("normal", .3, 2, 1), ("normal", .2, 4.5, .6)]
NORMALS_Q = [("normal", .4, -2, 1.5), ("normal", .3, 1, .7), ("normal", .2, 3, 1.0), ("normal", .1, 0, 2)]
MIXED_P = [("normal", .3, -3, .8), ("laplace", .2, 0, .5), ("student_t", .3, 2, 1, 5), ("uniform", .2, 0, 1, 1, 4, 6)]
MIXED_Q = [("normal", .4, -2, 1.5), ("normal", .3, 1, .7), ("laplace", .2, 3, 1.0), ("student_t", .1, 0, 2, 3)]


def scalar_pdf_cdf(c):
    """Plain-math scalar pdf and cdf of one component (fast for quad's scalar callbacks; the
    Student-t CDF is scipy.special.stdtr)."""
    f, w, mu, s = c[0], c[1], c[2], c[3]
    if f == "normal":
        k = 1 / (s * math.sqrt(2 * math.pi))
        return (lambda x: k * math.exp(-0.5 * ((x - mu) / s) ** 2),
                lambda x: 0.5 * math.erfc(-(x - mu) / (s * math.sqrt(2))))
    if f == "laplace":
        return (lambda x: math.exp(-abs(x - mu) / s) / (2 * s),
                lambda x: 0.5 * math.exp((x - mu) / s) if x < mu else 1 - 0.5 * math.exp(-(x - mu) / s))
    if f == "student_t":
        nu = c[4]
        k = math.exp(math.lgamma((nu + 1) / 2) - math.lgamma(nu / 2)) / (math.sqrt(nu * math.pi) * s)
        return (lambda x: k * (1 + ((x - mu) / s) ** 2 / nu) ** (-(nu + 1) / 2),
                lambda x: float(special.stdtr(nu, (x - mu) / s)))
    lo, hi = c[5], c[6]
    return (lambda x: 1 / (hi - lo) if lo <= x <= hi else 0.0, lambda x: min(1.0, max(0.0, (x - lo) / (hi - lo))))


def scipy_continuous(pc, qc):
    P = [(c[1],) + scalar_pdf_cdf(c) for c in pc]; Q = [(c[1],) + scalar_pdf_cdf(c) for c in qc]
    pdf = lambda M, x: sum(w * f(x) for w, f, _ in M)
    cdf = lambda M, x: sum(w * F(x) for w, _, F in M)
    xlogy = lambda a, b: a * math.log(b) if a > 0 else 0.0
    opts = dict(epsabs=1e-10, epsrel=1e-8, limit=200)
    q = lambda f: integrate.quad(f, -np.inf, np.inf, **opts)[0]
    kl = lambda A, B: q(lambda x: (lambda a, b: a * (math.log(a) - math.log(b)) if a > 0 and b > 0 else 0.0)(pdf(A, x), pdf(B, x)))
    out = {"entropy_p": q(lambda x: -xlogy(pdf(P, x), pdf(P, x))),
           "entropy_q": q(lambda x: -xlogy(pdf(Q, x), pdf(Q, x))),
           "kl_pq": kl(P, Q), "kl_qp": kl(Q, P)}

    def jsd(x):
        a, b = pdf(P, x), pdf(Q, x); m = (a + b) / 2
        return 0.5 * (xlogy(a, a / m) if a > 0 else 0) + 0.5 * (xlogy(b, b / m) if b > 0 else 0)
    out["jsd"] = q(jsd)
    out["total_variation"] = 0.5 * q(lambda x: abs(pdf(P, x) - pdf(Q, x)))
    out["bhattacharyya"] = q(lambda x: math.sqrt(pdf(P, x) * pdf(Q, x)))
    out["hellinger"] = math.sqrt(max(0.0, 0.5 * q(lambda x: (math.sqrt(pdf(P, x)) - math.sqrt(pdf(Q, x))) ** 2)))
    out["wasserstein_1"] = q(lambda x: abs(cdf(P, x) - cdf(Q, x)))
    return out


def run_bench(path, reps):
    out = subprocess.run([path, "--benchmark_format=json", "--benchmark_repetitions=%d" % reps,
                          "--benchmark_report_aggregates_only=true"], check=True, capture_output=True, text=True).stdout
    res = {}
    for b in json.loads(out)["benchmarks"]:
        if b.get("aggregate_name") == "median":
            unit = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b["time_unit"]]
            res[b["run_name"]] = b["cpu_time"] * unit
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bench", default=None)
    ap.add_argument("--reps", type=int, default=7)
    a = ap.parse_args()
    root = os.path.dirname(HERE)
    cands = [a.bench] if a.bench else [os.path.join(root, d, "tests/bench/measures_bench")
                                       for d in ("build/release", "build-num", "build")]
    bench = next((c for c in cands if c and os.path.exists(c)), None)
    if not bench:
        sys.exit("bench_vs_scipy: measures_bench not found (build it, or pass --bench)")
    ours = run_bench(bench, a.reps)
    warnings.simplefilter("ignore")
    print("load average: %.1f %.1f %.1f (CPU-time medians)" % os.getloadavg())
    print("%-34s %14s %14s %9s" % ("case", "divlab median", "scipy median", "ratio"))
    for n in (64, 4096, 1000000):
        p = sequence(n, 0.6180339887498949); q = sequence(n, 0.41421356237309515)
        x_sorted = np.arange(n, dtype=float); x_unsorted = sequence(n, 0.7548776662466927, float(n), 0.0)
        reps = a.reps if n == 1000000 else max(a.reps, 50)
        for name, x in (("BM_Discrete/%d" % n, x_sorted), ("BM_DiscreteUnsortedX/%d" % n, x_unsorted)):
            theirs = median_time(lambda: scipy_discrete(p, q, x), reps)
            mine = ours.get(name, float("nan"))
            print("%-34s %12.3f ms %12.3f ms %8.1fx" % (name, mine * 1e3, theirs * 1e3, theirs / mine))
    for name, pc, qc in (("BM_ContinuousNormals4v4", NORMALS_P, NORMALS_Q), ("BM_ContinuousMixed4v4", MIXED_P, MIXED_Q)):
        theirs = median_time(lambda: scipy_continuous(pc, qc), 3)
        mine = ours.get(name, float("nan"))
        print("%-34s %12.3f ms %12.3f ms %8.1fx" % (name, mine * 1e3, theirs * 1e3, theirs / mine))


if __name__ == "__main__":
    main()

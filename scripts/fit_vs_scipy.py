#!/usr/bin/env python3
"""The same reverse-KL fit in NumPy/SciPy and in divlab, side by side, and the speed ratio.

Fit: one Gaussian Q = N(mean, sd^2) to P = 0.5 N(-2, 0.6^2) + 0.5 N(2, 0.6^2) by Adam (lr 0.05,
beta 0.9/0.999, eps 1e-8) on D(Q||P) in (mean, log sd), from mean 1, sd 1, until the gradient norm
< 1e-8 -- exactly what `divlab fit tests/cli/fit_data/bimodal.json` does.

NumPy: E_Q[.] by Gauss-Hermite (vectorised, 160 nodes), reparametrised gradient.
SciPy: scipy.optimize.minimize(BFGS) on a quad-integrated objective and gradient (for reference;
a different algorithm, so only its total time is shown).

usage: /usr/bin/python3 scripts/fit_vs_scipy.py [path/to/divlab]   (default: $DIVLAB or build/release/app/divlab)
"""
import json
import math
import os
import resource
import subprocess
import sys
import time

import numpy as np
from scipy import integrate, optimize

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCENARIO = os.path.join(ROOT, "tests", "cli", "fit_data", "bimodal.json")
W, M, S = np.array([0.5, 0.5]), np.array([-2.0, 2.0]), np.array([0.6, 0.6])
LOG_C = np.log(W) - np.log(S) - 0.5 * math.log(2 * math.pi)


def logp_and_slope(x):
    t = LOG_C[:, None] - 0.5 * ((x[None, :] - M[:, None]) / S[:, None]) ** 2
    m = t.max(axis=0)
    e = np.exp(t - m)
    lp = m + np.log(e.sum(axis=0))
    r = e / e.sum(axis=0)
    slope = (r * (-(x[None, :] - M[:, None]) / S[:, None] ** 2)).sum(axis=0)
    return lp, slope


Z, WZ = np.polynomial.hermite.hermgauss(160)
Z, WZ = Z * math.sqrt(2), WZ / math.sqrt(math.pi)


def value_grad(th):
    # D(Q||P) = -1/2 log(2 pi e) - log sd - E_z[log p(mean + sd z)]
    mu, sd = th[0], math.exp(th[1])
    lp, slope = logp_and_slope(mu + sd * Z)
    v = -0.5 * (math.log(2 * math.pi) + 1) - th[1] - WZ @ lp
    return v, np.array([-(WZ @ slope), -1 - sd * (WZ @ (slope * Z))])


def numpy_adam(th, lr=0.05, tol=1e-8, max_steps=20000):
    m = np.zeros(2)
    v = np.zeros(2)
    val, g = value_grad(th)
    steps = 0
    while np.linalg.norm(g) >= tol and steps < max_steps:
        steps += 1
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        th = th - lr * (m / (1 - 0.9 ** steps)) / (np.sqrt(v / (1 - 0.999 ** steps)) + 1e-8)
        val, g = value_grad(th)
    return th, val, steps


def scipy_bfgs(th):
    def f(t):
        mu, sd = t[0], math.exp(t[1])
        q = lambda x: math.exp(-0.5 * ((x - mu) / sd) ** 2) / (sd * math.sqrt(2 * math.pi))
        lp = lambda x: float(logp_and_slope(np.array([x]))[0][0])
        e = integrate.quad(lambda x: q(x) * lp(x), mu - 10 * sd, mu + 10 * sd, points=[-2, 0, 2], limit=200)[0]
        return -0.5 * (math.log(2 * math.pi) + 1) - t[1] - e
    return optimize.minimize(f, th, method="BFGS", options={"gtol": 1e-8})


def main():
    divlab = sys.argv[1] if len(sys.argv) > 1 else os.environ.get(
        "DIVLAB", os.path.join(ROOT, "build", "release", "app", "divlab"))
    th0 = np.array([1.0, 0.0])

    reps = 5
    t0 = time.process_time()
    for _ in range(reps):
        th, val, steps = numpy_adam(th0.copy())
    t_np = (time.process_time() - t0) / reps

    t0 = time.process_time()
    res = scipy_bfgs(th0.copy())
    t_sp = time.process_time() - t0

    # divlab: CPU time of the child (includes process start and scenario loading).
    def run(*extra):
        best, out = None, None
        for _ in range(reps):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            out = subprocess.run([divlab, "fit", SCENARIO, "--json", *extra], check=True, capture_output=True,
                                 text=True).stdout
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            best = cpu if best is None else min(best, cpu)
        return best, json.loads(out)

    best, d = run()
    startup, _ = run("--max-steps", "1")  # process start, scenario load, one step
    fit_only = max(best - startup, 1e-9)

    print(f"fit: reverse KL, normal model, adam lr 0.05 from (1, 1), tolerance 1e-8")
    print(f"numpy  (Gauss-Hermite 160): mean {th[0]:.10f} sd {math.exp(th[1]):.10f} value {val:.12f} "
          f"steps {steps:5d}  {t_np * 1e3:9.2f} ms  ({t_np / steps * 1e6:7.2f} us/step)")
    print(f"divlab (exact quadrature):  mean {d['params']['mean']:.10f} sd {d['params']['sd']:.10f} "
          f"value {d['value']:.12f} steps {d['steps']:5d}  {best * 1e3:9.2f} ms  "
          f"({best / d['steps'] * 1e6:7.2f} us/step, incl. process start)")
    print(f"scipy BFGS on quad:         mean {res.x[0]:.10f} sd {math.exp(res.x[1]):.10f} value {res.fun:.12f} "
          f"evals {res.nfev:5d}  {t_sp * 1e3:9.2f} ms")
    print(f"ratio numpy/divlab (whole fit, CPU time): {t_np / best:.1f}x")
    print(f"divlab without process start (full run - a 1-step run): {fit_only * 1e3:.2f} ms "
          f"({fit_only / max(d['steps'] - 1, 1) * 1e6:.2f} us/step)")
    print(f"ratio numpy/divlab (per gradient step, without process start): "
          f"{(t_np / steps) / (fit_only / max(d['steps'] - 1, 1)):.1f}x")


if __name__ == "__main__":
    main()

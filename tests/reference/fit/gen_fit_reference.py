#!/usr/bin/env python3
"""Reference optima for the fit tests, computed independently of divlab with SciPy and mpmath.

For each case: P (a mixture), an objective, and every local minimum of the objective over a single
Gaussian Q = N(mean, sd^2) in (mean, log sd). Minima are found by scipy.optimize.minimize from a grid
of starts and then polished by solving grad = 0 with scipy.optimize.root, where the gradient is the
*reparametrised* form (E_z[(log p)'(mean + sd z)], plus jump terms) integrated with scipy.integrate.quad
(divlab uses the score-function form with its own Gauss-Legendre panels). Values are re-checked with
mpmath at 30 digits.  Run:  /usr/bin/python3 tests/reference/fit/gen_fit_reference.py > fit_reference.json
"""
import json
import math
import sys

import mpmath as mp
import numpy as np
from scipy import integrate, optimize, special, stats

mp.mp.dps = 30
LOG2PI = math.log(2 * math.pi)


def comp_logpdf(c, x):
    # Plain math (scalar speed inside quad); checked against scipy.stats in self_check().
    f = c["family"]
    if f == "normal":
        z = (x - c["mean"]) / c["sd"]
        return -0.5 * z * z - math.log(c["sd"]) - 0.5 * LOG2PI
    if f == "laplace":
        return -abs(x - c["mean"]) / c["scale"] - math.log(2 * c["scale"])
    if f == "student_t":
        v, z = c["df"], (x - c["mean"]) / c["scale"]
        return (math.lgamma((v + 1) / 2) - math.lgamma(v / 2) - 0.5 * math.log(v * math.pi) - math.log(c["scale"])
                - (v + 1) / 2 * math.log1p(z * z / v))
    if f == "uniform":
        return -math.log(c["high"] - c["low"]) if c["low"] <= x <= c["high"] else -math.inf
    raise ValueError(f)


def self_check():
    for c, ref in [(dict(family="normal", mean=0.3, sd=0.7), lambda x: stats.norm.logpdf(x, 0.3, 0.7)),
                   (dict(family="laplace", mean=-1, scale=0.5), lambda x: stats.laplace.logpdf(x, -1, 0.5)),
                   (dict(family="student_t", mean=2, scale=1.3, df=4), lambda x: stats.t.logpdf(x, 4, 2, 1.3))]:
        for x in (-3.0, 0.1, 2.5):
            assert abs(comp_logpdf(c, x) - ref(x)) < 1e-13


def lse(ts):
    m = max(ts)
    if m == -math.inf:
        return m
    return m + math.log(sum(math.exp(t - m) for t in ts))


def comp_dlogpdf(c, x):
    f = c["family"]
    if f == "normal":
        return -(x - c["mean"]) / c["sd"] ** 2
    if f == "laplace":
        return -math.copysign(1.0, x - c["mean"]) / c["scale"] if x != c["mean"] else 0.0
    if f == "student_t":
        d = x - c["mean"]
        return -(c["df"] + 1) * d / (c["df"] * c["scale"] ** 2 + d * d)
    if f == "uniform":
        return 0.0
    raise ValueError(f)


def logp(P, x):
    tot = sum(c["weight"] for c in P)
    return lse([math.log(c["weight"] / tot) + comp_logpdf(c, x) for c in P])


def dlogp(P, x):
    tot = sum(c["weight"] for c in P)
    t = [math.log(c["weight"] / tot) + comp_logpdf(c, x) for c in P]
    m = lse(t)
    return sum(math.exp(ti - m) * comp_dlogpdf(c, x) for ti, c in zip(t, P) if ti > -math.inf)


def breakpoints(P):
    pts = []
    for c in P:
        if c["family"] == "uniform":
            pts += [c["low"], c["high"]]
        else:
            pts.append(c["mean"])
    return sorted(set(pts))


def jumps(P):
    return breakpoints([c for c in P if c["family"] == "uniform"]) if any(c["family"] == "uniform" for c in P) else []


def eq(P, mu, sd, g, extra=()):
    """E_{N(mu, sd^2)}[g(x)] by quad on [mu - 12 sd, mu + 12 sd] split at P's breakpoints."""
    lo, hi = mu - 12 * sd, mu + 12 * sd
    pts = [p for p in list(breakpoints(P)) + list(extra) if lo < p < hi]
    f = lambda x: math.exp(-0.5 * ((x - mu) / sd) ** 2) / (sd * math.sqrt(2 * math.pi)) * g(x)
    edges = [lo] + sorted(pts) + [hi]
    return sum(integrate.quad(f, a, b, epsabs=1e-14, epsrel=1e-13, limit=400)[0] for a, b in zip(edges, edges[1:]))


def ep(P, g, extra=()):
    """E_P[g] by quad per component over its support, split at breakpoints."""
    w = np.array([c["weight"] for c in P])
    w = w / w.sum()
    total = 0.0
    for wi, c in zip(w, P):
        if c["family"] == "uniform":
            lo, hi = c["low"], c["high"]
        elif c["family"] == "normal":
            lo, hi = c["mean"] - 12 * c["sd"], c["mean"] + 12 * c["sd"]
        else:
            lo, hi = -np.inf, np.inf
        pts = [p for p in list(breakpoints(P)) + list(extra) if lo < p < hi]
        f = lambda x: math.exp(comp_logpdf(c, x)) * g(x)
        edges = [lo] + sorted(pts) + [hi]
        total += wi * sum(integrate.quad(f, a, b, epsabs=1e-14, epsrel=1e-13, limit=400)[0]
                          for a, b in zip(edges, edges[1:]))
    return total


# Objectives of theta = (mu, log sd).
def reverse_kl(P, th):
    mu, sd = th[0], math.exp(th[1])
    return -0.5 * (LOG2PI + 1) - th[1] - eq(P, mu, sd, lambda x: logp(P, x))


def reverse_kl_grad(P, th):
    # Reparametrised: d/dmu = -E[(log p)'], d/dlog sd = -1 - E[(log p)'(x) (x - mu)]; each jump c of
    # log p adds -q(c) * (log p(c+) - log p(c-)) * dc-term (Leibniz rule on the split integral).
    mu, sd = th[0], math.exp(th[1])
    gm = -eq(P, mu, sd, lambda x: dlogp(P, x))
    gs = -1 - eq(P, mu, sd, lambda x: dlogp(P, x) * (x - mu))
    for c in jumps(P):
        jump = logp(P, c + 1e-12 * max(1, abs(c))) - logp(P, c - 1e-12 * max(1, abs(c)))
        qc = stats.norm.pdf(c, mu, sd)
        # d/dmu of int_{c}^{inf} q(x) f(x) dx over the moving Gaussian = boundary flux of the jump.
        gm -= qc * jump
        gs -= qc * jump * (c - mu)
    return np.array([gm, gs])


def jsd(P, th):
    mu, sd = th[0], math.exp(th[1])
    lq = lambda x: stats.norm.logpdf(x, mu, sd)
    lm = lambda x: np.logaddexp(logp(P, x), lq(x)) - math.log(2)
    a = ep(P, lambda x: logp(P, x) - lm(x), extra=[mu])
    b = eq(P, mu, sd, lambda x: lq(x) - lm(x))
    return 0.5 * a + 0.5 * b


def jsd_grad(P, th):
    # d JSD / d theta = 1/2 E_Q[log(2q/(p+q)) * score]  (score: z/sd for the mean, z^2 - 1 for log sd)
    mu, sd = th[0], math.exp(th[1])
    lq = lambda x: -0.5 * ((x - mu) / sd) ** 2 - math.log(sd) - 0.5 * LOG2PI
    h = lambda x: math.log(2) + lq(x) - np.logaddexp(logp(P, x), lq(x))
    gm = 0.5 * eq(P, mu, sd, lambda x: h(x) * (x - mu) / sd ** 2)
    gs = 0.5 * eq(P, mu, sd, lambda x: h(x) * (((x - mu) / sd) ** 2 - 1))
    return np.array([gm, gs])


def entropy(P):
    return -ep(P, lambda x: logp(P, x))


def forward_kl(P, th):
    mu, sd = th[0], math.exp(th[1])
    return -entropy(P) - ep(P, lambda x: stats.norm.logpdf(x, mu, sd), extra=[mu])


def local_minima(P, obj, grad, starts):
    found = []
    for s in starts:
        r = optimize.minimize(lambda t: obj(P, t), s, method="Nelder-Mead",
                              options={"xatol": 1e-6, "fatol": 1e-12, "maxiter": 2000})
        th = r.x
        if grad is not None:
            rr = optimize.root(lambda t: grad(P, t), th, method="hybr", options={"xtol": 1e-13})
            if rr.success and np.linalg.norm(rr.x - th) < 1e-3:
                th = rr.x
        if not any(np.linalg.norm(th - f) < 1e-5 for f in found):
            found.append(th)
    return found


def mp_reverse_kl(P, th):
    mu, sd = mp.mpf(th[0]), mp.e ** mp.mpf(th[1])
    def lp(x):
        w = [mp.mpf(c["weight"]) for c in P]
        tot = sum(w)
        s = 0
        for wi, c in zip(w, P):
            assert c["family"] == "normal"
            s += wi / tot * mp.npdf(x, c["mean"], c["sd"])
        return mp.log(s)
    pts = [mu - 14 * sd] + sorted(set(c["mean"] for c in P if mu - 14 * sd < c["mean"] < mu + 14 * sd)) + [mu + 14 * sd]
    e = mp.quad(lambda x: mp.npdf(x, mu, sd) * lp(x), pts)
    return float(-(mp.log(2 * mp.pi) + 1) / 2 - mp.log(sd) - e)


def case(name, P, objective, starts):
    obj = {"reverse_kl": reverse_kl, "jsd": jsd, "forward_kl": forward_kl}[objective]
    grad = {"reverse_kl": reverse_kl_grad, "jsd": jsd_grad}.get(objective)
    mins = local_minima(P, obj, grad, starts)
    out = []
    for th in sorted(mins, key=lambda t: t[0]):
        v = obj(P, th)
        entry = {"mean": float(th[0]), "sd": float(math.exp(th[1])), "log_sd": float(th[1]), "value": float(v)}
        if grad is not None:
            entry["grad_norm"] = float(np.linalg.norm(grad(P, th)))
        if objective == "reverse_kl" and all(c["family"] == "normal" for c in P):
            entry["value_mpmath"] = mp_reverse_kl(P, th)
        out.append(entry)
    print(f"{name}: {len(out)} minima", file=sys.stderr)
    return {"name": name, "p": P, "objective": objective, "minima": out}


def N(w, m, s):
    return {"family": "normal", "weight": w, "mean": m, "sd": s}


def main():
    self_check()
    bimodal = [N(0.5, -2, 0.6), N(0.5, 2, 0.6)]
    grid = [(m, math.log(s)) for m in (-2.5, -1, 0, 1, 2.5) for s in (0.5, 2.0)]
    cases = [
        case("bimodal_reverse", bimodal, "reverse_kl", grid),
        case("bimodal_jsd", bimodal, "jsd", [(-2, math.log(0.6)), (2, math.log(0.6)), (0, math.log(2.0))]),
        case("skewed_reverse", [N(0.7, -1, 0.5), N(0.3, 1.5, 1.2)], "reverse_kl",
             [(-1, math.log(0.5)), (1.5, math.log(1.0)), (0, math.log(1.5))]),
        case("laplace_t_reverse",
             [{"family": "laplace", "weight": 0.4, "mean": -1, "scale": 0.5},
              {"family": "student_t", "weight": 0.6, "mean": 2, "scale": 1, "df": 4}],
             "reverse_kl", [(-1, math.log(0.5)), (2, math.log(1.0)), (0.5, math.log(2.0))]),
        case("uniform_normal_reverse",
             [{"family": "uniform", "weight": 0.5, "low": -1, "high": 1}, N(0.5, 3, 0.5)],
             "reverse_kl", [(0, math.log(0.5)), (3, math.log(0.5)), (1.5, math.log(2.0))]),
        case("laplace_t_forward",
             [{"family": "laplace", "weight": 0.4, "mean": -1, "scale": 0.5},
              {"family": "student_t", "weight": 0.6, "mean": 2, "scale": 1, "df": 4}],
             "forward_kl", [(0.8, math.log(1.8))]),
    ]
    json.dump({"generator": "tests/reference/fit/gen_fit_reference.py", "scipy": __import__("scipy").__version__,
               "mpmath": mp.__version__, "cases": cases}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()

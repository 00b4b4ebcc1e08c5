#!/usr/bin/python3
"""Reference values for tests/core/measures/measures_continuous_test.cpp: every quantity of SPEC §1 for
continuous mixtures, integrated with mpmath.quad (tanh-sinh, 30 digits) over the whole real line
split at the components' centres, centres ± k·scale, uniform endpoints and the crossings of p − q
and F_P − F_Q. ∞ entries are decided by hand from the tails/support analysis written beside each
case (the C++ side must reach the same verdict by its own analysis). Run: /usr/bin/python3 gen_continuous.py"""
import json, os, sys
import mpmath as mp

mp.mp.dps = 30
INF = "inf"


def comp(family, weight=1.0, **kw):
    c = {"family": family, "weight": weight}
    c.update(kw)
    return c


def pdf1(c, x):
    f = c["family"]
    if f == "normal":
        return mp.npdf(x, c["mean"], c["scale"])
    if f == "laplace":
        return mp.exp(-abs(x - c["mean"]) / c["scale"]) / (2 * c["scale"])
    if f == "student_t":
        nu, s = mp.mpf(c["df"]), mp.mpf(c["scale"]); z = (x - c["mean"]) / s
        # log1p, not (1 + z²/ν)^…: at ν = 1e20 the 30-digit base 1 + z²/ν has lost z²/ν.
        return mp.gamma((nu + 1) / 2) / (mp.sqrt(nu * mp.pi) * mp.gamma(nu / 2) * s) * mp.exp(-(nu + 1) / 2 * mp.log1p(z * z / nu))
    return mp.mpf(1) / (c["high"] - c["low"]) if c["low"] <= x <= c["high"] else mp.mpf(0)


def sf1(c, x):  # survival 1 − F
    f = c["family"]
    if f == "normal":
        return mp.erfc((x - c["mean"]) / (c["scale"] * mp.sqrt(2))) / 2
    if f == "laplace":
        z = (x - c["mean"]) / c["scale"]
        return mp.exp(-z) / 2 if z > 0 else 1 - mp.exp(z) / 2
    if f == "student_t":
        nu = mp.mpf(c["df"]); z = (x - c["mean"]) / mp.mpf(c["scale"])
        t = mp.betainc(nu / 2, mp.mpf(1) / 2, 0, nu / (nu + z * z), regularized=True) / 2
        return t if z > 0 else 1 - t
    lo, hi = c["low"], c["high"]
    return mp.mpf(1) if x <= lo else (mp.mpf(0) if x >= hi else (hi - x) / mp.mpf(hi - lo))


class Mix:
    def __init__(self, comps):
        self.c = comps
        tot = sum(mp.mpf(c["weight"]) for c in comps)
        self.w = [mp.mpf(c["weight"]) / tot for c in comps]

    def pdf(self, x):
        return mp.fsum(w * pdf1(c, x) for w, c in zip(self.w, self.c) if w > 0)

    def sf(self, x):
        return mp.fsum(w * sf1(c, x) for w, c in zip(self.w, self.c) if w > 0)

    def cdf(self, x):
        return mp.fsum(w * (1 - sf1(c, x)) for w, c in zip(self.w, self.c) if w > 0)


def xlogy(a, b):
    if a == 0: return mp.mpf(0)
    return a * mp.log(b)


def measures(pc, qc, infinite):
    P, Q = Mix(pc), Mix(qc)
    pts = set()
    for c in pc + qc:
        if c["family"] == "uniform":
            pts |= {mp.mpf(c["low"]), mp.mpf(c["high"])}
        else:
            for k in (-30, -10, -4, -1, 0, 1, 4, 10, 30):
                pts.add(mp.mpf(c["mean"]) + k * mp.mpf(c["scale"]))
    lo, hi = min(pts), max(pts)
    # Crossings of p − q and F_P − F_Q on a fine grid, refined by bisection.
    grid = [lo + (hi - lo) * i / 2000 for i in range(2001)]
    for g in (lambda x: P.pdf(x) - Q.pdf(x), lambda x: P.cdf(x) - Q.cdf(x)):
        vals = [g(x) for x in grid]
        for a, b, va, vb in zip(grid, grid[1:], vals, vals[1:]):
            if va == 0:
                pts.add(a)
            if va * vb < 0:
                for _ in range(60):
                    m = (a + b) / 2
                    if g(m) * va < 0: b = m
                    else: a, va = m, g(m)
                pts.add((a + b) / 2)
    pts = sorted(set(pts))
    span = [-mp.inf] + pts + [mp.inf]

    def integral(f):
        v, e = mp.quad(f, span, error=True, maxdegree=10)
        if e > 1e-11 * max(1, abs(v)):
            raise SystemExit("mpmath.quad did not converge: error %s" % mp.nstr(e, 3))
        return v

    def safe(f):  # zero where both densities vanish
        return f

    hp = integral(lambda x: -xlogy(P.pdf(x), P.pdf(x)))
    hq = integral(lambda x: -xlogy(Q.pdf(x), Q.pdf(x)))

    def kl(A, B):
        return integral(lambda x: (lambda a, b: 0 if a == 0 else a * (mp.log(a) - mp.log(b)))(A.pdf(x), B.pdf(x)))

    r = {"entropy_p": hp, "entropy_q": hq}
    r["kl_pq"] = INF if "kl_pq" in infinite else kl(P, Q)
    r["kl_qp"] = INF if "kl_qp" in infinite else kl(Q, P)

    def jsd_f(x):
        a, b = P.pdf(x), Q.pdf(x); m = (a + b) / 2
        return (xlogy(a, a / m if m > 0 else 1) + xlogy(b, b / m if m > 0 else 1)) / 2
    r["jsd"] = integral(jsd_f)
    r["total_variation"] = integral(lambda x: abs(P.pdf(x) - Q.pdf(x))) / 2
    r["bhattacharyya"] = integral(lambda x: mp.sqrt(P.pdf(x) * Q.pdf(x)))
    r["hellinger"] = mp.sqrt(integral(lambda x: (mp.sqrt(P.pdf(x)) - mp.sqrt(Q.pdf(x))) ** 2) / 2)
    if "wasserstein_1" in infinite:
        r["wasserstein_1"] = INF
    else:
        mid = (lo + hi) / 2
        r["wasserstein_1"] = integral(lambda x: abs(P.cdf(x) - Q.cdf(x)) if x < mid else abs(P.sf(x) - Q.sf(x)))
    out = {}
    for k, v in r.items():
        out[k] = v if v == INF else float(v)
    return out


N = lambda m, s, w=1.0: comp("normal", w, mean=m, scale=s)
L = lambda m, s, w=1.0: comp("laplace", w, mean=m, scale=s)
T = lambda m, s, df, w=1.0: comp("student_t", w, mean=m, scale=s, df=df)
U = lambda a, b, w=1.0: comp("uniform", w, low=a, high=b)

CASES = [
    # name, P, Q, quantities that are ∞ (and why)
    ("bimodal_vs_normal", [N(-2, 0.6, 0.5), N(2, 0.6, 0.5)], [N(0, 1)], []),
    ("normal_vs_normal", [N(0.3, 1.2)], [N(-1, 0.7)], []),
    ("nearly_identical_normals", [N(0, 1)], [N(1e-4, 1)], []),
    ("laplace_vs_normal", [L(0.5, 1.0)], [N(0, 1.5)], []),
    ("laplace_vs_laplace", [L(0, 1)], [L(1, 2)], []),
    ("t3_vs_normal", [T(0, 1, 3)], [N(0, 1)], []),                       # E_t3[x²] finite
    ("t2_vs_normal", [T(0, 1, 2)], [N(0, 1)], ["kl_pq"]),                # tails: E_t2[x²] = ∞
    ("t1_vs_laplace", [T(0, 1, 1)], [L(0, 1)], ["kl_pq", "wasserstein_1"]),  # E|x| = ∞; 1−F ~ 1/x
    ("t1.5_vs_laplace", [T(0, 1, 1.5)], [L(0, 1)], []),
    ("cauchy_vs_normal", [T(0, 1, 1)], [N(0, 1)], ["kl_pq", "wasserstein_1"]),
    ("cauchy_shift", [T(0, 1, 1)], [T(2.5, 1, 1)], []),                   # W₁ = 2.5 exactly
    ("cauchy_scale", [T(0, 1, 1)], [T(0, 3, 1)], ["wasserstein_1"]),     # coefficients 1 ≠ 3
    ("t_heavy_vs_t", [T(0, 1, 0.7)], [T(1, 2, 4)], ["wasserstein_1"]),
    ("uniform_in_uniform", [U(0, 1)], [U(-1, 2)], ["kl_qp"]),             # support: P = 0 on [−1,0]
    ("uniforms_disjoint", [U(0, 1)], [U(3, 5)], ["kl_pq", "kl_qp"]),
    ("uniform_union_cover", [U(0, 2)], [U(0, 1), U(1, 2, 3.0)], []),
    ("uniform_vs_normal", [U(-1, 1.5)], [N(0, 1)], ["kl_qp"]),
    ("mixed_4v4", [N(-3, 0.8, 0.3), L(0, 0.5, 0.2), T(2, 1, 5, 0.3), U(4, 6, 0.2)],
                  [N(-2, 1.5, 0.4), N(1, 0.7, 0.3), L(3, 1.0, 0.2), T(0, 2, 3, 0.1)], []),  # −log q, −log p grow like log|x|
    ("normals_4v4", [N(-3, 0.8, 0.3), N(-0.5, 0.5, 0.2), N(2, 1, 0.3), N(4.5, 0.6, 0.2)],
                    [N(-2, 1.5, 0.4), N(1, 0.7, 0.3), N(3, 1.0, 0.2), N(0, 2, 0.1)], []),
]

if __name__ == "__main__":
    cases = []
    for name, p, q, inf in CASES:
        sys.stderr.write(name + "\n")
        cases.append({"name": name, "p": p, "q": q, "nats": measures(p, q, inf)})
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "continuous.json"), "w") as f:
        json.dump({"generator": "gen_continuous.py (mpmath %s, 30 digits, tanh-sinh)" % mp.__version__,
                   "cases": cases}, f, indent=1)

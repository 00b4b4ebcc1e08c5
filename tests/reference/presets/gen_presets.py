#!/usr/bin/python3
"""Reference metrics for every preset in assets/presets/, computed independently of divlab.

Discrete: exact sums in mpmath (60 digits), cross-checked against scipy.stats / scipy.spatial.
Continuous: mpmath.quad over the whole real line (40 digits), split at every component's centre,
scale multiples, uniform endpoints and at the points where p = q or F_P = F_Q (so |.| integrands
have no kinks inside a piece), cross-checked against closed forms where they exist and against
scipy.integrate.quad. Infinities are decided by analysis (support containment and tail orders),
never by a large number from integration.

Joint tables (assets/presets/joint/, SPEC §5): exact sums in mpmath (60 digits) from the definitions,
cross-checked against scipy.stats.entropy and the G-test statistic of scipy.stats.chi2_contingency (= 2·N·I).

Usage (Debian's python3, which has python3-scipy and python3-mpmath): /usr/bin/python3 gen_presets.py [PRESET_DIR] > expected.json
and /usr/bin/python3 gen_presets.py ../../../assets/presets/joint > joint_expected.json
"""
import glob
import json
import math
import os
import sys

import mpmath as mp
import numpy as np
from scipy import integrate, spatial, stats

KEYS = ["entropy_p", "entropy_q", "cross_entropy_pq", "cross_entropy_qp", "kl_pq", "kl_qp", "jsd",
        "js_distance", "wasserstein_1", "total_variation", "hellinger", "bhattacharyya",
        "perplexity_p", "perplexity_q", "perplexity_pq", "perplexity_qp"]
INF = mp.inf


def xlogy(a, b):
    """a·log b with 0·log 0 = 0."""
    return mp.mpf(0) if a == 0 else a * mp.log(b)


# ---------------------------------------------------------------------------------------- discrete
def discrete(p_raw, q_raw, x):
    mp.mp.dps = 60
    p = [mp.mpf(v) for v in p_raw]
    q = [mp.mpf(v) for v in q_raw]
    sp, sq = sum(p), sum(q)
    p = [v / sp for v in p]
    q = [v / sq for v in q]
    m = [(a + b) / 2 for a, b in zip(p, q)]
    h_p = -sum(xlogy(a, a) for a in p)
    h_q = -sum(xlogy(b, b) for b in q)
    ce_pq = INF if any(a > 0 and b == 0 for a, b in zip(p, q)) else -sum(xlogy(a, b) for a, b in zip(p, q))
    ce_qp = INF if any(b > 0 and a == 0 for a, b in zip(p, q)) else -sum(xlogy(b, a) for a, b in zip(p, q))
    kl_pq = INF if ce_pq == INF else sum(a * (mp.log(a) - mp.log(b)) for a, b in zip(p, q) if a > 0)
    kl_qp = INF if ce_qp == INF else sum(b * (mp.log(b) - mp.log(a)) for a, b in zip(p, q) if b > 0)
    jsd = (sum(a * (mp.log(a) - mp.log(c)) for a, c in zip(p, m) if a > 0) +
           sum(b * (mp.log(b) - mp.log(c)) for b, c in zip(q, m) if b > 0)) / 2
    order = sorted(range(len(p)), key=lambda i: x[i])
    w1, fp, fq = mp.mpf(0), mp.mpf(0), mp.mpf(0)
    for k in range(len(order) - 1):
        fp += p[order[k]]
        fq += q[order[k]]
        w1 += abs(fp - fq) * (mp.mpf(x[order[k + 1]]) - mp.mpf(x[order[k]]))
    tv = sum(abs(a - b) for a, b in zip(p, q)) / 2
    bc = sum(mp.sqrt(a * b) for a, b in zip(p, q))
    # 1 − BC = ½ Σ (√p − √q)², without cancellation.
    hel = mp.sqrt(sum((mp.sqrt(a) - mp.sqrt(b)) ** 2 for a, b in zip(p, q)) / 2)
    out = dict(entropy_p=h_p, entropy_q=h_q, cross_entropy_pq=ce_pq, cross_entropy_qp=ce_qp, kl_pq=kl_pq,
               kl_qp=kl_qp, jsd=jsd, wasserstein_1=w1, total_variation=tv, hellinger=hel, bhattacharyya=bc)
    # Independent cross-check with scipy (double precision).
    pf, qf = np.array(p_raw, float) / sum(p_raw), np.array(q_raw, float) / sum(q_raw)
    check(h_p, stats.entropy(pf))
    check(h_q, stats.entropy(qf))
    check(kl_pq, stats.entropy(pf, qf))
    check(kl_qp, stats.entropy(qf, pf))
    check(mp.sqrt(jsd), spatial.distance.jensenshannon(pf, qf))
    check(w1, stats.wasserstein_distance(x, x, pf, qf))
    return out


# -------------------------------------------------------------------------------------- continuous
def comp_pdf(c, x):
    f = c["family"]
    if f == "normal":
        return mp.npdf(x, c["mean"], c["sd"])
    if f == "laplace":
        return mp.exp(-abs(x - c["mean"]) / c["scale"]) / (2 * c["scale"])
    if f == "student_t":
        nu, s = mp.mpf(c["df"]), mp.mpf(c["scale"])
        z = (x - c["mean"]) / s
        return (mp.gamma((nu + 1) / 2) / (mp.sqrt(nu * mp.pi) * mp.gamma(nu / 2) * s) *
                (1 + z * z / nu) ** (-(nu + 1) / 2))
    lo, hi = mp.mpf(c["low"]), mp.mpf(c["high"])
    return 1 / (hi - lo) if lo <= x <= hi else mp.mpf(0)


def comp_cdf(c, x):
    f = c["family"]
    if f == "normal":
        return mp.ncdf(x, c["mean"], c["sd"])
    if f == "laplace":
        z = (x - c["mean"]) / c["scale"]
        return mp.exp(z) / 2 if z < 0 else 1 - mp.exp(-z) / 2
    if f == "student_t":
        nu = mp.mpf(c["df"])
        z = (x - c["mean"]) / c["scale"]
        tail = mp.betainc(nu / 2, mp.mpf(1) / 2, 0, nu / (nu + z * z), regularized=True) / 2
        return 1 - tail if z > 0 else tail
    lo, hi = mp.mpf(c["low"]), mp.mpf(c["high"])
    return mp.mpf(0) if x <= lo else mp.mpf(1) if x >= hi else (x - lo) / (hi - lo)


class Mix:
    def __init__(self, comps):
        total = sum(mp.mpf(c["weight"]) for c in comps)
        self.comps = [(mp.mpf(c["weight"]) / total, c) for c in comps if c["weight"] > 0]

    def pdf(self, x):
        return sum(w * comp_pdf(c, x) for w, c in self.comps)

    def cdf(self, x):
        return sum(w * comp_cdf(c, x) for w, c in self.comps)

    def support(self):
        """A list of intervals whose union is the support (None = the whole line)."""
        if any(c["family"] != "uniform" for _, c in self.comps):
            return None
        return [(c["low"], c["high"]) for _, c in self.comps]

    def points(self):
        pts = []
        for _, c in self.comps:
            if c["family"] == "uniform":
                pts += [c["low"], c["high"]]
            else:
                s = c.get("sd", c.get("scale"))
                pts += [c["mean"] + k * s for k in (-30, -10, -5, -3, -1, 0, 1, 3, 5, 10, 30)]
        return pts

    def tail(self):
        """Heaviest tail: ('bounded',), ('normal', sd), ('laplace', b) or ('t', df)."""
        fams = [c for _, c in self.comps]
        ts = [c["df"] for c in fams if c["family"] == "student_t"]
        if ts:
            return ("t", min(ts))
        ls = [c["scale"] for c in fams if c["family"] == "laplace"]
        if ls:
            return ("laplace", max(ls))
        ns = [c["sd"] for c in fams if c["family"] == "normal"]
        if ns:
            return ("normal", max(ns))
        return ("bounded",)


def inside(a_support, b_support):
    """Is the support of A contained in that of B (intervals; None = ℝ)?"""
    if b_support is None:
        return True
    if a_support is None:
        return False
    # Union of B's intervals, merged.
    merged = []
    for lo, hi in sorted(b_support):
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return all(any(m[0] <= lo and hi <= m[1] for m in merged) for lo, hi in a_support)


def kl_infinite(a, b):
    """Is D(A‖B) = ∞?  By support, or because E_A[−log b] diverges in the tails."""
    if not inside(a.support(), b.support()):
        return "support"
    ta, tb = a.tail(), b.tail()
    if ta[0] == "t":
        # −log b grows like x²/(2σ²) (normal), |x|/s (laplace) or (ν+1) log|x| (t): E_{t_ν}|x|^k < ∞ iff k < ν.
        if tb[0] == "normal" and ta[1] <= 2:
            return "tails"
        if tb[0] == "laplace" and ta[1] <= 1:
            return "tails"
    return None


def w1_infinite(a, b):
    # ∫|F_A − F_B| diverges when one tail has no mean (t with ν ≤ 1) and the other does not cancel it.
    ta, tb = a.tail(), b.tail()
    heavy_a = ta[0] == "t" and ta[1] <= 1
    heavy_b = tb[0] == "t" and tb[1] <= 1
    return heavy_a != heavy_b or (heavy_a and heavy_b and ta[1] != tb[1])


def breakpoints(a, b, g):
    """Sorted pieces' ends for integrating over ℝ, including the sign changes of g."""
    pts = sorted(set(mp.mpf(v) for v in a.points() + b.points()))
    grid = []
    for lo, hi in zip(pts[:-1], pts[1:]):
        grid += [lo + (hi - lo) * k / 40 for k in range(40)]
    grid.append(pts[-1])
    roots = []
    for lo, hi in zip(grid[:-1], grid[1:]):
        glo, ghi = g(lo), g(hi)
        if glo == 0 or ghi == 0 or (glo > 0) == (ghi > 0):
            continue
        # Bisection to full precision (g is continuous within a piece).
        for _ in range(200):
            mid = (lo + hi) / 2
            gm = g(mid)
            if (gm > 0) == (glo > 0):
                lo, glo = mid, gm
            else:
                hi = mid
            if hi - lo < mp.mpf(10) ** (-mp.mp.dps + 5):
                break
        roots.append((lo + hi) / 2)
    return sorted(set(pts + roots))


def integrate_line(f, pts):
    ends = [-INF] + pts + [INF]
    total = mp.mpf(0)
    for lo, hi in zip(ends[:-1], ends[1:]):
        if lo < hi:
            total += mp.quad(f, [lo, hi])
    return total


def continuous(p_comps, q_comps):
    mp.mp.dps = 40
    P, Q = Mix(p_comps), Mix(q_comps)
    pts = breakpoints(P, Q, lambda x: P.pdf(x) - Q.pdf(x))
    cdf_pts = breakpoints(P, Q, lambda x: P.cdf(x) - Q.cdf(x))

    def ent(a):
        return integrate_line(lambda x: -xlogy(a.pdf(x), a.pdf(x)), pts)

    def kl(a, b):
        def f(x):
            pa = a.pdf(x)
            return mp.mpf(0) if pa == 0 else pa * (mp.log(pa) - mp.log(b.pdf(x)))
        return integrate_line(f, pts)

    def half_kl_m(a):
        def f(x):
            pa = a.pdf(x)
            m = (P.pdf(x) + Q.pdf(x)) / 2
            return mp.mpf(0) if pa == 0 else pa * (mp.log(pa) - mp.log(m))
        return integrate_line(f, pts) / 2

    h_p, h_q = ent(P), ent(Q)
    inf_pq, inf_qp = kl_infinite(P, Q), kl_infinite(Q, P)
    kl_pq = INF if inf_pq else kl(P, Q)
    kl_qp = INF if inf_qp else kl(Q, P)
    jsd = half_kl_m(P) + half_kl_m(Q)
    tv = integrate_line(lambda x: abs(P.pdf(x) - Q.pdf(x)), pts) / 2
    # 1 − BC = ½∫(√p − √q)², without cancellation.
    one_minus_bc = integrate_line(lambda x: (mp.sqrt(P.pdf(x)) - mp.sqrt(Q.pdf(x))) ** 2, pts) / 2
    w1 = INF if w1_infinite(P, Q) else integrate_line(lambda x: abs(P.cdf(x) - Q.cdf(x)), cdf_pts)
    out = dict(entropy_p=h_p, entropy_q=h_q, cross_entropy_pq=h_p + kl_pq, cross_entropy_qp=h_q + kl_qp,
               kl_pq=kl_pq, kl_qp=kl_qp, jsd=jsd, wasserstein_1=w1, total_variation=tv,
               hellinger=mp.sqrt(one_minus_bc), bhattacharyya=1 - one_minus_bc)
    # Cross-checks: closed-form entropies of single components, and scipy's quad for the finite ones.
    for mix, h in ((P, h_p), (Q, h_q)):
        if len(mix.comps) == 1:
            c = mix.comps[0][1]
            dist = {"normal": lambda: stats.norm(c["mean"], c["sd"]),
                    "laplace": lambda: stats.laplace(c["mean"], c["scale"]),
                    "student_t": lambda: stats.t(c["df"], c["mean"], c["scale"]),
                    "uniform": lambda: stats.uniform(c["low"], c["high"] - c["low"])}[c["family"]]()
            check(h, dist.entropy(), tol=1e-9)
    fp = lambda x: float(P.pdf(mp.mpf(x)))
    fq = lambda x: float(Q.pdf(mp.mpf(x)))
    lo, hi = float(min(pts)), float(max(pts))
    g = lambda x: abs(fp(x) - fq(x))
    sc_tv = 0.5 * (integrate.quad(g, -np.inf, lo, epsabs=1e-13)[0] +
                   integrate.quad(g, lo, hi, points=[float(v) for v in pts][:50], limit=500, epsabs=1e-13)[0] +
                   integrate.quad(g, hi, np.inf, epsabs=1e-13)[0])
    check(tv, sc_tv, tol=1e-7)
    return out


# ------------------------------------------------------------------------------------------- joint
JOINT_KEYS = ["entropy_x", "entropy_y", "joint_entropy", "conditional_entropy_x_given_y",
              "conditional_entropy_y_given_x", "mutual_information", "variation_of_information"]


def joint(rows):
    """SPEC §5 from the definitions, in nats, exact at 60 digits; cross-checked against scipy."""
    mp.mp.dps = 60
    m = [[mp.mpf(v) for v in row] for row in rows]
    total = sum(sum(row) for row in m)
    p = [[v / total for v in row] for row in m]
    px = [sum(row) for row in p]
    py = [sum(col) for col in zip(*p)]
    h_x = -sum(xlogy(a, a) for a in px)
    h_y = -sum(xlogy(b, b) for b in py)
    h_xy = -sum(xlogy(v, v) for row in p for v in row)
    mi = sum(v * mp.log(v / (px[i] * py[j])) for i, row in enumerate(p) for j, v in enumerate(row) if v > 0)
    out = dict(entropy_x=h_x, entropy_y=h_y, joint_entropy=h_xy, conditional_entropy_x_given_y=h_xy - h_y,
               conditional_entropy_y_given_x=h_xy - h_x, mutual_information=mi,
               variation_of_information=2 * h_xy - h_x - h_y)
    # Independent cross-checks in double precision: scipy's entropies, and the G-test statistic of
    # the table scaled to counts, G = 2·N·I (N = Σ counts).
    flat = np.array(rows, float)
    check(h_x, stats.entropy(flat.sum(axis=1)))
    check(h_y, stats.entropy(flat.sum(axis=0)))
    check(h_xy, stats.entropy(flat.ravel()))
    if flat.shape[0] > 1 and flat.shape[1] > 1 and (flat.sum(axis=0) > 0).all() and (flat.sum(axis=1) > 0).all():
        n = 1000.0
        g = stats.chi2_contingency(flat / flat.sum() * n, correction=False, lambda_="log-likelihood")[0]
        check(mi, g / (2 * n))
    return out


def check(exact, approx, tol=1e-10):
    exact = float(exact)
    if math.isinf(exact) or math.isinf(approx):
        assert exact == approx, (exact, approx)
        return
    assert abs(exact - approx) <= tol * max(1.0, abs(exact)), (exact, approx)


def metrics(scn):
    base = scn.get("base", "e")
    if scn["kind"] == "joint":
        m = joint(scn["joint"]["mass"])
        ln_b = mp.log(2) if base == "2" else mp.mpf(1)
        return base, {k: float(m[k] / ln_b) for k in JOINT_KEYS}
    if scn["kind"] == "discrete":
        n = len(scn["p"]["mass"])
        x = scn.get("support", {}).get("x", list(range(n)))
        m = discrete(scn["p"]["mass"], scn["q"]["mass"], x)
    else:
        m = continuous(scn["p"]["components"], scn["q"]["components"])
    ln_b = mp.log(2) if base == "2" else mp.mpf(1)
    out = {}
    for key in ("entropy_p", "entropy_q", "cross_entropy_pq", "cross_entropy_qp", "kl_pq", "kl_qp", "jsd"):
        out[key] = m[key] / ln_b
    out["js_distance"] = mp.sqrt(out["jsd"])
    for key in ("wasserstein_1", "total_variation", "hellinger", "bhattacharyya"):
        out[key] = m[key]
    # Perplexities are base-independent: e^(H in nats).
    out["perplexity_p"] = mp.exp(m["entropy_p"])
    out["perplexity_q"] = mp.exp(m["entropy_q"])
    out["perplexity_pq"] = mp.exp(m["cross_entropy_pq"])
    out["perplexity_qp"] = mp.exp(m["cross_entropy_qp"])
    return base, {k: ("inf" if out[k] == INF else float(out[k])) for k in KEYS}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    preset_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "..", "assets", "presets")
    result = {}
    for path in sorted(glob.glob(os.path.join(preset_dir, "*.json"))):
        with open(path, encoding="utf-8") as f:
            scn = json.load(f)
        base, values = metrics(scn)
        result[os.path.basename(path)] = {"base": base, "metrics": values}
        print(os.path.basename(path), file=sys.stderr)
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

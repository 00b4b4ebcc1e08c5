#!/usr/bin/python3
"""Closed-form references for heavy tails (tests/core/measures/measures_continuous_test.cpp), from scipy:
  D(t_ν ‖ N(0,1))       = −H(t_ν) + ½ log 2π + ½ E[x²],  E[x²] = ν/(ν−2)            (ν > 2)
  D(t_ν ‖ Laplace(0,1)) = −H(t_ν) + log 2 + E|x|,  E|x| = 2√ν Γ((ν+1)/2) / (√π (ν−1) Γ(ν/2))  (ν > 1)
  H(t_ν) = scipy.stats.t(ν).entropy().  These decay like x^−(ν−1) resp. x^−ν: the hardest tails.
Also: Student-t with df up to 1e300 (closed forms in mpmath), and whole quadrature references for the
edge cases of issue 11 (gen_continuous.measures). Run: /usr/bin/python3 gen_heavy_tails.py"""
import json, math, os
from scipy import stats
from scipy.special import gammaln

cases = []
for nu in (2.02, 2.05, 2.2, 3.0, 7.5):
    cases.append({"df": nu, "q": "normal", "kl_pq": -stats.t(nu).entropy() + 0.5 * math.log(2 * math.pi) + 0.5 * nu / (nu - 2)})
for nu in (1.02, 1.05, 1.2, 1.8, 4.0):
    ea = 2 * math.sqrt(nu) * math.exp(gammaln((nu + 1) / 2) - gammaln(nu / 2)) / (math.sqrt(math.pi) * (nu - 1))
    cases.append({"df": nu, "q": "laplace", "kl_pq": -stats.t(nu).entropy() + math.log(2) + ea})
for nu in (0.3, 0.5, 1.0, 2.05, 10.0):
    cases.append({"df": nu, "q": "none", "entropy_p": float(stats.t(nu).entropy())})

# Student-t with large df (t approaches the normal), in mpmath at 40 + log10(ν) digits, so that
# Γ((ν+1)/2)/Γ(ν/2) and ψ keep every digit for ν up to 1e300:
#   H(t_ν) = (ν+1)/2·[ψ((ν+1)/2) − ψ(ν/2)] + log(√ν·B(ν/2, ½)),  D(t_ν‖N(0,1)) as above (ν > 2).
import mpmath as mp
large_df = []
for nu in (30, 2000, 3000, 1e4, 1e5, 1e8, 1e12, 1e20, 1e50, 1e100, 1e200, 1e300):
    with mp.workdps(40 + int(math.log10(nu))):
        n = mp.mpf(nu)
        h = (n + 1) / 2 * (mp.digamma((n + 1) / 2) - mp.digamma(n / 2)) + mp.log(mp.sqrt(n)) + \
            mp.loggamma(n / 2) + mp.loggamma(mp.mpf(1) / 2) - mp.loggamma((n + 1) / 2)
        kl = -h + mp.log(2 * mp.pi) / 2 + n / (2 * (n - 2))
        large_df.append({"df": nu, "entropy_p": float(h), "kl_pq": float(kl)})

# Every quantity by quadrature where the examples broke. Student-t against N(0,1) for large ν
# (D(t₂₀₀₀‖N) came out 1e98, W₁ 3e93): scipy.integrate.quad of the pointwise terms from scipy.stats'
# logpdf/cdf/sf (its t with large df is accurate; mpmath's betainc at a = ν/2 ~ 1e3 is too slow for a
# quadrature of W₁), split at 0, ±2, ±6, ±12, ±40. A Laplace inside a Laplace 1e4 times wider (H and
# BC off by 1e-3) and normals of scale ratio 1e4 or 1e4 apart: gen_continuous.measures (mpmath).
import gen_continuous as gc
from scipy import integrate


def t_vs_normal(nu, loc, scale):
    P, Q = stats.t(nu, loc, scale), stats.norm(0, 1)
    pts = sorted({loc + k * scale for k in (-40, -12, -6, -2, 0, 2, 6, 12, 40)} | {-40, -12, -6, -2, 0, 2, 6, 12, 40})
    span = [-math.inf] + pts + [math.inf]

    def quad(f):
        return sum(integrate.quad(f, a, b, epsabs=1e-15, epsrel=1e-13, limit=400)[0] for a, b in zip(span, span[1:]))

    def terms(x):
        lp, lq = P.logpdf(x), Q.logpdf(x)
        return math.exp(lp), lp, math.exp(lq), lq
    def kl(x, swap):
        p, lp, q, lq = terms(x)
        if swap: p, lp, q, lq = q, lq, p, lp
        return p * (lp - lq) - p + q if p > 0 else q
    def jsd(x):
        p, lp, q, lq = terms(x)
        m = 0.5 * (p + q)
        return 0.5 * ((p * (lp - math.log(m)) if p > 0 else 0) + (q * (lq - math.log(m)) if q > 0 else 0)) if m > 0 else 0
    mid = 0.5 * (loc + 0)
    r = {"entropy_p": float(P.entropy()), "entropy_q": float(Q.entropy()),
         "kl_pq": quad(lambda x: kl(x, False)), "kl_qp": quad(lambda x: kl(x, True)), "jsd": quad(jsd),
         "total_variation": 0.5 * quad(lambda x: abs(P.pdf(x) - Q.pdf(x))),
         "bhattacharyya": quad(lambda x: math.sqrt(P.pdf(x) * Q.pdf(x))),
         "wasserstein_1": quad(lambda x: abs(P.cdf(x) - Q.cdf(x)) if x < mid else abs(P.sf(x) - Q.sf(x)))}
    r["hellinger"] = math.sqrt(0.5 * quad(lambda x: (math.sqrt(P.pdf(x)) - math.sqrt(Q.pdf(x))) ** 2))
    return r


quad = []
for name, nu, loc, scale in [("t30_vs_normal", 30, 0, 1), ("t2000_vs_normal", 2000, 0, 1),
                             ("t3000_vs_normal", 3000, 0, 1), ("t1e5_vs_normal", 1e5, 0, 1),
                             ("t2000_shifted_vs_normal", 2000, 0.5, 2)]:
    quad.append({"name": name, "p": [gc.T(loc, scale, nu)], "q": [gc.N(0, 1)], "nats": t_vs_normal(nu, loc, scale)})
for name, p, q in [
        ("laplace_wide_vs_narrow", [gc.L(0, 1e4)], [gc.L(0, 1)]),
        ("normal_narrow_in_wide", [gc.N(0, 1)], [gc.N(0, 1e4)]),
        ("normals_far_apart", [gc.N(0, 1)], [gc.N(1e4, 1)])]:
    quad.append({"name": name, "p": p, "q": q, "nats": gc.measures(p, q, [])})

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "heavy_tails.json"), "w") as f:
    json.dump({"generator": "gen_heavy_tails.py (scipy %s, mpmath %s)" % (__import__("scipy").__version__, mp.__version__),
               "cases": cases, "large_df": large_df, "quadrature": quad}, f, indent=1)

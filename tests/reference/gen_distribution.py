#!/usr/bin/python3
"""Reference pdf / log-pdf / cdf values for tests/core/distributions/distribution_test.cpp, from scipy.stats
(and mpmath at 50 digits for far-tail log-densities). Run: /usr/bin/python3 gen_distribution.py"""
import json, math, os
import mpmath as mp
from scipy import stats

mp.mp.dps = 50

# Components as the C++ side spells them.
COMPONENTS = [
    {"family": "normal", "mean": 1.0, "scale": 2.0},
    {"family": "laplace", "mean": -0.5, "scale": 0.7},
    {"family": "student_t", "mean": 1.0, "scale": 2.0, "df": 3.0},
    {"family": "student_t", "mean": 0.0, "scale": 1.0, "df": 0.5},
    {"family": "uniform", "low": -1.0, "high": 2.5},
]
XS = [-300.0, -3.0, -0.75, 0.0, 0.3, 1.0, 2.4, 7.5, 1e6]


def frozen(c):
    f = c["family"]
    if f == "normal": return stats.norm(c["mean"], c["scale"])
    if f == "laplace": return stats.laplace(c["mean"], c["scale"])
    if f == "student_t": return stats.t(c["df"], loc=c["mean"], scale=c["scale"])
    return stats.uniform(c["low"], c["high"] - c["low"])


def mp_logpdf(c, x):
    x = mp.mpf(x)
    f = c["family"]
    if f == "normal":
        z = (x - c["mean"]) / mp.mpf(c["scale"])
        return -z * z / 2 - mp.log(c["scale"]) - mp.log(2 * mp.pi) / 2
    if f == "laplace":
        return -abs(x - c["mean"]) / mp.mpf(c["scale"]) - mp.log(2 * mp.mpf(c["scale"]))
    if f == "student_t":
        nu = mp.mpf(c["df"]); z = (x - c["mean"]) / mp.mpf(c["scale"])
        return (mp.loggamma((nu + 1) / 2) - mp.loggamma(nu / 2) - mp.log(nu * mp.pi) / 2
                - mp.log(c["scale"]) - (nu + 1) / 2 * mp.log(1 + z * z / nu))
    if c["low"] <= x <= c["high"]:
        return -mp.log(mp.mpf(c["high"]) - c["low"])
    return -mp.inf


def num(v):
    v = float(v)
    return "-inf" if v == -math.inf else ("inf" if v == math.inf else v)


cases = []
for c in COMPONENTS:
    d = frozen(c)
    for x in XS:
        cases.append({"component": c, "x": x, "pdf": float(d.pdf(x)), "cdf": float(d.cdf(x)),
                      "log_pdf": num(mp_logpdf(c, x))})

# A mixture: log-sum-exp of the components' log-densities at 50 digits.
MIX = [dict(COMPONENTS[0], weight=2.0), dict(COMPONENTS[1], weight=1.0), dict(COMPONENTS[4], weight=1.0)]
mix_cases = []
for x in XS:
    w = [m["weight"] for m in MIX]
    terms = [mp.log(wi / sum(w)) + mp_logpdf(m, x) for wi, m in zip(w, MIX)]
    lse = mp.log(sum(mp.exp(t) for t in terms if t != -mp.inf))
    cdf = sum(wi / sum(w) * frozen(m).cdf(x) for wi, m in zip(w, MIX))
    mix_cases.append({"x": x, "log_pdf": float(lse), "pdf": float(mp.exp(lse)), "cdf": float(cdf)})

out = {"generator": "gen_distribution.py (scipy %s, mpmath %s)" % (stats.__name__ and __import__("scipy").__version__, mp.__version__),
       "components": cases, "mixture": {"components": MIX, "cases": mix_cases}}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "distribution.json"), "w") as f:
    json.dump(out, f, indent=1)

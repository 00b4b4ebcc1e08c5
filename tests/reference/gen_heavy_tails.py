#!/usr/bin/python3
"""Closed-form references for heavy tails (tests/core/measures/measures_continuous_test.cpp), from scipy:
  D(t_ν ‖ N(0,1))       = −H(t_ν) + ½ log 2π + ½ E[x²],  E[x²] = ν/(ν−2)            (ν > 2)
  D(t_ν ‖ Laplace(0,1)) = −H(t_ν) + log 2 + E|x|,  E|x| = 2√ν Γ((ν+1)/2) / (√π (ν−1) Γ(ν/2))  (ν > 1)
  H(t_ν) = scipy.stats.t(ν).entropy().  These decay like x^−(ν−1) resp. x^−ν: the hardest tails.
Run: /usr/bin/python3 gen_heavy_tails.py"""
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
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "heavy_tails.json"), "w") as f:
    json.dump({"generator": "gen_heavy_tails.py (scipy %s)" % __import__("scipy").__version__, "cases": cases}, f, indent=1)

#!/usr/bin/python3
"""Reference values for tests/core/measures/measures_discrete_test.cpp, computed with mpmath at 80 digits
from the exact binary values of the inputs (normalised exactly). Run: /usr/bin/python3 gen_discrete.py"""
import json, os, random, sys
import mpmath as mp

mp.mp.dps = 80
DBL_MAX = sys.float_info.max
DENORM_MIN = 5e-324


def measures(p, q, x):
    P = [mp.mpf(v) for v in p]; Q = [mp.mpf(v) for v in q]
    sp, sq = mp.fsum(P), mp.fsum(Q)
    P = [v / sp for v in P]; Q = [v / sq for v in Q]
    inf = mp.inf

    def xlogy(a, b):  # a·log b with 0·log 0 = 0 and a > 0 = b → −∞
        if a == 0: return mp.mpf(0)
        if b == 0: return -inf
        return a * mp.log(b)

    H = lambda A: -mp.fsum(xlogy(a, a) for a in A)
    X = lambda A, B: -mp.fsum(xlogy(a, b) for a, b in zip(A, B))
    def KL(A, B):
        if any(a > 0 and b == 0 for a, b in zip(A, B)): return inf
        return mp.fsum(a * (mp.log(a) - mp.log(b)) for a, b in zip(A, B) if a > 0)
    M = [(a + b) / 2 for a, b in zip(P, Q)]
    jsd = (KL(P, M) + KL(Q, M)) / 2
    order = sorted(range(len(P)), key=lambda i: x[i])
    w1, fp, fq = mp.mpf(0), mp.mpf(0), mp.mpf(0)
    for k in range(len(order) - 1):
        i = order[k]; fp += P[i]; fq += Q[i]
        w1 += abs(fp - fq) * (mp.mpf(x[order[k + 1]]) - x[i])
    bc = mp.fsum(mp.sqrt(a * b) for a, b in zip(P, Q))
    # H² = ½Σ(√p−√q)² (= 1 − BC exactly for normalised P, Q; this form keeps all 80 digits)
    hel = mp.sqrt(mp.fsum((mp.sqrt(a) - mp.sqrt(b)) ** 2 for a, b in zip(P, Q)) / 2)
    r = {"entropy_p": H(P), "entropy_q": H(Q), "cross_entropy_pq": X(P, Q), "cross_entropy_qp": X(Q, P),
         "kl_pq": KL(P, Q), "kl_qp": KL(Q, P), "jsd": jsd, "js_distance": mp.sqrt(jsd),
         "wasserstein_1": w1, "total_variation": mp.fsum(abs(a - b) for a, b in zip(P, Q)) / 2,
         "hellinger": hel, "bhattacharyya": bc}
    for k, src in (("perplexity_p", "entropy_p"), ("perplexity_q", "entropy_q"),
                   ("perplexity_pq", "cross_entropy_pq"), ("perplexity_qp", "cross_entropy_qp")):
        r[k] = mp.exp(r[src])
    out = {}
    for k, v in r.items():
        f = float(v)
        out[k] = "inf" if f == float("inf") else f
    return out


def case(name, p, q, x=None, labels=None):
    c = {"name": name, "p": p, "q": q}
    if x is not None: c["x"] = x
    if labels is not None: c["labels"] = labels
    c["nats"] = measures(p, q, x if x is not None else list(range(len(p))))
    return c


rng = random.Random(20261121)
cases = [
    case("coin", [0.5, 0.5], [0.99, 0.01], labels=["heads", "tails"]),
    case("label_smoothing", [0, 0, 1, 0], [0.05, 0.05, 0.85, 0.05]),
    case("unnormalised", [3, 1, 0, 6], [1, 1, 1, 1]),
    case("disjoint", [1, 0], [0, 1], labels=["left", "right"]),
    case("zeros_both", [0, 0.3, 0, 0.7, 0], [0, 0.7, 0.3, 0, 0]),
    case("n1", [5.0], [2.0]),
    case("tiny_1e-300", [1.0, 1e-300], [1e-300, 1.0]),
    case("tiny_mixed", [0.25, 1e-300, 0.75, 1e-200], [1e-300, 0.5, 1e-250, 0.5]),
    case("subnormal", [1.0, DENORM_MIN, 3e-320, 2e-310], [2e-310, 1.0, DENORM_MIN, 1e-300]),
    case("all_subnormal", [3 * DENORM_MIN, DENORM_MIN], [DENORM_MIN, 5e-320]),
    case("near_dbl_max", [DBL_MAX, DBL_MAX / 3, 1.0], [1.0, DBL_MAX / 2, DBL_MAX]),
    case("dbl_max_vs_tiny", [DBL_MAX, DBL_MAX], [1e-300, 3e-300]),
    # 1e-300 next to DBL_MAX normalises to 5.6e-609, below the double range: still a positive mass.
    case("beyond_double_range", [1.0, 1.0], [DBL_MAX, 1e-300]),
    # The smallest subnormal against 0, N = 8 (the vector kernel's width): m = s/2 rounds to 0.
    case("subnormal_vs_zero_n8", [1.0, DENORM_MIN] + [0.0] * 6, [1.0] + [0.0] * 7),
    case("nearly_identical", [0.5 + 1e-9, 0.5 - 1e-9], [0.5, 0.5]),
    case("nearly_identical_1e-15", [0.5 + 2**-50, 0.5 - 2**-50], [0.5, 0.5]),
    case("identical", [0.1, 0.2, 0.7], [0.1, 0.2, 0.7]),
    case("unsorted_x", [0.1, 0.4, 0.2, 0.3], [0.3, 0.1, 0.5, 0.1], x=[3.0, -1.0, 2.5, 10.0]),
    case("duplicate_x", [0.5, 0.25, 0.25], [0.25, 0.5, 0.25], x=[1.0, 0.0, 1.0]),
]
# Random perturbations of one distribution (relative 1e-5) over 200 bins: small, exact divergences.
base = [rng.random() for _ in range(200)]
cases.append(case("perturbed_1e-5", base, [b * (1 + 1e-5 * (2 * rng.random() - 1)) for b in base]))
# Random sparse pairs with unsorted positions.
for k in range(3):
    n = [7, 60, 500][k]
    p = [rng.random() if rng.random() > 0.2 else 0.0 for _ in range(n)]
    q = [rng.random() ** 4 if rng.random() > 0.2 else 0.0 for _ in range(n)]
    p[0] = max(p[0], 0.1); q[1] = max(q[1], 0.1)
    x = [rng.uniform(-50, 50) for _ in range(n)]
    cases.append(case("random_sparse_%d" % n, p, q, x=x))
# Dense random with wildly different scales (log-uniform masses over 600 decades).
p = [10 ** rng.uniform(-300, 0) for _ in range(100)]
q = [10 ** rng.uniform(-300, 0) for _ in range(100)]
cases.append(case("log_uniform_masses", p, q))

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "discrete.json"), "w") as f:
    json.dump({"generator": "gen_discrete.py (mpmath %s, 80 digits)" % mp.__version__, "cases": cases}, f, indent=1)

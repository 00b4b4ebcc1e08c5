#!/usr/bin/python3
"""Reference values for tests/core/measures/joint_test.cpp: the quantities of SPEC §5 for joint tables,
computed with mpmath at 60 digits from the exact binary values of the input doubles (normalised in
mpmath), in nats and in bits, with the marginals and the pointwise mutual information of small tables.

Every quantity is computed from its definition, independently of the C++ formulas:
  H(X) = −Σ pᵢ· log pᵢ·, H(Y) likewise, H(X,Y) = −Σ pᵢⱼ log pᵢⱼ,
  H(X|Y) = H(X,Y) − H(Y), H(Y|X) = H(X,Y) − H(X)   (exact at 60 digits: no cancellation to fear here),
  I(X;Y) = Σ pᵢⱼ log(pᵢⱼ / (pᵢ· p·ⱼ)), VI = H(X|Y) + H(Y|X),
and cross-checked: I = H(X) + H(Y) − H(X,Y) to 40 digits.

Run: /usr/bin/python3 gen_joint.py > joint.json"""
import json
import random
import sys

import mpmath as mp

mp.mp.dps = 60
DBL_MAX = sys.float_info.max
DENORM_MIN = 5e-324
KEYS = ["entropy_x", "entropy_y", "joint_entropy", "conditional_entropy_x_given_y",
        "conditional_entropy_y_given_x", "mutual_information", "variation_of_information"]


def xlogx(a):
    return mp.mpf(0) if a == 0 else a * mp.log(a)


def measures(rows):
    R, C = len(rows), len(rows[0])
    m = [[mp.mpf(v) for v in row] for row in rows]  # the doubles' exact values
    total = mp.fsum(mp.fsum(row) for row in m)
    p = [[v / total for v in row] for row in m]
    px = [mp.fsum(row) for row in p]
    py = [mp.fsum(p[i][j] for i in range(R)) for j in range(C)]
    hx = -mp.fsum(xlogx(a) for a in px)
    hy = -mp.fsum(xlogx(b) for b in py)
    hxy = -mp.fsum(xlogx(v) for row in p for v in row)
    mi = mp.fsum(p[i][j] * (mp.log(p[i][j]) - mp.log(px[i]) - mp.log(py[j]))
                 for i in range(R) for j in range(C) if p[i][j] > 0)
    assert abs(mi - (hx + hy - hxy)) <= mp.mpf(10) ** -40 * max(1, abs(hxy)), (mi, hx + hy - hxy)
    assert mi >= 0
    nats = {"entropy_x": hx, "entropy_y": hy, "joint_entropy": hxy,
            "conditional_entropy_x_given_y": hxy - hy, "conditional_entropy_y_given_x": hxy - hx,
            "mutual_information": mi, "variation_of_information": 2 * hxy - hx - hy}
    out = {"nats": {k: float(nats[k]) for k in KEYS},
           "bits": {k: float(nats[k] / mp.log(2)) for k in KEYS}}
    if R * C <= 64:  # marginals and pmi of small tables
        out["px"] = [float(a) for a in px]
        out["py"] = [float(b) for b in py]
        # pmi in nats: a number, "-inf" where pᵢⱼ = 0 < pᵢ·p·ⱼ, null where a marginal is 0.
        out["pmi"] = [[None if px[i] == 0 or py[j] == 0 else "-inf" if p[i][j] == 0 else
                       float(mp.log(p[i][j]) - mp.log(px[i]) - mp.log(py[j])) for j in range(C)]
                      for i in range(R)]
    return out


cases = []


def case(name, rows):
    assert all(len(r) == len(rows[0]) for r in rows) and any(v > 0 for r in rows for v in r)
    c = {"name": name, "mass": rows}
    c.update(measures(rows))
    cases.append(c)
    print(name, file=sys.stderr)


def outer(a, b):
    return [[x * y for y in b] for x in a]  # products of doubles, rounded as C++ would


rng = random.Random(20261203)
# Independent tables: outer products of doubles (I is tiny but not 0: the products are rounded).
case("independent 2x2 (0.56, 0.14; 0.24, 0.06)", [[0.56, 0.14], [0.24, 0.06]])
case("independent 3x4 outer product", outer([0.2, 0.5, 0.3], [0.1, 0.2, 0.3, 0.4]))
case("independent 10x7 random outer product", outer([rng.random() for _ in range(10)], [rng.random() for _ in range(7)]))
case("independent 5x5 with tiny marginals", outer([1e-300, 1, 2, 1e-200, 3], [1e-150, 1, 1e-10, 4, 5]))
# Near-independent: an outer product nudged by 1e-7 in one cell (I ≈ 1e-15, far below H's rounding).
t = outer([0.2, 0.5, 0.3], [0.25, 0.25, 0.5])
t[1][2] *= 1 + 1e-7
case("near-independent 3x3 nudged 1e-7", t)
# Y = X: a diagonal table, I = H(X) = H(Y) = H(X,Y), H(X|Y) = H(Y|X) = 0.
case("Y = X diagonal 4x4", [[0.1 if i == j == 0 else 0.2 if i == j == 1 else 0.3 if i == j == 2 else
                              0.4 if i == j == 3 else 0 for j in range(4)] for i in range(4)])
d = [rng.random() for _ in range(20)]
case("Y = X diagonal 20x20 random", [[d[i] if i == j else 0 for j in range(20)] for i in range(20)])
case("Y = X permuted 5x5", [[1 if j == (3 * i + 1) % 5 else 0 for j in range(5)] for i in range(5)])
# Degenerate shapes.
case("1x1", [[2.5]])
case("1x1 subnormal", [[DENORM_MIN]])
case("1xN", [[0.1, 0.2, 0.3, 0.4, 0]])
case("Nx1", [[3], [0], [1e-300], [7]])
case("1xN near DBL_MAX", [[DBL_MAX, DBL_MAX, DBL_MAX / 3]])
# Zeros: empty rows and columns, zero cells.
case("zero row and column", [[1, 0, 2], [0, 0, 0], [3, 0, 4]])
case("checkerboard zeros", [[1, 0, 1, 0], [0, 1, 0, 1], [1, 0, 1, 0], [0, 1, 0, 2]])
# Extreme masses.
case("all 1e-300", [[1e-300, 2e-300, 3e-300], [4e-300, 5e-300, 6e-300]])
case("1e-300 next to 1", [[1, 1e-300], [1e-300, 1]])
case("subnormal cells", [[DENORM_MIN, 1e-310], [3e-320, 2.2250738585072009e-308]])
case("subnormal next to 1", [[1, DENORM_MIN, 0], [DENORM_MIN, 1, 1e-320], [0.5, 0, 1e-315]])
case("near DBL_MAX", [[DBL_MAX, DBL_MAX / 2], [DBL_MAX / 4, DBL_MAX]])
case("DBL_MAX next to 1e-300", [[DBL_MAX, 1e-300], [1e-300, DBL_MAX]])
case("DBL_MAX next to a subnormal", [[DBL_MAX, DENORM_MIN, 1], [DENORM_MIN, 0, DBL_MAX / 7]])
case("a marginal below the double range", [[DBL_MAX, DBL_MAX], [1e-300, 1e-300], [1, 1]])
case("wide dynamic range 6x6",
     [[10 ** rng.uniform(-300, 300) if rng.random() < 0.8 else 0 for _ in range(6)] for _ in range(6)])
# SPEC §5's example and other teaching tables.
case("dynamic range 1e-6..1e6 8x8",
     [[10 ** rng.uniform(-6, 6) if rng.random() < 0.9 else 0 for _ in range(8)] for _ in range(8)])
case("weather x transport", [[30, 10, 5], [5, 20, 30]])
case("noisy binary channel (p = 0.1)", [[0.45, 0.05], [0.05, 0.45]])
# Disjoint-ish sparse tables: block-diagonal with a few stray cells.
case("block diagonal 6x6", [[1 if (i < 3) == (j < 3) else 0 for j in range(6)] for i in range(6)])
case("block diagonal with strays 6x6",
     [[1 if (i < 3) == (j < 3) else (1e-6 if (i, j) in ((0, 5), (4, 1)) else 0) for j in range(6)] for i in range(6)])
case("sparse 12x9 random", [[rng.random() if rng.random() < 0.15 else 0 for _ in range(9)] for _ in range(11)] +
     [[0] * 8 + [1]])
# A random 64x64 table (a quarter of the cells empty).
case("random 64x64", [[0 if rng.random() < 0.25 else rng.random() for _ in range(64)] for _ in range(64)])

json.dump({"generator": "gen_joint.py (mpmath, 60 digits)", "cases": cases}, sys.stdout, indent=1)
sys.stdout.write("\n")

#!/usr/bin/python3
"""Reference values for tests/core/coding/*_test.cpp and tests/cli/code.sh: binary Huffman codes under
SPEC §6's tie rule, their mean lengths, and the entropies and divergences they are compared with, plus
bit strings of the integer arithmetic coder documented in core/include/divlab/coding/arithmetic.hpp.

Written independently of the C++ code:
  * Huffman with a binary heap (heapq) keyed by (weight, creation number): "least weight, then the
    node created earliest", leaves created first in symbol order, every merge numbered after all
    existing nodes; the first node popped gets bit 0. (The C++ code uses two sorted queues.)
  * The weights are the doubles the contract names. The tie rule compares doubles, so the
    reference normalises as core's normalised() is documented to: scale by 2^−e (e = the exponent of
    the largest mass, exact), then multiply by 1/Σ (Σ the correctly rounded sum of the scaled masses;
    exactly 2^k when Σ is a power of two). Every case below is either exactly normalised in any
    rounding (sums that are powers of two) or has no near-ties that one ulp could flip.
  * Entropies, cross-entropies, KL divergences and mean lengths in mpmath at 50 digits from the
    exact normalised probabilities m/Σm (not the doubles), in bits.
  * The arithmetic coder (Witten, Neal & Cleary 1987 with 32-bit low/high and pending bits), with
    the frequencies f(x) = max(1, round(q(x)·T)) for q(x) > 0, T = 2^16 (N ≤ 4096).

The "presets" section holds, for every file of assets/presets/coding/, the object `divlab code --json`
must print (tests/cli/code.sh).

Run: /usr/bin/python3 gen_coding.py > coding.json"""
import glob
import heapq
import json
import math
import os
import random
import sys
from fractions import Fraction

import mpmath as mp

mp.mp.dps = 50


def as_double_probs(mass):
    m = [float(v) for v in mass]
    mx = max(m)
    e = math.frexp(mx)[1] - 1  # ilogb
    scale = math.ldexp(1.0, -e)
    scaled = [v * scale for v in m]
    s = math.fsum(scaled)
    mant, se = math.frexp(s)
    inv = math.ldexp(1.0, 1 - se) if mant == 0.5 else 1.0 / s
    return [v * inv for v in scaled]


def huffman(mass):
    w = as_double_probs(mass)
    heap, children, symbol_of = [], {}, {}
    created = 0
    for x, wx in enumerate(w):
        if wx > 0:
            heapq.heappush(heap, (wx, created))
            symbol_of[created] = x
            created += 1
    codes = [None] * len(w)
    if created == 1:
        codes[symbol_of[0]] = "0"
        return codes
    while len(heap) > 1:
        wa, a = heapq.heappop(heap)
        wb, b = heapq.heappop(heap)
        children[created] = (a, b)
        heapq.heappush(heap, (wa + wb, created))
        created += 1
    stack = [(heap[0][1], "")]
    while stack:
        node, word = stack.pop()
        if node in children:
            a, b = children[node]
            stack.append((a, word + "0"))
            stack.append((b, word + "1"))
        else:
            codes[symbol_of[node]] = word
    return codes


def exact_probs(mass):
    fr = [Fraction(float(v)) for v in mass]
    s = sum(fr)
    return [mp.mpf(f.numerator) / f.denominator for f in (v / s for v in fr)]


def log2(v):
    return mp.log(v, 2)


def cross(a, b):  # −Σ a log₂ b, ∞ where a > 0 = b
    s = mp.mpf(0)
    for ai, bi in zip(a, b):
        if ai == 0:
            continue
        if bi == 0:
            return mp.inf
        s -= ai * log2(bi)
    return s


def mean_len(a, codes):
    s = mp.mpf(0)
    for ai, c in zip(a, codes):
        if ai == 0:
            continue
        if c is None:
            return mp.inf
        s += ai * len(c)
    return s


def num(v):
    return "inf" if v == mp.inf else float(v)


def case(name, p, q, labels=None):
    P, Q = exact_probs(p), exact_probs(q)
    cp, cq = huffman(p), huffman(q)
    hp, hq = cross(P, P), cross(Q, Q)
    hpq, hqp = cross(P, Q), cross(Q, P)
    kraft_q = sum(mp.mpf(2) ** -len(c) for c in cq if c is not None)
    # D(P‖2^−ℓ_Q) = Σ p (log₂ p + ℓ_Q), from its definition
    d_code = mp.inf if any(pi > 0 and c is None for pi, c in zip(P, cq)) else \
        mp.fsum(pi * (log2(pi) + len(c)) for pi, c in zip(P, cq) if pi > 0)
    shannon_q = [None if qi == 0 else int(mp.ceil(-log2(qi))) for qi in Q]
    return {
        "name": name, "p": [float(v) for v in p], "q": [float(v) for v in q], "labels": labels,
        "code_p": cp, "code_q": cq,
        "entropy_p": num(hp), "entropy_q": num(hq),
        "cross_entropy_pq": num(hpq), "cross_entropy_qp": num(hqp),
        "kl_pq": num(hpq - hp if hpq != mp.inf else mp.inf), "kl_qp": num(hqp - hq if hqp != mp.inf else mp.inf),
        "length_p_code_p": num(mean_len(P, cp)), "length_p_code_q": num(mean_len(P, cq)),
        "length_q_code_q": num(mean_len(Q, cq)), "length_q_code_p": num(mean_len(Q, cp)),
        "kl_p_code_q": num(d_code), "kraft_q": float(kraft_q),
        "shannon_q": [-1 if v is None else v for v in shannon_q],
    }


# ---- the arithmetic coder, from the paper's pseudo-code ----
TOP, HALF, QUARTER = 2**32 - 1, 2**31, 2**30


def freqs(mass):
    q = as_double_probs(mass)
    T = 65536.0
    return [max(1, math.floor(v * T + 0.5)) if v > 0 else 0 for v in q]


def arith_encode(f, msg):
    cum = [0]
    for v in f:
        cum.append(cum[-1] + v)
    total = cum[-1]
    low, high, pending, out = 0, TOP, 0, []

    def emit(bit):
        nonlocal pending
        out.append(bit)
        out.extend([1 - bit] * pending)
        pending = 0

    for x in msg:
        r = high - low + 1
        high = low + r * cum[x + 1] // total - 1
        low = low + r * cum[x] // total
        while True:
            if high < HALF:
                emit(0)
            elif low >= HALF:
                emit(1)
                low -= HALF
                high -= HALF
            elif low >= QUARTER and high < 3 * QUARTER:
                pending += 1
                low -= QUARTER
                high -= QUARTER
            else:
                break
            low, high = 2 * low, 2 * high + 1
    pending += 1
    emit(0 if low < QUARTER else 1)
    return "".join(map(str, out))


def arith_case(name, mass, msg):
    f = freqs(mass)
    return {"name": name, "q": [float(v) for v in mass], "freq": f, "message": msg, "bits": arith_encode(f, msg)}


def main():
    rng = random.Random(20261203)
    cases = [
        # (.4, .2, .2, .1, .1): the merge .1 + .1 = .2 ties two leaves of .2, and .4 ties a leaf;
        # the earlier-created leaves go first, giving lengths (2, 2, 2, 3, 3), not (1, 2, 3, 4, 4).
        case("tie_rule", [0.8, 0.05, 0.05, 0.05, 0.05], [0.4, 0.2, 0.2, 0.1, 0.1]),
        case("tie_rule_counts", [1, 1, 1, 1, 1, 1], [4, 2, 2, 1, 1, 2]),
        case("all_equal", [1] * 8, [1] * 5 + [0] * 3),
        case("zeros_either_side", [0.5, 0, 0.25, 0.25], [0.25, 0.5, 0.25, 0]),
        case("zero_in_both", [0.5, 0, 0.5], [0.25, 0, 0.75]),
        case("n1", [3], [0.5]),
        case("n2", [0.7, 0.3], [0.5, 0.5]),
        case("n2_with_zero", [1, 0], [0.5, 0.5]),
        case("dyadic", [0.5, 0.25, 0.125, 0.125], [0.125, 0.125, 0.25, 0.5], ["a", "b", "c", "d"]),
        case("q_09_01", [0.1, 0.9], [0.9, 0.1]),
        case("unnormalised", [8.167, 1.492, 2.782, 4.253, 12.702, 2.228], [6.51, 1.89, 3.06, 5.08, 17.40, 1.66]),
        case("geometric_deep", [2.0 ** -k for k in range(1, 40)] + [2.0 ** -39], [1] * 40),
        # codewords longer than 64 bits (the C++ code spells those by walking up the tree)
        case("geometric_very_deep", [2.0 ** -k for k in range(1, 100)] + [2.0 ** -99], [3.0 ** -k for k in range(100)]),
    ]
    big_p = [rng.randint(1, 1000) for _ in range(80)]
    big_q = [rng.randint(0, 1000) if i % 7 else 0 for i in range(80)]
    big_q[1] = 5
    cases.append(case("n80_counts", big_p, big_q))
    p300 = [rng.random() ** 3 for _ in range(300)]
    q300 = [rng.random() for _ in range(300)]
    cases.append(case("n300_random", p300, q300))
    arith = [
        arith_case("coin_short", [0.5, 0.5], [0, 1, 1, 0, 1]),
        arith_case("skewed", [0.9, 0.1], [0] * 30 + [1] + [0] * 30),
        arith_case("letters", [8.167, 1.492, 2.782, 4.253, 12.702, 2.228], [rng.randrange(6) for _ in range(200)]),
        arith_case("with_zero", [0.3, 0, 0.7], [0, 2, 2, 0, 2] * 20),
        arith_case("tiny_symbol", [1e-9, 1.0], [1, 1, 0, 1] * 25),
    ]
    # Every coding preset, as `divlab code --json` must print it (SPEC §6).
    presets = {}
    preset_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "assets", "presets", "coding")
    for path in sorted(glob.glob(os.path.join(preset_dir, "*.json"))):
        with open(path, encoding="utf-8") as f:
            scn = json.load(f)
        labels = scn.get("support", {}).get("labels")
        c = case(os.path.basename(path), scn["p"]["mass"], scn["q"]["mass"], labels)
        P, Q = exact_probs(scn["p"]["mass"]), exact_probs(scn["q"]["mass"])
        out = {"symbols": [{"label": labels[i] if labels else i, "p": float(P[i]), "q": float(Q[i]),
                            "code_p": c["code_p"][i], "code_q": c["code_q"][i]} for i in range(len(P))]}
        for key in ("entropy_p", "entropy_q", "cross_entropy_pq", "cross_entropy_qp", "kl_pq", "kl_qp",
                    "length_p_code_p", "length_p_code_q", "length_q_code_q", "length_q_code_p"):
            out[key] = c[key]
        presets[os.path.basename(path)] = out
    json.dump({"huffman": cases, "arithmetic": arith, "presets": presets}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Reference values for tests/core/measures/alpha_test.cpp and tests/cli/metrics_alpha.sh (SPEC §7):
Rényi D^R_α(P‖Q), D^R_α(Q‖P) and Minka's D_α(P‖Q) in nats, with A(α) = Σ p^α q^(1−α) (∫ for densities).

Discrete: mpmath at 60 digits from the exact binary values of the inputs (normalised exactly) and of α.
Continuous: mpmath.quad (tanh-sinh, 30 digits) over ℝ split at the components' centres ± k·scale, the
uniform ends and the peaks of p^α q^(1−α) for pairs of components; the two-normal closed form
    σ_α² = α σ_Q² + (1−α) σ_P²,   D^R_α = ln(σ_Q/σ_P) + ln(σ_Q²/σ_α²)/(2(α−1)) + α(μ_P−μ_Q)²/(2σ_α²)
(∞ when σ_α² ≤ 0) is checked against quad here before it is used. ∞ entries of mixtures are decided
by hand from the tail analysis written beside each case. A finite Minka value beyond the double range
is "overflow". Run: /usr/bin/python3 gen_alpha.py"""
import json, os, random, sys
import mpmath as mp

INF = "inf"
ALPHAS = [0.01, 0.5, 0.999999, 1.0, 1.000001, 2.0, 10.0, 100.0]


def out(v):
    if v == mp.inf: return INF
    if v == -mp.inf: return "-inf"
    f = float(v)
    if f in (float("inf"), float("-inf")): return "overflow"
    return f


def family(log_a_fn, a):
    """(renyi, minka) for one direction from log A(α) = log_a_fn(α) (mpf, may be ±inf) and the KL for α = 1."""
    a = mp.mpf(a)
    la = log_a_fn(a)
    if la == mp.inf:  # the formula's Rényi value: −∞ for α < 0
        return (mp.inf if a > 1 else -mp.inf), mp.inf
    if la == -mp.inf:  # A = 0 (0 < α < 1)
        return mp.inf, 1 / (a * (1 - a))
    return la / (a - 1), -mp.expm1(la) / (a * (1 - a))


# [SECTION] Discrete

def discrete_values(p, q, alphas):
    mp.mp.dps = 60
    P = [mp.mpf(v) for v in p]; Q = [mp.mpf(v) for v in q]
    sp, sq = mp.fsum(P), mp.fsum(Q)
    P = [v / sp for v in P]; Q = [v / sq for v in Q]

    def log_a(A, B, a):  # log Σ a^α b^(1−α); bins with a = 0 (α > 0) or b = 0 (α < 1) add nothing
        s = mp.mpf(0)
        for x, y in zip(A, B):
            if x == 0 and y == 0: continue
            if y == 0:
                if a > 1: return mp.inf
                if a < 1: continue
            if x == 0:
                if a > 0: continue
                if a < 0: return mp.inf
                continue  # α = 0: D^R_0 sums q over the support of P
            s += mp.exp(a * mp.log(x) + (1 - a) * mp.log(y))
        return mp.log(s) if s > 0 else -mp.inf

    def kl(A, B):
        if any(x > 0 and y == 0 for x, y in zip(A, B)): return mp.inf
        return mp.fsum(x * (mp.log(x) - mp.log(y)) for x, y in zip(A, B) if x > 0)

    rows = []
    for al in alphas:
        if al == 1.0:
            r = {"alpha": al, "renyi_pq": out(kl(P, Q)), "renyi_qp": out(kl(Q, P)), "alpha_divergence_pq": out(kl(P, Q))}
        else:
            rpq, mpq = family(lambda a: log_a(P, Q, a), al)
            rqp, _ = family(lambda a: log_a(Q, P, a), al)
            r = {"alpha": al, "renyi_pq": out(rpq), "renyi_qp": out(rqp), "alpha_divergence_pq": out(mpq)}
        rows.append(r)
    return rows


def dcase(name, p, q, alphas=ALPHAS):
    return {"name": name, "p": p, "q": q, "values": discrete_values(p, q, alphas)}


rng = random.Random(20261204)
discrete = [
    dcase("coin", [0.5, 0.5], [0.99, 0.01]),
    dcase("zeros_in_p", [0.0, 0.3, 0.7], [0.2, 0.3, 0.5]),
    dcase("zeros_in_q", [0.2, 0.3, 0.5], [0.0, 0.5, 0.5]),
    dcase("zeros_both_sides", [0.5, 0.5, 0.0, 0.0], [0.0, 0.4, 0.6, 0.0]),
    dcase("label_smoothing", [0.0, 0.0, 1.0, 0.0], [0.05, 0.05, 0.85, 0.05]),
    dcase("disjoint", [1.0, 1.0, 0.0, 0.0], [0.0, 0.0, 2.0, 3.0]),
    dcase("n1", [3.0], [5.0]),
    dcase("unnormalised", [1.0, 2.0, 3.0, 4.0], [10.0, 1.0, 1.0, 10.0]),
    dcase("nearly_equal", [0.25 + 1e-7, 0.25 - 1e-7, 0.25, 0.25], [0.25, 0.25, 0.25, 0.25]),
    dcase("tiny_masses", [1e-300, 1.0], [1.0, 1e-300]),
    dcase("random_50", [rng.random() for _ in range(50)], [rng.random() ** 3 for _ in range(50)]),
    dcase("minka_negative_alpha", [0.1, 0.6, 0.3], [0.3, 0.3, 0.4], [-1.0, -0.5, 1e-9, 0.25, 3.0]),
]


# [SECTION] Continuous

def comp(family, weight=1.0, **kw):
    c = {"family": family, "weight": weight}
    c.update(kw)
    return c


def log_pdf1(c, x):
    f = c["family"]
    if f == "normal":
        s = mp.mpf(c["scale"]); z = (x - c["mean"]) / s
        return -z * z / 2 - mp.log(s) - mp.log(2 * mp.pi) / 2
    if f == "laplace":
        b = mp.mpf(c["scale"])
        return -abs(x - c["mean"]) / b - mp.log(2 * b)
    if f == "student_t":
        nu, s = mp.mpf(c["df"]), mp.mpf(c["scale"]); z = (x - c["mean"]) / s
        return (mp.loggamma((nu + 1) / 2) - mp.loggamma(nu / 2) - mp.log(nu * mp.pi) / 2 - mp.log(s)
                - (nu + 1) / 2 * mp.log1p(z * z / nu))
    return -mp.log(mp.mpf(c["high"]) - c["low"]) if c["low"] <= x <= c["high"] else -mp.inf


def log_mix(comps, x):
    tot = mp.fsum(mp.mpf(c["weight"]) for c in comps)
    terms = [mp.log(mp.mpf(c["weight"]) / tot) + log_pdf1(c, x) for c in comps]
    terms = [t for t in terms if t != -mp.inf]
    if not terms: return -mp.inf
    m = max(terms)
    return m + mp.log(mp.fsum(mp.exp(t - m) for t in terms))


def breaks(P, Q, a, extra=()):
    b = set(extra)
    for c in P + Q:
        if c["family"] == "uniform":
            b |= {mp.mpf(c["low"]), mp.mpf(c["high"])}
        else:
            b |= {c["mean"] + k * mp.mpf(c["scale"]) for k in (-12, -6, -2, 0, 2, 6, 12)}
    for cp in P:  # the peak of p^α q^(1−α) for a pair of normals
        for cq in Q:
            if cp["family"] == cq["family"] == "normal":
                sp2, sq2 = mp.mpf(cp["scale"]) ** 2, mp.mpf(cq["scale"]) ** 2
                s2 = a * sq2 + (1 - a) * sp2
                if s2 > 0:
                    mu = (a * cp["mean"] * sq2 + (1 - a) * cq["mean"] * sp2) / s2
                    se = mp.sqrt(sp2 * sq2 / s2)
                    b |= {mu + k * se for k in (-12, -6, -2, 0, 2, 6, 12)}
    return sorted(b)


def log_a_cont(P, Q, a, extra=()):
    a = mp.mpf(a)
    def f(x):
        lp, lq = log_mix(P, x), log_mix(Q, x)
        if lp == -mp.inf or lq == -mp.inf: return mp.mpf(0)  # 0 < α < 1 here, or outside both
        return mp.exp(a * lp + (1 - a) * lq)
    pts = [-mp.inf] + breaks(P, Q, a, extra) + [mp.inf]
    v = mp.quad(f, pts, maxdegree=10)
    return mp.log(v) if v > 0 else -mp.inf


def kl_cont(P, Q, extra=()):
    def f(x):
        lp, lq = log_mix(P, x), log_mix(Q, x)
        if lp == -mp.inf: return mp.mpf(0)
        return mp.exp(lp) * (lp - lq)
    return mp.quad(f, [-mp.inf] + breaks(P, Q, 1, extra) + [mp.inf], maxdegree=10)


def normal_closed_form(mp_, sp, mq, sq, a):
    """D^R_α(N(μP, σP²) ‖ N(μQ, σQ²)) in nats; ∞ when σ_α² ≤ 0."""
    a, sp, sq = mp.mpf(a), mp.mpf(sp), mp.mpf(sq)
    s2 = a * sq ** 2 + (1 - a) * sp ** 2
    if s2 <= 0: return mp.inf
    return mp.log(sq / sp) + mp.log(sq ** 2 / s2) / (2 * (a - 1)) + a * (mp.mpf(mp_) - mq) ** 2 / (2 * s2)


def ccase(name, P, Q, alphas, inf_pq=(), inf_qp=(), closed=None):
    """inf_pq / inf_qp: the α for which A diverges for (P, Q) / (Q, P), decided by hand (see each case)."""
    mp.mp.dps = 30
    rows = []
    for al in alphas:
        a = mp.mpf(al)
        if al == 1.0:
            kpq, kqp = kl_cont(P, Q), kl_cont(Q, P)
            rows.append({"alpha": al, "renyi_pq": out(kpq), "renyi_qp": out(kqp), "alpha_divergence_pq": out(kpq)})
            continue
        lpq = mp.inf if al in inf_pq else log_a_cont(P, Q, a)
        lqp = mp.inf if al in inf_qp else log_a_cont(Q, P, a)
        rpq, mpq = family(lambda _: lpq, a)
        rqp, _ = family(lambda _: lqp, a)
        if closed is not None:  # two normals: the closed form must agree with quad (or both be ∞)
            cpq, cqp = closed(a, False), closed(a, True)
            for got, want in ((rpq, cpq), (rqp, cqp)):
                assert (got == mp.inf) == (want == mp.inf), (name, al, got, want)
                if want != mp.inf:
                    assert abs(got - want) <= mp.mpf(10) ** -20 * (1 + abs(want)), (name, al, got, want)
        rows.append({"alpha": al, "renyi_pq": out(rpq), "renyi_qp": out(rqp), "alpha_divergence_pq": out(mpq)})
    return {"name": name, "p": P, "q": Q, "values": rows}


def two_normals(name, mp_, sp, mq, sq, alphas):
    P, Q = [comp("normal", mean=mp_, scale=sp)], [comp("normal", mean=mq, scale=sq)]
    cf = lambda a, swap: normal_closed_form(mq, sq, mp_, sp, a) if swap else normal_closed_form(mp_, sp, mq, sq, a)
    # ∞ exactly where the closed form's σ_α² ≤ 0 (checked against quad for every finite case)
    inf_pq = [a for a in alphas if a != 1 and cf(a, False) == mp.inf]
    inf_qp = [a for a in alphas if a != 1 and cf(a, True) == mp.inf]
    return ccase(name, P, Q, alphas, inf_pq, inf_qp, closed=cf)


continuous = [
    two_normals("normals", 0.0, 1.0, 1.0, 2.0, ALPHAS),
    # σ_α² = 2·0.71² − 1 = 0.0082 > 0: finite, but p²/q peaks near x = −122 with width 7.8.
    two_normals("normals_far_peak", 0.0, 1.0, 1.0, 0.71, [0.5, 2.0]),
    # σ_α² = 2·0.25 − 1 < 0: ∞ for P‖Q at α = 2; Q‖P finite.
    two_normals("normals_sigma_alpha_negative", 0.0, 1.0, 0.5, 0.5, [0.5, 2.0, 10.0]),
    two_normals("normals_extreme_scales", 0.0, 1e-3, 0.0, 1e3, [0.01, 0.5, 2.0]),
    two_normals("normals_far_location", 1e6, 1.0, 1e6 + 3, 1.5, [0.5, 2.0]),
    # t₃ against N(0,1): for α > 1 p^α q^(1−α) grows like e^{(α−1)x²/2}·|x|^{−4α}: ∞ for P‖Q at α = 2;
    # Q‖P at α = 2 integrates N² / t₃, finite.
    ccase("t3_vs_normal", [comp("student_t", mean=0.0, scale=1.0, df=3.0)], [comp("normal", mean=0.0, scale=1.0)],
          [0.01, 0.5, 0.999999, 1.0, 1.000001, 2.0], inf_pq=[1.000001, 2.0]),
    # Laplace(0,1) against Laplace(0,0.6): α·0.6 + (1−α)·1 > 0 iff α < 2.5: ∞ for P‖Q at α = 3;
    # Q‖P: α·1 + (1−α)·0.6 > 0 always.
    ccase("laplace_vs_laplace", [comp("laplace", mean=0.0, scale=1.0)], [comp("laplace", mean=0.3, scale=0.6)],
          [0.5, 2.0, 3.0], inf_pq=[3.0]),
    # normal against a narrow Laplace: p^α q^(1−α) ∝ e^{−αx²/8 + (α−1)·2|x|}, finite, peaks at |x| = 4.
    ccase("normal_vs_laplace", [comp("normal", mean=0.0, scale=2.0)], [comp("laplace", mean=0.0, scale=0.5)],
          [0.5, 2.0], inf_qp=[2.0]),  # Q‖P at α = 2: Laplace² against a normal: e^{x²/8}: ∞
    # All four families. P's heaviest tail t₄, Q's t₅: at α the power is α·5 − (α−1)·6 = 6 − α > 1 iff
    # α < 5: ∞ for P‖Q at α = 10; Q‖P: α·6 − (α−1)·5 = α + 5 > 1 always, but P's uniform does not
    # matter (P > 0 everywhere).
    ccase("mixture_all_families",
          [comp("normal", 0.3, mean=-1.0, scale=0.5), comp("laplace", 0.2, mean=1.0, scale=0.7),
           comp("student_t", 0.3, mean=0.5, scale=1.0, df=4.0), comp("uniform", 0.2, low=-0.5, high=2.0)],
          [comp("normal", 0.5, mean=0.0, scale=1.5), comp("laplace", 0.3, mean=-0.5, scale=1.0),
           comp("student_t", 0.2, mean=2.0, scale=0.8, df=5.0)],
          [0.01, 0.5, 0.999999, 1.0, 1.000001, 2.0, 10.0], inf_pq=[10.0]),
    # Uniforms: P = U(0,1) inside Q = U(0,2): α > 1 finite for P‖Q, ∞ for Q‖P (Q > 0 = P on (1, 2]).
    ccase("uniform_nested", [comp("uniform", low=0.0, high=1.0)], [comp("uniform", low=0.0, high=2.0)],
          [0.5, 2.0, 10.0], inf_qp=[2.0, 10.0]),
    # Disjoint uniforms: 0 < α < 1 → A = 0 (Rényi ∞, Minka 1/(α(1−α))); α > 1 → ∞.
    ccase("uniform_disjoint", [comp("uniform", low=0.0, high=1.0)], [comp("uniform", low=2.0, high=3.0)],
          [0.01, 0.5, 2.0], inf_pq=[2.0], inf_qp=[2.0]),
]

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "alpha.json"), "w") as f:
    json.dump({"generator": f"gen_alpha.py (mpmath {mp.__version__}; discrete 60 digits, quad 30 digits)",
               "discrete": discrete, "continuous": continuous}, f, indent=1, ensure_ascii=False)
    f.write("\n")
print("wrote alpha.json:", len(discrete), "discrete and", len(continuous), "continuous cases")

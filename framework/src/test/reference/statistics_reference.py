"""Independent reference values for framework tests in dev.foresight.statistics.

Shares no code with the Java implementation: written from the papers' definitions with numpy/scipy,
plus the third-party package arch (>= 8.0) for the SPA's omega and "not too poor" set. Run:
    python3 framework/src/test/reference/statistics_reference.py
Pinned in SuperiorPredictiveAbilityTest.superiorPredictiveAbility_matchesArchVarianceAndAnIndependentImplementation
and BacktestOverfittingTest.backtestOverfitting_matchesAnIndependentPythonImplementation. The LCG and the
losses/resamples are those of ModelConfidenceSetTest (lcgLosses, lcgResamples), reproduced bit for bit.
"""
import itertools
import math

import numpy as np
from scipy import stats

MASK = (1 << 64) - 1


class Lcg:
    """Knuth's MMIX LCG; uniforms from the top 53 bits, integers below n from the top 31."""

    def __init__(self, seed):
        self.s = seed & MASK

    def next(self):
        self.s = (self.s * 6364136223846793005 + 1442695040888963407) & MASK
        return self.s

    def uniform(self):
        return (self.next() >> 11) * 2.0 ** -53

    def below(self, n):
        return (self.next() >> 33) % n


def lcg_losses(k, n, seed):
    g = Lcg(seed)
    out = np.zeros((k, n))
    for t in range(n):
        common = g.uniform()
        for i in range(k):
            e = g.uniform() - 0.5 + common + 0.02 * i
            out[i, t] = e * e
    return out


def lcg_resamples(n, reps, block, seed):
    g = Lcg(seed)
    out = np.zeros((reps, n), dtype=int)
    for b in range(reps):
        cur = g.below(n)
        out[b, 0] = cur
        for t in range(1, n):
            cur = g.below(n) if g.uniform() < 1.0 / block else (cur + 1) % n
            out[b, t] = cur
    return out


def spa():
    """Hansen (2005): T = max(0, max_k sqrt(n) dbar_k / omega_k); p = mean(T*_b > T) per recentring."""
    from arch.bootstrap import SPA
    losses = lcg_losses(6, 120, 42)
    resamples = lcg_resamples(120, 500, 5, 7)
    bench = losses[2]
    models = np.vstack([losses[0], losses[1], losses[3], losses[4] + 0.2, losses[5]])
    d = bench[None, :] - models
    n = d.shape[1]
    arch_spa = SPA(bench, models.T, block_size=5, reps=10, seed=1)
    arch_spa._compute_variance()  # the stationary bootstrap's kernel, Hansen (2005) / Politis-Romano
    omega = np.sqrt(arch_spa._loss_diff_var)
    valid = arch_spa._check_column_validity()  # sqrt(n) dbar/omega >= -sqrt(2 ln ln n)
    dbar = d.mean(1)
    t_stat = max(0.0, float(np.max(math.sqrt(n) * dbar / omega)))
    centres = {"lower": np.maximum(dbar, 0), "consistent": np.where(valid, dbar, 0.0), "upper": dbar}
    boot = np.stack([d[:, idx].mean(1) for idx in resamples])
    print("SPA omega (arch)", [float(x) for x in omega], "recentred (arch)", valid.tolist())
    print("SPA T", repr(t_stat))
    for name, mu in centres.items():
        t_star = np.maximum(0, (math.sqrt(n) * (boot - mu) / omega).max(1))
        print("SPA p", name, float(np.mean(t_star > t_stat)))


def pbo():
    """Bailey, Borwein, Lopez de Prado & Zhu (2017), CSCV with the per-period Sharpe ratio."""
    returns = (0.45 - lcg_losses(7, 103, 11)).T  # T x N
    returns[:, 5] = returns[:, 2]
    s = 8
    n_bars, n_configs = returns.shape
    block = n_bars // s
    blocks = [returns[i * block:(i + 1) * block] for i in range(s)]
    logits, in_sample, out_of_sample = [], [], []
    for chosen in itertools.combinations(range(s), s // 2):
        is_rows = np.vstack([blocks[i] for i in chosen])
        oos_rows = np.vstack([blocks[i] for i in range(s) if i not in chosen])
        sr_in = is_rows.mean(0) / is_rows.std(0, ddof=1)
        sr_out = oos_rows.mean(0) / oos_rows.std(0, ddof=1)
        best = int(np.argmax(sr_in))
        w = stats.rankdata(sr_out)[best] / (n_configs + 1)
        logits.append(math.log(w / (1 - w)))
        in_sample.append(sr_in[best])
        out_of_sample.append(sr_out[best])
    logits = np.array(logits)
    slope, intercept = np.polyfit(in_sample, out_of_sample, 1)
    print("PBO", len(logits), "combinations; pbo", float(np.mean(logits <= 0)), "slope", repr(float(slope)),
          "intercept", repr(float(intercept)), "P(loss)", float(np.mean(np.array(out_of_sample) < 0)),
          "lambda = 0:", int(np.sum(np.abs(logits) < 1e-12)))


if __name__ == "__main__":
    spa()
    pbo()

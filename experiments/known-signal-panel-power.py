#!/usr/bin/env python3
"""How often can ANY model meet the panel's direction target (Pesaran-Timmermann p < 0.01)?

known-signal-panel.yaml judges the direction LSTM on 3 folds x 252 test bars = 756 bars. This
script simulates the panel's data-generating process (the synthetic kind `panel` with its
defaults: framework/.../data/synthetic/VolatilityPanelSource.java, re-implemented here with
numpy, not called) many times and applies the same one-sided PT test
(framework/.../statistics/PesaranTimmermann.java) to two forecasters that need no training luck:

  oracle        the true rule: up iff mu + lead * sigma_{t+1} * eta_t > 0 (it knows eta_t and sigma);
  ols-1feature  least squares of r_{t+1} on the index's log change at t (the one informative
                feature, VIX_ret_lag1 in the batch), refitted per fold on the expanding window
                (train 1008, then +252 per fold) and forecasting the test fold.

The share of simulated series on which each reaches p < 0.01 is the test's power at this size:
an upper bound for any learned model, the LSTM included.

  python3 experiments/known-signal-panel-power.py [FOLDS] [SIMULATIONS]   # defaults 3 2000 (~3 s)
"""
import sys
from math import erf, sqrt

import numpy as np

MU, DAILY_VOL, PHI, VOL_OF_VOL, RHO, LEVERAGE, LEAD, NU = 0.0003, 0.01, 0.98, 0.1, 0.5, -0.7, 0.15, 5
BURN_IN, BARS, TRAIN, TEST = 500, 2520, 1008, 252


def pesaran_timmermann(actual, forecast):
    """(hit rate, PT statistic, one-sided p) over bars where both moves are non-zero."""
    judged = (actual != 0) & (forecast != 0)
    a, f = actual[judged] > 0, forecast[judged] > 0
    n = len(a)
    hit, py, px = np.mean(a == f), a.mean(), f.mean()
    p_star = py * px + (1 - py) * (1 - px)
    v_p = p_star * (1 - p_star) / n
    v_p_star = ((2 * py - 1) ** 2 * px * (1 - px) / n + (2 * px - 1) ** 2 * py * (1 - py) / n
                + 4 * py * px * (1 - py) * (1 - px) / n ** 2)
    statistic = (hit - p_star) / np.sqrt(v_p - v_p_star)
    return hit, statistic, 0.5 * (1 - erf(statistic / sqrt(2)))


def simulate(rng):
    """One asset of the panel: returns r_t, the index's log change dx_t, sigma_t and eta_t."""
    steps = BURN_IN + BARS
    eta = rng.standard_normal(steps)
    unit_t = lambda: rng.standard_t(NU, steps) * np.sqrt((NU - 2) / NU)
    market = LEVERAGE * eta + np.sqrt(1 - LEVERAGE ** 2) * unit_t()
    x = np.zeros(steps + 1)
    for t in range(steps):
        x[t + 1] = PHI * x[t] + VOL_OF_VOL * eta[t]
    sigma = DAILY_VOL * np.exp(x[:-1])                       # sigma_t is known at t - 1
    previous_eta = np.concatenate([[0.0], eta[:-1]])
    r = MU + LEAD * sigma * previous_eta + sigma * (np.sqrt(RHO) * market + np.sqrt(1 - RHO) * unit_t())
    dx = x[1:] - x[:-1]
    return r[BURN_IN:], dx[BURN_IN:], sigma[BURN_IN:], eta[BURN_IN:]


def main():
    folds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    simulations = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    if TRAIN + folds * TEST > BARS:
        sys.exit(f"at most {(BARS - TRAIN) // TEST} folds fit in {BARS} bars")
    rng = np.random.default_rng(1)
    p_values = {"oracle": [], "ols-1feature": []}
    hits = {"oracle": [], "ols-1feature": []}
    for _ in range(simulations):
        r, dx, sigma, eta = simulate(rng)
        outcome, feature = r[1:], dx[:-1]                    # the forecast made at t is for r_{t+1}
        oracle = MU + LEAD * sigma[1:] * eta[:-1]
        actual, fitted, true_rule = [], [], []
        for k in range(folds):
            lo, hi = TRAIN + k * TEST, TRAIN + (k + 1) * TEST
            design = np.column_stack([np.ones(lo), feature[:lo]])
            b = np.linalg.lstsq(design, outcome[:lo], rcond=None)[0]
            actual.append(outcome[lo:hi])
            fitted.append(b[0] + b[1] * feature[lo:hi])
            true_rule.append(oracle[lo:hi])
        actual = np.concatenate(actual)
        for name, forecast in (("oracle", np.concatenate(true_rule)), ("ols-1feature", np.concatenate(fitted))):
            hit, _, p = pesaran_timmermann(actual, forecast)
            hits[name].append(hit)
            p_values[name].append(p)
    print(f"{simulations} simulated panels, {folds} folds x {TEST} test bars = {folds * TEST} bars judged")
    print("forecaster     P(PT p < 0.01)  P(PT p < 0.05)  median p   hit rate mean (sd)")
    for name in p_values:
        p, h = np.array(p_values[name]), np.array(hits[name])
        print(f"{name:13s}  {np.mean(p < 0.01):14.3f}  {np.mean(p < 0.05):14.3f}  {np.median(p):8.4f}"
              f"   {h.mean():.4f} ({h.std():.4f})")


if __name__ == "__main__":
    main()

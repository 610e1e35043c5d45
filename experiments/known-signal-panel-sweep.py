#!/usr/bin/env python3
"""Data-size sweep of the known-signal panel's direction target (issue 15, item 3).

Does the course network (the default `kind: lstm`) find the panel's planted volatility-index lead
when it has more training data? Runs experiments/known-signal-panel-sweep.yaml (the direction
experiment of known-signal-panel.yaml: random walk, logistic, default LSTM) with the training
window grown to SCALE x the batch's 1008 bars and the series lengthened to fit, keeping the test
design (3 folds x 252 test bars, expanding window, 15% validation tail), for each data seed; then
prints one table row per (seed, size) from the summaries and task files:

  hit rate, Pesaran-Timmermann p (one-sided) and Brier score (the summary's MSE of P(up)) of the
  LSTM and the logistic model; the LSTM's best epoch, epochs run and best validation cross-entropy
  per fold (ln 2 = 0.6931 is a coin); corr: the correlation of the LSTM's P(up) with the logistic
  model's over the test bars (the logistic model reads the lead almost alone, so a network that has
  found it moves with it); corr(·, truth): the correlation of a model's P(up) with the true
  next-bar mean mu + lead * sigma(t+1) * eta(t) over the test bars — whether the model has found the
  lead, measured without the outcomes' noise; oracle: the true rule (up iff mu + lead * sigma(t+1) * eta(t) > 0, the
  panel's parameters, sigma and eta recovered exactly from the volatility index's closes) on the same
  test bars: the ceiling any model could reach on that stretch of the series.

The series come from Foresight's own generator (known-signal-series.java); the script checks that
the task files' labels are the asset's up-moves and recomputes the summary's PT p of the LSTM.

Each size runs into runs/known-signal-panel-sweep/seed-S-train-T/, so a killed sweep resumes (the
finished tasks are reused) and a finished one only prints its table again.

  python3 experiments/known-signal-panel-sweep.py [--seeds 11 12 13 14 15] [--scales 1 2 4] [--workers 2]
  python3 experiments/known-signal-panel-sweep.py --table-only     # tabulate what has run, run nothing
"""
import argparse
import json
import math
import os
import statistics
import subprocess
import sys
from math import erf, sqrt

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BATCH = "experiments/known-signal-panel-sweep.yaml"
BASE_TRAIN, TEST, FOLDS, BASE_BARS = 1008, 252, 3, 2520
LN2 = math.log(2)
CLASSPATH = "experiments/target/foresight.jar:experiments/target/lib/*"
# The panel kind's defaults (VolatilityPanelSource.defaults): the true rule needs these.
MU, DAILY_VOL, PHI, VOL_OF_VOL, LEAD = 0.0003, 0.01, 0.98, 0.1, 0.15


def bars_for(train):
    # The panel's path is simulated bar by bar, so a longer series starts with the same bars; one
    # spare test block at the end keeps the last fold's labels inside the series.
    return max(BASE_BARS, train + (FOLDS + 1) * TEST)


def out_dir(seed, train):
    return os.path.join(ROOT, "runs", "known-signal-panel-sweep", f"seed-{seed}-train-{train}")


def run(seed, scale, workers):
    train = BASE_TRAIN * scale
    bars = bars_for(train)
    sets = [f"data.synthetic.bars={bars}", f"data.synthetic.seed={seed}",
            f"experiments[0].walk_forward.train={train}"]
    for i in (0, 1):
        sets += [f"data.inputs[{i}].synthetic.bars={bars}", f"data.inputs[{i}].synthetic.seed={seed}"]
    command = ["./foresight", "run", BATCH, "-q", "--workers", str(workers), "--out", out_dir(seed, train)]
    for s in sets:
        command += ["--set", s]
    print("+", " ".join(command), file=sys.stderr, flush=True)
    status = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL).returncode
    if status != 0:
        sys.exit(f"foresight exited {status} for seed {seed}, train {train}")


def correlation(x, y):
    mx, my = statistics.fmean(x), statistics.fmean(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy) if sxx > 0 and syy > 0 else float("nan")


def closes(member, bars, seed):
    command = ["java", "-cp", CLASSPATH, "experiments/known-signal-series.java", "panel", str(member), str(bars),
               str(seed)]
    line = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True).stdout.split()
    return [float(v) for v in line[1:]]


def pesaran_timmermann(actual_up, forecast_up):
    """(hit rate, one-sided p) of the Pesaran-Timmermann test, as in known-signal-panel-power.py."""
    n = len(actual_up)
    hit = sum(a == f for a, f in zip(actual_up, forecast_up)) / n
    py, px = sum(actual_up) / n, sum(forecast_up) / n
    p_star = py * px + (1 - py) * (1 - px)
    v_p = p_star * (1 - p_star) / n
    v_p_star = ((2 * py - 1) ** 2 * px * (1 - px) / n + (2 * px - 1) ** 2 * py * (1 - py) / n
                + 4 * py * px * (1 - py) * (1 - px) / n ** 2)
    statistic = (hit - p_star) / sqrt(v_p - v_p_star)
    return hit, 0.5 * (1 - erf(statistic / sqrt(2)))


def oracle(seed, train, test_bars, actual):
    """The true rule's hit rate and PT p on the test bars; checks the labels against the asset's closes."""
    bars = bars_for(train)
    index, asset = closes(0, bars, seed), closes(1, bars, seed)
    for t, a in zip(test_bars, actual):
        if (asset[t + 1] > asset[t]) != (a == 1):
            sys.exit(f"seed {seed}, train {train}: the label of bar {t} is not the asset's next move")
    x = [math.log(v / (100 * sqrt(252) * DAILY_VOL)) for v in index]   # index(t) = scale * exp(x_t)
    # r(t+1) = mu + lead * sigma(t+1) * eta(t) + noise, sigma(t+1) = daily_vol * exp(x_t), eta(t) from x's step.
    mean = [MU + LEAD * DAILY_VOL * math.exp(x[t]) * (x[t] - PHI * x[t - 1]) / VOL_OF_VOL for t in test_bars]
    return pesaran_timmermann([a == 1 for a in actual], [m > 0 for m in mean]), mean


def tabulate(seed, train):
    directory = out_dir(seed, train)
    summary_file = os.path.join(directory, "summary.json")
    if not os.path.exists(summary_file):
        return None
    with open(summary_file) as f:
        summary = json.load(f)
    rows = {r["model"]: r for r in summary["rows"]}
    tests = {t["model"]: t for t in summary["tests"]}
    folds, forecasts, test_bars, actual = [], {"lstm": [], "logistic": []}, [], []
    for k in range(FOLDS):
        for model in forecasts:
            with open(os.path.join(directory, "tasks", "direction", model, f"fold-{k:03d}.json")) as f:
                task = json.load(f)
            forecasts[model] += [b["probabilityUp"] for b in task["bars"]]
            if model == "lstm":
                d = task["diagnostics"]
                folds.append((d["rows"], d["best_epoch"], d["epochs_run"], d["best_validation_loss"]))
                test_bars += [b["bar"] for b in task["bars"]]
                actual += [b["actual"] for b in task["bars"]]
    # The summary's PT p of the LSTM, recomputed (no bar has P(up) exactly 0.5 or an unchanged price).
    _, p = pesaran_timmermann([a == 1 for a in actual], [f > 0.5 for f in forecasts["lstm"]])
    if abs(p - tests["lstm"]["ptP"]) > 1e-9 * max(1.0, p):
        sys.exit(f"seed {seed}, train {train}: PT p of the LSTM recomputed {p}, summary {tests['lstm']['ptP']}")
    result = {
        "seed": seed, "train": train, "folds": folds,
        "lstm": (rows["lstm"]["directionAccuracy"], tests["lstm"]["ptP"], rows["lstm"]["mse"]),
        "logistic": (rows["logistic"]["directionAccuracy"], tests["logistic"]["ptP"], rows["logistic"]["mse"]),
        "corr": correlation(forecasts["lstm"], forecasts["logistic"]),
    }
    result["oracle"], truth = oracle(seed, train, test_bars, actual)
    result["truth_corr"] = (correlation(forecasts["lstm"], truth), correlation(forecasts["logistic"], truth))
    return result


def print_table(results):
    print("| seed | train bars (windows per fold) | LSTM hit | LSTM PT p | LSTM Brier | logistic hit | logistic PT p"
          " | logistic Brier | oracle hit | oracle PT p | corr(LSTM, truth) | corr(logistic, truth)"
          " | corr(LSTM, logistic) | LSTM best / run epochs | LSTM best val. loss − ln 2 |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in results:
        windows = ", ".join(f"{w:,}" for w, _, _, _ in r["folds"])
        epochs = ", ".join(f"{b}/{e}" for _, b, e, _ in r["folds"])
        losses = ", ".join(f"{v - LN2:+.4f}" for _, _, _, v in r["folds"])
        (lh, lp, lb), (gh, gp, gb), (oh, op) = r["lstm"], r["logistic"], r["oracle"]
        print(f"| {r['seed']} | {r['train']:,} ({windows}) | {lh:.1%} | {lp:.3g} | {lb:.4f} | {gh:.1%} | {gp:.3g}"
              f" | {gb:.4f} | {oh:.1%} | {op:.2g} | {r['truth_corr'][0]:+.2f} | {r['truth_corr'][1]:+.2f}"
              f" | {r['corr']:+.2f} | {epochs} | {losses} |")
    print("(Brier of the constant 0.5: 0.2500; random walk = the constant 0.5; PT p one-sided, pooled over the "
          f"{FOLDS} x {TEST} test bars)")
    print()
    print("| train bars | data seeds | PT p < 0.01: LSTM / logistic / oracle | median corr(·, truth): LSTM / logistic"
          " | median LSTM hit | folds with LSTM best val. loss < ln 2 |")
    print("| --- | --- | --- | --- | --- | --- |")
    for train in sorted({r["train"] for r in results}):
        rs = [r for r in results if r["train"] == train]
        n = len(rs)
        below = sum(v < LN2 for r in rs for _, _, _, v in r["folds"])
        print(f"| {train:,} | {n} | {sum(r['lstm'][1] < 0.01 for r in rs)} / {sum(r['logistic'][1] < 0.01 for r in rs)}"
              f" / {sum(r['oracle'][1] < 0.01 for r in rs)} of {n}"
              f" | {statistics.median(r['truth_corr'][0] for r in rs):+.2f}"
              f" / {statistics.median(r['truth_corr'][1] for r in rs):+.2f}"
              f" | {statistics.median(r['lstm'][0] for r in rs):.1%} | {below} of {FOLDS * n} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, nargs="+", default=[11, 12, 13, 14, 15])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 2, 4],
                        help="training windows as multiples of the batch's 1008 bars")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--table-only", action="store_true", help="tabulate the finished runs, run nothing")
    args = parser.parse_args()
    if not args.table_only:
        for seed in args.seeds:
            for scale in args.scales:
                run(seed, scale, args.workers)
    results = [r for seed in args.seeds for scale in args.scales
               if (r := tabulate(seed, BASE_TRAIN * scale)) is not None]
    print_table(results)


if __name__ == "__main__":
    main()

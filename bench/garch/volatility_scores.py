#!/usr/bin/env python3
"""Variance MSE and QLIKE per experiment x model from a Foresight result directory, with the
realised proxy RV^2 = (realised-vol label)^2 and the variance forecast = (point forecast)^2 —
the same definitions as dev.foresight.metrics.VolatilityMetrics, until the summary reports them.
QLIKE = mean(RV^2/h - ln(RV^2/h) - 1), over bars where both are > 0 (the others are counted).
Usage: bench/garch/volatility_scores.py runs/volatility"""
import glob, json, math, os, sys

base = os.path.join(sys.argv[1] if len(sys.argv) > 1 else "runs/volatility", "tasks")
print(f"{'experiment':12s} {'model':16s} {'bars':>5s} {'var MSE':>11s} {'QLIKE':>8s} {'undefined':>9s}")
for exp in sorted(os.listdir(base)):
    for model in sorted(os.listdir(os.path.join(base, exp))):
        pairs = []
        for fn in sorted(glob.glob(os.path.join(base, exp, model, "fold-*.json"))):
            d = json.load(open(fn))
            if d.get("status") != "failed":
                pairs += [(b["actual"] ** 2, b["forecast"] ** 2) for b in d["bars"]]
        if not pairs:
            continue
        mse = sum((p - h) ** 2 for p, h in pairs) / len(pairs)
        ok = [(p, h) for p, h in pairs if p > 0 and h > 0]
        q = sum(p / h - math.log(p / h) - 1 for p, h in ok) / len(ok) if ok else float("nan")
        print(f"{exp:12s} {model:16s} {len(pairs):5d} {mse:11.4e} {q:8.4f} {len(pairs) - len(ok):9d}")

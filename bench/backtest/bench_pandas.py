#!/usr/bin/python3
"""pandas side of bench/backtest: the same backtest + metrics, vectorised, on the Java side's data.

Reads OUT/data.bin written by BacktestBench (six little-endian float64 columns), times the
natural pandas/numpy computation with warm-up and REPS measured repetitions, checks every
series and metric against the Java results (OUT/java_series.bin, OUT/java_metrics.txt) to
1e-9 relative, and prints median times and the ratio pandas / Java.

Usage: /usr/bin/python3 bench/backtest/bench_pandas.py OUT [warmup] [reps]
"""
import sys
import time

import numpy as np
import pandas as pd

RTOL = 1e-9
ATOL = 1e-15  # for entries that are (near) zero, e.g. drawdown at a new peak


def read_columns(path, names):
    raw = np.fromfile(path, dtype="<f8")
    n = raw.size // len(names)
    assert raw.size == n * len(names), f"{path}: size is not a multiple of {len(names)} columns"
    return pd.DataFrame({name: raw[i * n:(i + 1) * n] for i, name in enumerate(names)})


def read_metrics(path):
    out = {}
    with open(path) as f:
        for line in f:
            key, value = line.split()
            out[key] = float(value)
    return out


def backtest(positions, asset_returns, cost_rate, initial_position):
    turnover = positions.diff().abs()
    turnover.iloc[0] = abs(positions.iloc[0] - initial_position)
    costs = turnover * cost_rate
    gross = positions * asset_returns
    net = gross - costs
    equity = (1 + net).cumprod()
    drawdown = equity / equity.cummax().clip(lower=1.0) - 1
    return gross, costs, net, turnover, equity, drawdown


def performance(net, turnover, equity, drawdown, ppy, rf):
    n = len(net)
    total = equity.iloc[-1] - 1
    annual = (1 + total) ** (ppy / n) - 1
    vol = net.std(ddof=1) * np.sqrt(ppy)
    excess = net - rf / ppy
    sharpe = excess.mean() / excess.std(ddof=1) * np.sqrt(ppy)
    downside = np.sqrt((excess.clip(upper=0) ** 2).mean())
    sortino = excess.mean() / downside * np.sqrt(ppy)
    max_dd = -drawdown.min()
    calmar = annual / max_dd
    return dict(totalReturn=total, annualReturn=annual, annualVolatility=vol, sharpe=sharpe, sortino=sortino,
                maxDrawdown=max_dd, calmar=calmar, turnover=turnover.mean())


def forecast_metrics(actual, forecast, actual_move, forecast_move):
    err = forecast - actual
    mse = (err ** 2).mean()
    called = actual_move.ne(0) & forecast_move.ne(0) & actual_move.notna() & forecast_move.notna()
    hits = called & (np.sign(actual_move) == np.sign(forecast_move))
    calls = int(called.sum())
    return dict(mse=mse, rmse=np.sqrt(mse), mae=err.abs().mean(), directionCalls=calls,
                directionHits=int(hits.sum()), directionAccuracy=hits.sum() / calls if calls else np.nan)


def run_once(d, cost_rate, initial_position, ppy, rf, times=None):
    t0 = time.perf_counter_ns()
    gross, costs, net, turnover, equity, drawdown = backtest(d.positions, d.asset_returns, cost_rate, initial_position)
    t1 = time.perf_counter_ns()
    perf = performance(net, turnover, equity, drawdown, ppy, rf)
    t2 = time.perf_counter_ns()
    fc = forecast_metrics(d.actual, d.forecast, d.actual_move, d.forecast_move)
    t3 = time.perf_counter_ns()
    if times is not None:
        times.append((t1 - t0, t2 - t1, t3 - t2))
    return (gross, costs, net, turnover, equity, drawdown), {**perf, **fc}


def close(a, b):
    return abs(a - b) <= ATOL + RTOL * max(abs(a), abs(b)) or (np.isnan(a) and np.isnan(b))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "bench/out"
    warmup = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    reps = int(sys.argv[3]) if len(sys.argv) > 3 else 15

    d = read_columns(f"{out}/data.bin",
                     ["asset_returns", "positions", "actual", "forecast", "actual_move", "forecast_move"])
    java_series = read_columns(f"{out}/java_series.bin",
                               ["grossReturns", "costs", "netReturns", "turnover", "equity", "drawdown"])
    jm = read_metrics(f"{out}/java_metrics.txt")
    cost_rate, initial, ppy, rf = jm["costRate"], jm["initialPosition"], int(jm["periodsPerYear"]), jm["riskFreeRate"]

    for _ in range(warmup):
        run_once(d, cost_rate, initial, ppy, rf)
    times = []
    for _ in range(reps):
        series, metrics = run_once(d, cost_rate, initial, ppy, rf, times)

    # Same numbers, or the timing means nothing.
    failures = []
    for name, s in zip(java_series.columns, series):
        j = java_series[name].to_numpy()
        p = s.to_numpy()
        ok = np.allclose(p, j, rtol=RTOL, atol=ATOL, equal_nan=False)
        rel = np.max(np.abs(p - j) / np.maximum(np.maximum(np.abs(p), np.abs(j)), 1e-300))
        if not ok:
            failures.append(f"series {name}: max relative difference {rel:.3g}")
    for key, value in metrics.items():
        if not close(float(value), jm[key]):
            failures.append(f"metric {key}: pandas {value!r} vs java {jm[key]!r}")
    if failures:
        print("MISMATCH between pandas and Java:\n  " + "\n  ".join(failures))
        sys.exit(1)
    print(f"check: all 6 series ({len(d):,} bars each) and {len(metrics)} metrics agree to {RTOL:g} relative")

    java_times = np.loadtxt(f"{out}/java_times.txt", comments="#", ndmin=2)
    py_times = np.array(times, dtype=float)
    rows = [("backtest", 0), ("performance metrics", 1), ("forecast metrics", 2)]
    print(f"{'median ms':<22}{'pandas':>10}{'java':>10}{'ratio':>9}")
    for label, col in rows:
        p, j = np.median(py_times[:, col]) / 1e6, np.median(java_times[:, col]) / 1e6
        print(f"{label:<22}{p:>10.2f}{j:>10.2f}{p / j:>8.1f}x")
    p = np.median(py_times.sum(axis=1)) / 1e6
    j = np.median(java_times.sum(axis=1)) / 1e6
    print(f"{'total':<22}{p:>10.2f}{j:>10.2f}{p / j:>8.1f}x")
    print(f"pandas {pd.__version__}, numpy {np.__version__}; {len(py_times)} pandas and {len(java_times)} Java "
          f"measured repetitions; goal: total ratio >= 5x -> {'MET' if p / j >= 5 else 'NOT MET'}")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Driver of bench/backtest and its pandas side: the same backtest + metrics, vectorised.

Starts the Java side (JAVA_CMD...: BacktestBench, which writes OUT/data.bin, warms up, writes its
results and prints "ready"), reads the same data (six little-endian float64 columns), warms
pandas up, then runs REPS measured repetitions of each side *interleaved* (Java, pandas, pandas,
Java, ...: on a noisy machine both see the same conditions). Checks every series and metric
against the Java results (OUT/java_series.bin, OUT/java_metrics.txt) to 1e-9 relative, and
prints median times, the ratio of medians and the median of the per-repetition ratios.

Usage: /usr/bin/python3 bench/backtest/bench_pandas.py OUT WARMUP REPS JAVA_CMD...
"""
import subprocess
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
    out, warmup, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    java_cmd = sys.argv[4:]

    java = subprocess.Popen(java_cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    ready = java.stdout.readline().split()
    if not ready or ready[0] != "ready":
        sys.exit(f"the Java side did not start: {ready}")
    print(f"java: {int(ready[1]):,} bars, {ready[2]} warm-up repetitions done")

    def java_once():
        java.stdin.write("run\n")
        java.stdin.flush()
        return tuple(int(v) for v in java.stdout.readline().split())

    d = read_columns(f"{out}/data.bin",
                     ["asset_returns", "positions", "actual", "forecast", "actual_move", "forecast_move"])
    java_series = read_columns(f"{out}/java_series.bin",
                               ["grossReturns", "costs", "netReturns", "turnover", "equity", "drawdown"])
    jm = read_metrics(f"{out}/java_metrics.txt")
    cost_rate, initial, ppy, rf = jm["costRate"], jm["initialPosition"], int(jm["periodsPerYear"]), jm["riskFreeRate"]

    for _ in range(3):
        run_once(d, cost_rate, initial, ppy, rf)
    py_times, java_times = [], []
    for rep in range(reps):
        # Alternate who goes first, so neither side systematically inherits the other's cache state.
        if rep % 2 == 0:
            java_times.append(java_once())
        series, metrics = run_once(d, cost_rate, initial, ppy, rf, py_times)
        if rep % 2 == 1:
            java_times.append(java_once())
    java.stdin.close()
    java.wait()

    # Same numbers, or the timing means nothing.
    failures = []
    for name, s in zip(java_series.columns, series):
        j = java_series[name].to_numpy()
        p = s.to_numpy()
        if not np.allclose(p, j, rtol=RTOL, atol=ATOL, equal_nan=False):
            rel = np.max(np.abs(p - j) / np.maximum(np.maximum(np.abs(p), np.abs(j)), 1e-300))
            failures.append(f"series {name}: max relative difference {rel:.3g}")
    for key, value in metrics.items():
        if not close(float(value), jm[key]):
            failures.append(f"metric {key}: pandas {value!r} vs java {jm[key]!r}")
    if failures:
        print("MISMATCH between pandas and Java:\n  " + "\n  ".join(failures))
        sys.exit(1)
    print(f"check: all 6 series ({len(d):,} bars each) and {len(metrics)} metrics agree to {RTOL:g} relative")

    py = np.array(py_times, dtype=float) / 1e6
    jv = np.array(java_times, dtype=float) / 1e6
    py = np.column_stack([py, py.sum(axis=1)])
    jv = np.column_stack([jv, jv.sum(axis=1)])
    print(f"{reps} interleaved repetitions; median ms   {'pandas':>9}{'java':>9}{'ratio':>9}{'per-rep ratio':>15}")
    labels = ["backtest", "performance metrics", "forecast metrics", "total"]
    for col, label in enumerate(labels):
        p, j = np.median(py[:, col]), np.median(jv[:, col])
        pair = np.median(py[:, col] / jv[:, col])
        print(f"  {label:<36}{p:>9.2f}{j:>9.2f}{p / j:>8.1f}x{pair:>14.1f}x")
    total = np.median(py[:, 3]) / np.median(jv[:, 3])
    print(f"pandas {pd.__version__}, numpy {np.__version__}; goal: total ratio >= 5x -> {'MET' if total >= 5 else 'NOT MET'}")


if __name__ == "__main__":
    main()

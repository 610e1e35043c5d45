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


def backtest_np(positions, asset_returns, cost_rate, initial_position):
    """The same computation on plain numpy arrays (no pandas index machinery): the numpy peer."""
    turnover = np.abs(np.diff(positions, prepend=initial_position))
    costs = turnover * cost_rate
    gross = positions * asset_returns
    net = gross - costs
    equity = np.cumprod(1 + net)
    drawdown = equity / np.maximum(np.maximum.accumulate(equity), 1.0) - 1
    return gross, costs, net, turnover, equity, drawdown


def performance_np(net, turnover, equity, drawdown, ppy, rf):
    n = len(net)
    total = equity[-1] - 1
    annual = (1 + total) ** (ppy / n) - 1
    vol = net.std(ddof=1) * np.sqrt(ppy)
    excess = net - rf / ppy
    sharpe = excess.mean() / excess.std(ddof=1) * np.sqrt(ppy)
    downside = np.sqrt((np.minimum(excess, 0) ** 2).mean())
    sortino = excess.mean() / downside * np.sqrt(ppy)
    max_dd = -drawdown.min()
    calmar = annual / max_dd
    return dict(totalReturn=total, annualReturn=annual, annualVolatility=vol, sharpe=sharpe, sortino=sortino,
                maxDrawdown=max_dd, calmar=calmar, turnover=turnover.mean())


def forecast_metrics_np(actual, forecast, actual_move, forecast_move):
    err = forecast - actual
    mse = (err ** 2).mean()
    called = (actual_move != 0) & (forecast_move != 0) & ~np.isnan(actual_move) & ~np.isnan(forecast_move)
    hits = called & (np.sign(actual_move) == np.sign(forecast_move))
    calls = int(called.sum())
    return dict(mse=mse, rmse=np.sqrt(mse), mae=np.abs(err).mean(), directionCalls=calls,
                directionHits=int(hits.sum()), directionAccuracy=hits.sum() / calls if calls else np.nan)


def run_once_np(a, cost_rate, initial_position, ppy, rf, times=None):
    t0 = time.perf_counter_ns()
    gross, costs, net, turnover, equity, drawdown = backtest_np(a["positions"], a["asset_returns"], cost_rate,
                                                                initial_position)
    t1 = time.perf_counter_ns()
    perf = performance_np(net, turnover, equity, drawdown, ppy, rf)
    t2 = time.perf_counter_ns()
    fc = forecast_metrics_np(a["actual"], a["forecast"], a["actual_move"], a["forecast_move"])
    t3 = time.perf_counter_ns()
    if times is not None:
        times.append((t1 - t0, t2 - t1, t3 - t2))
    return (gross, costs, net, turnover, equity, drawdown), {**perf, **fc}


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

    a = {c: d[c].to_numpy() for c in d.columns}
    for _ in range(3):
        run_once(d, cost_rate, initial, ppy, rf)
        run_once_np(a, cost_rate, initial, ppy, rf)
    py_times, java_times, py_cpu, np_times, np_cpu = [], [], [], [], []
    for rep in range(reps):
        # Rotate who goes first, so no side systematically inherits another's cache state.
        for side in ("java", "pandas", "numpy")[rep % 3:] + ("java", "pandas", "numpy")[:rep % 3]:
            if side == "java":
                java_times.append(java_once())
            elif side == "pandas":
                c0 = time.process_time_ns()  # whole-process CPU, all threads
                series, metrics = run_once(d, cost_rate, initial, ppy, rf, py_times)
                py_cpu.append(time.process_time_ns() - c0)
            else:
                c0 = time.process_time_ns()
                np_series, np_metrics = run_once_np(a, cost_rate, initial, ppy, rf, np_times)
                np_cpu.append(time.process_time_ns() - c0)
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
    for name, p in zip(java_series.columns, np_series):
        if not np.allclose(p, java_series[name].to_numpy(), rtol=RTOL, atol=ATOL, equal_nan=False):
            failures.append(f"series {name}: numpy differs from java")
    for key, value in np_metrics.items():
        if not close(float(value), jm[key]):
            failures.append(f"metric {key}: numpy {value!r} vs java {jm[key]!r}")
    if failures:
        print("MISMATCH between pandas and Java:\n  " + "\n  ".join(failures))
        sys.exit(1)
    print(f"check: all 6 series ({len(d):,} bars each) and {len(metrics)} metrics of pandas and of numpy agree with Java to {RTOL:g} relative")

    py = np.array(py_times, dtype=float) / 1e6
    jv = np.array(java_times, dtype=float)[:, :3] / 1e6
    jcpu = np.array(java_times, dtype=float)[:, 3] / 1e6
    pcpu = np.array(py_cpu, dtype=float) / 1e6
    py = np.column_stack([py, py.sum(axis=1)])
    jv = np.column_stack([jv, jv.sum(axis=1)])
    print(f"{reps} interleaved repetitions; median ms   {'pandas':>9}{'java':>9}{'ratio':>9}{'per-rep ratio':>15}")
    labels = ["backtest", "performance metrics", "forecast metrics", "total"]
    for col, label in enumerate(labels):
        p, j = np.median(py[:, col]), np.median(jv[:, col])
        pair = np.median(py[:, col] / jv[:, col])
        print(f"  {label:<36}{p:>9.2f}{j:>9.2f}{p / j:>8.1f}x{pair:>14.1f}x")
    wall_ratio = py[:, 3] / jv[:, 3]
    cpu_ratio = pcpu / jcpu
    print(f"  per-repetition ratio pandas / Java, min / median / max: wall {wall_ratio.min():.1f} / "
          f"{np.median(wall_ratio):.1f} / {wall_ratio.max():.1f}x; whole-process CPU {cpu_ratio.min():.1f} / "
          f"{np.median(cpu_ratio):.1f} / {cpu_ratio.max():.1f}x (median CPU ms: pandas {np.median(pcpu):.2f},"
          f" Java {np.median(jcpu):.2f})")
    nm = np.array(np_times, dtype=float) / 1e6
    nm = np.column_stack([nm, nm.sum(axis=1)])
    ncpu = np.array(np_cpu, dtype=float) / 1e6
    print(f"  numpy peer, median ms: backtest {np.median(nm[:, 0]):.2f}, performance {np.median(nm[:, 1]):.2f},"
          f" forecast {np.median(nm[:, 2]):.2f}, total {np.median(nm[:, 3]):.2f}")
    nw, nc = nm[:, 3] / jv[:, 3], ncpu / jcpu
    print(f"  per-repetition ratio numpy / Java, min / median / max: wall {nw.min():.1f} / {np.median(nw):.1f} /"
          f" {nw.max():.1f}x; whole-process CPU {nc.min():.1f} / {np.median(nc):.1f} / {nc.max():.1f}x"
          f" (goal >= 5x: {'MET' if np.median(nw) >= 5 else 'NOT MET'} on the wall median)")
    print(f"  load average {' '.join(open('/proc/loadavg').read().split()[:3])}")
    total = np.median(py[:, 3]) / np.median(jv[:, 3])
    print(f"pandas {pd.__version__}, numpy {np.__version__}; goal: total ratio >= 5x -> {'MET' if total >= 5 else 'NOT MET'}")


if __name__ == "__main__":
    main()

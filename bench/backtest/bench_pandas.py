#!/usr/bin/python3
"""Driver of bench/backtest and its pandas side: the same backtest + metrics, vectorised.

Starts the Java side (JAVA_CMD...: BacktestBench, which writes OUT/data.bin, warms up, writes its
results and prints "ready"), reads the same data (six little-endian float64 columns), warms
pandas and numpy up, then runs REPS measured repetitions of every side, rotated within each
repetition (on a noisy machine all see the same conditions): four Java modes (fused kernel into
reused buffers, fused into fresh arrays, the separate Backtest.run + PerformanceMetrics.of, and a
memory-traffic floor loop), numpy and pandas. Checks every series and metric against the Java
results (OUT/java_series.bin, OUT/java_metrics.txt) to 1e-9 relative, and prints a table of
median times, per-repetition ratios (min / median / max, wall and whole-process CPU), the load
average, and whether the goals of issue 21 item 4 are met.

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


JAVA_SIDES = {"buffers": "Foresight, fused, reused buffers", "fresh": "Foresight, fused, fresh arrays",
              "separate": "Foresight, Backtest.run + metrics", "metrics": "Foresight, metrics only (no series)",
              "floor": "memory-traffic floor (Java loop)"}


JAVA_BATCH = int(__import__("os").environ.get("JAVA_BATCH", "10"))


def load():
    return " ".join(open("/proc/loadavg").read().split()[:3])


def stats(x):
    return f"{np.min(x):6.2f} / {np.median(x):6.2f} / {np.max(x):6.2f}"


def main():
    out, warmup, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    java_cmd = sys.argv[4:]
    load_before = load()

    java = subprocess.Popen(java_cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    ready = java.stdout.readline().split()
    if not ready or ready[0] != "ready":
        sys.exit(f"the Java side did not start: {' '.join(ready)}")
    print(f"java: {int(ready[1]):,} bars, {ready[2]} warm-up repetitions of every mode done")

    def java_once(mode):
        # The JVM's process CPU clock ticks in 10 ms, more than one repetition takes: Java runs
        # JAVA_BATCH repetitions back to back per request; its figures are per repetition.
        java.stdin.write(f"{mode} {JAVA_BATCH}\n")
        java.stdin.flush()
        return tuple(int(v) / JAVA_BATCH for v in java.stdout.readline().split())

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
    # side -> list of (backtest + performance ns, forecast ns, whole-process CPU ns)
    sides = list(JAVA_SIDES) + ["numpy", "pandas"]
    times = {side: [] for side in sides}
    for rep in range(reps):
        # Rotate who goes first, so no side systematically inherits another's cache state.
        k = rep % len(sides)
        for side in sides[k:] + sides[:k]:
            if side in JAVA_SIDES:
                times[side].append(java_once(side))
                continue
            phases = []
            c0 = time.process_time_ns()  # whole-process CPU, all threads
            if side == "pandas":
                series, metrics = run_once(d, cost_rate, initial, ppy, rf, phases)
            else:
                np_series, np_metrics = run_once_np(a, cost_rate, initial, ppy, rf, phases)
            cpu = time.process_time_ns() - c0
            bt, perf, fc = phases[0]
            times[side].append((bt + perf, fc, cpu))
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
        print("MISMATCH between Python and Java:\n  " + "\n  ".join(failures))
        sys.exit(1)
    print(f"check: all 6 series ({len(d):,} bars each) and {len(metrics)} metrics of pandas and of numpy agree with "
          f"Java to {RTOL:g} relative; Java's fused and separate paths agree bit for bit")

    arr = {side: np.array(v, dtype=float) / 1e6 for side, v in times.items()}
    wall = {side: x[:, 0] + x[:, 1] for side, x in arr.items()}
    cpu = {side: x[:, 2] for side, x in arr.items()}
    print()
    print(f"{reps} repetitions (Java: {JAVA_BATCH} runs back to back per repetition, figures per run), sides "
          f"rotated within each; load average {load_before} before, {load()} after "
          f"(on {__import__('os').cpu_count()} CPUs)")
    print()
    print(f"{'median ms':<36}{'backtest+perf':>14}{'forecast':>10}{'total':>9}{'min total':>11}{'CPU':>9}")
    for side in sides:
        x = arr[side]
        label = JAVA_SIDES.get(side, side)
        print(f"{label:<36}{np.median(x[:, 0]):>14.2f}{np.median(x[:, 1]):>10.2f}{np.median(wall[side]):>9.2f}"
              f"{np.min(wall[side]):>11.2f}{np.median(cpu[side]):>9.2f}")
    print()
    print(f"{'ratio per repetition, min / median / max':<44}{'wall':>24}{'whole-process CPU':>26}")
    rows = [("numpy / Foresight (buffers)", "numpy", "buffers"),
            ("pandas / Foresight (buffers)", "pandas", "buffers"),
            ("numpy / Foresight (fresh arrays)", "numpy", "fresh"),
            ("Foresight separate / fused (buffers)", "separate", "buffers"),
            ("Foresight (buffers) / floor", "buffers", "floor"),
            ("Foresight (fresh arrays) / floor", "fresh", "floor"),
            ("numpy / Foresight (metrics only)", "numpy", "metrics")]
    for label, num, den in rows:
        print(f"{label:<44}{stats(wall[num] / wall[den]):>24}{stats(cpu[num] / cpu[den]):>26}")
    print()
    med = np.median(wall["buffers"])
    print("issue 21 item 4 goals (the wall figures mean something only on a quiet machine):")
    print(f"  Foresight total <= 10 ms: median {med:.2f} ms, min {np.min(wall['buffers']):.2f} ms -> "
          f"{'MET' if med <= 10 else 'NOT MET'}")
    r = np.median(wall["numpy"] / wall["buffers"])
    print(f"  >= 5x numpy's time: median per-repetition ratio {r:.1f}x -> {'MET' if r >= 5 else 'NOT MET'}")
    f = np.median(wall["buffers"] / wall["floor"])
    print(f"  within 2x of the memory-traffic floor: median {f:.2f}x -> {'MET' if f <= 2 else 'NOT MET'}")
    print(f"pandas {pd.__version__}, numpy {np.__version__}")


if __name__ == "__main__":
    main()

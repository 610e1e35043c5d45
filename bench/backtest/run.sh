#!/usr/bin/env bash
# Benchmark of the backtest engine plus metrics on 1,000,000 bars: Foresight (Java: the fused
# MeasuredBacktest into reused buffers, into fresh arrays, the separate Backtest.run +
# PerformanceMetrics.of, and a loop moving the same bytes as a memory-traffic floor) against the
# same computation in numpy and in pandas (Debian's python3-pandas) on the same data.
#
#   bench/backtest/run.sh            # from anywhere; env BARS, WARMUP, REPS, JAVA_BATCH override the defaults
#
# The Java side generates the data and writes it to bench/out/backtest/data.bin; the Python side
# reads that file, recomputes everything, checks that every series and metric agrees with Java's
# to 1e-9 relative (exit 1 if not). The sides are rotated within each repetition
# (bench_pandas.py drives the warmed-up Java process over a pipe); it prints one table: medians,
# min / median / max of the per-repetition ratios (wall and whole-process CPU), the load, the goals.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
OUT=bench/out/backtest
PY=/usr/bin/python3          # Debian's Python: the pyenv python3 on PATH has no pandas
BARS=${BARS:-1000000}
WARMUP=${WARMUP:-20}
REPS=${REPS:-15}

if ! "$PY" -c 'import pandas' 2>/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing Debian's python3-pandas ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q python3-pandas >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q python3-pandas >/dev/null; }
  else
    echo "pandas is missing for $PY; install it with: sudo apt-get install -y python3-pandas" >&2
    exit 2
  fi
fi

# Build the framework classes (no install into ~/.m2), then the benchmark against them.
./mvnw -q -pl framework -DskipTests package
mkdir -p "$OUT/classes"
javac -d "$OUT/classes" -cp framework/target/classes bench/backtest/BacktestBench.java

# The launcher's JVM options (jvm.options), so the engine is measured as ./foresight runs it;
# JAVA_OPTS="-XX:+UseG1GC" measures it under another collector.
JVM_OPTS=${JAVA_OPTS:-$(sed -e 's/#.*//' -e 's/^[[:space:]]*linux://' jvm.options | xargs)}
echo "JVM options: $JVM_OPTS"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(java -version 2>&1 | head -1)"
"$PY" bench/backtest/bench_pandas.py "$OUT" "$WARMUP" "$REPS" \
  java $JVM_OPTS -cp "framework/target/classes:$OUT/classes" BacktestBench "$OUT" "$BARS" "$WARMUP"

#!/usr/bin/env bash
# GARCH(1,1) fit speed: Foresight against R's tseries::garch and fGarch::garchFit on the same 2,000
# returns. Each round runs one fresh process per fitter, in alternating order; every process makes
# WARMUP untimed fits and then REPS timed ones, and reports wall and whole-process CPU per fit. The
# ratios are taken within a round; min/median/max over the rounds. See bench/garch/README.md.
# Usage: bench/garch/run.sh [ROUNDS [WARMUP [REPS [FGARCH_REPS]]]]   defaults 7 20 200 10
# Installs R and the packages when run as root; otherwise says what is missing and prints no ratio.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/bench/out/garch"
mkdir -p "$out"
rounds=${1:-7}; warmup=${2:-20}; reps=${3:-200}; freps=${4:-10}
missing=()
command -v Rscript >/dev/null || missing+=(r-base-core)
Rscript -e 'library(fGarch)' >/dev/null 2>&1 || missing+=(r-cran-fgarch)
Rscript -e 'library(tseries)' >/dev/null 2>&1 || missing+=(r-cran-tseries)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q r-base-core r-cran-fgarch r-cran-tseries >/dev/null
  else
    echo "bench/garch: R peers missing (${missing[*]}); run as root or apt-get install -y ${missing[*]}." \
         "No ratio is printed without them." >&2
    exit 2
  fi
fi
# CP=... runs against other classes (e.g. strategies/target/classes) instead of building foresight.jar
if [ -z "${CP:-}" ]; then
  "$root/foresight" plugins >/dev/null   # builds experiments/target/foresight.jar if needed
  CP="$root/experiments/target/foresight.jar"
fi
javac -d "$out" -cp "$CP" "$here/GarchBench.java"
# shellcheck disable=SC2046
java_cmd="java $(sed -e 's/#.*//' -e 's/^[[:space:]]*linux://' "$root/jvm.options" | xargs) -cp $CP:$out GarchBench"
$java_cmd simulate "$out/returns.csv"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$out/returns.csv" "$rounds" "$warmup" "$reps" "$freps" "$here/fgarch_bench.R" $java_cmd <<'PY'
import statistics, subprocess, sys, time
returns, rounds, warmup, reps, freps, rscript = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]
java = sys.argv[7:]
sides = {
    "Foresight, constant mean": java + ["time", returns, warmup, reps, "constant"],
    "Foresight, zero mean": java + ["time", returns, warmup, reps, "zero"],
    "tseries::garch (zero mean)": ["Rscript", rscript, returns, warmup, reps, "tseries"],
    "fGarch::garchFit (constant mean)": ["Rscript", rscript, returns, warmup, freps, "fgarch"],
}
def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stderr[-2000:]}")
    return {k: float(v) for k, v in (line.split("\t") for line in p.stdout.splitlines())}
names = list(sides)
got = {k: [] for k in names}
for r in range(rounds):
    order = names if r % 2 == 0 else names[::-1]
    for k in order:
        got[k].append(run(sides[k]))
    print(f"  [{time.strftime('%H:%M:%S')}] round {r + 1}: " + ", ".join(
        f"{k} {got[k][-1]['cpu_ms']:.2f} ms CPU" for k in names), file=sys.stderr, flush=True)
def mmm(v):
    return f"{min(v):.2f} / {statistics.median(v):.2f} / {max(v):.2f}"
load = open("/proc/loadavg").read().split()[:3]
print(f"\n{rounds} alternating rounds, warm-up {warmup} fits per process, {reps} timed fits ({freps} for fGarch);"
      f" per fit, min / median / max over the rounds; load average at the end {' '.join(load)}")
print("| fitter | wall ms/fit | CPU ms/fit (whole process) |")
print("| --- | --- | --- |")
for k in names:
    print(f"| {k} | {mmm([d['ms'] for d in got[k]])} | {mmm([d['cpu_ms'] for d in got[k]])} |")
print("\n| ratio (within a round) | wall | CPU |")
print("| --- | --- | --- |")
for a, b in (("Foresight, zero mean", "tseries::garch (zero mean)"), ("Foresight, constant mean", "tseries::garch (zero mean)"),
             ("Foresight, constant mean", "fGarch::garchFit (constant mean)")):
    w = [x["ms"] / y["ms"] for x, y in zip(got[a], got[b])]
    c = [x["cpu_ms"] / y["cpu_ms"] for x, y in zip(got[a], got[b])]
    print(f"| {a} / {b} | {mmm(w)} | {mmm(c)} |")
print("\nestimates (last round)")
j, f = got["Foresight, constant mean"][-1], got["fGarch::garchFit (constant mean)"][-1]
for p in ("mu", "omega", "alpha", "beta", "loglik"):
    print(f"  {p:7s} Foresight {j[p]:.10g}  fGarch {f[p]:.10g}  rel.diff {abs(j[p] - f[p]) / abs(f[p]):.1e}")
j, t = got["Foresight, zero mean"][-1], got["tseries::garch (zero mean)"][-1]
for p in ("omega", "alpha", "beta"):
    print(f"  {p:7s} Foresight(zero mean) {j[p]:.10g}  tseries {t[p]:.10g}  rel.diff {abs(j[p] - t[p]) / abs(t[p]):.1e}")
print(f"  evaluations per Foresight fit: {got['Foresight, constant mean'][-1]['evaluations']:.0f} (constant mean),"
      f" {got['Foresight, zero mean'][-1]['evaluations']:.0f} (zero mean)")
PY

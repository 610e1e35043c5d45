#!/usr/bin/env bash
# GARCH(1,1) fit speed: Foresight (warmed JVM, median of many fits) against R's fGarch::garchFit
# (and tseries::garch when installed) on the same 2,000 returns, in one run; prints per-fit
# medians, the ratios and both sets of estimates. Installs R and the packages when run as root.
# Usage: bench/garch/run.sh [warmup] [reps]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/bench/out/garch"
mkdir -p "$out"
if ! Rscript -e 'library(fGarch)' >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y r-base-core r-cran-fgarch r-cran-tseries >/dev/null; else
    echo "needs R with fGarch: apt-get install -y r-base-core r-cran-fgarch r-cran-tseries" >&2; exit 2; fi
fi
"$root/foresight" plugins >/dev/null   # builds experiments/target/foresight.jar if needed
javac -d "$out" -cp "$root/experiments/target/foresight.jar" "$here/GarchBench.java"
java $(sed 's/#.*//' "$root/jvm.options" | xargs) -cp "$root/experiments/target/foresight.jar:$out" GarchBench "$out" "${1:-300}" "${2:-300}" | tee "$out/java.tsv"
Rscript "$here/fgarch_bench.R" "$out/returns.csv" 30 | tee "$out/r.tsv"
python3 - "$out" <<'PY'
import sys
d = {}
for f in ("java.tsv", "r.tsv"):
    for line in open(f"{sys.argv[1]}/{f}"):
        k, v = line.split("\t"); d[k] = float(v)
for kind, key in (("wall", "median_ms"), ("CPU", "median_cpu_ms")):
    j = d["java_" + key]
    print(f"\nper fit ({kind} time, median): Foresight {j:.3f} ms, fGarch {d['fgarch_' + key]:.1f} ms"
          f" -> fGarch/Foresight = {d['fgarch_' + key]/j:.1f}x")
    if "tseries_" + key in d:
        print(f"  tseries::garch {d['tseries_' + key]:.2f} ms -> tseries/Foresight = {d['tseries_' + key]/j:.2f}x")
for p in ("mu", "omega", "alpha", "beta", "loglik"):
    a, b = d[f"java_{p}"], d[f"fgarch_{p}"]
    print(f"{p:7s} Foresight {a:.8g}  fGarch {b:.8g}  rel.diff {abs(a-b)/abs(b):.1e}")
PY

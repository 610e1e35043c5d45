#!/usr/bin/env bash
# Compares Foresight's GARCH(1,1) and GJR-GARCH(1,1) estimates (normal and Student-t, constant
# mean, fGarch's initial-variance rule) with R's fGarch on the log returns of the CSV files given.
# Not a test: it needs R with fGarch (Debian: apt-get install -y r-base-core r-cran-fgarch) and
# market data that is not in the repository.
# Usage: bench/garch/compare.sh FILE.csv [FILE.csv ...]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
[ $# -ge 1 ] || { echo "usage: $0 FILE.csv [FILE.csv ...]" >&2; exit 2; }
command -v Rscript >/dev/null || { echo "needs R: apt-get install -y r-base-core r-cran-fgarch" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
Rscript "$here/fgarch_fit.R" "$@" > "$work/fgarch.tsv"
"$root/foresight" plugins >/dev/null   # builds once if needed
for f in "$@"; do
  for model in garch gjr; do
    for dist in normal t; do
      "$root/foresight" garch --csv "$f" --model "$model" --dist "$dist" --init fgarch --json > "$work/$(basename "$f").$model.$dist.json"
    done
  done
done
python3 - "$work" <<'PY'
import json, math, os, sys
work = sys.argv[1]
rows = {}
for line in open(os.path.join(work, "fgarch.tsv")):
    f, model, dist, name, value = line.rstrip("\n").split("\t")[:5]
    rows.setdefault((f, model, dist), {})[name] = float(value)
def digits(a, b):
    if a == b:
        return 16.0
    return -math.log10(abs(a - b) / max(abs(a), abs(b)))
print("| series | model | dist | parameter | Foresight | fGarch | agreeing digits |")
print("| --- | --- | --- | --- | --- | --- | --- |")
worst = 99
for (f, model, dist), theirs in rows.items():
    ours = json.load(open(os.path.join(work, f"{f}.{model}.{dist}.json")))
    est = {p["name"]: p["estimate"] for p in ours["parameters"]}
    est["loglik"] = ours["log_likelihood"]
    for name, v in theirs.items():
        d = digits(est[name], v)
        if name != "alpha" or abs(v) > 1e-4:
            worst = min(worst, d)
        print(f"| {f} | {model} | {dist} | {name} | {est[name]:.8g} | {v:.8g} | {d:.1f} |")
    c = ours["convergence"]
    print(f"| {f} | {model} | {dist} | (converged) | {c['converged']} | | {c['message']} |")
print(f"\nfewest agreeing significant digits (excluding alpha estimates below 1e-4, on the boundary): {worst:.1f}")
PY

#!/usr/bin/env bash
# Batch throughput and resume: runs a 20-task CPU-bound batch (bench/batch/batch.yaml: 4 XGBoost
# configurations x 5 equal-sized rolling folds) with --fresh alternately on 1 and 2 workers, REPS
# times each, then REPS re-runs of the fully cached batch (every task reused). Prints per
# configuration the medians of what timings.json records (the task phase, and the batch's wall
# time in-process: data, tasks, summary, without JVM start and report), of writing the report, of
# the whole command (JVM start included; GNU time), of its CPU time and its peak RSS; then the
# 1 -> 2 workers speed-up. Other load on the machine caps it: the load average and the cores the
# 2-worker runs got (CPU time / wall time) are printed.
#   bench/batch/run.sh [BATCH.yaml]     (default: bench/batch/batch.yaml; REPS=5)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
batch="${1:-$here/batch.yaml}"
reps="${REPS:-5}"
out="$root/bench/out/batch"
mkdir -p "$out"
if [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq time >/dev/null; else
    echo "needs GNU time (/usr/bin/time): apt-get install -y time" >&2; exit 2; fi
fi
cd "$root"
./foresight --version >/dev/null   # builds if needed

echo "cores: $(nproc); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# One run: NAME WORKERS [--fresh]. Appends "in-process-ms command-s cpu-s peak-rss-kb reused tasks report-s task-phase-ms" to $out/NAME.tsv.
run() {
  local name="$1" workers="$2"
  shift 2
  /usr/bin/time -f '%e %U %S %M' -o "$out/$name.time" \
    ./foresight run "$batch" --workers "$workers" --out "$out/w$workers" "$@" >"$out/$name.log" 2>&1 \
    || { cat "$out/$name.log" >&2; exit 1; }
  python3 - "$out" "$name" "$workers" <<'PY'
import json, re, sys
out, name, workers = sys.argv[1:]
t = json.load(open(f"{out}/w{workers}/timings.json"))
wall, user, sys_, rss = open(f"{out}/{name}.time").read().split()[-4:]
cached = sum(1 for v in t["tasks"].values() if v["cached"])
report = re.search(r"report written in ([0-9.]+) s", open(f"{out}/{name}.log").read())
with open(f"{out}/{name}.tsv", "a") as f:
    f.write(f"{t['wall_ms']} {wall} {float(user) + float(sys_):.2f} {rss} {cached} {len(t['tasks'])} "
            f"{report.group(1) if report else 'nan'} {t['phases_ms']['tasks']}\n")
PY
}
rm -f "$out"/*.tsv
for ((r = 1; r <= reps; r++)); do
  run fresh-1 1 --fresh
  run fresh-2 2 --fresh
  echo "rep $r: 1 worker $(tail -1 "$out/fresh-1.tsv" | cut -d' ' -f1) ms, 2 workers $(tail -1 "$out/fresh-2.tsv" | cut -d' ' -f1) ms (timings.json; load $(cut -d' ' -f1 /proc/loadavg))"
done
# Both worker counts must give the same results, byte for byte (only the timed files differ).
if ! diff -r -q -x timings.json -x manifest.json -x report.html "$out/w1" "$out/w2" >/dev/null; then
  echo "1 and 2 workers wrote different results:" >&2
  diff -r -q -x timings.json -x manifest.json -x report.html "$out/w1" "$out/w2" >&2 || true
  exit 1
fi
for ((r = 1; r <= reps; r++)); do
  run cached 2
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$out" <<'PY'
import statistics, sys
out = sys.argv[1]
def rows(name):
    return [[float(x) for x in line.split()] for line in open(f"{out}/{name}.tsv")]
med = lambda xs: statistics.median(xs)
print(f"\n{'configuration':<26} {'tasks':>9} {'in-process':>11} {'+ report':>9} {'command':>9} {'CPU':>8} {'peak RSS':>9}  reused")
table = {}
for name, label in (("fresh-1", "--fresh, 1 worker"), ("fresh-2", "--fresh, 2 workers"),
                    ("cached", "fully cached, 2 workers")):
    r = rows(name)
    table[name] = r
    reused = sorted({f"{int(x[4])}/{int(x[5])}" for x in r})
    print(f"{label:<26} {med([x[7] for x in r]) / 1000:>7.2f} s {med([x[0] for x in r]) / 1000:>9.2f} s {med([x[6] for x in r]):>7.2f} s {med([x[1] for x in r]):>7.2f} s "
          f"{med([x[2] for x in r]):>6.2f} s {med([x[3] for x in r]) / 1024:>6.0f} MB  {','.join(reused)}")
one, two = table["fresh-1"], table["fresh-2"]
per_rep = [a[0] / b[0] for a, b in zip(one, two)]
print(f"\nspeed-up 1 -> 2 workers: {med([x[7] for x in one]) / med([x[7] for x in two]):.2f}x for the task phase, "
      f"{med([x[0] for x in one]) / med([x[0] for x in two]):.2f}x in-process "
      f"(median of per-repetition ratios {med(per_rep):.2f}x), "
      f"{med([x[1] for x in one]) / med([x[1] for x in two]):.2f}x for the whole command")
print(f"cores used on average (CPU / command wall): 1 worker {med([x[2] / x[1] for x in one]):.2f}, "
      f"2 workers {med([x[2] / x[1] for x in two]):.2f}")
print(f"resume of the fully cached batch: {med([x[1] for x in table['cached']]):.2f} s for the command, "
      f"{med([x[0] for x in table['cached']]) / 1000:.2f} s in-process (medians of {len(table['cached'])})")
PY

#!/usr/bin/env bash
# A fully cached re-run: the cost of running a batch again when every task is already stored and
# nothing changed (the resume path: plan, find each task's file by its cache key, check that the
# summaries, database and report are current, keep them). Runs the batch once to fill the directory
# (that run also makes the launcher's class-data archive if there is none), then REPS re-runs of it,
# and prints the median, min and max of the whole command (JVM start included; GNU time: wall, and
# CPU = user + system of the whole process), of what timings.json records (in-process wall time and
# its phases: prepare, tasks, canary, summary) and of peak RSS, and whether the derived files were
# kept. Other load on the machine lengthens every figure: the load average is printed before and
# after. FORESIGHT_CDS=off measures without the class-data archive.
#   bench/cached-rerun/run.sh [BATCH.yaml]   (default: bench/batch/batch.yaml, the batch of the README figure; REPS=7, at least 5)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
batch="${1:-bench/batch/batch.yaml}"
reps="${REPS:-7}"
[ "$reps" -ge 5 ] || { echo "REPS must be at least 5" >&2; exit 2; }
out="$root/bench/out/cached-rerun"
mkdir -p "$out"
if [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq time >/dev/null; else
    echo "needs GNU time (/usr/bin/time): apt-get install -y time" >&2; exit 2; fi
fi
cd "$root"
./foresight --version >/dev/null   # builds if needed, outside the measurement

echo "batch: $batch; cores: $(nproc); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "class-data archive: ${FORESIGHT_CDS:-on} (experiments/target/cds: $(ls experiments/target/cds 2>/dev/null | tr '\n' ' '))"
./foresight run "$batch" --out "$out/result" -q >"$out/fill.log" 2>&1 || { cat "$out/fill.log" >&2; exit 1; }
rm -f "$out/cached.tsv"
for ((r = 1; r <= reps; r++)); do
  /usr/bin/time -f '%e %U %S %M' -o "$out/cached.time" \
    ./foresight run "$batch" --out "$out/result" >"$out/cached.log" 2>&1 || { cat "$out/cached.log" >&2; exit 1; }
  python3 - "$out" <<'PY'
import json, re, sys
out = sys.argv[1]
t = json.load(open(f"{out}/result/timings.json"))
wall, user, sys_, rss = open(f"{out}/cached.time").read().split()[-4:]
cached = sum(1 for v in t["tasks"].values() if v["cached"])
if cached != len(t["tasks"]):
    sys.exit(f"not a fully cached re-run: {cached}/{len(t['tasks'])} tasks reused")
log = open(f"{out}/cached.log").read()
report = re.search(r"report written in ([0-9.]+) s", log)
kept = 1 if "are current" in log else 0
p = t["phases_ms"]
with open(f"{out}/cached.tsv", "a") as f:
    f.write(f"{wall} {t['wall_ms']} {p['prepare']} {p['tasks']} {p['canary']} {p['summary']} "
            f"{report.group(1) if report else 0} {float(user) + float(sys_):.2f} {rss} {len(t['tasks'])} {kept}\n")
PY
  echo "rep $r: $(tail -1 "$out/cached.tsv" | cut -d' ' -f1) s command (load $(cut -d' ' -f1 /proc/loadavg))"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$out" <<'PY'
import statistics, sys
rows = [[float(x) for x in line.split()] for line in open(f"{sys.argv[1]}/cached.tsv")]
col = lambda i: [r[i] for r in rows]
m = lambda i: statistics.median(col(i))
span = lambda i, scale=1: f"median {m(i) / scale:5.2f}  min {min(col(i)) / scale:5.2f}  max {max(col(i)) / scale:5.2f}"
kept = int(sum(col(10)))
print(f"\nfully cached re-run of {int(rows[0][9])} tasks, {len(rows)} runs "
      f"(summaries, database and report kept as current in {kept} of {len(rows)}):")
print(f"  whole command, wall  {span(0)} s")
print(f"  whole process, CPU   {span(7)} s   (user + system)")
print(f"  peak RSS             median {m(8) / 1024:.0f} MB")
print(f"  in-process           {span(1, 1000)} s   = prepare {m(2) / 1000:.2f} + tasks {m(3) / 1000:.2f}"
      f" + canary {m(4) / 1000:.2f} + summary {m(5) / 1000:.2f} s (medians)")
print(f"  report               median {m(6):.2f} s   (0 when kept; after timings.json)")
print(f"  JVM start, data, database, report and the rest: {m(0) - m(1) / 1000:.2f} s (median wall - in-process)")
PY

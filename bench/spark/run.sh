#!/usr/bin/env bash
# Spark engine benchmark (not a test; run by hand; REPS=3 takes ~15 min on a quiet 2-core machine).
#  1. overhead: the quickstart (100 tasks) on the local pool (./foresight, --workers 2) against the
#     Spark engine embedded on local[2] (./foresight-spark): what Spark costs per run (context
#     start-up, broadcasts, task serialisation, the Spark jars' class loading);
#  2. throughput: bench/spark/lstm40.yaml (48 independent LSTM tasks) on a local-cluster of 1 vs 2
#     executor JVMs of one core each (OMP_NUM_THREADS=1). Goal: >= 1.8x on 2 cores.
# Fair by construction: every run is a fresh process (--fresh: nothing reused), timed whole by
# /usr/bin/time (wall, and user+system CPU of the process and every child it waited for — the
# local-cluster executor JVMs included); the two sides alternate within each repetition, the
# order flipping every repetition; medians with min/max over REPS; the task phase (from each
# run's timings.json) is reported beside the whole-process time. The load average before and
# after is printed: figures taken while anything else runs are noisy.
#   bench/spark/run.sh                 REPS=5 bench/spark/run.sh
#   ONLY=overhead bench/spark/run.sh   ONLY=throughput bench/spark/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
REPS=${REPS:-3}
ONLY=${ONLY:-}
OUT=bench/out/spark
rm -rf "$OUT" && mkdir -p "$OUT"
RESULTS="$OUT/runs.tsv"
printf 'case\trep\twall_s\tcpu_s\ttask_phase_s\n' > "$RESULTS"

echo "bench/spark: REPS=$REPS${ONLY:+ ONLY=$ONLY} bench/spark/run.sh  ($(date -u +%FT%TZ), $(nproc) cores)"
echo "load before: $(uptime)"
# Build both launchers first (untimed).
./mvnw -q -B -DskipTests -Dforesight.skipClusterJar=true package -pl spark-engine -am
./foresight --version >/dev/null

# timed CASE REP DIR COMMAND...: one whole-process measurement, appended to $RESULTS.
timed() {
  local case=$1 rep=$2 dir=$3; shift 3
  local t="$OUT/time.txt" code=0
  /usr/bin/time -f '%e %U %S' -o "$t" "$@" >"$OUT/$case.$rep.log" 2>&1 || code=$?
  if [ "$code" != 0 ] && [ "$code" != 4 ]; then   # 4: some tasks failed (none expected here)
    echo "bench/spark: $case (rep $rep) failed with exit $code; log: $OUT/$case.$rep.log" >&2
    tail -20 "$OUT/$case.$rep.log" >&2
    exit 1
  fi
  python3 - "$t" "$dir/timings.json" "$case" "$rep" >>"$RESULTS" <<'EOF'
import json, sys
wall, user, sys_ = (float(x) for x in open(sys.argv[1]).read().split()[-3:])
phase = json.load(open(sys.argv[2]))["phases_ms"]["tasks"] / 1000
print(f"{sys.argv[3]}\t{sys.argv[4]}\t{wall:.1f}\t{user + sys_:.1f}\t{phase:.1f}")
EOF
}

# the same bytes from both sides (task files and the report data), or the comparison is void
same() {
  local a=$1 b=$2 f bad=0
  for f in $(cd "$a" && find tasks -name '*.json' | sort) metrics.csv results.json summary.csv; do
    cmp -s "$a/$f" "$b/$f" || { echo "WARNING: $f differs between $a and $b" >&2; bad=1; }
  done
  if [ "$bad" = 0 ]; then echo "identical results: $a vs $b (task files, metrics.csv, results.json, summary.csv)"; fi
}

local_run() { timed quickstart-local "$1" "$OUT/qs-local" ./foresight run -q experiments/quickstart.yaml --fresh \
  --workers 2 --out "$OUT/qs-local"; }
spark_run() { timed quickstart-spark-local2 "$1" "$OUT/qs-spark" ./foresight-spark run -q experiments/quickstart.yaml \
  --fresh --master 'local[2]' --out "$OUT/qs-spark"; }

# local-cluster executors start from the launcher's own class path (no Spark distribution needed).
cp_abs="$(find "$PWD/spark-engine/target" -maxdepth 1 -name 'foresight-spark-*.jar' ! -name '*-cluster.jar' -print -quit):$PWD/spark-engine/target/lib/*"
cluster_run() ( # EXECUTORS REP
  export SPARK_TESTING=1 SPARK_SCALA_VERSION=2.13 FORESIGHT_JAVA_OPTS="-Dspark.executor.extraClassPath=$cp_abs \
-Dspark.executorEnv.OMP_NUM_THREADS=1 -Dspark.executorEnv.OMP_WAIT_POLICY=PASSIVE \
-Dspark.executor.extraJavaOptions=-XX:+UseParallelGC"
  timed "lstm48-executors-$1" "$2" "$OUT/lstm-$1" ./foresight-spark run -q bench/spark/lstm40.yaml --fresh \
    --master "local-cluster[$1,1,2048]" --out "$OUT/lstm-$1"
)

for r in $(seq "$REPS"); do
  if [ "$ONLY" != throughput ]; then
    if [ $((r % 2)) = 1 ]; then local_run "$r"; spark_run "$r"; else spark_run "$r"; local_run "$r"; fi
  fi
  if [ "$ONLY" != overhead ]; then
    if [ $((r % 2)) = 1 ]; then cluster_run 1 "$r"; cluster_run 2 "$r"; else cluster_run 2 "$r"; cluster_run 1 "$r"; fi
  fi
done
if [ "$ONLY" != throughput ]; then same "$OUT/qs-local" "$OUT/qs-spark"; fi
if [ "$ONLY" != overhead ]; then same "$OUT/lstm-1" "$OUT/lstm-2"; fi
echo "load after:  $(uptime)"
echo

python3 - "$RESULTS" <<'EOF'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
cases = {}
for r in rows:
    cases.setdefault(r["case"], []).append(r)
def stat(case, key):
    xs = [float(r[key]) for r in cases[case]]
    return statistics.median(xs), min(xs), max(xs)
fmt = lambda m: f"{m[0]:7.1f} [{m[1]:.1f}-{m[2]:.1f}]"
print(f"{'case':<26} {'n':>2} {'wall s, median [min-max]':>26} {'CPU s (user+sys)':>24} {'task phase s':>24}")
for case in cases:
    print(f"{case:<26} {len(cases[case]):>2} {fmt(stat(case, 'wall_s')):>26} {fmt(stat(case, 'cpu_s')):>24} "
          f"{fmt(stat(case, 'task_phase_s')):>24}")
print()
if "quickstart-local" in cases and "quickstart-spark-local2" in cases:
    for key, what in (("wall_s", "wall"), ("cpu_s", "CPU")):
        d = stat("quickstart-spark-local2", key)[0] - stat("quickstart-local", key)[0]
        print(f"Spark engine fixed overhead on the quickstart ({what}, median difference): {d:+.1f} s")
if "lstm48-executors-1" in cases and "lstm48-executors-2" in cases:
    for key, what in (("task_phase_s", "task phase"), ("wall_s", "whole process, executor start-up included")):
        s = stat("lstm48-executors-1", key)[0] / stat("lstm48-executors-2", key)[0]
        print(f"48 LSTM tasks, 2 vs 1 executors, speed-up ({what}): {s:.2f}x (goal >= 1.8x; efficiency {s / 2:.2f})")
EOF

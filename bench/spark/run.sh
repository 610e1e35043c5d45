#!/usr/bin/env bash
# Spark engine benchmark (not a test; run by hand). One command each:
#   ONLY=throughput bench/spark/run.sh   the goal's measurement, REPS=2: ~13 min on a quiet 2-core machine
#   ONLY=overhead bench/spark/run.sh     the quickstart, local pool vs embedded Spark: ~2 min
#   bench/spark/run.sh                   both (REPS=N for more repetitions; default 2)
#   EPOCHS=N ONLY=throughput ...         the LSTM batch with up to N epochs per network (default 8 or 12;
#                                        early stopping then acts as in use). EPOCHS=60: ~14 min a pair
#  1. overhead: the quickstart (100 tasks) on the local pool (./foresight, --workers 2) against the
#     Spark engine embedded on local[2] (./foresight-spark): what Spark costs per run (context
#     start-up, broadcasts, task serialisation, the Spark jars' class loading);
#  2. throughput: bench/spark/lstm40.yaml (40 independent LSTM tasks of the course's network and a
#     mid-size one, ~2-6 s of CPU each) on a local-cluster of 1 vs 2 executor JVMs of one core each.
#     Goal: >= 1.8x on 2 cores. Same batch, same threads per task on both sides: spark.task.cpus=1 =
#     OMP_NUM_THREADS (ND4J's pool), one core per executor. What counts (the headline): the whole
#     command's wall time, from the driver JVM's start to its exit — the driver's start, planning,
#     the executors' start (JVM, ND4J's natives, JIT), the tasks and the summary and report — and its
#     CPU (user+system of the driver and every executor JVM). The task phase (first task submitted to
#     last result written) is printed beside it, and, from Spark's event log, how busy the executors
#     were and how long one idled at the end waiting for the other (the straggler tail).
# Fair by construction: every run is a fresh process (--fresh: nothing reused), timed whole by
# /usr/bin/time (wall, and user+system CPU of the process and every child it waited for — the
# local-cluster executor JVMs included); the two sides alternate within each repetition, the
# order flipping every repetition; medians with min/max over REPS, and the ratio of each
# repetition's pair (min/median/max). The load average before and after is printed: figures taken
# while anything else runs are noisy.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPS=${REPS:-2}
ONLY=${ONLY:-}
OUT=bench/out/spark
rm -rf "$OUT" && mkdir -p "$OUT"
RESULTS="$OUT/runs.tsv"
printf 'case\trep\twall_s\tcpu_s\ttask_phase_s\tbusy\ttail_s\tstart_s\n' > "$RESULTS"

echo "bench/spark: REPS=$REPS${ONLY:+ ONLY=$ONLY} bench/spark/run.sh  ($(date -u +%FT%TZ), $(nproc) cores, commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
echo "load before: $(uptime)"
# Build both launchers first (untimed).
./mvnw -q -B -DskipTests -Dforesight.skipClusterJar=true package -pl spark-engine -am
./foresight --version >/dev/null

# timed CASE REP DIR COMMAND...: one whole-process measurement, appended to $RESULTS ($EVENTS: the
# run's Spark event log directory, if any).
timed() {
  local case=$1 rep=$2 dir=$3; shift 3
  local t="$OUT/time.txt" code=0
  /usr/bin/time -f '%e %U %S' -o "$t" "$@" >"$OUT/$case.$rep.log" 2>&1 || code=$?
  if [ "$code" != 0 ] && [ "$code" != 4 ]; then   # 4: some tasks failed (none expected here)
    echo "bench/spark: $case (rep $rep) failed with exit $code; log: $OUT/$case.$rep.log" >&2
    tail -20 "$OUT/$case.$rep.log" >&2
    exit 1
  fi
  python3 bench/spark/figures.py row "$t" "$dir/timings.json" "$case" "$rep" "${EVENTS:-}" >>"$RESULTS"
  echo "  $(tail -1 "$RESULTS")   ($(date -u +%T), load $(cut -d' ' -f1 /proc/loadavg))"
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
# Both sides: one core per executor (local-cluster[N,1,...]), one core per task (spark.task.cpus=1)
# and one OpenMP thread per task (ND4J's pool), ParallelGC as ./foresight; the Spark event log
# records where and when each task ran. The driver computes no task here, so ./foresight-spark runs
# it on C1 alone (see the launcher).
cp_abs="$(find "$PWD/spark-engine/target" -maxdepth 1 -name 'foresight-spark-*.jar' ! -name '*-cluster.jar' -print -quit):$PWD/spark-engine/target/lib/*"
cluster_run() ( # EXECUTORS REP
  EVENTS="$PWD/$OUT/events-$1-$2"
  mkdir -p "$EVENTS"
  export EVENTS SPARK_TESTING=1 SPARK_SCALA_VERSION=2.13 OMP_NUM_THREADS=1 FORESIGHT_JAVA_OPTS="\
-Dspark.executor.extraClassPath=$cp_abs -Dspark.task.cpus=1 \
-Dspark.executorEnv.OMP_NUM_THREADS=1 -Dspark.executorEnv.OMP_WAIT_POLICY=PASSIVE \
-Dspark.executor.extraJavaOptions=-XX:+UseParallelGC \
-Dspark.eventLog.enabled=true -Dspark.eventLog.compress=false -Dspark.eventLog.dir=file://$EVENTS"
  timed "lstm40-executors-$1" "$2" "$OUT/lstm-$1" ./foresight-spark run -q bench/spark/lstm40.yaml --fresh \
    --master "local-cluster[$1,1,2048]" --out "$OUT/lstm-$1" "${epochs[@]}"
)

# EPOCHS=N: every network of lstm40.yaml may train up to N epochs instead of 8 or 12, each recipe's
# early stopping acting as in use — longer tasks, the executors' fixed cost amortised further (the
# same work on both sides: training is deterministic; EPOCHS=60 ran 17-60 epochs per network).
epochs=()
if [ -n "${EPOCHS:-}" ]; then
  for m in 0 1 2 3; do epochs+=(--set "experiments[0].models[$m].max_epochs=$EPOCHS"); done
  echo "lstm40.yaml with every network at $EPOCHS epochs"
fi

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
python3 bench/spark/figures.py table "$RESULTS"

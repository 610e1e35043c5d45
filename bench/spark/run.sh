#!/usr/bin/env bash
# Spark engine benchmark (not a test; run by hand, takes several minutes):
#  1. fixed overhead: the quickstart on the local pool (--workers 2) vs the Spark engine on local[2]
#     (context start-up, broadcast, serialising results), wall time of the whole command;
#  2. throughput: bench/spark/lstm40.yaml (48 LSTM tasks) on a local-cluster of 1 vs 2 executor JVMs
#     of one core each (the task phase from timings.json; executor start-up included). Goal: >= 1.8x.
# Every run is --fresh. Times depend on what else the machine runs: compare ratios from one run.
#   bench/spark/run.sh            REPS=3 bench/spark/run.sh   (alternating repetitions, medians)
#   ONLY=overhead bench/spark/run.sh    ONLY=throughput bench/spark/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
REPS=${REPS:-1}
OUT=bench/spark/target
mkdir -p "$OUT"
./mvnw -q -B -DskipTests -Dforesight.skipClusterJar=true package -pl spark-engine -am
./foresight --version >/dev/null   # builds the default launcher too

secs() { python3 -c "import sys; print(round(float(sys.argv[1]), 1))" "$1"; }
now() { date +%s.%N; }
median() { python3 -c "import sys,statistics; print(round(statistics.median(map(float, sys.argv[1:])), 1))" "$@"; }
phase() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['phases_ms']['tasks']/1000)" "$1/timings.json"; }

ONLY=${ONLY:-}
if [ "$ONLY" != throughput ]; then
local_t=(); spark_t=()
for r in $(seq "$REPS"); do
  t0=$(now); ./foresight run -q experiments/quickstart.yaml --fresh --workers 2 --out "$OUT/qs-local" >/dev/null || true
  t1=$(now); ./foresight-spark run -q experiments/quickstart.yaml --fresh --master 'local[2]' --out "$OUT/qs-spark" >/dev/null || true
  t2=$(now)
  local_t+=("$(python3 -c "print($t1-$t0)")"); spark_t+=("$(python3 -c "print($t2-$t1)")")
done
for f in $(cd "$OUT/qs-local" && find . -name '*.json' -path './tasks/*' | sort) metrics.csv results.json summary.csv; do
  cmp -s "$OUT/qs-local/$f" "$OUT/qs-spark/$f" || echo "WARNING: $f differs between the engines" >&2
done
ql=$(median "${local_t[@]}"); qs=$(median "${spark_t[@]}")
printf '%-58s %8s\n' "quickstart, local pool, 2 workers (s, whole command)" "$ql"
printf '%-58s %8s\n' "quickstart, Spark local[2] (s, whole command)" "$qs"
printf '%-58s %8s\n' "Spark engine fixed overhead (s)" "$(python3 -c "print(round($qs-$ql,1))")"
fi
[ "$ONLY" = overhead ] && exit 0

# local-cluster executors are started from the launcher's class path (no Spark distribution needed).
cp_abs="$(find "$PWD/spark-engine/target" -maxdepth 1 -name 'foresight-spark-*.jar' ! -name '*-cluster.jar' -print -quit):$PWD/spark-engine/target/lib/*"
cluster() { # executors
  SPARK_TESTING=1 SPARK_SCALA_VERSION=2.13 FORESIGHT_JAVA_OPTS="-Dspark.executor.extraClassPath=$cp_abs \
-Dspark.executorEnv.OMP_NUM_THREADS=1 -Dspark.executor.extraJavaOptions=-XX:+UseParallelGC" \
    ./foresight-spark run -q bench/spark/lstm40.yaml --fresh --master "local-cluster[$1,1,2048]" --out "$OUT/lstm-$1" \
    >/dev/null
  phase "$OUT/lstm-$1"
}
one=(); two=()
for r in $(seq "$REPS"); do
  one+=("$(cluster 1)"); two+=("$(cluster 2)")
done
for f in $(cd "$OUT/lstm-1" && find tasks -name '*.json' | sort) metrics.csv results.json; do
  cmp -s "$OUT/lstm-1/$f" "$OUT/lstm-2/$f" || echo "WARNING: $f differs between 1 and 2 executors" >&2
done
m1=$(median "${one[@]}"); m2=$(median "${two[@]}")
printf '%-58s %8s\n' "48 LSTM tasks, 1 executor (s, task phase)" "$m1"
printf '%-58s %8s\n' "48 LSTM tasks, 2 executors (s, task phase)" "$m2"
printf '%-58s %8s\n' "speed-up (goal >= 1.8)" "$(python3 -c "print(round($m1/$m2,2))")"

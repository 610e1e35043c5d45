#!/usr/bin/env bash
# A real spark-submit of the shaded cluster jar, with no Spark download: a stand-in for a Spark
# 3.5.9 distribution's jars/ (spark-core's dependency graph from ~/.m2, offline: see
# spark-home/pom.xml) runs org.apache.spark.deploy.SparkSubmit — what bin/spark-submit execs — on
# local-cluster[2,1,1024] (a master, two workers and two executor JVMs whose class path is Spark's
# jars only; the application jar reaches them the way spark-submit ships it). The batch uses a
# plugin jar (--plugins) and LSTMs; the result must be byte-identical to the local engine's.
# SparkSubmitIT (run by `./mvnw verify -pl spark-engine -am`) does the same; this script is the
# by-hand version:   bench/spark/submit-check.sh [BATCH.yaml] [-- extra foresight options]
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=bench/out/spark-submit
mkdir -p "$OUT"
./mvnw -q -B -DskipTests package -pl spark-engine -am
jar="$(find "$PWD/spark-engine/target" -maxdepth 1 -name 'foresight-spark-*-cluster.jar' -print -quit)"
home="$PWD/$OUT/spark-home"
if [ ! -d "$home/jars" ]; then
  ./mvnw -o -q -B -f bench/spark/spark-home/pom.xml \
    org.apache.maven.plugins:maven-dependency-plugin:3.9.0:copy-dependencies -DoutputDirectory="$home/jars"
fi
batch="${1:-experiments/lstm-smoke.yaml}"; shift $(( $# > 0 ? 1 : 0 )); [ "${1:-}" = -- ] && shift

opens=(-XX:+IgnoreUnrecognizedVMOptions -Djdk.reflect.useDirectMethodHandle=false
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED)
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
    java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens+=("--add-opens=java.base/$p=ALL-UNNAMED")
done

echo "reference: the local engine"
./foresight run -q "$batch" --fresh --workers 2 --out "$OUT/local" "$@" >/dev/null || [ $? = 4 ]
echo "spark-submit of $(basename "$jar") on local-cluster[2,1,1024] (Spark's jars from $home/jars)"
set -x
SPARK_HOME="$home" SPARK_TESTING=1 SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 \
java "${opens[@]}" -cp "$home/jars/*" org.apache.spark.deploy.SparkSubmit \
  --master 'local-cluster[2,1,1024]' --deploy-mode client --class dev.foresight.spark.SparkMain \
  --conf spark.executor.extraClassPath="$home/jars/*" --conf spark.ui.enabled=false \
  --conf spark.executorEnv.OMP_NUM_THREADS=1 \
  "$jar" run -q "$batch" --fresh --out "$OUT/submitted" "$@" || [ $? = 4 ]
set +x
# Byte for byte, except what names the code: each task's inputsSha256 (its cache key includes the
# code fingerprint, and the shaded jar is other bytes) and results.json's provenance (README).
python3 - "$OUT/local" "$OUT/submitted" <<'EOF2'
import json, os, sys
a, b = sys.argv[1], sys.argv[2]
files = sorted(os.path.relpath(os.path.join(d, f), a) for d, _, fs in os.walk(os.path.join(a, "tasks")) for f in fs)
bad = 0
for f in files + ["metrics.csv", "summary.csv", "summary.json", "config.resolved.json", "results.json"]:
    x, y = open(os.path.join(a, f), "rb").read(), open(os.path.join(b, f), "rb").read()
    skip = "inputsSha256" if f.startswith("tasks/") else "provenance" if f == "results.json" else None
    if skip:
        x, y = json.loads(x), json.loads(y)
        x.pop(skip, None); y.pop(skip, None)
    if x != y:
        print("DIFFERS:", f, file=sys.stderr); bad = 1
print("OK: every number identical to the local engine's" if not bad else "results differ", f"({b})")
sys.exit(bad)
EOF2

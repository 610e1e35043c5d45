#!/usr/bin/env bash
# LSTM speed benchmark: Foresight (DL4J) vs PyTorch (CPU, OpenBLAS) on the course's network,
# 2,000 windows of 60x1, batch 32. Prints median s/epoch per setting (first epoch excluded) and
# the ratio to PyTorch with the same thread count, and the walk-forward throughput of two folds
# trained side by side. Not a test; takes several minutes. Times depend on what else the machine
# runs: compare ratios from one run, not figures across runs.
#   bench/lstm/run.sh [EPOCHS]     (needs: apt-get install -y python3-torch libopenblas0-openmp)
#   GEMM_ONLY=1 bench/lstm/run.sh  PyTorch and the default recurrence only (about a minute)
set -euo pipefail
cd "$(dirname "$0")/../.."
EPOCHS=${1:-4}
OUT=bench/lstm/target
mkdir -p "$OUT/classes"
./mvnw -q -pl strategies -am compile
./mvnw -q -pl strategies dependency:build-classpath -Dmdep.outputFile="$PWD/$OUT/cp.txt" >/dev/null
CP="strategies/target/classes:framework/target/classes:$(cat "$OUT/cp.txt")"
javac -d "$OUT/classes" -cp "$CP" bench/lstm/src/dev/foresight/strategies/lstm/LstmBench.java
python3 bench/lstm/make_data.py "$OUT/series.txt"
JAVA="java $(sed 's/#.*//' jvm.options | xargs) -Xmx1g -Dorg.nd4j.log.initialization=false -cp $OUT/classes:$CP dev.foresight.strategies.lstm.LstmBench"
TORCH="env LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 bench/lstm/torch_lstm.py"

median() { grep median_seconds_per_epoch | awk '{print $2}'; }
declare -A T
for th in 1 2; do
  T[torch$th]=$(OMP_NUM_THREADS=$th $TORCH "$OUT/series.txt" "$EPOCHS" "$th" 2>/dev/null | median)
done
printf '%-52s %10s %16s\n' setting s/epoch "ratio vs PyTorch"
printf '%-52s %10s %16s\n' "PyTorch, 1 thread" "${T[torch1]}" 1
printf '%-52s %10s %16s\n' "PyTorch, 2 threads" "${T[torch2]}" 1
run() { # label, torch threads, env...
  local label=$1 th=$2; shift 2
  local arg=""; for kv in "$@"; do case $kv in ARG=*) arg=${kv#ARG=};; esac; done
  local o s r; o=$(env "$@" $JAVA "$EPOCHS" "$OUT/series.txt" $arg 2>/dev/null || true)
  s=$(echo "$o" | median || true); r=$(echo "$o" | grep peak_rss_mb | awk '{print $2}' || true)
  [ -z "$r" ] || echo "$label: peak RSS $r MB" >&2
  if [ -z "$s" ]; then printf '%-52s %10s\n' "$label" failed; return; fi
  printf '%-52s %10s %16s\n' "$label" "$s" "$(python3 -c "print(round($s/${T[torch$th]},2))")"
}
if [ -z "${GEMM_ONLY:-}" ]; then
[ -n "${SKIP_DEFAULT_OMP:-}" ] || run "DL4J LSTM, default OpenMP (2 threads)" 2 ARG=stock
run "DL4J LSTM, OMP_WAIT_POLICY=PASSIVE (2 threads)" 2 OMP_WAIT_POLICY=PASSIVE ARG=stock
run "DL4J LSTM, OMP_NUM_THREADS=2 PASSIVE" 2 OMP_NUM_THREADS=2 OMP_WAIT_POLICY=PASSIVE ARG=stock
run "DL4J LSTM, OMP_NUM_THREADS=1" 1 OMP_NUM_THREADS=1 ARG=stock
run "DL4J LSTM, OMP_NUM_THREADS=1 PASSIVE" 1 OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE ARG=stock
run "DL4J LSTM, 1 thread PASSIVE, workspaces off" 1 OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE ARG=no-workspaces
run "FusedLstm (libnd4j lstmLayer op via SameDiff), 1 thread PASSIVE" 1 OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE ARG=fused
fi
run "GemmLstm (the default: BLAS products + Java gates), 1 thread PASSIVE" 1 OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE ARG=gemm
run "GemmLstm, OMP_NUM_THREADS=2 PASSIVE" 2 OMP_NUM_THREADS=2 OMP_WAIT_POLICY=PASSIVE ARG=gemm
# Walk-forward throughput: two folds at once, one thread each (time per pair of epochs), default layer
s=$(OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE $JAVA "$EPOCHS" "$OUT/series.txt" parallel 2>/dev/null | median)
printf '%-52s %10s %16s\n' "2 folds in parallel (GemmLstm), 1 thread each (s per 2 epochs)" "$s" "$(python3 -c "print(round($s/2/${T[torch2]},2))") per epoch"

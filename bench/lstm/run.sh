#!/usr/bin/env bash
# LSTM speed benchmark: Foresight (GemmLstm, the default recurrence) vs PyTorch (CPU) on the course's
# network, 2,000 windows of 60x1, batch 32. Alternating processes, same thread/wait policies, wall and
# whole-process CPU per epoch, min/median/max of the ratio over ROUNDS rounds, with the machine's
# OPENBLAS_CORETYPE and with it unset, and the BLAS kernel each side ran. See bench/lstm/README.md.
#   bench/lstm/run.sh [EPOCHS [ROUNDS]]       defaults 4 and 5; ROWS=1,2,folds selects settings,
#                                             KERNELS=machine,unset,launcher the OPENBLAS_CORETYPEs
#   LAYERS=1 bench/lstm/run.sh                also times DL4J's own layer and FusedLstm once (no peer)
#   WARMUP_EPOCHS=3 bench/lstm/run.sh 8 5     medians over epochs 4-8 on both sides (default: epochs 2-N):
#                                             the steady state, after the JVM's JIT has finished
# Not a test; takes 15-30 minutes. Installs the peer's packages when run as root; otherwise it says
# what is missing and prints no ratio.
set -euo pipefail
cd "$(dirname "$0")/../.."
EPOCHS=${1:-4}
ROUNDS=${2:-5}
OUT=bench/out/lstm
mkdir -p "$OUT/classes"

missing=()
/usr/bin/python3 -c 'import torch' 2>/dev/null || missing+=(python3-torch)
/usr/bin/python3 -c 'import threadpoolctl' 2>/dev/null || missing+=(python3-threadpoolctl)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
  else
    echo "bench/lstm: the PyTorch peer is not installed (missing: ${missing[*]}); run as root or" \
         "apt-get install -y ${missing[*]}. No ratio is printed without the peer." >&2
    exit 2
  fi
fi

./foresight plugins >/dev/null   # builds experiments/target/foresight.jar and its lib/ when sources changed
CP="experiments/target/foresight.jar:experiments/target/lib/*"
javac -d "$OUT/classes" -cp "$CP" bench/lstm/src/dev/foresight/strategies/lstm/LstmBench.java
/usr/bin/python3 bench/lstm/make_data.py "$OUT/series.txt"
# shellcheck disable=SC2046
JAVA=(java $(sed -e 's/#.*//' -e 's/^[[:space:]]*linux://' jvm.options | xargs) -Xmx1g -Dorg.nd4j.log.initialization=false
      -cp "$OUT/classes:$CP" dev.foresight.strategies.lstm.LstmBench)

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)," \
     "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}, ./foresight would choose: $(./openblas-coretype || true)"
# the kernel ./foresight chooses on this CPU when the variable is unset (empty: OpenBLAS's own choice)
LAUNCHER_CORETYPE="$(./openblas-coretype)" \
  /usr/bin/python3 bench/lstm/alternate.py "$OUT" "$EPOCHS" "$ROUNDS" "${JAVA[@]}"

if [ -n "${LAYERS:-}" ]; then
  # DL4J's own LSTM layer and the libnd4j lstmLayer op, one process each, for the record (no peer)
  for layer in stock fused; do
    s=$(OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE "${JAVA[@]}" "$EPOCHS" "$OUT/series.txt" $layer \
        2>/dev/null | awk '/^median_seconds_per_epoch/ {print $2}')
    echo "$layer layer, 1 thread: ${s:-failed} s/epoch"
  done
fi

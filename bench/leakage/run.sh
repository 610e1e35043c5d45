#!/usr/bin/env bash
# Cost of the default leakage checks (1-3 and 5, and the per-task plugin class loaders with the
# static-state watch; the canary is opt-in and not counted): runs a batch alternately with
# everything off (truncation_samples 0, perturb_folds 0, -Dforesight.isolation=off) and on, REPS
# times each, and prints the median wall time of the run (timings.json, so JVM start-up is not
# counted) and the median ratio on/off; and the same for the whole process's CPU time (user + system,
# GNU time), which a machine loaded by other work disturbs less than wall time.
#   bench/leakage/run.sh [BATCH.yaml]     (default: experiments/quickstart.yaml; REPS=5)
#   bench/leakage/run.sh bench/leakage/spy.yaml   (real data: SPY daily, 1993-)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
batch="${1:-$root/experiments/quickstart.yaml}"
reps="${REPS:-5}"
out="$root/bench/out/leakage"
mkdir -p "$out"
cd "$root"
./foresight --version >/dev/null   # builds if needed

experiments=$(python3 -c "import sys,re; print(len(re.findall(r'^  - name:', open(sys.argv[1]).read(), re.M)))" "$batch")
common=()
off=()
for ((i = 0; i < experiments; i++)); do
  common+=(--set "experiments[$i].leakage.canary=false")
  off+=(--set "experiments[$i].leakage.truncation_samples=0" --set "experiments[$i].leakage.perturb_folds=0")
done

wall() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['wall_ms'])" "$1/timings.json"; }
cpu() { awk '{printf "%.0f", 1000 * ($1 + $2)}' "$1"; }
on_times=()
off_times=()
on_cpu=()
off_cpu=()
for ((r = 1; r <= reps; r++)); do
  FORESIGHT_JAVA_OPTS="${FORESIGHT_JAVA_OPTS:-} -Dforesight.isolation=off" /usr/bin/time -f "%U %S" -o "$out/off.cpu" \
    ./foresight run -q --fresh "$batch" "${common[@]}" "${off[@]}" --out "$out/off" >/dev/null
  off_times+=("$(wall "$out/off")")
  off_cpu+=("$(cpu "$out/off.cpu")")
  /usr/bin/time -f "%U %S" -o "$out/on.cpu" ./foresight run -q --fresh "$batch" "${common[@]}" --out "$out/on" >/dev/null
  on_times+=("$(wall "$out/on")")
  on_cpu+=("$(cpu "$out/on.cpu")")
  echo "rep $r: checks off ${off_times[-1]} ms (CPU ${off_cpu[-1]} ms), on ${on_times[-1]} ms (CPU ${on_cpu[-1]} ms); load $(cut -d' ' -f1-3 /proc/loadavg)"
done
python3 - "${off_times[*]}" "${on_times[*]}" "${off_cpu[*]}" "${on_cpu[*]}" <<'PY'
import statistics, sys
def show(label, off, on):
    off = [float(x) for x in off.split()]
    on = [float(x) for x in on.split()]
    ratios = [b / a for a, b in zip(off, on)]
    print(f"median {label}: checks off {statistics.median(off):.0f} ms, on {statistics.median(on):.0f} ms; "
          f"median ratio on/off {statistics.median(ratios):.3f} (overhead {100 * (statistics.median(ratios) - 1):+.1f}%)")
show("wall (run)", sys.argv[1], sys.argv[2])
show("CPU (process)", sys.argv[3], sys.argv[4])
PY

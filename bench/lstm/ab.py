"""A/B of Foresight's LSTM against itself (no peer): alternating fresh JVMs, whole-process CPU and
wall per epoch (median of the epochs after the first), ratio B / A within each round, min / median /
max over the rounds, and the ratio of all epochs' CPU (the first ones included: a JIT setting can
move compile work between epochs). Used for every kernel attempt recorded in bench/lstm/README.md.

Usage: ab.py ROUNDS EPOCHS SERIES VARIANT_A VARIANT_B
  VARIANT = label|ENV=V,ENV=V|jvm-flag jvm-flag|classpath-prefix   (empty fields allowed)
  The base command line is read from AB_JAVA (the java command up to, not including, -cp).
"""
import os, shlex, statistics, subprocess, sys

rounds, epochs, series = int(sys.argv[1]), sys.argv[2], sys.argv[3]
base = shlex.split(os.environ["AB_JAVA"])
cp = os.environ["AB_CP"]
layer = os.environ.get("AB_LAYER", "gemm")


def variant(spec):
    label, envs, flags, prefix = (spec.split("|") + ["", "", ""])[:4]
    env = dict(os.environ)
    for kv in filter(None, envs.split(",")):
        k, _, v = kv.partition("=")
        if v == "UNSET":
            env.pop(k, None)
        else:
            env[k] = v
    cmd = base + flags.split() + ["-cp", (prefix + ":" if prefix else "") + cp,
                                  "dev.foresight.strategies.lstm.LstmBench", epochs, series] + layer.split()
    return label, env, cmd


def run(v):
    label, env, cmd = v
    p = subprocess.run(cmd, env=env, capture_output=True, text=True)
    d = dict(l.split(" ", 1) for l in p.stdout.splitlines() if " " in l)
    if p.returncode != 0 or "median_cpu_seconds_per_epoch" not in d:
        sys.exit(f"{label} failed ({p.returncode})\n{p.stderr[-3000:]}")
    losses = [l.split("loss ")[1] for l in p.stderr.splitlines() if "loss " in l]
    # every epoch's CPU, the first ones included: a JIT setting can move compile work between epochs
    total = sum(float(l.split(", ")[1].split(" s CPU")[0]) for l in p.stderr.splitlines() if l.startswith("epoch ") and " s CPU" in l)
    return float(d["median_seconds_per_epoch"]), float(d["median_cpu_seconds_per_epoch"]), losses, total


a, b = variant(sys.argv[4]), variant(sys.argv[5])
rw, rc, rt = [], [], []
for r in range(rounds):
    load = open("/proc/loadavg").read().split()[0]
    order = (a, b) if r % 2 == 0 else (b, a)
    res = {v[0]: run(v) for v in order}
    (wa, ca, la, ta), (wb, cb, lb, tb) = res[a[0]], res[b[0]]
    rw.append(wb / wa)
    rc.append(cb / ca)
    rt.append(tb / ta)
    print(f"round {r + 1} load {load}: {a[0]} {wa:.3f} s ({ca:.3f} CPU)  {b[0]} {wb:.3f} s ({cb:.3f} CPU)"
          f"  wall {wb / wa:.3f}  CPU {cb / ca:.3f}  all epochs' CPU {ta:.2f} / {tb:.2f} = {tb / ta:.3f}  losses {'same' if la == lb else f'{la} vs {lb}'}", flush=True)


def mmm(x):
    return f"{min(x):.3f} / {statistics.median(x):.3f} / {max(x):.3f}"


print(f"{b[0]} / {a[0]}: wall {mmm(rw)}   CPU {mmm(rc)}   all epochs' CPU {mmm(rt)}")

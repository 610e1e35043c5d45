"""Driver of bench/lstm/run.sh: runs Foresight (GemmLstm) and PyTorch on the course's network in
alternating processes and prints min/median/max of the ratio Foresight / PyTorch per setting.

Fairness rules, each applied to both sides:
- the same thread counts (OMP_NUM_THREADS, OPENBLAS_NUM_THREADS, MKL_NUM_THREADS, and
  torch.set_num_threads / ND4J's OpenMP pool) and OMP_WAIT_POLICY=PASSIVE;
- no LD_LIBRARY_PATH games: each side loads the BLAS its packaging gives it (JavaCPP's OpenBLAS
  for ND4J, the Debian alternative for libblas.so.3 for torch), and the kernel, threading layer
  and thread count each actually ran with is printed (threadpoolctl for torch, OpenBLAS's own
  openblas_get_corename/config through JavaCPP for Java);
- the sides alternate (Java first in even rounds, PyTorch first in odd ones), each round is a fresh
  process per side, and the ratio is taken within a round; min/median/max over the rounds;
- wall time and whole-process CPU time (all threads) per epoch, median over the epochs after the
  first (after the first WARMUP_EPOCHS when that is set), for both;
- every setting runs with the machine's OPENBLAS_CORETYPE (when set) and with it unset, and, when
  ./foresight would choose a kernel on this CPU, with Foresight on that kernel and PyTorch unset
  (what each side gets by default here).

Usage: alternate.py OUT_DIR EPOCHS ROUNDS JAVA_COMMAND...   (JAVA_COMMAND: the LstmBench command line
without its arguments). ROWS env var: comma-separated subset of "1,2,folds"; KERNELS: of
"machine,unset,launcher".
"""
import os
import statistics
import subprocess
import sys
import time

out, epochs, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
java = sys.argv[4:]
series = os.path.join(out, "series.txt")
torch_cmd = ["/usr/bin/python3", os.path.join(os.path.dirname(__file__), "torch_lstm.py"), series, str(epochs)]
rows = os.environ.get("ROWS", "1,2,folds").split(",")


def env_for(threads, coretype):
    e = dict(os.environ)
    e.pop("LD_LIBRARY_PATH", None)
    for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        e[k] = str(threads)
    e["OMP_WAIT_POLICY"] = "PASSIVE"
    e["OPENBLAS_VERBOSE"] = "2"  # OpenBLAS prints "Core: <kernel>" when it loads
    if coretype is None:
        e.pop("OPENBLAS_CORETYPE", None)
    else:
        e["OPENBLAS_CORETYPE"] = coretype
    return e


def parse(text):
    d = {}
    for line in text.splitlines():
        key, _, value = line.partition(" ")
        d[key] = value
    return d


def run(cmd, env):
    p = subprocess.run(cmd, env=env, capture_output=True, text=True)
    d = parse(p.stdout)
    if p.returncode != 0 or "median_seconds_per_epoch" not in d:
        sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr[-3000:]}")
    return with_core(d, p.stderr)


def with_core(d, stderr):
    cores = sorted({line.split(":", 1)[1].strip() for line in stderr.splitlines() if line.startswith("Core:")})
    d["blas"] = d.get("blas", "") + f" [OpenBLAS 'Core:' at load: {', '.join(cores) or 'not printed'}]"
    return d


def run_pair(cmd, env):
    """Two processes side by side (two folds at once); the pair's epoch takes as long as the slower one."""
    ps = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate() for p in ps]
    ds = [with_core(parse(o), err) for o, err in outs]
    for p, d, (_, err) in zip(ps, ds, outs):
        if p.returncode != 0 or "median_seconds_per_epoch" not in d:
            sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{err[-3000:]}")
    return {"median_seconds_per_epoch": str(max(float(d["median_seconds_per_epoch"]) for d in ds)),
            "median_cpu_seconds_per_epoch": str(sum(float(d["median_cpu_seconds_per_epoch"]) for d in ds)),
            "blas": ds[0]["blas"], "torch": ds[0].get("torch", "")}


def settings():
    """(label, Java's OPENBLAS_CORETYPE, PyTorch's, row): the machine's setting for both; unset for both;
    and, when ./foresight would choose a kernel here (LAUNCHER_CORETYPE, from ../../openblas-coretype),
    what each side gets by default on this CPU: Foresight the launcher's kernel, PyTorch its own choice."""
    machine = os.environ.get("OPENBLAS_CORETYPE")
    launcher = os.environ.get("LAUNCHER_CORETYPE")
    wanted = os.environ.get("KERNELS", "machine,unset,launcher").split(",")
    cores = ([("machine", machine, machine, machine)] if machine else []) + [("unset", "unset", None, None)]
    if launcher:
        cores.append(("launcher", f"{launcher} (launcher) / unset", launcher, None))
    for key, label, java_core, torch_core in cores:
        if key not in wanted:
            continue
        for row in rows:
            yield label, java_core, torch_core, row


def fmt(values):
    return f"{min(values):.2f} / {statistics.median(values):.2f} / {max(values):.2f}"


results = []
for coretype, java_core, torch_core, row in settings():
    threads = 2 if row == "2" else 1
    jenv = env_for(threads, java_core)
    env = env_for(threads, torch_core)
    if row == "folds":
        label = "2 folds side by side, 1 thread each (s per pair of epochs)"
        jcmd = java + [str(epochs), series, "parallel", "gemm"]
        tcmd = torch_cmd + ["1"]
        trun = lambda: run_pair(tcmd, env)
    else:
        label = f"{threads} thread{'s' if threads > 1 else ''}"
        jcmd = java + [str(epochs), series, "gemm"]
        tcmd = torch_cmd + [str(threads)]
        trun = lambda: run(tcmd, env)
    jw, tw, jc, tc, jt, ratio, cpu_ratio = [], [], [], [], [], [], []
    blas = {}
    for r in range(rounds):
        order = ("java", "torch") if r % 2 == 0 else ("torch", "java")
        got = {}
        for side in order:
            got[side] = run(jcmd, jenv) if side == "java" else trun()
        j, t = got["java"], got["torch"]
        blas["Foresight"], blas["PyTorch"] = j["blas"], t["blas"] + " | " + t.get("torch", "")
        jw.append(float(j["median_seconds_per_epoch"]))
        tw.append(float(t["median_seconds_per_epoch"]))
        jc.append(float(j["median_cpu_seconds_per_epoch"]))
        # Foresight's training thread alone (the rest of its CPU is the JVM's JIT and GC threads); with
        # 2 threads the second slice of each minibatch runs on a pool thread, so the figure is not shown
        jt.append(float(j.get("median_training_thread_cpu_seconds_per_epoch", "nan")) if threads == 1 else float("nan"))
        tc.append(float(t["median_cpu_seconds_per_epoch"]))
        ratio.append(jw[-1] / tw[-1])
        cpu_ratio.append(jc[-1] / tc[-1])
        print(f"  [{time.strftime('%H:%M:%S')}] OPENBLAS_CORETYPE={coretype} {label} round {r + 1}: "
              f"Foresight {jw[-1]:.3f} s ({jc[-1]:.3f} CPU, training thread {jt[-1]:.3f}), PyTorch {tw[-1]:.3f} s ({tc[-1]:.3f} CPU)",
              file=sys.stderr, flush=True)
    results.append((coretype, label, jw, tw, jc, tc, jt, ratio, cpu_ratio, blas))

load = open("/proc/loadavg").read().split()[:3]
warm = int(os.environ.get("WARMUP_EPOCHS", "").strip() or 1)  # as LstmBench and torch_lstm.py count them
first = warm + 1 if epochs > warm + 1 else 2 if epochs > 2 else 1
print(f"\n{rounds} alternating rounds per setting, {epochs} epochs per process (median of epochs {first}..{epochs});"
      f" load average at the end {' '.join(load)}; min / median / max")
print("| OPENBLAS_CORETYPE | setting | Foresight s/epoch (CPU; training thread's CPU) | PyTorch s/epoch (CPU) | ratio, wall | ratio, CPU |")
print("| --- | --- | --- | --- | --- | --- |")
for coretype, label, jw, tw, jc, tc, jt, ratio, cpu_ratio, _ in results:
    own = statistics.median(jt)  # NaN where the training runs on more than one thread
    print(f"| {coretype} | {label} | {statistics.median(jw):.3f} ({statistics.median(jc):.3f}; {'n/a' if own != own else f'{own:.3f}'}) |"
          f" {statistics.median(tw):.3f} ({statistics.median(tc):.3f}) | {fmt(ratio)} | {fmt(cpu_ratio)} |")
print("\nBLAS each side ran:")
seen = set()
for coretype, label, *_, blas in results:
    for side, b in blas.items():
        if (coretype, side, b) not in seen:
            seen.add((coretype, side, b))
            print(f"  OPENBLAS_CORETYPE={coretype or 'unset'} {side}: {b}")

#!/usr/bin/env python3
"""Per-thread CPU of the Foresight Spark driver and executor JVMs (the profile in bench/spark/README.md).

  python3 bench/spark/threadcpu.py > prof.txt &  ...run ./foresight-spark...;  kill %1

Every 0.5 s reads /proc/PID/task/TID/stat (user+system ticks) of each java process whose command line
names SparkMain (the driver) or CoarseGrainedExecutorBackend (an executor), keeps each thread's last
reading, and on SIGTERM/SIGINT prints the totals per process and per thread-name group (digits
folded: "C2 CompilerThread0" and "C1 CompilerThread1" are one group). A thread that ends between two
readings loses at most 0.5 s of its CPU.
"""
import os, sys, time, re, collections, signal
hz = os.sysconf('SC_CLK_TCK')
last = {}   # (pid, tid) -> (role, comm, ticks)
stop = False
def handler(*a):
    global stop; stop = True
signal.signal(signal.SIGTERM, handler); signal.signal(signal.SIGINT, handler)
def role(pid):
    try: cmd = open(f'/proc/{pid}/cmdline','rb').read().decode(errors='replace')
    except OSError: return None
    if 'CoarseGrainedExecutorBackend' in cmd: return 'executor'
    if 'SparkMain' in cmd: return 'driver'
    return None
roles = {}
while not stop:
    for pid in os.listdir('/proc'):
        if not pid.isdigit(): continue
        if pid not in roles: roles[pid] = role(pid)
        r = roles[pid]
        if not r: continue
        try: tids = os.listdir(f'/proc/{pid}/task')
        except OSError: continue
        for tid in tids:
            try: s = open(f'/proc/{pid}/task/{tid}/stat').read()
            except OSError: continue
            comm = s[s.index('(')+1:s.rindex(')')]
            f = s[s.rindex(')')+2:].split()
            last[(pid, tid)] = (r + ':' + pid, comm, int(f[11]) + int(f[12]))
    time.sleep(0.5)
groups = collections.defaultdict(float)
def grp(c):
    c = re.sub(r'\d+', '#', c)
    return c
for (pid, tid), (r, comm, t) in last.items():
    groups[(r, grp(comm))] += t / hz
tot = collections.defaultdict(float)
for (r, g), v in groups.items(): tot[r] += v
for r in sorted(tot): print(f'{r}: {tot[r]:.1f} s')
for (r, g), v in sorted(groups.items(), key=lambda x: -x[1])[:40]:
    if v >= 0.3: print(f'  {r:22} {g:30} {v:7.1f}')

#!/usr/bin/env python3
"""bench/spark's arithmetic (called by run.sh).

  figures.py row TIME_FILE TIMINGS_JSON CASE REP [EVENT_LOG_DIR]   one run's row of runs.tsv
  figures.py table RUNS_TSV                                        the summary table and ratios

A row: wall and user+system CPU from /usr/bin/time (the whole process tree), the task phase from the
run's timings.json, and, for a local-cluster run with Spark's event log, how the executors were used:
  busy  the executors' summed task time / (executors x (last task finish - first task launch)):
        1.0 when every executor ran a task from the job's first launch to its last finish;
  tail  the last task's finish minus the earliest time an executor finished its last task: how long
        one executor stood idle at the end while another still ran (the straggler tail);
  start seconds from the first executor's registration to the last one's (a second executor that
        registers late leaves the first to run the job's start alone).
"""
import glob
import json
import statistics
import sys


def row(time_file, timings, case, rep, events=""):
    wall, user, system = (float(x) for x in open(time_file).read().split()[-3:])
    phase = json.load(open(timings))["phases_ms"]["tasks"] / 1000
    busy = tail = start = ""
    logs = sorted(glob.glob(events + "/*")) if events else []
    if logs:
        spans, added = {}, []
        for line in open(logs[0]):
            e = json.loads(line)
            if e.get("Event") == "SparkListenerExecutorAdded":
                added.append(e["Timestamp"])
            elif e.get("Event") == "SparkListenerTaskEnd":
                i = e["Task Info"]
                t0, t1 = i["Launch Time"], i["Finish Time"]
                work, first, last = spans.get(i["Executor ID"], (0, t0, t1))
                spans[i["Executor ID"]] = (work + t1 - t0, min(first, t0), max(last, t1))
        if spans:
            begin = min(s[1] for s in spans.values())
            end = max(s[2] for s in spans.values())
            busy = f"{sum(s[0] for s in spans.values()) / (len(spans) * (end - begin)):.3f}"
            tail = f"{(end - min(s[2] for s in spans.values())) / 1000:.1f}"
        if added:
            start = f"{(max(added) - min(added)) / 1000:.1f}"
    print(f"{case}\t{rep}\t{wall:.1f}\t{user + system:.1f}\t{phase:.1f}\t{busy}\t{tail}\t{start}")


def table(runs):
    with open(runs) as f:
        header = f.readline().rstrip("\n").split("\t")
        rows = [dict(zip(header, line.rstrip("\n").split("\t"))) for line in f if line.strip()]
    cases = {}
    for r in rows:
        cases.setdefault(r["case"], []).append(r)

    def stat(case, key):
        xs = [float(r[key]) for r in cases[case] if r[key] != ""]
        return (statistics.median(xs), min(xs), max(xs)) if xs else None

    def fmt(m, digits=1):
        return "-" if m is None else f"{m[0]:.{digits}f} [{m[1]:.{digits}f}-{m[2]:.{digits}f}]"

    print(f"{'case':<22} {'n':>2} {'wall s':>20} {'CPU s (user+sys)':>20} {'task phase s':>20} "
          f"{'busy':>20} {'tail s':>16} {'exec start s':>16}")
    for case, rs in cases.items():
        print(f"{case:<22} {len(rs):>2} {fmt(stat(case, 'wall_s')):>20} {fmt(stat(case, 'cpu_s')):>20} "
              f"{fmt(stat(case, 'task_phase_s')):>20} {fmt(stat(case, 'busy'), 3):>20} "
              f"{fmt(stat(case, 'tail_s')):>16} {fmt(stat(case, 'start_s')):>16}")
    print("(median [min-max] over the repetitions)")
    print()
    if "quickstart-local" in cases and "quickstart-spark-local2" in cases:
        for key, what in (("wall_s", "wall"), ("cpu_s", "CPU")):
            d = stat("quickstart-spark-local2", key)[0] - stat("quickstart-local", key)[0]
            print(f"Spark engine fixed overhead on the quickstart ({what}, median difference): {d:+.1f} s")
    one, two = "lstm40-executors-1", "lstm40-executors-2"
    if one in cases and two in cases:
        by_rep = {r["rep"]: r for r in cases[two]}
        for key, what in (("wall_s", "WHOLE COMMAND, driver start to exit (the headline)"),
                          ("task_phase_s", "task phase only")):
            ratios = sorted(float(r[key]) / float(by_rep[r["rep"]][key]) for r in cases[one] if r["rep"] in by_rep)
            if not ratios:
                continue
            med = statistics.median(ratios)
            print(f"40 LSTM tasks, 2 vs 1 executors, speed-up, {what}: {med:.2f}x "
                  f"[min {ratios[0]:.2f}, max {ratios[-1]:.2f} over {len(ratios)} repetition pairs]; "
                  f"efficiency {med / 2:.2f} (goal >= 1.8x, 0.9) -> {'MET' if med >= 1.8 else 'not met'}")
        cpu = stat(two, "cpu_s")[0] - stat(one, "cpu_s")[0]
        print(f"CPU of the whole process tree, 2 executors minus 1 (medians): {cpu:+.1f} s "
              f"(the second executor JVM's fixed cost, and contention)")


if __name__ == "__main__":
    if sys.argv[1] == "row":
        row(*sys.argv[2:])
    elif sys.argv[1] == "table":
        table(sys.argv[2])
    else:
        sys.exit("usage: figures.py row|table ...")

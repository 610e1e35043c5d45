package dev.foresight.cli;

import dev.foresight.model.FitProgress;
import dev.foresight.result.TaskResult;
import dev.foresight.run.Progress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on stderr: a progress bar (tasks done/total, the latest epoch of a running task or the
 * task just finished, elapsed, ETA) on a terminal; on anything else (a CI log, a pipe) a plain
 * line at every tenth of the batch and, while a task trains, a line per running task at least
 * every {@link #HEARTBEAT} (epoch/max, validation loss, ETA); a line per task with {@code
 * --verbose}, plus the same epoch lines; nothing with {@code --quiet}.
 *
 * <p>Thread-safe: epochs arrive from the worker threads, concurrently. The clock is injected so a
 * test can run simulated minutes without waiting for them.
 */
final class TerminalProgress implements Progress {

    enum Mode { BAR, LINES, EVERY_TASK, SILENT }

    /** The longest a training task stays silent in line mode. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    /** How often the timer looks whether a line is due; a line is printed one tick early, never late. */
    static final Duration TICK = Duration.ofMillis(500);

    private final Mode mode;
    private final PrintStream err;
    private final LongSupplier nanoTime;
    /** Whether {@link #started} starts the timer that calls {@link #tick} (a test calls it itself). */
    private final boolean timer;
    private ProgressBar bar;
    private ScheduledExecutorService ticker;
    private volatile int total;
    private volatile int done;
    /** Tasks computed (not reused) so far: what the ETA's pace is measured on. */
    private volatile int computed;
    /** Sum over running tasks of the share of their fit done: read by the bar's thread without a lock. */
    private volatile double runningShare;
    private int nextTenth;
    private volatile long startNanos;
    private long lastLineNanos;
    /** Running tasks that reported an epoch, by task id, in the order they first reported. */
    private final Map<String, Running> running = new LinkedHashMap<>();

    /** Printed once when the tasks start (null: nothing). */
    private final String header;

    TerminalProgress(Mode mode, PrintStream err) {
        this(mode, err, null);
    }

    TerminalProgress(Mode mode, PrintStream err, String header) {
        this(mode, err, header, System::nanoTime, true);
    }

    /** With the clock {@code nanoTime}; without {@code timer} nobody calls {@link #tick} but the caller. */
    TerminalProgress(Mode mode, PrintStream err, String header, LongSupplier nanoTime, boolean timer) {
        this.mode = mode;
        this.err = err;
        this.header = header;
        this.nanoTime = nanoTime;
        this.timer = timer;
    }

    /**
     * A running task's latest epoch, and when and how far it was first seen (its pace, hence its
     * ETA, is measured from there: the time before the first epoch is not known to be training).
     */
    private record Running(int fold, long firstNanos, double firstShare, FitProgress.Epoch latest, long latestNanos) {
    }

    /** Tasks finished or reused so far, and in all: what an interrupted run reports. */
    int finishedSoFar() {
        return done;
    }

    int totalTasks() {
        return total;
    }

    static Mode choose(boolean quiet, boolean verbose, boolean terminal) {
        if (quiet) {
            return Mode.SILENT;
        }
        if (verbose) {
            return Mode.EVERY_TASK;
        }
        return terminal ? Mode.BAR : Mode.LINES;
    }

    @Override
    public void started(int tasks, int cached) {
        total = tasks;
        startNanos = nanoTime.getAsLong();
        synchronized (this) {
            lastLineNanos = startNanos;
        }
        if (header != null && mode != Mode.SILENT) {
            err.println(header);
        }
        if (cached > 0 && mode != Mode.SILENT) {
            err.printf("foresight: %d of %d tasks already finished in this directory (same inputs): reused%n", cached, tasks);
        }
        if (mode == Mode.BAR && tasks > 0) {
            bar = new ProgressBarBuilder().setTaskName("tasks").setInitialMax(tasks).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(err)).setUpdateIntervalMillis(200)
                    .setMaxRenderedLength(120).setEtaFunction(state -> eta()).build();
        }
        if (timer && tasks > 0 && (mode == Mode.LINES || mode == Mode.EVERY_TASK)) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "foresight-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::tick, TICK.toNanos(), TICK.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The batch's ETA: the pace of the computed work so far — finished tasks plus the running
     * tasks' share of their fits ({@link FitProgress.Epoch#fractionOfMaximum()}) — applied to
     * what remains. Reused tasks took no time and count for neither. Reads only volatile fields:
     * the bar calls it from its own thread, under its own lock.
     */
    Optional<Duration> eta() {
        double share = runningShare;
        double work = computed + share;
        if (work <= 0) {
            return Optional.empty();
        }
        double remaining = Math.max(0, total - done - share);
        double perTask = (nanoTime.getAsLong() - startNanos) / work;
        return Optional.of(Duration.ofNanos((long) (perTask * remaining)));
    }

    @Override
    public synchronized void epoch(String taskId, int fold, FitProgress.Epoch report) {
        if (mode == Mode.SILENT) {
            return;
        }
        long now = nanoTime.getAsLong();
        Running before = running.get(taskId);
        running.put(taskId, before == null
                ? new Running(fold, now, report.fractionOfMaximum(), report, now)
                : new Running(fold, before.firstNanos(), before.firstShare(), report, now));
        runningShare = running.values().stream().mapToDouble(r -> r.latest().fractionOfMaximum()).sum();
        if (bar != null) {
            bar.setExtraMessage(describe(taskId, running.get(taskId), now)
                    + (running.size() > 1 ? " (+" + (running.size() - 1) + " running)" : ""));
        }
        tick();
    }

    /**
     * In line mode, prints a line per training task when {@link #HEARTBEAT} has passed since the
     * last line (less one {@link #TICK}, so that the timer is never late). Called by the timer and
     * after every epoch.
     */
    synchronized void tick() {
        if ((mode != Mode.LINES && mode != Mode.EVERY_TASK) || running.isEmpty()) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (now - lastLineNanos < HEARTBEAT.toNanos() - TICK.toNanos()) {
            return;
        }
        running.forEach((task, r) -> err.println("foresight: " + describe(task, r, now)));
        err.flush();
        lastLineNanos = now;
    }

    /** "task (fold k): epoch e/max, validation loss v, ETA s": one running task, for a line or the bar. */
    private static String describe(String task, Running r, long now) {
        FitProgress.Epoch e = r.latest();
        StringBuilder out = new StringBuilder(task).append(" (fold ").append(r.fold()).append("): ");
        if (e.members() > 1) {
            out.append("network ").append(e.member() + 1).append('/').append(e.members()).append(", ");
        }
        out.append("epoch ").append(e.epoch()).append('/').append(e.maxEpochs()).append(", validation loss ")
                .append(Double.isNaN(e.validationLoss()) ? "n/a" : String.format(Locale.ROOT, "%.6g", e.validationLoss()));
        double share = e.fractionOfMaximum();
        double since = share - r.firstShare();
        if (since > 0) {
            // at most: early stopping may end the fit before its maximum epochs
            double seconds = (r.latestNanos() - r.firstNanos()) / 1e9 / since * (1 - share)
                    - (now - r.latestNanos()) / 1e9;
            out.append(String.format(Locale.ROOT, ", ETA <= %.0f s", Math.max(0, seconds)));
        }
        return out.toString();
    }

    @Override
    public synchronized void finished(TaskResult result, double seconds, boolean cached) {
        if (running.remove(result.taskId()) != null) {
            runningShare = running.values().stream().mapToDouble(r -> r.latest().fractionOfMaximum()).sum();
        }
        if (!cached) {
            computed++;
        }
        done++;
        String what = result.taskId() + (cached ? " (reused)" : result.ok() ? "" : " FAILED");
        switch (mode) {
            case BAR -> {
                bar.stepTo(done);
                bar.setExtraMessage(what);
            }
            case EVERY_TASK -> err.printf(Locale.ROOT, "[%d/%d] %s %s%n", done, total, result.taskId(), cached ? "reused"
                    : result.ok() ? String.format(Locale.ROOT, "ok %.2f s", seconds) : "FAILED: " + result.error());
            case LINES -> {
                if (done * 10 >= nextTenth * total || done == total) {
                    long now = nanoTime.getAsLong();
                    err.printf(Locale.ROOT, "foresight: %d/%d tasks done, %.0f s elapsed%n", done, total,
                            (now - startNanos) / 1e9);
                    lastLineNanos = now;
                    nextTenth = done * 10 / Math.max(1, total) + 1;
                }
            }
            case SILENT -> {
            }
        }
    }

    /** Canary outcomes held back for one summary line (every one is printed with --verbose). */
    private final Map<String, Integer> canaries = new TreeMap<>();

    @Override
    public synchronized void note(String line) {
        if (mode == Mode.SILENT) {
            return;
        }
        boolean canary = line.startsWith("canary ");
        if (canary && mode != Mode.EVERY_TASK) {
            String status = line.contains(" failed") ? "failed" : line.contains(" passed") ? "passed" : "warning";
            canaries.merge(status, 1, Integer::sum);
            if (status.equals("passed")) {
                return; // summed up in one line
            }
        }
        if (!canary) {
            flushCanaries();
        }
        err.println("foresight: " + line);
    }

    /** One line for the null-data canary: how many models, how many passed (the others are printed in full). */
    private void flushCanaries() {
        if (canaries.isEmpty()) {
            return;
        }
        int all = canaries.values().stream().mapToInt(Integer::intValue).sum();
        List<String> parts = new ArrayList<>();
        canaries.forEach((status, n) -> parts.add(n + " " + status));
        err.printf("foresight: null-data canary on %d model%s: %s (-v prints each)%n", all, all == 1 ? "" : "s",
                String.join(", ", parts));
        canaries.clear();
    }

    @Override
    public synchronized void done() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        running.clear();
        runningShare = 0;
        flushCanaries();
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}

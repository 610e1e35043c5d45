package dev.foresight.cli;

import java.util.ArrayList;
import java.util.List;

import dev.foresight.result.TaskResult;
import dev.foresight.run.Progress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on stderr: a progress bar (tasks done/total, the task just finished, elapsed, ETA) on
 * a terminal; on anything else (a CI log, a pipe) a plain line at every tenth of the batch; a line
 * per task with {@code --verbose}; nothing with {@code --quiet}.
 */
final class TerminalProgress implements Progress {

    enum Mode { BAR, LINES, EVERY_TASK, SILENT }

    private final Mode mode;
    private final PrintStream err;
    private ProgressBar bar;
    private volatile int total;
    private volatile int done;
    private int nextTenth;
    private long startNanos;

    /** Printed once when the tasks start (null: nothing). */
    private final String header;

    TerminalProgress(Mode mode, PrintStream err) {
        this(mode, err, null);
    }

    TerminalProgress(Mode mode, PrintStream err, String header) {
        this.mode = mode;
        this.err = err;
        this.header = header;
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
        startNanos = System.nanoTime();
        if (header != null && mode != Mode.SILENT) {
            err.println(header);
        }
        if (cached > 0 && mode != Mode.SILENT) {
            err.printf("foresight: %d of %d tasks already finished in this directory (same inputs): reused%n", cached, tasks);
        }
        if (mode == Mode.BAR && tasks > 0) {
            bar = new ProgressBarBuilder().setTaskName("tasks").setInitialMax(tasks).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(err)).setUpdateIntervalMillis(200)
                    .setMaxRenderedLength(100).setEtaFunction(this::eta).build();
        }
    }

    private java.util.Optional<Duration> eta(me.tongfei.progressbar.ProgressState state) {
        long current = state.getCurrent();
        if (current <= 0) {
            return java.util.Optional.empty();
        }
        double perTask = (System.nanoTime() - startNanos) / (double) current;
        return java.util.Optional.of(Duration.ofNanos((long) (perTask * (state.getMax() - current))));
    }

    @Override
    public synchronized void finished(TaskResult result, double seconds, boolean cached) {
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
                    err.printf(Locale.ROOT, "foresight: %d/%d tasks done, %.0f s elapsed%n", done, total,
                            (System.nanoTime() - startNanos) / 1e9);
                    nextTenth = done * 10 / Math.max(1, total) + 1;
                }
            }
            case SILENT -> {
            }
        }
    }

    /** Canary outcomes held back for one summary line (every one is printed with --verbose). */
    private final java.util.Map<String, Integer> canaries = new java.util.TreeMap<>();

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
        flushCanaries();
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}

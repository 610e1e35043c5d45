package dev.foresight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.MarketData;
import dev.foresight.data.synthetic.RegimeSwitchingGarchSource;
import dev.foresight.model.FitContext;
import dev.foresight.model.FitProgress;
import dev.foresight.model.FittedModel;
import dev.foresight.model.Forecast;
import dev.foresight.model.Model;
import dev.foresight.model.ModelData;
import dev.foresight.pipeline.FoldRunner;
import dev.foresight.pipeline.Pipeline;
import dev.foresight.scaling.ScalingMethod;
import dev.foresight.target.Targets;
import dev.foresight.walkforward.Fold;
import dev.foresight.walkforward.WalkForwardPlan;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Epoch reports on the command line, on a simulated clock: a fake model "trains" for a simulated
 * minute through {@link FoldRunner}, reporting each epoch, while the test plays the progress
 * timer's ticks; no test waits for wall time.
 */
class TerminalProgressTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long TICK = TerminalProgress.TICK.toNanos();
    private static final MarketData DATA = RegimeSwitchingGarchSource.calmTurbulent().market("SYN", 600, 3);
    private static final List<Fold> FOLDS = WalkForwardPlan.expanding(400, 100).folds(DATA.size(), 1);

    /** What stderr received: each line with the simulated time it was printed at. */
    private record Line(long nanos, String text) {
    }

    private static final class Recorder extends OutputStream {
        final List<Line> lines = new ArrayList<>();
        private final AtomicLong clock;
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        Recorder(AtomicLong clock) {
            this.clock = clock;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(new Line(clock.get(), current.toString(StandardCharsets.UTF_8)));
                current.reset();
            } else {
                current.write(b);
            }
        }
    }

    /**
     * Trains {@code epochs} of {@code maxEpochs} epochs of {@code epochNanos} simulated time each,
     * validation loss 1/epoch; between epochs the progress timer ticks every {@link
     * TerminalProgress#TICK}.
     */
    private static Model slowModel(AtomicLong clock, TerminalProgress progress, int epochs, int maxEpochs,
                                   long epochNanos) {
        return new Model() {
            @Override
            public FittedModel fit(ModelData train, ModelData validation, long seed) {
                throw new AssertionError("the framework calls the FitContext fit");
            }

            @Override
            public FittedModel fit(ModelData train, ModelData validation, FitContext context) {
                for (int e = 1; e <= epochs; e++) {
                    for (long t = 0; t < epochNanos; t += TICK) {
                        clock.addAndGet(TICK);
                        progress.tick();
                    }
                    context.progress().epoch(new FitProgress.Epoch(0, 1, e, maxEpochs, 2.0 / e, 1.0 / e, 1e-3));
                }
                return data -> {
                    Forecast[] out = new Forecast[data.size()];
                    Arrays.fill(out, Forecast.point(0));
                    return out;
                };
            }
        };
    }

    private static Pipeline pipeline(Model model) {
        return new Pipeline(Targets.logReturn(1), List.of(), ScalingMethod.NONE, "m", model,
                Optional.of(in -> Math.signum(in.expectedMove())), List.of(), 7);
    }

    @Test
    void lineMode_printsTaskFoldEpochLossAndEtaAtLeastEveryTenSimulatedSeconds() {
        AtomicLong clock = new AtomicLong(1_000 * SECOND);
        Recorder err = new Recorder(clock);
        TerminalProgress progress = new TerminalProgress(TerminalProgress.Mode.LINES, new PrintStream(err, true),
                null, clock::get, false);
        progress.started(2, 0);
        long start = clock.get();
        Model model = slowModel(clock, progress, 40, 50, 3 * SECOND / 2);
        FoldRunner.fit(DATA, pipeline(model), FOLDS.get(1), null,
                report -> progress.epoch("exp/lstm/fold-1", 1, report));

        // 40 epochs of 1.5 s: a minute of training, a line at least every 10 s
        List<Line> lines = err.lines;
        assertEquals(6, lines.size(), "lines: " + lines);
        long previous = start;
        for (Line line : lines) {
            assertTrue(line.nanos() - previous <= TerminalProgress.HEARTBEAT.toNanos(), "late: " + lines);
            assertTrue(line.text().startsWith("foresight: exp/lstm/fold-1 (fold 1): epoch "), line.text());
            previous = line.nanos();
        }
        assertTrue(start + 60 * SECOND - previous <= TerminalProgress.HEARTBEAT.toNanos());

        // the first line, at 9.5 s: epoch 6 finished at 9 s; first seen at 1.5 s, 5 epochs in 7.5 s
        // since, so the 44 epochs left take at most 66 s from 9 s: 65.5 s from now
        Matcher m = Pattern.compile("epoch (\\d+)/50, validation loss ([0-9.]+), ETA <= (\\d+) s")
                .matcher(lines.get(0).text());
        assertTrue(m.find(), lines.get(0).text());
        assertEquals(6, Integer.parseInt(m.group(1)));
        assertEquals(1.0 / 6, Double.parseDouble(m.group(2)), 1e-6);
        assertEquals(65.5, Integer.parseInt(m.group(3)), 0.5 + 1e-9);
        Matcher last = Pattern.compile("epoch (\\d+)/50").matcher(lines.get(5).text());
        assertTrue(last.find());
        // at 57 s the timer ticks just before epoch 38 reports: the line shows epoch 37
        assertEquals(37, Integer.parseInt(last.group(1)), lines.get(5).text());

        // after the batch, a tick prints nothing
        progress.done();
        clock.addAndGet(60 * SECOND);
        progress.tick();
        assertEquals(6, lines.size());
    }

    @Test
    void lineMode_reportsEveryRunningTaskOnItsOwnLine() throws InterruptedException {
        AtomicLong clock = new AtomicLong(0);
        Recorder err = new Recorder(clock);
        TerminalProgress progress = new TerminalProgress(TerminalProgress.Mode.LINES, new PrintStream(err, true),
                null, clock::get, false);
        progress.started(2, 0);
        // two tasks report from two threads at once: the progress is shared, each report lands on its task
        Thread[] threads = new Thread[2];
        for (int i = 0; i < 2; i++) {
            String task = "exp/m" + i + "/fold-" + i;
            int fold = i;
            threads[i] = new Thread(() -> {
                for (int e = 1; e <= 500; e++) {
                    progress.epoch(task, fold, new FitProgress.Epoch(0, 2, e, 500, 1, 0.5, 1e-3));
                }
            });
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(err.lines.isEmpty(), "nothing before 10 s: " + err.lines);
        clock.addAndGet(10 * SECOND);
        progress.tick();
        assertEquals(2, err.lines.size(), err.lines.toString());
        // in the order the tasks first reported, whichever thread that was
        List<String> texts = err.lines.stream().map(l -> l.text().replaceAll(", ETA.*", "")).sorted().toList();
        assertEquals(List.of(
                "foresight: exp/m0/fold-0 (fold 0): network 1/2, epoch 500/500, validation loss 0.500000",
                "foresight: exp/m1/fold-1 (fold 1): network 1/2, epoch 500/500, validation loss 0.500000"), texts);
    }

    @Test
    void eta_countsTheRunningTasksShareOfTheirFits() {
        AtomicLong clock = new AtomicLong(0);
        TerminalProgress progress = new TerminalProgress(TerminalProgress.Mode.BAR,
                new PrintStream(OutputStream.nullOutputStream()), null, clock::get, false);
        progress.started(3, 0);
        assertTrue(progress.eta().isEmpty());
        clock.addAndGet(10 * SECOND);
        // half of one task's maximum work in 10 s: 20 s a task, 2.5 tasks left
        progress.epoch("exp/m/fold-0", 0, new FitProgress.Epoch(0, 1, 25, 50, 1, 1, 1e-3));
        assertEquals(Duration.ofSeconds(50), progress.eta().orElseThrow());
        progress.done();
    }
}

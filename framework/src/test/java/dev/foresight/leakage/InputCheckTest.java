package dev.foresight.leakage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.MarketData;
import dev.foresight.data.synthetic.RegimeSwitchingGarchSource;
import dev.foresight.feature.FeatureSet;
import dev.foresight.pipeline.FittedFold;
import dev.foresight.pipeline.FoldRunner;
import dev.foresight.pipeline.NamedFeatureSet;
import dev.foresight.pipeline.NamedRegimeDetector;
import dev.foresight.pipeline.Pipeline;
import dev.foresight.result.CheckOutcome;
import dev.foresight.scaling.ScalingMethod;
import dev.foresight.target.Targets;
import dev.foresight.walkforward.Fold;
import dev.foresight.walkforward.WalkForwardPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The every-bar input check shared by a fold's tasks: computed once however many tasks take part,
 * with the same outcome whoever computed which bars, and never waiting forever on a participant
 * whose plugin threw.
 */
class InputCheckTest {

    private static final MarketData DATA = RegimeSwitchingGarchSource.calmTurbulent().market("SYN", 700, 5);
    private static final Fold FOLD = WalkForwardPlan.expanding(500, 150).folds(DATA.size(), 1).get(0);

    /** A pipeline of {@code sets} (a supplier each: every participant creates its own plugins) and a volatility-quantile detector. */
    private static Pipeline pipeline(List<Supplier<FeatureSet>> sets, boolean leakyRegimes) {
        List<NamedFeatureSet> named = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            named.add(new NamedFeatureSet("set" + i, sets.get(i).get()));
        }
        List<NamedRegimeDetector> regimes = leakyRegimes
                ? List.of(new NamedRegimeDetector("quantiles", LeakyPlugins.fullSampleQuantiles(21))) : List.of();
        return new Pipeline(Targets.logReturn(1), named, ScalingMethod.NONE, "m", LeakyPlugins.zero(),
                Optional.of(in -> Math.signum(in.expectedMove())), regimes, 7);
    }

    private static List<String> evidence(InputCheck.Result r) {
        return r.failures().stream().map(c -> c.plugin() + ": " + c.evidence()).toList();
    }

    /** The check run by {@code participants} threads at once, each with plugins of its own. */
    private static InputCheck.Result shared(List<Supplier<FeatureSet>> sets, boolean regimes, int participants)
            throws Exception {
        Pipeline first = pipeline(sets, regimes);
        FittedFold fitted = FoldRunner.fitInputs(DATA, first, FOLD);
        InputCheck check = new InputCheck(DATA, new InputCheck.Basis("m", fitted), 0, sets.size(), regimes);
        ExecutorService pool = Executors.newFixedThreadPool(participants);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<InputCheck.Result>> results = new ArrayList<>();
            for (int p = 0; p < participants; p++) {
                results.add(pool.submit(() -> {
                    Pipeline own = pipeline(sets, regimes);
                    FittedFold mine = FoldRunner.fitInputs(DATA, own, FOLD);
                    start.await();
                    check.participate(own, pipeline(sets, regimes), mine);
                    return check.await();
                }));
            }
            start.countDown();
            InputCheck.Result r = results.get(0).get();
            for (Future<InputCheck.Result> f : results) {
                assertEquals(evidence(r), evidence(f.get()), "every participant sees the same outcome");
            }
            return r;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sharedCheck_findsTheSameEarliestFailuresAsOneTaskAlone() throws Exception {
        List<Supplier<FeatureSet>> sets = List.of(() -> LeakyPlugins.feature("lag", p -> p.clone()),
                () -> LeakyPlugins.centredMovingAverage(3), LeakyPlugins::nextBarReturn);
        InputCheck.Result alone = shared(sets, true, 1);
        InputCheck.Result four = shared(sets, true, 4);
        assertEquals(evidence(alone), evidence(four));
        List<String> found = evidence(four);
        assertEquals(3, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("feature set set1: column 'centred_ma' at bar " + FOLD.testStart() + " "),
                found.toString());
        assertTrue(found.stream().anyMatch(f -> f.startsWith("feature set set2: ")), found.toString());
        assertTrue(found.stream().anyMatch(f -> f.startsWith("regime detector quantiles: ")), found.toString());
        assertEquals(FOLD.testStart(), four.firstFeatureFailure());
    }

    @Test
    void sharedCheck_findsALeakOnOneLateBarWhoeverTakesIt() throws Exception {
        int late = FOLD.testRows()[FOLD.testRows().length - 5];
        // the value at `late` reads the next bar, every other bar is causal
        Supplier<FeatureSet> sparse = () -> LeakyPlugins.feature("sparse", p -> {
            double[] out = p.clone();
            if (p.length > late + 1) {
                out[late] = p[late + 1];
            }
            return out;
        });
        InputCheck.Result r = shared(List.of(sparse), false, 3);
        assertEquals(List.of("feature set set0: column 'sparse' at bar " + late + " (" + DATA.date(late) + "): full history "
                + Values.show(DATA.primary().prices()[late + 1]) + ", history cut at the bar "
                + Values.show(DATA.primary().prices()[late])), evidence(r));
        assertEquals(late, r.firstFeatureFailure());
    }

    @Test
    void sharedCheck_computesEachBarOnceHoweverManyTasksTakePart() throws Exception {
        AtomicInteger computations = new AtomicInteger();
        Supplier<FeatureSet> counting = () -> LeakyPlugins.feature("counted", p -> {
            computations.incrementAndGet();
            return p.clone();
        });
        InputCheck.Result r = shared(List.of(counting), false, 3);
        assertTrue(r.failures().isEmpty(), evidence(r).toString());
        // 4 fits of the inputs (the basis and each participant's own task), one recomputation per test bar
        assertEquals(4 + FOLD.testRows().length, computations.get());
    }

    @Test
    void participantWhosePluginThrows_doesNotLeaveTheOthersWaiting() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        int failAt = 5;
        Supplier<FeatureSet> flaky = () -> LeakyPlugins.feature("flaky", p -> {
            if (calls.incrementAndGet() == failAt) {
                throw new IllegalStateException("planted failure");
            }
            return p.clone();
        });
        Pipeline first = pipeline(List.of(flaky), false);
        FittedFold fitted = FoldRunner.fitInputs(DATA, first, FOLD);
        InputCheck check = new InputCheck(DATA, new InputCheck.Basis("m", fitted), 0, 1, false);
        assertThrows(IllegalStateException.class, () -> check.participate(first, pipeline(List.of(flaky), false), fitted));
        // the thrower took one chunk; a later participant computes the rest, then learns the check is broken
        Pipeline second = pipeline(List.of(flaky), false);
        check.participate(second, pipeline(List.of(flaky), false), FoldRunner.fitInputs(DATA, second, FOLD));
        assertNull(check.await());
        InputCheck fine = new InputCheck(DATA, new InputCheck.Basis("m", fitted), 0, 1, false);
        fine.participate(second, pipeline(List.of(flaky), false), fitted);
        assertNotNull(fine.await());
    }

    @Test
    void outcome_namesThePluginAsTheTruncationCheck() throws Exception {
        InputCheck.Result r = shared(List.of(LeakyPlugins::nextBarReturn), false, 2);
        CheckOutcome c = r.failures().get(0);
        assertEquals(CheckOutcome.TRUNCATION, c.check());
        assertEquals("feature set set0", c.plugin());
    }

    /** What a centred moving average (half-width 3) gives at the last bar of the view it is shown: none. */
    private static double centredAtLast(dev.foresight.data.MarketView view) {
        return Double.NaN;
    }

    @Test
    void lastRow_leakingComputeIsCaughtAtEveryBarWithoutRecomputingTheCutHistory() throws Exception {
        AtomicInteger lastRows = new AtomicInteger();
        AtomicInteger computations = new AtomicInteger();
        Supplier<FeatureSet> leaky = () -> LeakyPlugins.featureWithLastRow("centred_ma", p -> {
            computations.incrementAndGet();
            double[] out = LeakyPlugins.nan(p.length);
            for (int t = 3; t + 3 < p.length; t++) {
                double sum = 0;
                for (int s = t - 3; s <= t + 3; s++) {
                    sum += p[s];
                }
                out[t] = sum / 7;
            }
            return out;
        }, InputCheckTest::centredAtLast, lastRows);
        InputCheck.Result r = shared(List.of(leaky), false, 2);
        List<String> found = evidence(r);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("feature set set0: column 'centred_ma' at bar " + FOLD.testStart() + " "),
                found.toString());
        // the cut histories were never computed whole: 3 fits of the inputs only; the first bar failed, so
        // only that bar's last row was needed
        assertEquals(3, computations.get());
        assertTrue(lastRows.get() >= 1, "last rows " + lastRows.get());
    }

    @Test
    void lastRow_ofACausalFeatureIsAskedOncePerTestBarAndPasses() throws Exception {
        AtomicInteger lastRows = new AtomicInteger();
        Supplier<FeatureSet> lag = () -> LeakyPlugins.featureWithLastRow("price", p -> p.clone(),
                view -> view.primary().price(view.last()), lastRows);
        InputCheck.Result r = shared(List.of(lag), false, 3);
        assertTrue(r.failures().isEmpty(), evidence(r).toString());
        assertEquals(FOLD.testRows().length, lastRows.get());
    }

    @Test
    void lastRow_thatDiffersFromComputesRowByOneUlpIsAFailure() throws Exception {
        Supplier<FeatureSet> off = () -> LeakyPlugins.featureWithLastRow("price", p -> p.clone(),
                view -> Math.nextUp(view.primary().price(view.last())), new AtomicInteger());
        List<String> found = evidence(shared(List.of(off), false, 1));
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("feature set set0: column 'price' at bar " + FOLD.testStart() + " "),
                found.toString());
    }

    @Test
    void lastRow_readingALaterBarIsALookAheadFailure() throws Exception {
        Supplier<FeatureSet> peek = () -> LeakyPlugins.featureWithLastRow("price", p -> p.clone(),
                view -> view.primary().price(view.last() + 1), new AtomicInteger());
        List<String> found = evidence(shared(List.of(peek), false, 1));
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).contains("read data not yet known"), found.toString());
    }

    @Test
    void lastLabel_ofADetectorWithFullSampleThresholdsIsCaught() throws Exception {
        Pipeline first = new Pipeline(Targets.logReturn(1), List.of(), ScalingMethod.NONE, "m", LeakyPlugins.zero(),
                Optional.of(in -> Math.signum(in.expectedMove())),
                List.of(new NamedRegimeDetector("quantiles", LeakyPlugins.withLastLabel(LeakyPlugins.fullSampleQuantiles(21)))), 7);
        FittedFold fitted = FoldRunner.fitInputs(DATA, first, FOLD);
        InputCheck check = new InputCheck(DATA, new InputCheck.Basis("m", fitted), 0, 0, true);
        check.participate(first, first, fitted);
        List<String> found = evidence(check.await());
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("regime detector quantiles: label at bar "), found.toString());
    }
}

package dev.foresight.leakage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.MarketData;
import dev.foresight.data.synthetic.RegimeSwitchingGarchSource;
import dev.foresight.feature.FeatureSet;
import dev.foresight.model.Model;
import dev.foresight.pipeline.FoldFailure;
import dev.foresight.pipeline.NamedFeatureSet;
import dev.foresight.pipeline.NamedRegimeDetector;
import dev.foresight.pipeline.Pipeline;
import dev.foresight.regime.RegimeDetector;
import dev.foresight.result.CheckOutcome;
import dev.foresight.scaling.ScalingMethod;
import dev.foresight.target.Target;
import dev.foresight.target.Targets;
import dev.foresight.walkforward.Fold;
import dev.foresight.walkforward.WalkForwardPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each planted look-ahead bug is caught by the checks a run executes, and the culprit is named.
 * The honest control at the end shows the same checks stay quiet on a clean pipeline.
 */
class PlantedLeaksTest {

    private static final MarketData DATA = RegimeSwitchingGarchSource.calmTurbulent().market("SYN", 900, 11);
    private static final WalkForwardPlan PLAN = WalkForwardPlan.expanding(500, 100);
    private static final LeakageSettings SETTINGS = new LeakageSettings(5, 1, false);

    private static List<CheckOutcome> run(Target target, List<FeatureSet> features, Model model,
                                          List<RegimeDetector> regimes, List<Fold> folds) {
        List<NamedFeatureSet> named = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            named.add(new NamedFeatureSet("leaky" + i, features.get(i)));
        }
        List<NamedRegimeDetector> detectors = new ArrayList<>();
        for (int i = 0; i < regimes.size(); i++) {
            detectors.add(new NamedRegimeDetector("regimes" + i, regimes.get(i)));
        }
        Pipeline p = new Pipeline(target, named, ScalingMethod.NONE, "m", model,
                Optional.of(in -> Math.signum(in.expectedMove())), detectors, 7);
        List<CheckOutcome> checks = new ArrayList<>();
        for (Fold f : folds) {
            try {
                CheckedFoldRunner.run(DATA, p, CheckedFold.of(f, CheckPlan.forRun(SETTINGS, folds.size()), 99), checks);
            } catch (FoldFailure e) {
                // as in a batch: the fold fails, the checks reached so far are kept
                checks.add(CheckOutcome.passed("fold-failed", e.getMessage()));
            }
        }
        return checks;
    }

    private static List<CheckOutcome> runFeatures(FeatureSet leak) {
        return run(Targets.logReturn(1), List.of(leak), LeakyPlugins.zero(), List.of(),
                PLAN.folds(DATA.size(), 1));
    }

    private static CheckOutcome firstFailure(List<CheckOutcome> checks) {
        return checks.stream().filter(CheckOutcome::failed).findFirst()
                .orElseThrow(() -> new AssertionError("the leak was not caught: " + checks));
    }

    @Test
    void featureUsingTheNextBar_isCaughtWithColumnBarAndBothValues() {
        CheckOutcome c = firstFailure(runFeatures(LeakyPlugins.nextBarReturn()));
        assertEquals(CheckOutcome.TRUNCATION, c.check());
        assertEquals("feature set leaky0", c.plugin());
        assertTrue(c.evidence().startsWith("column 'next_return' at bar 500 ("), c.evidence());
        assertTrue(c.evidence().contains("history cut at the bar NaN"), c.evidence());
    }

    @Test
    void centredMovingAverage_isCaught() {
        CheckOutcome c = firstFailure(runFeatures(LeakyPlugins.centredMovingAverage(5)));
        assertEquals(CheckOutcome.TRUNCATION, c.check());
        assertEquals("feature set leaky0", c.plugin());
        assertTrue(c.evidence().contains("'centred_ma'"), c.evidence());
    }

    @Test
    void fullSampleZScore_isCaught() {
        CheckOutcome c = firstFailure(runFeatures(LeakyPlugins.fullSampleZScore()));
        assertEquals("feature set leaky0", c.plugin());
        assertTrue(c.evidence().contains("'price_z'"), c.evidence());
    }

    @Test
    void minMaxScalerFitOnAllDataInsideAPlugin_isCaught() {
        List<CheckOutcome> checks = runFeatures(LeakyPlugins.fullSampleMinMax());
        CheckOutcome c = firstFailure(checks);
        assertEquals("feature set leaky0", c.plugin());
        // the perturbation check sees it too: training rows change when only the future is scrambled
        assertTrue(checks.stream().anyMatch(o -> o.failed() && o.check().equals(CheckOutcome.PERTURBATION)
                && o.plugin().equals("feature set leaky0")), checks.toString());
    }

    @Test
    void modelKeepingTestLabelsInStaticState_isCaught() {
        LeakyPlugins.MEMORY.clear();
        List<CheckOutcome> checks = run(Targets.logReturn(1), List.of(), LeakyPlugins.staticLabelMemory(), List.of(),
                PLAN.folds(DATA.size(), 1));
        CheckOutcome c = firstFailure(checks);
        assertEquals(CheckOutcome.TRUNCATION, c.check());
        assertEquals("model m", c.plugin());
        assertTrue(c.evidence().startsWith("forecast at bar "), c.evidence());
    }

    @Test
    void regimeDetectorWithFullSampleQuantiles_isCaught() {
        List<CheckOutcome> checks = run(Targets.logReturn(1), List.of(), LeakyPlugins.zero(),
                List.of(LeakyPlugins.fullSampleQuantiles(21)), PLAN.folds(DATA.size(), 1));
        CheckOutcome c = firstFailure(checks);
        assertEquals("regime detector regimes0", c.plugin());
    }

    @Test
    void foldIntegrity_checksAndNamesTheWindowEachModelFitOn() {
        // train 0..499 of which the last 100 bars validate: fitting rows 0..399 for a model that uses them
        List<Fold> folds = new WalkForwardPlan(dev.foresight.walkforward.WindowType.EXPANDING, 500, 100, 100, 0.2, 0, 1)
                .folds(DATA.size(), 1);
        List<CheckOutcome> whole = run(Targets.logReturn(1), List.of(), LeakyPlugins.zero(), List.of(), folds);
        assertTrue(whole.stream().noneMatch(CheckOutcome::failed), whole.toString());
        assertEquals("fold 0: fit on bars 0..499 (the whole training window); gap 1 bars ≥ horizon 1 + embargo 0",
                integrity(whole).evidence());

        Model zero = LeakyPlugins.zero();
        Model early = new Model() {
            @Override
            public dev.foresight.model.FittedModel fit(dev.foresight.model.ModelData train,
                                                       dev.foresight.model.ModelData validation, long seed) {
                return zero.fit(train, validation, seed);
            }

            @Override
            public boolean usesValidation() {
                return true;
            }
        };
        List<CheckOutcome> tail = run(Targets.logReturn(1), List.of(), early, List.of(), folds);
        assertTrue(tail.stream().noneMatch(CheckOutcome::failed), tail.toString());
        assertEquals("fold 0: fit on bars 0..399, validation bars 400..499; gap 1 bars ≥ horizon 1 + embargo 0;"
                + " validation purged by 1", integrity(tail).evidence());
    }

    private static CheckOutcome integrity(List<CheckOutcome> checks) {
        return checks.stream().filter(c -> c.check().equals(CheckOutcome.FOLD_INTEGRITY)).findFirst().orElseThrow();
    }

    @Test
    void horizonFiveWithThePurgeRemoved_isCaughtNamingThePlan() {
        // The folds are planned as if the target looked 1 bar ahead; it looks 5.
        List<Fold> unpurged = PLAN.folds(DATA.size(), 1).stream()
                .map(f -> new Fold(f.index(), f.trainStart(), f.fitEnd(), f.validationStart(), f.trainEnd(),
                        f.testStart(), Math.min(f.testEnd(), DATA.size() - 6), 1, 0))
                .toList();
        CheckOutcome c = firstFailure(run(Targets.logReturn(5), List.of(), LeakyPlugins.zero(), List.of(), unpurged));
        assertEquals(CheckOutcome.FOLD_INTEGRITY, c.check());
        assertEquals(FoldIntegrity.PLAN, c.plugin());
        assertTrue(c.evidence().contains("horizon 5 + embargo 0 = 5 are needed"), c.evidence());
    }

    @Test
    void targetReadingBeyondItsHorizon_isCaughtByPerturbation() {
        Target sneaky = new Target() {
            @Override
            public int horizon() {
                return 1;
            }

            @Override
            public String name() {
                return "sneaky";
            }

            @Override
            public double[] labels(dev.foresight.data.SeriesView series) {
                double[] p = series.prices();
                double[] y = LeakyPlugins.nan(p.length);
                for (int t = 0; t + 3 < p.length; t++) {
                    y[t] = Math.log(p[t + 3] / p[t]); // declares 1 bar, reads 3
                }
                return y;
            }

            @Override
            public double move(double value, dev.foresight.data.SeriesView series, int t) {
                return value;
            }
        };
        CheckOutcome c = firstFailure(run(sneaky, List.of(), LeakyPlugins.zero(), List.of(),
                PLAN.folds(DATA.size(), 1)));
        assertEquals(CheckOutcome.PERTURBATION, c.check());
        assertEquals("target", c.plugin());
    }

    @Test
    void honestPipeline_raisesNothing() {
        FeatureSet trailingReturn = LeakyPlugins.feature("ret", p -> {
            double[] out = LeakyPlugins.nan(p.length);
            for (int t = 1; t < p.length; t++) {
                out[t] = Math.log(p[t] / p[t - 1]);
            }
            return out;
        });
        List<CheckOutcome> checks = run(Targets.logReturn(1), List.of(trailingReturn), LeakyPlugins.zero(), List.of(),
                PLAN.folds(DATA.size(), 1));
        assertFalse(checks.stream().anyMatch(CheckOutcome::failed), checks.toString());
        assertEquals(4 + 4 + 1, checks.size(), "integrity and truncation per fold, one perturbation: " + checks);
    }
}

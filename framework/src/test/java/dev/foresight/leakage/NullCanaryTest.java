package dev.foresight.leakage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.backtest.CostModel;
import dev.foresight.data.MarketData;
import dev.foresight.data.synthetic.GarchSource;
import dev.foresight.metrics.Annualisation;
import dev.foresight.model.Forecast;
import dev.foresight.model.Model;
import dev.foresight.pipeline.NamedFeatureSet;
import dev.foresight.pipeline.Pipeline;
import dev.foresight.result.CanaryMeasurement;
import dev.foresight.result.CheckOutcome;
import dev.foresight.scaling.ScalingMethod;
import dev.foresight.target.Targets;
import dev.foresight.walkforward.WalkForwardPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NullCanaryTest {

    private static final MarketData DATA = GarchSource.defaults().market("G", 1500, 3);

    /** Forecasts the value of feature column 0 (whatever it is). */
    private static Model echoFeature() {
        return (train, validation, seed) -> data -> Arrays.stream(data.rows())
                .mapToObj(t -> Forecast.point(data.feature(t, 0))).toArray(Forecast[]::new);
    }

    private static CheckOutcome canary(Pipeline p) {
        return NullCanary.check(DATA, p, WalkForwardPlan.expanding(500, 250).folds(DATA.size(), 1), new CostModel(1, 0),
                Annualisation.DAILY, 5);
    }

    @Test
    void surrogate_keepsEveryReturnButNotTheirOrder() {
        MarketData s = NullCanary.surrogate(DATA, 9);
        double[] a = returns(DATA.primary().prices());
        double[] b = returns(s.primary().prices());
        assertFalse(Arrays.equals(a, b));
        Arrays.sort(a);
        Arrays.sort(b);
        assertArrayEquals(a, b, 1e-12);
        assertEquals(DATA.primary().price(0), s.primary().price(0));
    }

    @Test
    void modelFedTheNextBar_findsSkillInNoiseAndIsFlagged() {
        // the next bar's return, with the last bar (whose future is unknown) filled with 0 to hide the gap
        var nextReturn = LeakyPlugins.feature("next_return", p -> {
            double[] out = new double[p.length];
            for (int t = 0; t + 1 < p.length; t++) {
                out[t] = Math.log(p[t + 1] / p[t]);
            }
            return out;
        });
        Pipeline leaky = new Pipeline(Targets.logReturn(1), List.of(new NamedFeatureSet("next", nextReturn)),
                ScalingMethod.NONE, "oracle", echoFeature(), Optional.of(in -> Math.signum(in.expectedMove())), List.of(), 1);
        CheckOutcome c = canary(leaky);
        assertTrue(c.failed(), c.toString());
        assertEquals("model oracle", c.plugin());
        assertTrue(c.evidence().contains("Holm-adjusted"), c.evidence());
        CanaryMeasurement m = NullCanary.measure(DATA, leaky, WalkForwardPlan.expanding(500, 250).folds(DATA.size(), 1),
                new CostModel(1, 0), Annualisation.DAILY, 5);
        assertTrue(m.ptPValue() < 1e-8, m.toString());
    }

    @Test
    void honestModel_findsNothingInNoise() {
        Pipeline honest = new Pipeline(Targets.logReturn(1), List.of(new NamedFeatureSet("last", LeakyPlugins.feature("ret",
                p -> {
                    double[] out = LeakyPlugins.nan(p.length);
                    for (int t = 1; t < p.length; t++) {
                        out[t] = Math.log(p[t] / p[t - 1]);
                    }
                    return out;
                }))), ScalingMethod.NONE, "momentum", echoFeature(), Optional.of(in -> Math.signum(in.expectedMove())),
                List.of(), 1);
        CheckOutcome c = canary(honest);
        assertFalse(c.failed(), c.toString());
        assertTrue(c.evidence().contains("no significant skill"), c.evidence());
    }

    private static final List<dev.foresight.walkforward.Fold> FOLDS = WalkForwardPlan.expanding(500, 250)
            .folds(DATA.size(), 1);

    private static NamedFeatureSet nextReturnSet() {
        return nextReturnSet("next");
    }

    private static NamedFeatureSet nextReturnSet(String name) {
        return new NamedFeatureSet(name, LeakyPlugins.feature(name + "_return", p -> {
            double[] out = new double[p.length];
            for (int t = 0; t + 1 < p.length; t++) {
                out[t] = Math.log(p[t + 1] / p[t]);
            }
            return out;
        }));
    }

    private static NamedFeatureSet lastReturnSet() {
        return new NamedFeatureSet("last", LeakyPlugins.feature("ret", p -> {
            double[] out = LeakyPlugins.nan(p.length);
            for (int t = 1; t < p.length; t++) {
                out[t] = Math.log(p[t] / p[t - 1]);
            }
            return out;
        }));
    }

    private static CheckOutcome judgedAndAttributed(Pipeline p) {
        CheckOutcome verdict = NullCanary.judge(List.of(NullCanary.measure(DATA, p, FOLDS, new CostModel(1, 0),
                Annualisation.DAILY, 5))).get(0);
        return NullCanary.attribute(verdict, DATA, p, FOLDS, new CostModel(1, 0), Annualisation.DAILY, 5);
    }

    @Test
    void attribution_namesTheLeakingFeatureSetNotTheModel() {
        // the leaking set first, so the echoing model reads it; an honest set beside it
        Pipeline p = new Pipeline(Targets.logReturn(1), List.of(nextReturnSet(), lastReturnSet()), ScalingMethod.NONE,
                "linear", echoFeature(), Optional.of(in -> Math.signum(in.expectedMove())), List.of(), 1);
        CheckOutcome c = judgedAndAttributed(p);
        assertTrue(c.failed(), c.toString());
        assertEquals("feature set next", c.plugin(), c.toString());
        assertTrue(c.evidence().contains("without last"), c.evidence());
    }

    @Test
    void attribution_namesTwoSetsCarryingTheSameLeakTogether() {
        // the same leak through two feature sets: leaving out either keeps the skill, but a linear
        // baseline reading only the features finds it too, and the model cannot run without them
        Pipeline p = new Pipeline(Targets.logReturn(1), List.of(nextReturnSet("next"), nextReturnSet("again")), ScalingMethod.NONE,
                "oracle", echoFeature(), Optional.of(in -> Math.signum(in.expectedMove())), List.of(), 1);
        CheckOutcome c = judgedAndAttributed(p);
        assertTrue(c.failed(), c.toString());
        assertEquals("feature set next, feature set again", c.plugin(), c.toString());
        assertTrue(c.evidence().contains("a linear baseline on the same features"), c.evidence());
    }

    /** Forecasts bar t with the label of t itself, read "as of" the next bar: a model's own leak. */
    private static Model labelAsOfNextBar() {
        return (train, validation, seed) -> data -> Arrays.stream(data.rows()).mapToObj(t -> Forecast.point(
                t + data.horizon() <= data.last() ? data.labelKnownAt(t, t + data.horizon()) : 0.0))
                .toArray(Forecast[]::new);
    }

    @Test
    void attribution_namesTheModelWhenABaselineOnItsFeaturesFindsNothing() {
        Pipeline p = new Pipeline(Targets.logReturn(1), List.of(lastReturnSet()), ScalingMethod.NONE, "peeker",
                labelAsOfNextBar(), Optional.of(in -> Math.signum(in.expectedMove())), List.of(), 1);
        CheckOutcome c = judgedAndAttributed(p);
        assertTrue(c.failed(), c.toString());
        assertEquals("model peeker", c.plugin(), c.toString());
        assertTrue(c.evidence().contains("a baseline on the features finds none"), c.evidence());
    }

    @Test
    void attribution_namesModelAndFeaturesWhenBothLeak() {
        // a leaking feature set the model ignores, and the model's own leak: the baseline finds the
        // first, the model without features keeps the second
        Pipeline p = new Pipeline(Targets.logReturn(1), List.of(nextReturnSet()), ScalingMethod.NONE, "peeker",
                labelAsOfNextBar(), Optional.of(in -> Math.signum(in.expectedMove())), List.of(), 1);
        CheckOutcome c = judgedAndAttributed(p);
        assertTrue(c.failed(), c.toString());
        assertEquals("model peeker, feature set next", c.plugin(), c.toString());
    }

    @Test
    void attribution_aModelThatReadsNoFeaturesIsNotFlaggedBesideALeakingFeatureSet() {
        Model constant = (train, validation, seed) -> data -> Arrays.stream(data.rows())
                .mapToObj(t -> Forecast.point(1e-4)).toArray(Forecast[]::new);
        Pipeline p = new Pipeline(Targets.logReturn(1), List.of(nextReturnSet()), ScalingMethod.NONE, "random-walk",
                constant, Optional.of(in -> Math.signum(in.expectedMove())), List.of(), 1);
        CheckOutcome c = judgedAndAttributed(p);
        assertFalse(c.failed(), c.toString());
    }

    private static CanaryMeasurement measured(String model, Double pt, Double sharpe) {
        return new CanaryMeasurement("model " + model, 1000, "synthetic", pt, sharpe);
    }

    @Test
    void holm_doesNotFlagABatchSizedNullFamilyThatARawOnePercentRuleWould() {
        // 12 models, two tests each, all null; one PT p-value of 0.0053 (the chance failure of the
        // issue) that the old per-model 1% rule flagged.
        List<CanaryMeasurement> family = new ArrayList<>();
        double[] nullPs = {0.41, 0.87, 0.23, 0.65, 0.094, 0.52, 0.31, 0.78, 0.15, 0.96, 0.047, 0.58, 0.33, 0.71,
            0.19, 0.88, 0.026, 0.44, 0.62, 0.09, 0.37, 0.81};
        family.add(measured("lstm_direction", 0.0053, 0.12));
        for (int i = 0; i < nullPs.length; i += 2) {
            family.add(measured("m" + i, nullPs[i], nullPs[i + 1]));
        }
        assertTrue(family.get(0).ptPValue() < NullCanary.LEVEL, "a raw 1% rule would flag it");
        List<CheckOutcome> verdicts = NullCanary.judge(family);
        assertTrue(verdicts.stream().noneMatch(CheckOutcome::failed), verdicts.toString());
        // 24 tests: the smallest p is multiplied by 24 (hand-computed: 0.0053 * 24 = 0.1272)
        assertEquals(0.1272, NullCanary.adjusted(family)[0], 1e-12);
        assertTrue(verdicts.get(0).evidence().contains("over the batch's 24 canary tests"), verdicts.get(0).evidence());
    }

    @Test
    void holm_stillFlagsAPlantedStrongLeakInTheSameFamilyAndOnlyIt() {
        List<CanaryMeasurement> family = new ArrayList<>();
        family.add(measured("lstm_direction", 0.0053, 0.12));
        for (int i = 0; i < 20; i++) {
            family.add(measured("m" + i, 0.05 + 0.045 * i, null));
        }
        family.add(measured("leaky", 1e-8, 3e-7));
        List<CheckOutcome> verdicts = NullCanary.judge(family);
        CheckOutcome leak = verdicts.get(verdicts.size() - 1);
        assertTrue(leak.failed(), leak.toString());
        assertEquals("model leaky", leak.plugin());
        assertEquals(1, verdicts.stream().filter(CheckOutcome::failed).count(), verdicts.toString());
    }

    @Test
    void holm_keepsTheFamilyWiseFalseAlarmRateAtOnePercentOnSimulatedNullBatches() {
        // Simulation with known truth: 20 000 batches of 20 models × 2 tests, every p-value uniform
        // (the null). A raw 1% rule alarms in 1 − 0.99^40 ≈ 33% of batches; Holm in at most 1%
        // (here exactly 1 − (1 − 0.01/40)^40 ≈ 0.995% for independent tests). 3 standard errors: 0.21%.
        SplittableRandom random = new SplittableRandom(2026);
        int batches = 20_000;
        int holmAlarms = 0;
        int rawAlarms = 0;
        for (int b = 0; b < batches; b++) {
            List<CanaryMeasurement> family = new ArrayList<>();
            boolean raw = false;
            for (int m = 0; m < 20; m++) {
                double pt = random.nextDouble();
                double sharpe = random.nextDouble();
                raw |= pt < NullCanary.LEVEL || sharpe < NullCanary.LEVEL;
                family.add(measured("m" + m, pt, sharpe));
            }
            rawAlarms += raw ? 1 : 0;
            holmAlarms += NullCanary.judge(family).stream().anyMatch(CheckOutcome::failed) ? 1 : 0;
        }
        assertTrue(rawAlarms / (double) batches > 0.30, "raw " + rawAlarms);
        assertTrue(holmAlarms / (double) batches < 0.0121, "holm " + holmAlarms);
    }

    private static double[] returns(double[] p) {
        double[] r = new double[p.length - 1];
        for (int i = 1; i < p.length; i++) {
            r[i - 1] = Math.log(p[i] / p[i - 1]);
        }
        return r;
    }
}

package dev.foresight.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.Column;
import dev.foresight.data.DataNotes;
import dev.foresight.data.LookAheadException;
import dev.foresight.data.MarketData;
import dev.foresight.data.MarketView;
import dev.foresight.data.PriceSeries;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.feature.FeatureSet;
import dev.foresight.feature.FittedFeatures;
import dev.foresight.model.FittedModel;
import dev.foresight.model.Forecast;
import dev.foresight.model.Model;
import dev.foresight.model.ModelData;
import dev.foresight.scaling.ScalingMethod;
import dev.foresight.strategy.Strategy;
import dev.foresight.target.Targets;
import dev.foresight.walkforward.Fold;
import dev.foresight.walkforward.WalkForwardPlan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FoldRunnerTest {

    /** Prices 100, 101, ..., a rising line, with a kink so returns differ. */
    private static MarketData market(double[] close) {
        LocalDate[] d = new LocalDate[close.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = LocalDate.of(2020, 1, 1).plusDays(i);
        }
        return MarketData.of(PriceSeries.of("X", d, Map.of(Column.CLOSE, close), null), DataNotes.clean(close.length));
    }

    private static double[] prices(int n) {
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = 100 + i + (i % 3 == 0 ? 0.5 : 0);
        }
        return p;
    }

    /** Feature: the close itself (so scaling is visible); warm-up of 2 bars. */
    private static final FeatureSet CLOSE_FEATURE = train -> new FittedFeatures() {
        @Override
        public List<String> columns() {
            return List.of("close");
        }

        @Override
        public int warmUp() {
            return 2;
        }

        @Override
        public FeatureMatrix compute(MarketView view) {
            double[] c = view.primary().column(Column.CLOSE);
            for (int t = 0; t < 2; t++) {
                c[t] = Double.NaN;
            }
            return FeatureMatrix.of(List.of("close"), new double[][] {c}, c.length);
        }
    };

    /** A model forecasting {@code f(data, t)} and recording the training-label mean. */
    private static Model model(ToDoubleBiFunction<ModelData, Integer> f) {
        return (train, validation, seed) -> {
            double mean = Arrays.stream(train.rowLabels()).average().orElseThrow();
            return new FittedModel() {
                @Override
                public Forecast[] predict(ModelData data) {
                    return Arrays.stream(data.rows()).mapToObj(t -> Forecast.point(f.applyAsDouble(data, t)))
                            .toArray(Forecast[]::new);
                }

                @Override
                public Map<String, Object> diagnostics() {
                    return Map.of("mean", mean, "rows", train.size());
                }
            };
        };
    }

    private static final Strategy SIGN = in -> Math.signum(in.expectedMove());

    private static Pipeline pipeline(Model m) {
        return new Pipeline(Targets.logReturn(1), List.of(new NamedFeatureSet("close", CLOSE_FEATURE)), ScalingMethod.MINMAX,
                "m", m, Optional.of(SIGN),
                List.of(), 1L);
    }

    @Test
    void positions_earnTheNextBarsReturn_warmUpRowsDroppedAndCounted() {
        MarketData data = market(prices(30));
        Fold fold = WalkForwardPlan.expanding(20, 5).folds(30, 1).get(0);
        FoldOutcome out = FoldRunner.run(data, pipeline(model((d, t) -> t % 2 == 0 ? 0.01 : -0.01)), fold);

        assertEquals(20, fold.testStart());
        assertEquals(2, out.trainingRowsDroppedForWarmUp());
        assertEquals(18, out.fitRowsUsed());
        assertEquals(5, out.bars().size());
        double[] p = prices(30);
        for (BarOutcome b : out.bars()) {
            double expectedPosition = b.bar() % 2 == 0 ? 1 : -1;
            double assetReturn = p[b.bar() + 1] / p[b.bar()] - 1;
            assertEquals(expectedPosition, b.position());
            assertEquals(assetReturn, b.assetReturn(), 1e-15);
            assertEquals(expectedPosition * assetReturn, b.grossReturn(), 1e-15);
            assertEquals(Math.log(p[b.bar() + 1] / p[b.bar()]), b.actual(), 1e-15);
        }
    }

    @Test
    void scalerAndModel_seeOnlyTheTrainingWindow() {
        Fold fold = WalkForwardPlan.expanding(20, 5).folds(30, 1).get(0);
        double[] p = prices(30);
        double[] scrambled = p.clone();
        // Scramble every bar after the last one the training labels use (trainEnd + horizon).
        for (int t = fold.lastTrainingBar() + 1; t < scrambled.length; t++) {
            scrambled[t] = 1000 + 37 * Math.sin(t);
        }
        Model m = model((d, t) -> 0.0);
        FoldOutcome a = FoldRunner.run(market(p), pipeline(m), fold);
        FoldOutcome b = FoldRunner.run(market(scrambled), pipeline(m), fold);
        assertEquals(a.scaler(), b.scaler());
        assertEquals(a.diagnostics(), b.diagnostics());
        // min-max on training rows 2..19: min = p[2], range = p[19] - p[2]
        assertEquals(p[2], a.scaler().shift()[0], 1e-12);
        assertEquals(p[19] - p[2], a.scaler().scale()[0], 1e-12);
    }

    /** A model recording the rows it was given to fit and to validate on. */
    private static Model recording(boolean usesValidation, List<int[]> fitRows, List<int[]> validationRows) {
        Model inner = model((d, t) -> 0.0);
        return new Model() {
            @Override
            public FittedModel fit(ModelData train, ModelData validation, long seed) {
                fitRows.add(train.rows());
                validationRows.add(validation.rows());
                return inner.fit(train, validation, seed);
            }

            @Override
            public boolean usesValidation() {
                return usesValidation;
            }
        };
    }

    /** Rolling 40-bar windows, 10 test bars, a quarter of each window held out, horizon 2. */
    private static final WalkForwardPlan WITH_VALIDATION =
            new WalkForwardPlan(dev.foresight.walkforward.WindowType.ROLLING, 40, 10, 10, 0.25, 0, 0);

    @Test
    void modelIgnoringValidation_fitsTheWholeTrainingWindow() {
        Fold planned = WITH_VALIDATION.folds(70, 2).get(1);
        // the plan: train 10..49, validation 40..49 (10 rows), fitting rows 10..38 (purged by 2)
        assertEquals(10, planned.trainStart());
        assertEquals(49, planned.trainEnd());
        assertEquals(40, planned.validationStart());
        assertEquals(38, planned.fitEnd());
        List<int[]> fit = new ArrayList<>();
        List<int[]> validation = new ArrayList<>();
        FoldOutcome out = FoldRunner.run(market(prices(70)), pipeline2(recording(false, fit, validation)), planned);

        // every training row 10..49 (no warm-up this late), none held out
        assertArrayEquals(IntStream.rangeClosed(10, 49).toArray(), fit.get(0));
        assertEquals(0, validation.get(0).length);
        assertEquals(40, out.fitRowsUsed());
        assertEquals(0, out.validationRowsUsed());
        // the outcome's fold says which window the model fit on
        assertEquals(49, out.fold().fitEnd());
        assertTrue(!out.fold().hasValidation());
        assertEquals(planned.testStart(), out.fold().testStart());
        assertEquals(planned.lastTrainingBar(), out.fold().lastTrainingBar());
    }

    @Test
    void modelUsingValidation_stillHoldsOutThePurgedTail() {
        Fold planned = WITH_VALIDATION.folds(70, 2).get(1);
        List<int[]> fit = new ArrayList<>();
        List<int[]> validation = new ArrayList<>();
        FoldOutcome out = FoldRunner.run(market(prices(70)), pipeline2(recording(true, fit, validation)), planned);

        assertArrayEquals(IntStream.rangeClosed(10, 38).toArray(), fit.get(0));
        assertArrayEquals(IntStream.rangeClosed(40, 49).toArray(), validation.get(0));
        assertEquals(29, out.fitRowsUsed());
        assertEquals(10, out.validationRowsUsed());
        assertEquals(planned, out.fold());
    }

    @Test
    void wholeWindowFit_seesNothingAfterItsLastLabel() {
        // the full-window fit uses labels up to bar trainEnd + horizon, no later
        Fold planned = WITH_VALIDATION.folds(70, 2).get(1);
        double[] p = prices(70);
        double[] scrambled = p.clone();
        for (int t = planned.lastTrainingBar() + 1; t < scrambled.length; t++) {
            scrambled[t] = 1000 + 37 * Math.sin(t);
        }
        Model m = recording(false, new ArrayList<>(), new ArrayList<>());
        FoldOutcome a = FoldRunner.run(market(p), pipeline2(m), planned);
        FoldOutcome b = FoldRunner.run(market(scrambled), pipeline2(m), planned);
        assertEquals(a.diagnostics(), b.diagnostics());
        assertEquals(a.scaler(), b.scaler());
        // the mean of the 2-bar log-return labels of rows 10..49: (log p[51] + log p[50] - log p[11] - log p[10]) / 40
        double expected = (Math.log(p[51]) + Math.log(p[50]) - Math.log(p[11]) - Math.log(p[10])) / 40;
        assertEquals(expected, (double) a.diagnostics().get("mean"), 1e-15);
    }

    private static Pipeline pipeline2(Model m) {
        return new Pipeline(Targets.logReturn(2), List.of(new NamedFeatureSet("close", CLOSE_FEATURE)),
                ScalingMethod.MINMAX, "m", m, Optional.of(SIGN), List.of(), 1L);
    }

    @Test
    void modelReadingALabelNotYetKnown_isStoppedByConstruction() {
        Fold fold = WalkForwardPlan.expanding(20, 5).folds(30, 1).get(0);
        Model cheat = model((d, t) -> d.labelKnownAt(t, t));
        LookAheadException e = assertThrows(LookAheadException.class,
                () -> FoldRunner.run(market(prices(30)), pipeline(cheat), fold));
        assertTrue(e.getMessage().contains("look-ahead"), e.getMessage());
        // the same label one horizon later is legitimate
        Model honest = model((d, t) -> d.labelKnownAt(t - 1, t));
        FoldOutcome out = FoldRunner.run(market(prices(30)), pipeline(honest), fold);
        assertEquals(out.bars().get(1).forecast(), out.bars().get(0).actual(), 0);
    }

    @Test
    void nonFiniteForecasts_failTheFoldWithItsDates() {
        Fold fold = WalkForwardPlan.expanding(20, 5).folds(30, 1).get(0);
        FoldFailure inf = assertThrows(FoldFailure.class,
                () -> FoldRunner.run(market(prices(30)), pipeline(model((d, t) -> Double.POSITIVE_INFINITY)), fold));
        assertTrue(inf.getMessage().startsWith("fold 0 (test 2020-01-21..2020-01-25)"), inf.getMessage());
        FoldFailure nan = assertThrows(FoldFailure.class,
                () -> FoldRunner.run(market(prices(30)), pipeline(model((d, t) -> Double.NaN)), fold));
        assertTrue(nan.getMessage().contains("forecast failed"), nan.getMessage());
    }

    /**
     * A flat price series gives log returns of exactly 0: labels models would read as a direction
     * target's (forecasting a probability of up 0.5 where 0 is right). The fold fails, naming the
     * target, instead of scoring a wrong number; a direction target on the same series, and the
     * log return of a series that moves, fit as before.
     */
    @Test
    void continuousTargetWithOnlyZeroAndOneLabels_failsTheFoldInsteadOfBeingReadAsDirection() {
        double[] flat = new double[30];
        Arrays.fill(flat, 100);
        Fold fold = WalkForwardPlan.expanding(20, 5).folds(30, 1).get(0);
        FoldFailure f = assertThrows(FoldFailure.class,
                () -> FoldRunner.run(market(flat), pipeline(model((d, t) -> 0.0)), fold));
        assertTrue(f.getMessage().startsWith("fold 0 (test 2020-01-21..2020-01-25)"), f.getMessage());
        assertTrue(f.getMessage().contains("every training label of log-return(h=1) is 0 or 1"), f.getMessage());

        Pipeline direction = new Pipeline(Targets.direction(1), List.of(new NamedFeatureSet("close", CLOSE_FEATURE)),
                ScalingMethod.MINMAX, "m", model((d, t) -> 0.5), Optional.of(SIGN), List.of(), 1L);
        assertEquals(5, FoldRunner.run(market(flat), direction, fold).bars().size());
        assertEquals(5, FoldRunner.run(market(prices(30)), pipeline(model((d, t) -> 0.0)), fold).bars().size());
    }

    @Test
    void fixedPosition_overridesTheStrategy() {
        Model inner = model((d, t) -> -1.0);
        Model alwaysLong = new Model() {
            @Override
            public FittedModel fit(ModelData train, ModelData validation, long seed) {
                return inner.fit(train, validation, seed);
            }

            @Override
            public OptionalDouble fixedPosition() {
                return OptionalDouble.of(1.0);
            }
        };
        Fold fold = WalkForwardPlan.expanding(20, 5).folds(30, 1).get(0);
        double[] positions = FoldRunner.run(market(prices(30)), pipeline(alwaysLong), fold).bars().stream()
                .mapToDouble(BarOutcome::position).toArray();
        assertArrayEquals(new double[] {1, 1, 1, 1, 1}, positions);
    }

    @Test
    void targetWithoutDirection_isNotTraded() {
        assertThrows(IllegalArgumentException.class, () -> new Pipeline(Targets.realisedVolatility(5), List.of(),
                ScalingMethod.NONE, "m", model((d, t) -> 0.0), Optional.of(SIGN), List.of(), 1L));
        Pipeline untraded = new Pipeline(Targets.realisedVolatility(2), List.of(), ScalingMethod.NONE, "m",
                model((d, t) -> 0.01), Optional.empty(), List.of(), 1L);
        Fold fold = WalkForwardPlan.expanding(20, 5).folds(30, 2).get(0);
        FoldOutcome out = FoldRunner.run(market(prices(30)), untraded, fold);
        assertTrue(out.bars().stream().allMatch(b -> b.position() == 0 && Double.isNaN(b.forecastMove())));
    }

    /** A series that keeps its true regimes: calm on even bars, turbulent on odd ones. */
    private static MarketData marketWithTruth(double[] close) {
        LocalDate[] d = new LocalDate[close.length];
        int[] states = new int[close.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = LocalDate.of(2020, 1, 1).plusDays(i);
            states[i] = i % 2;
        }
        var truth = new dev.foresight.data.RegimeTruth(List.of("calm", "turbulent"), states);
        return MarketData.of(PriceSeries.of("X", d, Map.of(Column.CLOSE, close), truth), DataNotes.clean(close.length));
    }

    @Test
    void trueRegimes_areReportedOnlyWhenADetectorAsksForThem() {
        MarketData data = marketWithTruth(prices(30));
        Fold fold = WalkForwardPlan.expanding(20, 5).folds(30, 1).get(0);
        FoldOutcome plain = FoldRunner.run(data, pipeline(model((d, t) -> 0.01)), fold);
        assertTrue(plain.bars().stream().allMatch(b -> b.regimes().isEmpty()));

        // A detector reading the truth through the view, as the 'truth' plugin does.
        dev.foresight.regime.RegimeDetector truth = train -> new dev.foresight.regime.FittedRegimeDetector() {
            @Override
            public List<String> names() {
                return train.primary().trueRegimeNames();
            }

            @Override
            public String[] label(MarketView view) {
                String[] out = new String[view.size()];
                for (int t = 0; t < out.length; t++) {
                    out[t] = view.primary().trueRegime(t).orElseThrow();
                }
                return out;
            }
        };
        Pipeline withTruth = new Pipeline(Targets.logReturn(1), List.of(new NamedFeatureSet("close", CLOSE_FEATURE)),
                ScalingMethod.MINMAX, "m", model((d, t) -> 0.01), Optional.of(SIGN), List.of(new NamedRegimeDetector("truth", truth)), 1L);
        FoldOutcome out = FoldRunner.run(data, withTruth, fold);
        for (BarOutcome b : out.bars()) {
            assertEquals(Map.of("truth", b.bar() % 2 == 0 ? "calm" : "turbulent"), b.regimes());
        }
        // The truth obeys the same look-ahead rule as prices.
        assertThrows(LookAheadException.class, () -> data.upTo(20).primary().trueRegime(21));
    }

    @Test
    void detectorThatCannotWorkOnTheData_isAUserErrorAtItsYamlEntry() {
        MarketData data = market(prices(30));
        Fold fold = WalkForwardPlan.expanding(20, 5).folds(30, 1).get(0);
        dev.foresight.regime.RegimeDetector needsTruth = train -> {
            throw new dev.foresight.regime.UnsupportedDataException("truth: series X has no true regimes");
        };
        var where = dev.foresight.error.Location.at("batch.yaml", 12, 9, "experiments[0].regimes[0]");
        Pipeline p = new Pipeline(Targets.logReturn(1), List.of(new NamedFeatureSet("close", CLOSE_FEATURE)),
                ScalingMethod.MINMAX, "m", model((d, t) -> 0.01), Optional.of(SIGN), List.of(new NamedRegimeDetector("truth", needsTruth, where)), 1L);
        var e = assertThrows(dev.foresight.error.UserError.class, () -> FoldRunner.run(data, p, fold));
        assertEquals(where, e.location());
        assertTrue(e.getMessage().contains("no true regimes"), e.getMessage());
        assertTrue(data.full().primary().trueRegime(3).isEmpty());
    }
}

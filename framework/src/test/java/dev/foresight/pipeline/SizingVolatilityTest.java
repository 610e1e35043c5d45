package dev.foresight.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.Column;
import dev.foresight.data.DataNotes;
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
import dev.foresight.strategy.StrategyInput;
import dev.foresight.target.Targets;
import dev.foresight.walkforward.Fold;
import dev.foresight.walkforward.WalkForwardPlan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A strategy sized by another model's variance ({@link SizingVolatility}), by hand: a direction
 * model that ignores the validation tail, sized by a "historical variance" model that holds one out
 * — so the volatility model must be fit on the PLANNED fold (its fitting rows, not the sized
 * model's whole window) — forecasting the mean squared training label. Every position is
 * sign(move) × 0.1 / √(v × 252) with v computed here from the prices; scrambling every price after
 * the training labels changes none of them.
 */
class SizingVolatilityTest {

    private static final FeatureSet CLOSE = train -> new FittedFeatures() {
        @Override
        public List<String> columns() {
            return List.of("close");
        }

        @Override
        public int warmUp() {
            return 0;
        }

        @Override
        public FeatureMatrix compute(MarketView view) {
            double[] c = view.primary().column(Column.CLOSE);
            return FeatureMatrix.of(List.of("close"), new double[][] {c}, c.length);
        }
    };

    /** Rolling 40-bar windows, 10 test bars, a quarter of each window held out for validation. */
    private static final WalkForwardPlan PLAN =
            new WalkForwardPlan(dev.foresight.walkforward.WindowType.ROLLING, 40, 10, 10, 0.25, 0, 0);

    /** vol-target's rule with a cap of 2, sized by model "g". */
    private static final Strategy SIZED = new Strategy() {
        @Override
        public double position(StrategyInput in) {
            return Math.signum(in.expectedMove()) * Math.min(2, 0.10 / Math.sqrt(in.barVariance() * 252));
        }

        @Override
        public double maxLeverage() {
            return 2;
        }

        @Override
        public Optional<String> volatilityModel() {
            return Optional.of("g");
        }
    };

    private static MarketData market(double[] close) {
        LocalDate[] d = new LocalDate[close.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = LocalDate.of(2020, 1, 1).plusDays(i);
        }
        return MarketData.of(PriceSeries.of("X", d, Map.of(Column.CLOSE, close), null), DataNotes.clean(close.length));
    }

    /** Prices with returns of about ±1% that differ bar to bar. */
    private static double[] prices(int n) {
        double[] p = new double[n];
        p[0] = 100;
        for (int i = 1; i < n; i++) {
            p[i] = p[i - 1] * (1 + 0.01 * Math.sin(1.7 * i) + 0.002 * (i % 3));
        }
        return p;
    }

    /** Long on even bars, short on odd ones; no variance forecast; fits the whole training window. */
    private static final Model DIRECTION = (train, validation, seed) -> new FittedModel() {
        @Override
        public Forecast[] predict(ModelData data) {
            return Arrays.stream(data.rows()).mapToObj(t -> Forecast.point(t % 2 == 0 ? 0.01 : -0.01))
                    .toArray(Forecast[]::new);
        }

        @Override
        public Map<String, Object> diagnostics() {
            return Map.of();
        }
    };

    /** Forecasts the mean squared training label as the variance (NaN when {@code none}); records its rows. */
    private static Model historicalVariance(List<int[]> fit, List<int[]> validation, boolean none) {
        return new Model() {
            @Override
            public FittedModel fit(ModelData train, ModelData held, long seed) {
                fit.add(train.rows());
                validation.add(held.rows());
                double v = none ? Double.NaN : Arrays.stream(train.rowLabels()).map(x -> x * x).average().orElseThrow();
                return new FittedModel() {
                    @Override
                    public Forecast[] predict(ModelData data) {
                        return Arrays.stream(data.rows()).mapToObj(t -> new Forecast(0, Double.NaN, v))
                                .toArray(Forecast[]::new);
                    }

                    @Override
                    public Map<String, Object> diagnostics() {
                        return Map.of();
                    }
                };
            }

            @Override
            public boolean usesValidation() {
                return true;
            }
        };
    }

    private static Pipeline sized(Model volatility) {
        Pipeline g = new Pipeline(Targets.logReturn(1), List.of(new NamedFeatureSet("close", CLOSE)), ScalingMethod.NONE,
                "g", volatility, Optional.empty(), List.of(), 7L);
        return new Pipeline(Targets.logReturn(1), List.of(new NamedFeatureSet("close", CLOSE)), ScalingMethod.NONE,
                "m", DIRECTION, Optional.of(SIZED), List.of(), 1L).sizedBy(new SizingVolatility("g", g));
    }

    @Test
    void positions_areSizedByTheNamedModelFitOnThePlannedFold_handComputed() {
        double[] p = prices(70);
        Fold planned = PLAN.folds(70, 1).get(1);
        List<int[]> fit = new ArrayList<>();
        List<int[]> held = new ArrayList<>();
        FoldOutcome out = FoldRunner.run(market(p), sized(historicalVariance(fit, held, false)), planned);

        // the sized model fit its whole window; the volatility model held out the planned tail
        assertTrue(!out.fold().hasValidation());
        assertEquals(1, fit.size());
        assertArrayEquals(planned.fitRows(), fit.get(0));
        assertArrayEquals(planned.validationRows(), held.get(0));
        double v = Arrays.stream(planned.fitRows()).mapToDouble(t -> Math.log(p[t + 1] / p[t]))
                .map(x -> x * x).average().orElseThrow();
        double size = 0.10 / Math.sqrt(v * 252);
        assertTrue(size < 2, "sized by the variance, not capped: " + size);
        assertEquals(10, out.bars().size());
        for (BarOutcome b : out.bars()) {
            assertEquals((b.bar() % 2 == 0 ? 1 : -1) * size, b.position(), 1e-14 * size, "bar " + b.bar());
            assertTrue(Double.isNaN(b.variance()), "the sized model's own (absent) variance is what its file records");
        }

        // every price after the training labels scrambled: not one position moves
        double[] scrambled = p.clone();
        for (int t = planned.lastTrainingBar() + 1; t < p.length; t++) {
            scrambled[t] = 50 + 20 * Math.cos(t);
        }
        FoldOutcome again = FoldRunner.run(market(scrambled), sized(historicalVariance(new ArrayList<>(), new ArrayList<>(),
                false)), planned);
        for (int i = 0; i < out.bars().size(); i++) {
            assertEquals(out.bars().get(i).position(), again.bars().get(i).position(), 0);
        }
        assertNotEquals(out.bars().get(3).assetReturn(), again.bars().get(3).assetReturn());
    }

    @Test
    void aVolatilityModelWithoutVariance_isAFoldFailureNamingIt() {
        Fold planned = PLAN.folds(70, 1).get(1);
        FoldFailure f = assertThrows(FoldFailure.class, () -> FoldRunner.run(market(prices(70)),
                sized(historicalVariance(new ArrayList<>(), new ArrayList<>(), true)), planned));
        assertTrue(f.getMessage().startsWith("volatility model 'g', fold 1") && f.getMessage().contains("no variance forecast"),
                f.getMessage());
    }

    @Test
    void aSizedStrategyWithoutItsVolatilityModel_neverFallsBackToTheModelsOwn() {
        Pipeline bare = new Pipeline(Targets.logReturn(1), List.of(new NamedFeatureSet("close", CLOSE)), ScalingMethod.NONE,
                "m", DIRECTION, Optional.of(SIZED), List.of(), 1L);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FoldRunner.run(market(prices(70)), bare, PLAN.folds(70, 1).get(1)));
        assertTrue(e.getMessage().contains("built without it"), e.getMessage());
        Strategy own = in -> Math.signum(in.expectedMove());
        Pipeline g = new Pipeline(Targets.logReturn(1), List.of(new NamedFeatureSet("close", CLOSE)), ScalingMethod.NONE,
                "g", DIRECTION, Optional.empty(), List.of(), 7L);
        assertThrows(IllegalArgumentException.class, () -> new Pipeline(Targets.logReturn(1), List.of(), ScalingMethod.NONE,
                "m", DIRECTION, Optional.of(own), List.of(), 1L).sizedBy(new SizingVolatility("g", g)));
    }
}

package dev.foresight.strategies.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import dev.foresight.pipeline.BarOutcome;
import dev.foresight.pipeline.FoldOutcome;
import dev.foresight.pipeline.FoldRunner;
import dev.foresight.pipeline.NamedFeatureSet;
import dev.foresight.pipeline.Pipeline;
import dev.foresight.scaling.ScalingMethod;
import dev.foresight.strategy.Strategy;
import dev.foresight.target.Targets;
import dev.foresight.walkforward.Fold;
import dev.foresight.walkforward.WalkForwardPlan;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The band rule holds its previous position, so a position depends on the fold's earlier bars.
 * Through the real fold runner: positions up to bar t are the same whatever the prices after t
 * are — the path is computed forward from causal forecasts, and the future cannot reach back
 * through the hold — while the held positions really do differ from a memoryless rule's.
 */
class PathDependentPositionsTest {

    /** One feature: the one-bar log return at t (warm-up 1). */
    private static final FeatureSet LAST_RETURN = train -> new FittedFeatures() {
        @Override
        public List<String> columns() {
            return List.of("ret");
        }

        @Override
        public int warmUp() {
            return 1;
        }

        @Override
        public FeatureMatrix compute(MarketView view) {
            double[] c = view.primary().column(Column.CLOSE);
            double[] r = new double[c.length];
            r[0] = Double.NaN;
            for (int t = 1; t < c.length; t++) {
                r[t] = Math.log(c[t] / c[t - 1]);
            }
            return FeatureMatrix.of(List.of("ret"), new double[][] {r}, r.length);
        }
    };

    /** P(up) = ½ + 10 × the last return, clipped: momentum, so the band's thresholds are crossed often. */
    private static final Model MOMENTUM = (train, validation, seed) -> new FittedModel() {
        @Override
        public Forecast[] predict(ModelData data) {
            return Arrays.stream(data.rows()).mapToObj(t -> {
                double p = Math.max(0, Math.min(1, 0.5 + 10 * data.feature(t, 0)));
                return new Forecast(p, p, Double.NaN);
            }).toArray(Forecast[]::new);
        }

        @Override
        public Map<String, Object> diagnostics() {
            return Map.of();
        }
    };

    @Test
    void bandPositions_upToABar_doNotDependOnPricesAfterIt() {
        double[] prices = prices(300, 11);
        Fold fold = WalkForwardPlan.expanding(200, 100).folds(300, 1).get(0);
        Strategy band = new BandRule(BandRule.Signal.PROBABILITY, 0.55, 0.45, 1, new Leverage(1, false));
        List<BarOutcome> full = run(prices, fold, band);

        for (int cut : new int[] {205, 240, 280}) {
            double[] other = prices.clone();
            double[] noise = prices(300, cut);
            for (int t = cut + 1; t < other.length; t++) {
                other[t] = other[cut] * noise[t] / noise[cut] * 1.5;
            }
            List<BarOutcome> changed = run(other, fold, band);
            for (int i = 0; full.get(i).bar() <= cut; i++) {
                assertEquals(full.get(i).position(), changed.get(i).position(), 0, "bar " + full.get(i).bar());
            }
            assertNotEquals(positions(full, cut + 1), positions(changed, cut + 1), "the future did change later positions");
        }

        // The hold is real: some bars keep a position a memoryless rule at the same thresholds would not.
        int held = 0;
        for (BarOutcome b : full) {
            double p = b.probabilityUp();
            held += p >= 0.45 && p <= 0.55 && b.position() != 0 ? 1 : 0;
        }
        assertTrue(held > 5, held + " held bars");
    }

    private static List<Double> positions(List<BarOutcome> bars, int from) {
        return bars.stream().filter(b -> b.bar() >= from).map(BarOutcome::position).toList();
    }

    private static List<BarOutcome> run(double[] prices, Fold fold, Strategy strategy) {
        Pipeline pipeline = new Pipeline(Targets.direction(1), List.of(new NamedFeatureSet("ret", LAST_RETURN)),
                ScalingMethod.NONE, "momentum", MOMENTUM, Optional.of(strategy), List.of(), 1L);
        FoldOutcome out = FoldRunner.run(market(prices), pipeline, fold);
        return out.bars();
    }

    private static double[] prices(int n, long seed) {
        Random rng = new Random(seed);
        double[] p = new double[n];
        p[0] = 100;
        for (int t = 1; t < n; t++) {
            p[t] = p[t - 1] * Math.exp(0.01 * rng.nextGaussian());
        }
        return p;
    }

    private static MarketData market(double[] close) {
        LocalDate[] d = new LocalDate[close.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = LocalDate.of(2020, 1, 1).plusDays(i);
        }
        return MarketData.of(PriceSeries.of("X", d, Map.of(Column.CLOSE, close), null), DataNotes.clean(close.length));
    }
}

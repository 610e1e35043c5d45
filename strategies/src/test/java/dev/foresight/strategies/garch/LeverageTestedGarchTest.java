package dev.foresight.strategies.garch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.feature.FeatureMatrix;
import dev.foresight.model.FittedModel;
import dev.foresight.model.Forecast;
import dev.foresight.model.ModelData;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/** The likelihood-ratio choice between GARCH(1,1) and GJR, checked against direct fits of both. */
class LeverageTestedGarchTest {

    private static final int N = 2000;
    private static final int TRAIN_END = 1499;
    private static final int H = 5;

    /** ret_lag1(t) = r(t) from a simulated series (NaN at bar 0, as the returns feature set gives it). */
    private static double[] returns(GarchSpec spec, double[] truth, long seed) {
        double[] sim = Simulator.simulate(spec, truth, N, seed);
        double[] r = new double[N];
        r[0] = Double.NaN;
        System.arraycopy(sim, 1, r, 1, N - 1);
        return r;
    }

    private record Outcome(FittedModel fitted, double directStatistic, GarchFit chosenDirectly, double[] r) {
    }

    /** The tested model's fit, and the same decision made from two direct maximum-likelihood fits. */
    private static Outcome fit(double[] r) {
        FeatureMatrix f = FeatureMatrix.of(List.of("ret_lag1"), new double[][] {r}, N);
        double[] labels = GarchModelTest.realisedVol(r, H);
        ModelData train = ModelData.of(f, labels, H, TRAIN_END, IntStream.rangeClosed(1, TRAIN_END - H).toArray());
        FittedModel fitted = LeverageTestedGarch.of(Map.of("dist", "normal")).fit(train, train.withRows(new int[0]), 1);
        double[] window = Arrays.copyOfRange(r, 1, TRAIN_END + 1);
        GarchFit garch = GarchEstimator.fit(window, GarchSpec.of(VarianceModel.GARCH, MeanModel.CONSTANT, Innovations.NORMAL));
        GarchFit gjr = GarchEstimator.fit(window, GarchSpec.of(VarianceModel.GJR, MeanModel.CONSTANT, Innovations.NORMAL));
        double statistic = 2 * (gjr.logLikelihood() - garch.logLikelihood());
        double critical = new ChiSquaredDistribution(1).inverseCumulativeProbability(0.95);
        return new Outcome(fitted, statistic, statistic > critical ? gjr : garch, r);
    }

    /** The chosen model's forecasts equal the directly fitted winner's, filtered over the same returns. */
    private static void assertForecastsOf(Outcome o) {
        FeatureMatrix f = FeatureMatrix.of(List.of("ret_lag1"), new double[][] {o.r}, N);
        int[] test = {1600, 1800, N - 1 - H};
        Forecast[] out = o.fitted.predict(ModelData.of(f, GarchModelTest.realisedVol(o.r, H), H, N - 1 - H, test));
        for (int i = 0; i < test.length; i++) {
            Filtered state = o.chosenDirectly.filter(Arrays.copyOfRange(o.r, 1, test[i] + 1));
            assertEquals(o.chosenDirectly.rmsForecast(state, H), out[i].point(), 1e-12);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> test(FittedModel fitted) {
        return (Map<String, Object>) fitted.diagnostics().get("leverage_test");
    }

    @Test
    void criticalValue_isChiSquaredOnesNinetyFifthPercentile() {
        assertEquals(new ChiSquaredDistribution(1).inverseCumulativeProbability(0.95), LeverageTestedGarch.CRITICAL, 1e-9);
    }

    @Test
    void leverageSeries_choosesGjr_withTheLikelihoodRatioOfTheTwoDirectFits() {
        GarchSpec spec = GarchSpec.of(VarianceModel.GJR, MeanModel.CONSTANT, Innovations.NORMAL);
        Outcome o = fit(returns(spec, new double[] {3e-4, 2e-6, 0.02, 0.15, 0.86}, 5));
        Map<String, Object> test = test(o.fitted);
        assertEquals("gjr", test.get("chosen"));
        assertEquals(o.directStatistic, (double) test.get("likelihood_ratio"), 1e-6);
        assertTrue(o.directStatistic > LeverageTestedGarch.CRITICAL, "statistic " + o.directStatistic);
        assertEquals("gjr", o.fitted.diagnostics().get("variant"));
        assertForecastsOf(o);
    }

    @Test
    void symmetricSeries_keepsGarch11() {
        GarchSpec spec = GarchSpec.of(VarianceModel.GARCH, MeanModel.CONSTANT, Innovations.NORMAL);
        Outcome o = fit(returns(spec, new double[] {3e-4, 4e-6, 0.1, 0.85}, 21));
        Map<String, Object> test = test(o.fitted);
        assertEquals("garch", test.get("chosen"));
        assertEquals(o.directStatistic, (double) test.get("likelihood_ratio"), 1e-6);
        assertTrue(o.directStatistic <= LeverageTestedGarch.CRITICAL, "statistic " + o.directStatistic);
        assertForecastsOf(o);
    }
}

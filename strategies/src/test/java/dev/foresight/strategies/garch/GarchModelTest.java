package dev.foresight.strategies.garch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.feature.FeatureMatrix;
import dev.foresight.model.FittedModel;
import dev.foresight.model.Forecast;
import dev.foresight.model.ModelData;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code kind: garch} as a walk-forward model, on hand-built model data. */
class GarchModelTest {

    private static final GarchSpec SPEC = GarchSpec.of(VarianceModel.GARCH, MeanModel.CONSTANT, Innovations.NORMAL);
    private static final double[] TRUTH = {3e-4, 4e-6, 0.1, 0.85};
    private static final int N = 1600;
    private static final int TRAIN_END = 1199;

    /** ret_lag1(t) = r(t), the return ending at bar t (NaN at bar 0, as the returns feature set gives it). */
    private static double[] returns() {
        double[] sim = Simulator.simulate(SPEC, TRUTH, N, 21);
        double[] r = new double[N];
        r[0] = Double.NaN;
        System.arraycopy(sim, 1, r, 1, N - 1);
        return r;
    }

    private static FeatureMatrix features(double[] r) {
        return FeatureMatrix.of(List.of("ret_lag1"), new double[][] {r}, r.length);
    }

    /** realised-vol labels for horizon h: √(mean of r(t+1..t+h)²); NaN where the future is missing. */
    static double[] realisedVol(double[] r, int h) {
        double[] y = new double[r.length];
        Arrays.fill(y, Double.NaN);
        for (int t = 0; t + h < r.length; t++) {
            double s = 0;
            for (int k = 1; k <= h; k++) {
                s += r[t + k] * r[t + k];
            }
            y[t] = Math.sqrt(s / h);
        }
        return y;
    }

    private static ModelData train(FeatureMatrix f, double[] labels, int h) {
        int[] rows = IntStream.rangeClosed(1, TRAIN_END - h).toArray();
        return ModelData.of(f, labels, h, TRAIN_END, rows);
    }

    private static GarchModel model(Output output) {
        return new GarchModel(SPEC, output, "ret_lag1", true);
    }

    @Test
    void volatilityForecast_isTheRootMeanForecastSquaredReturnFromTheFilteredState() {
        double[] r = returns();
        int h = 5;
        double[] labels = realisedVol(r, h);
        FeatureMatrix f = features(r);
        FittedModel fitted = model(Output.AUTO).fit(train(f, labels, h), train(f, labels, h).withRows(new int[0]), 1);
        GarchFit fit = ((FittedGarch) fitted).fit();
        // an independent route: fit directly on returns 1..TRAIN_END, filter returns 1..t, forecast
        GarchFit direct = GarchEstimator.fit(Arrays.copyOfRange(r, 1, TRAIN_END + 1), SPEC);
        assertEquals(direct.logLikelihood(), fit.logLikelihood(), 1e-9);
        int[] test = {1300, 1450, N - 1 - h};
        ModelData predict = ModelData.of(f, labels, h, N - 1 - h, test);
        Forecast[] out = fitted.predict(predict);
        for (int i = 0; i < test.length; i++) {
            Filtered state = direct.filter(Arrays.copyOfRange(r, 1, test[i] + 1));
            assertEquals(direct.rmsForecast(state, h), out[i].point(), 1e-15);
            double[] v = direct.varianceForecasts(state, h);
            assertEquals(Arrays.stream(v).sum() / h, out[i].variance(), 1e-18);
            assertTrue(Double.isNaN(out[i].probabilityUp()));
        }
    }

    /** A forecast at bar t must not change when later bars are hidden. */
    @Test
    void garchModel_forecastsDoNotDependOnBarsAfterTheForecastBar() {
        double[] r = returns();
        double[] labels = realisedVol(r, 1);
        FeatureMatrix f = features(r);
        FittedModel fitted = model(Output.VOLATILITY).fit(train(f, labels, 1), train(f, labels, 1).withRows(new int[0]), 1);
        int t = 1400;
        double full = fitted.predict(ModelData.of(f, labels, 1, N - 2, new int[] {t}))[0].point();
        double cut = fitted.predict(ModelData.of(f, labels, 1, t, new int[] {t}))[0].point();
        assertEquals(full, cut, 0.0);
    }

    @Test
    void meanOutput_forecastsTheHBarReturnAndItsVariance() {
        double[] r = returns();
        int h = 3;
        double[] labels = new double[N];
        Arrays.fill(labels, Double.NaN);
        for (int t = 0; t + h < N; t++) {
            labels[t] = r[t + 1] + r[t + 2] + r[t + 3];
        }
        FeatureMatrix f = features(r);
        FittedModel fitted = model(Output.AUTO).fit(train(f, labels, h), train(f, labels, h).withRows(new int[0]), 1);
        GarchFit fit = ((FittedGarch) fitted).fit();
        Forecast fc = fitted.predict(ModelData.of(f, labels, h, 1500, new int[] {1500}))[0];
        assertEquals(3 * fit.estimate("mu"), fc.point(), 1e-15);
        Filtered state = fit.filter(Arrays.copyOfRange(r, 1, 1501));
        assertEquals(Arrays.stream(fit.varianceForecasts(state, h)).sum(), fc.variance(), 1e-18);
        assertEquals("mean", fitted.diagnostics().get("output"));
    }

    @Test
    void garchModel_withoutTheReturnsFeatureTheErrorSaysWhatToAdd() {
        double[] r = returns();
        FeatureMatrix other = FeatureMatrix.of(List.of("x"), new double[][] {r}, N);
        var e = assertThrows(IllegalArgumentException.class,
                () -> model(Output.AUTO).fit(train(other, realisedVol(r, 1), 1), train(other, realisedVol(r, 1), 1), 1));
        assertTrue(e.getMessage().contains("{kind: returns, lags: 1}"), e.getMessage());
    }

    @Test
    void scaledReturns_areRefused() {
        double[] r = returns();
        double[] z = new double[N];
        z[0] = Double.NaN;
        for (int t = 1; t < N; t++) {
            z[t] = r[t] / 0.01; // standardised-looking: sd ≈ 1
        }
        FeatureMatrix f = features(z);
        var e = assertThrows(IllegalArgumentException.class,
                () -> model(Output.AUTO).fit(train(f, realisedVol(r, 1), 1), train(f, realisedVol(r, 1), 1), 1));
        assertTrue(e.getMessage().contains("scaling: none"), e.getMessage());
    }

    @Test
    void directionLabels_areRefused() {
        double[] r = returns();
        double[] up = new double[N];
        for (int t = 0; t < N - 1; t++) {
            up[t] = r[t + 1] > 0 ? 1 : 0;
        }
        up[N - 1] = Double.NaN;
        FeatureMatrix f = features(r);
        var e = assertThrows(IllegalArgumentException.class,
                () -> model(Output.AUTO).fit(train(f, up, 1), train(f, up, 1), 1));
        assertTrue(e.getMessage().contains("direction"), e.getMessage());
    }
}

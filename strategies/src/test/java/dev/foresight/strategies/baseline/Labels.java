package dev.foresight.strategies.baseline;

import dev.foresight.feature.FeatureMatrix;
import dev.foresight.model.ModelData;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/** Test fixtures: label series and the ModelData a walk-forward engine would hand a model. */
final class Labels {

    private Labels() {
    }

    /** Training data as of bar {@code last}: rows 0..last-horizon, the bars whose labels are known. */
    static ModelData train(double[] labels, int horizon, int last) {
        return ModelData.of(FeatureMatrix.empty(labels.length), labels, horizon, last,
                IntStream.rangeClosed(0, last - horizon).toArray());
    }

    /** Forecasting data: every bar visible up to {@code last}, forecasts wanted for {@code rows}. */
    static ModelData forecast(double[] labels, int horizon, int last, int... rows) {
        return ModelData.of(FeatureMatrix.empty(labels.length), labels, horizon, last, rows);
    }

    static int[] range(int fromInclusive, int toInclusive) {
        return IntStream.rangeClosed(fromInclusive, toInclusive).toArray();
    }

    /** A stationary AR(p) with unit-variance Gaussian noise, after a burn-in, seeded. */
    static double[] ar(double[] phi, int n, long seed) {
        Random random = new Random(seed);
        int burnIn = 500;
        double[] y = new double[n + burnIn];
        for (int t = 0; t < y.length; t++) {
            double v = random.nextGaussian();
            for (int j = 0; j < phi.length; j++) {
                if (t - 1 - j >= 0) {
                    v += phi[j] * y[t - 1 - j];
                }
            }
            y[t] = v;
        }
        return Arrays.copyOfRange(y, burnIn, y.length);
    }

    /** Mean squared error of forecasts against the labels of the rows they were made for. */
    static double mse(dev.foresight.model.Forecast[] forecasts, double[] labels, int[] rows) {
        double ss = 0;
        for (int i = 0; i < rows.length; i++) {
            double e = forecasts[i].point() - labels[rows[i]];
            ss += e * e;
        }
        return ss / rows.length;
    }
}

package dev.foresight.strategies.tribuo;

import dev.foresight.feature.FeatureMatrix;
import dev.foresight.model.FittedModel;
import dev.foresight.model.Forecast;
import dev.foresight.model.Model;
import dev.foresight.model.ModelData;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Test fixtures: synthetic feature columns with a known signal in the labels, split the way the
 * fold runner splits them (train on bars whose labels are known at the end of training, forecast
 * the bars after).
 */
final class Signals {

    static final int N = 3_000;
    static final int TRAIN_END = 1_999;

    final double[][] x;
    final double[] y;

    private Signals(double[][] x, double[] y) {
        this.x = x;
        this.y = y;
    }

    /** Three standard normal features, x2 pure noise. */
    private static double[][] features(Random r) {
        double[][] x = new double[3][N];
        for (int c = 0; c < 3; c++) {
            for (int t = 0; t < N; t++) {
                x[c][t] = r.nextGaussian();
            }
        }
        return x;
    }

    /** y = 0.01·(0.6·x0 − 0.4·x1) + 0.005·ε: daily-return-sized labels with R² ≈ 0.68. */
    static Signals linear(long seed) {
        Random r = new Random(seed);
        double[][] x = features(r);
        double[] y = new double[N];
        for (int t = 0; t < N; t++) {
            y[t] = 0.01 * (0.6 * x[0][t] - 0.4 * x[1][t]) + 0.005 * r.nextGaussian();
        }
        return new Signals(x, y);
    }

    /** y = +0.01 when x0 > 0.5, else −0.01, plus 0.005·ε: a step a tree finds and a line only approximates. */
    static Signals threshold(long seed) {
        Random r = new Random(seed);
        double[][] x = features(r);
        double[] y = new double[N];
        for (int t = 0; t < N; t++) {
            y[t] = (x[0][t] > 0.5 ? 0.01 : -0.01) + 0.005 * r.nextGaussian();
        }
        return new Signals(x, y);
    }

    /** Direction labels: 1 when x0 + 0.5·x1 + 0.5·ε > 0, else 0 (about 85% predictable). */
    static Signals direction(long seed) {
        Random r = new Random(seed);
        double[][] x = features(r);
        double[] y = new double[N];
        for (int t = 0; t < N; t++) {
            y[t] = x[0][t] + 0.5 * x[1][t] + 0.5 * r.nextGaussian() > 0 ? 1 : 0;
        }
        return new Signals(x, y);
    }

    FeatureMatrix matrix() {
        return FeatureMatrix.of(List.of("x0", "x1", "x2"), x, N);
    }

    /** Horizon 1: rows 0..TRAIN_END−1 have labels known at TRAIN_END. */
    ModelData train() {
        return ModelData.of(matrix(), y, 1, TRAIN_END, IntStream.range(0, TRAIN_END).toArray());
    }

    /** The first {@code rows} training rows only. */
    ModelData train(int rows) {
        return ModelData.of(matrix(), y, 1, TRAIN_END, IntStream.range(0, rows).toArray());
    }

    ModelData test() {
        return ModelData.of(matrix(), y, 1, N - 1, testRows());
    }

    static int[] testRows() {
        return IntStream.range(TRAIN_END + 1, N - 1).toArray();
    }

    FittedModel fit(Model model, long seed) {
        ModelData train = train();
        return model.fit(train, train.withRows(new int[0]), seed);
    }

    double mse(Forecast[] f) {
        int[] rows = testRows();
        double ss = 0;
        for (int i = 0; i < rows.length; i++) {
            double e = f[i].point() - y[rows[i]];
            ss += e * e;
        }
        return ss / rows.length;
    }

    /** The random walk's forecast of a log return: zero. */
    double zeroForecastMse() {
        double ss = 0;
        for (int t : testRows()) {
            ss += y[t] * y[t];
        }
        return ss / testRows().length;
    }

    /** Share of test bars whose P(up) is on the right side of 0.5. */
    double hitRate(Forecast[] f) {
        int[] rows = testRows();
        int hits = 0;
        for (int i = 0; i < rows.length; i++) {
            if ((f[i].probabilityUp() > 0.5) == (y[rows[i]] == 1)) {
                hits++;
            }
        }
        return (double) hits / rows.length;
    }
}

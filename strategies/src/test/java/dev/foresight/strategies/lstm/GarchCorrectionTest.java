package dev.foresight.strategies.lstm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.Column;
import dev.foresight.data.synthetic.PlantedSignalSource;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.model.FittedModel;
import dev.foresight.model.Forecast;
import dev.foresight.model.Model;
import dev.foresight.model.ModelData;
import dev.foresight.plugin.Parameters;
import dev.foresight.strategies.garch.GarchModelProvider;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The LSTM+GARCH hybrid's volatility path: GARCH's forecast times the LSTM's correction, shrunk
 * and calibrated on the validation tail. The shrinkage rule is checked on hand-made cases whose
 * answer is known; the whole fit on a planted leverage series (GJR-GARCH truth, GARCH(1,1) base).
 */
class GarchCorrectionTest {

    private static double qlike(double[] y, double[] h) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double ratio = y[i] * y[i] / h[i];
            sum += ratio - Math.log(ratio) - 1;
        }
        return sum / y.length;
    }

    /** n windows: b ∈ [0.01, 0.02), the true correction ρ = exp(0.4 z), y = b ρ |ε| (or b ρ exactly). */
    private static GarchCorrection.Sample sample(int n, long seed, boolean exact, DoubleUnaryOperator seen) {
        Random random = new Random(seed);
        double[] b = new double[n];
        double[] rho = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = 0.01 * (1 + random.nextDouble());
            double truth = Math.exp(0.4 * random.nextGaussian());
            rho[i] = seen.applyAsDouble(truth);
            y[i] = b[i] * truth * (exact ? 1 : Math.abs(random.nextGaussian()));
        }
        return new GarchCorrection.Sample(y, b, rho);
    }

    @Test
    void choose_keepsTheWholeCorrectionWhenItIsExact() {
        GarchCorrection.Choice c = GarchCorrection.choose(sample(300, 1, true, r -> r), sample(200, 2, true, r -> r), 5);
        assertEquals(1.0, c.shrinkage());
        assertEquals(1.0, c.calibration(), 1e-12);
        assertEquals(0.0, c.qlike()[4], 1e-12);
    }

    @Test
    void choose_shrinksAHalfRightCorrection() {
        // ρ̂ = ρ²: the exponent λ = ½ undoes it exactly
        GarchCorrection.Choice c = GarchCorrection.choose(sample(300, 3, true, r -> r * r),
                sample(200, 4, true, r -> r * r), 5);
        assertEquals(0.5, c.shrinkage());
        assertEquals(1.0, c.calibration(), 1e-12);
    }

    @Test
    void choose_switchesAPureNoiseCorrectionOffAndCalibratesOnTheTrainingWindows() {
        Random noise = new Random(5);
        GarchCorrection.Sample train = sample(2000, 6, false, r -> Math.exp(0.5 * noise.nextGaussian()));
        GarchCorrection.Sample validation = sample(1000, 7, false, r -> Math.exp(0.5 * noise.nextGaussian()));
        GarchCorrection.Choice c = GarchCorrection.choose(train, validation, 5);
        assertEquals(0.0, c.shrinkage());
        // c(0) = mean(y²/b²) over the TRAINING windows, and qlike[0] the validation QLIKE of c(0)·b²
        double expected = IntStream.range(0, train.size())
                .mapToDouble(i -> train.y()[i] * train.y()[i] / (train.b()[i] * train.b()[i])).average().orElseThrow();
        assertEquals(expected, c.calibration(), 1e-12);
        double[] h = IntStream.range(0, validation.size())
                .mapToDouble(i -> expected * validation.b()[i] * validation.b()[i]).toArray();
        assertEquals(qlike(validation.y(), h), c.qlike()[0], 1e-12);
        for (int k = 1; k < c.qlike().length; k++) {
            assertTrue(c.qlike()[k] > c.qlike()[0], "λ " + GarchCorrection.SHRINKAGE.get(k) + " " + c.qlike()[k]);
        }
    }

    /** The QLIKE-differential DM equals the framework's Diebold–Mariano on squared errors given the same losses. */
    @Test
    void diebold_matchesTheFrameworksTestOnTheSameLosses() {
        Random random = new Random(9);
        int n = 150;
        double[] ea = new double[n];
        double[] eb = new double[n];
        double ma = 0;
        for (int i = 0; i < n; i++) {
            ma = 0.6 * ma + random.nextGaussian();   // autocorrelated, as overlapping-window losses are
            ea[i] = ma;
            eb[i] = 1.1 * random.nextGaussian();
        }
        for (int h : new int[] {1, 5}) {
            double expected = dev.foresight.statistics.DieboldMariano.test(ea, eb, h,
                    dev.foresight.statistics.DieboldMariano.Loss.SQUARED).statistic();
            double got = GarchCorrection.diebold(Arrays.stream(ea).map(e -> e * e).toArray(),
                    Arrays.stream(eb).map(e -> e * e).toArray(), h);
            assertEquals(expected, got, 1e-12 * Math.abs(expected));
        }
    }

    @Test
    void choose_keepsTheBaseWhenTheBestCorrectionIsNotSignificantlyBetter() {
        // a correction that is half signal, half noise: lower QLIKE than λ = 0 on a short tail is not enough
        Random noise = new Random(11);
        GarchCorrection.Sample train = sample(1000, 12, false, r -> r * Math.exp(0.3 * noise.nextGaussian()));
        GarchCorrection.Sample shortTail = sample(12, 13, false, r -> r * Math.exp(0.3 * noise.nextGaussian()));
        GarchCorrection.Choice c = GarchCorrection.choose(train, shortTail, 5);
        assertTrue(c.statistic() > GarchCorrection.CRITICAL || Double.isNaN(c.statistic()), "DM " + c.statistic());
        assertEquals(0.0, c.shrinkage());
    }

    @Test
    void sample_refusesMismatchedInputs() {
        assertThrows(IllegalArgumentException.class,
                () -> new GarchCorrection.Sample(new double[] {1}, new double[] {1, 2}, new double[] {1}));
    }

    private record Series(FeatureMatrix features, double[] labels, int bars) {
    }

    /** GJR-GARCH(1,1) returns (γ 0.12), the raw one-bar log return as the only feature, 5-day realised vol labels. */
    private static Series leverage(int bars, long seed) {
        double[] close = new PlantedSignalSource(PlantedSignalSource.Signal.LEVERAGE, 0.12, 0.01, 100,
                LocalDate.of(2000, 1, 3)).generate("X", bars, seed).column(Column.CLOSE);
        double[] r = new double[bars];
        r[0] = Double.NaN;
        for (int t = 1; t < bars; t++) {
            r[t] = Math.log(close[t] / close[t - 1]);
        }
        int h = 5;
        double[] y = new double[bars];
        for (int t = 0; t < bars; t++) {
            if (t + h >= bars) {
                y[t] = Double.NaN;
                continue;
            }
            double s = 0;
            for (int k = 1; k <= h; k++) {
                s += r[t + k] * r[t + k];
            }
            y[t] = Math.sqrt(s / h);
        }
        return new Series(FeatureMatrix.of(List.of("ret_lag1"), new double[][] {r}, bars), y, bars);
    }

    private static Model garch(String variant) {
        GarchModelProvider p = new GarchModelProvider();
        return p.create(Parameters.of(p, Map.of("variant", variant)));
    }

    private static double[] points(Forecast[] f) {
        return Arrays.stream(f).mapToDouble(Forecast::point).toArray();
    }

    /**
     * The hybrid on a planted leverage series with a GARCH(1,1) base, small network (window 10, 16 → 8),
     * every training setting default: out of sample its QLIKE is not worse than its base's by more
     * than 2% (the shrinkage can always fall back to the base), and the forecasts are positive.
     */
    @Test
    void hybrid_isNeverMuchWorseThanItsGarchBase() {
        Series s = leverage(1700, 8);
        int window = 10;
        int fitEnd = 994;
        int validationEnd = 1199;
        int last = validationEnd + 5;
        LstmSettings small = new LstmSettings("lstm-garch", window, List.of(16, 8), 0.2, List.of(8), "identity", 0,
                0.0, Procedure.Recipe.CONVERGING.defaultLearningRate(), 32, 100, 10, true, 0.0, Head.VOLATILITY, true,
                -1, false, Procedure.DEFAULT);
        ModelData train = ModelData.of(s.features(), s.labels(), 5, last, IntStream.rangeClosed(window, fitEnd).toArray());
        ModelData validation = ModelData.of(s.features(), s.labels(), 5, last,
                IntStream.rangeClosed(fitEnd + 1, validationEnd).toArray());
        GarchCorrection hybrid = new GarchCorrection(new LstmModel(small), garch("garch"));
        FittedModel fitted = hybrid.fit(train, validation, 42);
        FittedModel base = garch("garch").fit(train, validation, 42);

        int[] test = IntStream.rangeClosed(last + 1, s.bars() - 6).toArray();
        ModelData forecastAt = ModelData.of(s.features(), s.labels(), 5, s.bars() - 1, test);
        double[] y = Arrays.stream(test).mapToDouble(t -> s.labels()[t]).toArray();
        double[] hybridVar = Arrays.stream(points(fitted.predict(forecastAt))).map(v -> v * v).toArray();
        double[] baseVar = Arrays.stream(points(base.predict(forecastAt))).map(v -> v * v).toArray();
        assertTrue(Arrays.stream(hybridVar).allMatch(v -> v > 0 && Double.isFinite(v)));
        double q = qlike(y, hybridVar);
        double qBase = qlike(y, baseVar);
        assertTrue(q <= 1.02 * qBase, "hybrid QLIKE " + q + " vs its GARCH(1,1) base " + qBase);

        Map<String, Object> d = fitted.diagnostics();
        assertEquals("garch-correction", d.get("hybrid"));
        assertTrue(d.containsKey("correction_shrinkage") && d.containsKey("garch_base"));
        // one forecast alone equals the same bar forecast among others (no dependence on the batch of rows)
        ModelData one = ModelData.of(s.features(), s.labels(), 5, test[7], new int[] {test[7]});
        assertEquals(Math.sqrt(hybridVar[7]), fitted.predict(one)[0].point(), 0.0);
    }
}

package dev.foresight.strategies.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.feature.FeatureMatrix;
import dev.foresight.model.FittedModel;
import dev.foresight.model.Forecast;
import dev.foresight.model.ModelData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * CI-sized: tiny networks (a few units, a window of 8, at most 20 epochs, about 200 windows),
 * each test a few seconds on 2 cores.
 */
class LstmModelTest {

    private static final int N = 330;
    private static final int TRAIN_END = 240; // bars 0..TRAIN_END are training (fit + validation)

    /** Small network, course-shaped (stacked LSTM, dropout, dense head), fast settings. */
    private static LstmSettings small(Head head, int epochs) {
        return new LstmSettings("lstm", 8, List.of(8), 0.0, List.of(4), "identity", 0, 0.0, 0.02, 32, epochs, 0,
                true, 0.0, head, true, -1);
    }

    /** A noisy sine in [0, 1] (as after min-max scaling): strongly predictable one step ahead. */
    private static double[] noisySine(long seed) {
        Random r = new Random(seed);
        double[] x = new double[N];
        for (int t = 0; t < N; t++) {
            x[t] = 0.5 + 0.4 * Math.sin(2 * Math.PI * t / 16.0) + 0.02 * r.nextGaussian();
        }
        return x;
    }

    /** Features: the series itself (one column); label of bar t: the value at t+1 (next-close style). */
    private static double[] nextValue(double[] x) {
        double[] y = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            y[t] = t + 1 < x.length ? x[t + 1] : Double.NaN;
        }
        return y;
    }

    private static FeatureMatrix column(double[] x) {
        return FeatureMatrix.of(List.of("close"), new double[][] {x}, x.length);
    }

    private static ModelData fitData(double[] x, double[] y, int from, int to) {
        return ModelData.of(column(x), y, 1, TRAIN_END, IntStream.rangeClosed(from, to).toArray());
    }

    private static ModelData testData(double[] x, double[] y) {
        return ModelData.of(column(x), y, 1, N - 2, IntStream.rangeClosed(TRAIN_END + 1, N - 2).toArray());
    }

    private static FittedModel fit(LstmSettings s, double[] x, double[] y, long seed) {
        ModelData train = fitData(x, y, 0, 199);
        ModelData validation = fitData(x, y, 200, TRAIN_END - 1);
        return new LstmModel(s).fit(train, validation, seed);
    }

    @Test
    void regression_beatsTheRandomWalkOnANoisySine() {
        double[] x = noisySine(1);
        double[] y = nextValue(x);
        FittedModel fitted = fit(small(Head.AUTO, 20), x, y, 7);
        ModelData test = testData(x, y);
        Forecast[] f = fitted.predict(test);
        int[] rows = test.rows();
        double lstm = 0;
        double randomWalk = 0;
        for (int i = 0; i < rows.length; i++) {
            double truth = y[rows[i]];
            lstm += Math.pow(f[i].point() - truth, 2);
            randomWalk += Math.pow(x[rows[i]] - truth, 2);
        }
        assertTrue(lstm < 0.5 * randomWalk, "LSTM MSE " + lstm / rows.length + " vs random walk " + randomWalk / rows.length);
        assertEquals("regression", fitted.diagnostics().get("head"));
    }

    @Test
    void labelScaling_isFitOnTrainingLabelsAndInvertedAtPredict() {
        // Labels in price units (≈ 100–140): forecasts must come back in those units.
        double[] x = noisySine(2);
        double[] y = nextValue(x);
        double[] price = new double[N];
        for (int t = 0; t < N; t++) {
            price[t] = Double.isNaN(y[t]) ? Double.NaN : 100 + 50 * y[t];
        }
        FittedModel fitted = fit(small(Head.REGRESSION, 10), x, price, 3);
        @SuppressWarnings("unchecked")
        Map<String, Object> scaling = (Map<String, Object>) fitted.diagnostics().get("label_scaling");
        double min = IntStream.rangeClosed(0, 199).mapToDouble(t -> price[t]).min().orElseThrow();
        assertEquals(min, (double) scaling.get("offset"), 0.0);
        Forecast[] f = fitted.predict(testData(x, price));
        double mean = Arrays.stream(f).mapToDouble(Forecast::point).average().orElseThrow();
        assertTrue(mean > 110 && mean < 130, "forecasts in price units, mean " + mean);
    }

    @Test
    void directionHead_givesProbabilitiesThatBeatACoinFlip() {
        double[] x = noisySine(3);
        double[] up = new double[N];
        for (int t = 0; t < N; t++) {
            up[t] = t + 1 < N ? (x[t + 1] > x[t] ? 1 : 0) : Double.NaN;
        }
        FittedModel fitted = fit(small(Head.AUTO, 20), x, up, 11);
        assertEquals("direction", fitted.diagnostics().get("head"));
        ModelData test = testData(x, up);
        Forecast[] f = fitted.predict(test);
        int[] rows = test.rows();
        int hits = 0;
        for (int i = 0; i < rows.length; i++) {
            assertTrue(f[i].probabilityUp() >= 0 && f[i].probabilityUp() <= 1);
            assertEquals(f[i].point(), f[i].probabilityUp());
            hits += (f[i].probabilityUp() > 0.5) == (up[rows[i]] == 1) ? 1 : 0;
        }
        double hitRate = hits / (double) rows.length;
        assertTrue(hitRate > 0.75, "hit rate " + hitRate);
    }

    @Test
    void volatilityHead_forecastsArePositive() {
        double[] x = noisySine(4);
        double[] sigma = new double[N];
        for (int t = 0; t < N; t++) {
            sigma[t] = t + 1 < N ? 0.01 + 0.005 * (1 + Math.sin(2 * Math.PI * (t + 1) / 16.0)) : Double.NaN;
        }
        FittedModel fitted = fit(small(Head.VOLATILITY, 3), x, sigma, 5);
        for (Forecast f : fitted.predict(testData(x, sigma))) {
            assertTrue(f.point() > 0 && Double.isNaN(f.probabilityUp()), "σ forecast " + f.point());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> scaling = (Map<String, Object>) fitted.diagnostics().get("label_scaling");
        assertEquals("minmax(log label)", scaling.get("transform"));
        assertEquals("keras", fitted.diagnostics().get("training_recipe"));
    }

    @Test
    void attentionVariant_trainsAndBeatsTheRandomWalk() {
        double[] x = noisySine(5);
        double[] y = nextValue(x);
        LstmSettings s = new LstmSettings("lstm-attention", 8, List.of(8), 0.0, List.of(4), "identity", 2, 0.0, 0.02,
                32, 20, 0, true, 0.0, Head.AUTO, true, -1);
        FittedModel fitted = fit(s, x, y, 9);
        ModelData test = testData(x, y);
        Forecast[] f = fitted.predict(test);
        int[] rows = test.rows();
        double model = 0;
        double randomWalk = 0;
        for (int i = 0; i < rows.length; i++) {
            model += Math.pow(f[i].point() - y[rows[i]], 2);
            randomWalk += Math.pow(x[rows[i]] - y[rows[i]], 2);
        }
        assertTrue(model < randomWalk, "attention MSE " + model / rows.length + " vs random walk " + randomWalk / rows.length);
    }

    @Test
    void buildingAnAttentionNetwork_printsNothingOnStandardOutput() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true));
            LstmRuntime.initialise();
            double[] x = noisySine(6);
            fit(new LstmSettings("lstm-attention", 8, List.of(4), 0.0, List.of(2), "identity", 2, 0.0, 0.02, 32, 1, 0,
                    true, 0.0, Head.AUTO, true, -1), x, nextValue(x), 3);
            System.out.println("ours");
        } finally {
            System.setOut(original);
        }
        assertEquals("ours" + System.lineSeparator(), captured.toString(), "SameDiff's chatter is dropped, nothing else");
    }

    @Test
    void sameSeed_givesBitIdenticalForecastsEvenWhenTwoFitsRunConcurrently() throws Exception {
        double[] x = noisySine(6);
        double[] y = nextValue(x);
        LstmSettings s = new LstmSettings("lstm", 8, List.of(6, 4), 0.2, List.of(4), "identity", 0, 1e-4, 0.01, 32, 3,
                2, true, 1.0, Head.AUTO, true, -1);
        double[] alone = points(fit(s, x, y, 42), x, y);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<double[]> a = pool.submit(() -> points(fit(s, x, y, 42), x, y));
            Future<double[]> b = pool.submit(() -> points(fit(s, x, y, 43), x, y));
            assertArrayEquals(alone, a.get());
            double[] other = b.get();
            assertTrue(!Arrays.equals(alone, other), "another seed must give other forecasts");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void diagnostics_recordEpochsLossesAndEarlyStopping() {
        double[] x = noisySine(7);
        double[] y = nextValue(x);
        // A large learning rate makes the validation loss stall quickly; patience 1 stops early.
        LstmSettings s = new LstmSettings("lstm", 8, List.of(6), 0.0, List.of(), "identity", 0, 0.0, 0.2, 64, 12, 1,
                true, 0.0, Head.REGRESSION, false, -1);
        Map<String, Object> d = fit(s, x, y, 1).diagnostics();
        int epochs = (int) d.get("epochs_run");
        int best = (int) d.get("best_epoch");
        assertEquals(epochs, ((List<?>) d.get("train_loss")).size());
        assertEquals(epochs, ((List<?>) d.get("validation_loss")).size());
        assertTrue(best >= 1 && best <= epochs);
        if ((boolean) d.get("stopped_early")) {
            assertEquals(best + 1, epochs, "patience 1 stops one epoch after the best");
        }
        @SuppressWarnings("unchecked")
        List<Double> v = (List<Double>) d.get("validation_loss");
        assertEquals(v.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), v.get(best - 1));
        assertTrue(d.get("nd4j_threads") instanceof Integer);
    }

    @Test
    void nonFiniteLoss_failsTheFitNamingTheEpoch() {
        double[] x = noisySine(8);
        double[] y = nextValue(x);
        // Adam moves each weight by about the learning rate per step: 1e30 sends the weights, then the
        // output and the loss, past single precision's range within the first epoch.
        LstmSettings s = new LstmSettings("lstm", 8, List.of(4), 0.0, List.of(), "identity", 0, 0.0, 1e30, 64, 3, 0,
                false, 0.0, Head.REGRESSION, false, -1);
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> fit(s, x, y, 1));
        assertTrue(e.getMessage().matches("(?s)lstm: the (training|validation) loss became .* at epoch \\d+.*"),
                e.getMessage());
    }

    private static double[] points(FittedModel fitted, double[] x, double[] y) {
        return Arrays.stream(fitted.predict(testData(x, y))).mapToDouble(Forecast::point).toArray();
    }
}

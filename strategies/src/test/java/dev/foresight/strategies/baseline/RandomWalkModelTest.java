package dev.foresight.strategies.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.model.FittedModel;
import dev.foresight.model.Forecast;
import dev.foresight.model.ModelData;
import org.junit.jupiter.api.Test;

class RandomWalkModelTest {

    private static FittedModel fit(RandomWalkMode mode, double[] labels, int horizon, int last) {
        ModelData train = Labels.train(labels, horizon, last);
        return new RandomWalkModel(mode).fit(train, train, 0);
    }

    @Test
    void zeroMode_forecastsNoChange() {
        double[] returns = {0.01, -0.02, 0.03, 0.0, -0.01, 0.02};
        Forecast f = fit(RandomWalkMode.ZERO, returns, 1, 3).predict(Labels.forecast(returns, 1, 5, 4, 5))[1];
        assertEquals(0.0, f.point());
        assertTrue(Double.isNaN(f.probabilityUp()));
    }

    @Test
    void lastMode_onNextCloseLabels_forecastsTodaysClose() {
        double[] close = {100, 101, 99, 102, 104, 103, 105};
        double[] nextClose = new double[close.length];
        for (int t = 0; t + 1 < close.length; t++) {
            nextClose[t] = close[t + 1];
        }
        FittedModel fitted = fit(RandomWalkMode.LAST, nextClose, 1, 3);

        Forecast[] f = fitted.predict(Labels.forecast(nextClose, 1, 5, 4, 5));

        assertEquals(close[4], f[0].point());
        assertEquals(close[5], f[1].point());
    }

    @Test
    void lastMode_withHorizonThree_usesTheLabelThreeBarsBack() {
        double[] vol = {0.10, 0.11, 0.12, 0.13, 0.14, 0.15, 0.16, 0.17};
        Forecast f = fit(RandomWalkMode.LAST, vol, 3, 5).predict(Labels.forecast(vol, 3, 7, 7))[0];
        assertEquals(0.14, f.point());
    }

    @Test
    void lastMode_beforeAnyLabelIsKnown_failsClearly() {
        double[] vol = {0.10, 0.11, 0.12, 0.13, 0.14, 0.15};
        FittedModel fitted = fit(RandomWalkMode.LAST, vol, 3, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fitted.predict(Labels.forecast(vol, 3, 5, 2)));
        assertTrue(e.getMessage().contains("first bar it can forecast is 3"), e.getMessage());
    }

    @Test
    void halfMode_forecastsACoinFlip() {
        double[] up = {1, 0, 1, 1, 0, 1};
        Forecast f = fit(RandomWalkMode.HALF, up, 1, 5).predict(Labels.forecast(up, 1, 5, 5))[0];
        assertEquals(0.5, f.point());
        assertEquals(0.5, f.probabilityUp());
    }

    @Test
    void autoMode_infersTheModeFromTrainingLabels() {
        assertEquals("half", fit(RandomWalkMode.AUTO, new double[] {1, 0, 0, 1, 1}, 1, 4)
                .diagnostics().get("mode"));
        assertEquals("last", fit(RandomWalkMode.AUTO, new double[] {100, 101, 99, 102, 103}, 1, 4)
                .diagnostics().get("mode"));
        assertEquals("last", fit(RandomWalkMode.AUTO, new double[] {0.12, 0.0, 0.2, 0.15, 0.1}, 1, 4)
                .diagnostics().get("mode"));
        assertEquals("zero", fit(RandomWalkMode.AUTO, new double[] {0.01, -0.02, 0.0, 0.03, 0.1}, 1, 4)
                .diagnostics().get("mode"));
        assertEquals(true, fit(RandomWalkMode.AUTO, new double[] {1, 0, 0, 1, 1}, 1, 4)
                .diagnostics().get("mode_inferred"));
    }

    @Test
    void autoMode_onDirectionLabels_forecastsProbabilityOneHalf() {
        double[] up = {1, 0, 0, 1, 1, 1, 0};
        Forecast f = fit(RandomWalkMode.AUTO, up, 1, 4).predict(Labels.forecast(up, 1, 6, 6))[0];
        assertEquals(0.5, f.probabilityUp());
    }
}

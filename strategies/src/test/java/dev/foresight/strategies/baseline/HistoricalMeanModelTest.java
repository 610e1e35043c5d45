package dev.foresight.strategies.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.model.FittedModel;
import dev.foresight.model.Forecast;
import dev.foresight.model.ModelData;
import org.junit.jupiter.api.Test;

class HistoricalMeanModelTest {

    private static final double[] LABELS = {1, 2, 3, 4, 5, 6, 70, 80};

    private static FittedModel fit(int window, double[] labels, int last) {
        ModelData train = Labels.train(labels, 1, last);
        return new HistoricalMeanModel(window).fit(train, train, 0);
    }

    @Test
    void windowZero_averagesEveryTrainingLabel() {
        // last = 5, horizon 1: training rows 0..4, labels 1..5
        Forecast[] f = fit(0, LABELS, 5).predict(Labels.forecast(LABELS, 1, 7, 6, 7));
        assertEquals(3.0, f[0].point());
        assertEquals(3.0, f[1].point(), "fixed at fit time: later labels do not move it");
        assertTrue(Double.isNaN(f[0].probabilityUp()));
    }

    @Test
    void windowTwo_averagesTheLastTwoTrainingLabels() {
        Forecast f = fit(2, LABELS, 5).predict(Labels.forecast(LABELS, 1, 7, 7))[0];
        assertEquals(4.5, f.point());
    }

    @Test
    void windowLongerThanTraining_usesEveryRowAndSaysHowMany() {
        FittedModel fitted = fit(100, LABELS, 5);
        assertEquals(3.0, fitted.predict(Labels.forecast(LABELS, 1, 7, 7))[0].point());
        assertEquals(5, fitted.diagnostics().get("rows"));
    }

    @Test
    void directionLabels_forecastTheUpFrequencyAsProbabilityOfUp() {
        double[] up = {1, 0, 1, 1, 0, 0};
        Forecast f = fit(0, up, 4).predict(Labels.forecast(up, 1, 5, 5))[0];
        assertEquals(0.75, f.point());
        assertEquals(0.75, f.probabilityUp());
    }

    @Test
    void nanTrainingLabel_isRejectedNamingTheBar() {
        double[] labels = {1, Double.NaN, 3, 4};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fit(0, labels, 3));
        assertTrue(e.getMessage().contains("bar 1"), e.getMessage());
    }
}

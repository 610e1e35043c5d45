package dev.foresight.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.LookAheadException;
import dev.foresight.feature.FeatureMatrix;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a model may read when it forecasts. */
class ModelDataTest {

    private static ModelData forecasting() {
        double[] x = new double[20];
        double[] labels = new double[20];
        for (int t = 0; t < 20; t++) {
            x[t] = t;
            labels[t] = 100 + t;
        }
        // horizon 2, bars 0..19 visible, forecasting bars 15..19
        return ModelData.of(FeatureMatrix.of(List.of("x"), new double[][] {x}, 20), labels, 2, 19,
                new int[] {15, 16, 17, 18, 19}).forForecasting("model m, fold 3");
    }

    @Test
    void labelAtForecastTime_isOnlyWhatIsKnownAtTheFirstBarForecast() {
        ModelData d = forecasting();
        assertEquals(113, d.label(13));
        LookAheadException e = assertThrows(LookAheadException.class, () -> d.label(14));
        assertTrue(e.getMessage().contains("model m, fold 3"), e.getMessage());
        assertTrue(e.getMessage().contains("label of bar 14"), e.getMessage());
        assertTrue(e.getMessage().contains("forecasting bars 15..19"), e.getMessage());
    }

    @Test
    void labelKnownAt_theBarForecast_isAllowedAndLaterOnesThrowNamingTheReader() {
        ModelData d = forecasting();
        assertEquals(115, d.labelKnownAt(15, 17));
        LookAheadException e = assertThrows(LookAheadException.class, () -> d.labelKnownAt(16, 17));
        assertTrue(e.getMessage().startsWith("look-ahead: model m, fold 3: read the label of bar 16"), e.getMessage());
        assertThrows(LookAheadException.class, () -> d.row(20));
    }

    @Test
    void withRows_keepsTheForecastingModeAndContext() {
        ModelData d = forecasting().withRows(new int[] {18});
        assertTrue(d.forecasting());
        assertEquals(115, d.label(15));
        assertThrows(LookAheadException.class, () -> d.label(17));
    }
}

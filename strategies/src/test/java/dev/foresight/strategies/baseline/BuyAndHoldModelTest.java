package dev.foresight.strategies.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.foresight.model.Forecast;
import dev.foresight.model.ModelData;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BuyAndHoldModelTest {

    @Test
    void fixedPosition_isAlwaysLong() {
        assertEquals(OptionalDouble.of(1.0), new BuyAndHoldModel().fixedPosition());
        assertEquals(OptionalDouble.empty(), new HistoricalMeanModel(0).fixedPosition());
    }

    @Test
    void forecasts_equalHistoricalMeanWithEveryRow() {
        double[] returns = {0.01, -0.03, 0.02, 0.04, -0.01, 0.0, 0.02};
        ModelData train = Labels.train(returns, 1, 4);
        ModelData test = Labels.forecast(returns, 1, 6, 5, 6);

        Forecast[] hold = new BuyAndHoldModel().fit(train, train, 0).predict(test);
        Forecast[] mean = new HistoricalMeanModel(0).fit(train, train, 0).predict(test);

        assertEquals(0.01, hold[0].point(), 1e-15, "(0.01 - 0.03 + 0.02 + 0.04) / 4");
        assertEquals(mean[0], hold[0]);
        assertEquals(mean[1], hold[1]);
    }
}

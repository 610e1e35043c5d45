package dev.foresight.strategies.baseline;

import dev.foresight.model.FittedModel;
import dev.foresight.model.Model;
import dev.foresight.model.ModelData;
import java.util.OptionalDouble;

/**
 * The always-long benchmark: its position is +1 whatever the strategy. It must still forecast
 * something for the accuracy tables; it forecasts the mean of all training labels, so its MSE and
 * hit rate are those of {@code historical-mean} with the default window and only its trading row
 * differs.
 */
record BuyAndHoldModel() implements Model {

    @Override
    public FittedModel fit(ModelData train, ModelData validation, long seed) {
        return HistoricalMeanModel.fitMean("buy-and-hold", train, 0);
    }

    @Override
    public OptionalDouble fixedPosition() {
        return OptionalDouble.of(1.0);
    }
}

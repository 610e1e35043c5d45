package dev.foresight.strategies.baseline;

import dev.foresight.model.Model;
import dev.foresight.plugin.SimpleProvider;
import java.util.List;

/** {@code kind: buy-and-hold}. */
public final class BuyAndHoldProvider extends SimpleProvider<Model> {

    public BuyAndHoldProvider() {
        super(Model.class, "buy-and-hold",
                "Always long (position +1 whatever the strategy); forecasts the mean training label like historical-mean",
                List.of(), p -> new BuyAndHoldModel());
    }
}

package dev.foresight.strategies.lstm;

import dev.foresight.model.Model;
import dev.foresight.plugin.SimpleProvider;
import java.util.List;

/** {@code kind: lstm}: the course's stacked LSTM by default (DL4J). */
public final class LstmProvider extends SimpleProvider<Model> {

    public LstmProvider() {
        super(Model.class, "lstm",
                "Stacked LSTM on windows of feature rows (DL4J); defaults = the course's network: window 60,"
                        + " LSTM 128 → dropout 0.2 → LSTM 64 → dropout 0.2 → dense 25 → dense 1, Adam 1e-3, MSE, batch 32",
                LstmParameters.specs(List.of(128, 64), false), p -> LstmParameters.model("lstm", p, false));
    }
}

package dev.foresight.strategies.lstm;

import dev.foresight.model.Model;
import dev.foresight.plugin.SimpleProvider;
import java.util.List;

/** {@code kind: lstm-attention}: the course's Module 4 pipeline (LSTM encoder → attention → dense head). */
public final class LstmAttentionProvider extends SimpleProvider<Model> {

    public LstmAttentionProvider() {
        super(Model.class, "lstm-attention",
                "LSTM encoder (full sequences) → multi-head self-attention over the time steps (DL4J"
                        + " SelfAttentionLayer) → mean over time → dense head; defaults: LSTM 128 → 128, dense 25",
                LstmParameters.specs(List.of(128, 128), true), p -> LstmParameters.model("lstm-attention", p, true));
    }
}

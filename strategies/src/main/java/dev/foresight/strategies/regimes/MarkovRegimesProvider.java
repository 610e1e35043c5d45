package dev.foresight.strategies.regimes;

import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.SimpleProvider;
import dev.foresight.regime.RegimeDetector;
import java.util.List;

/** {@code kind: markov}. */
public final class MarkovRegimesProvider extends SimpleProvider<RegimeDetector> {

    public MarkovRegimesProvider() {
        super(RegimeDetector.class, "markov",
                "Two-state Gaussian Markov-switching model of returns fit by EM on the training window;"
                        + " test bars labelled low-vol/high-vol by filtered (causal) probabilities",
                List.of(ParameterSpec.integer("max_iterations", 500, 1, 100_000, "EM iterations at most"),
                        ParameterSpec.real("tolerance", 1e-8, 0, 1,
                                "stop when the log-likelihood gains less than tolerance × (1 + |logL|)")),
                p -> new MarkovRegimes(p.integer("max_iterations"), p.real("tolerance")));
    }
}

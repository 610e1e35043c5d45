package dev.foresight.strategies.lstm;

import dev.foresight.plugin.ProvenanceContributor;
import java.util.Map;

/**
 * ND4J's thread count, native classifier and BLAS for the run's manifest: they change the last bits
 * of LSTM weights. Public with a no-argument constructor because {@link java.util.ServiceLoader} makes it.
 */
public final class Nd4jProvenance implements ProvenanceContributor {

    @Override
    public String name() {
        return "nd4j";
    }

    @Override
    public Map<String, Object> describe() {
        return LstmRuntime.environment();
    }
}

package dev.foresight.strategies.features;

import dev.foresight.contract.FeatureSetContract;
import dev.foresight.feature.FeatureSet;
import dev.foresight.plugin.Parameters;
import java.util.Map;

/** {@code returns} passes the framework's leakage contract. */
class ReturnsContractTest extends FeatureSetContract {

    @Override
    protected FeatureSet featureSet() {
        return new ReturnsProvider().create(Parameters.of(new ReturnsProvider(), Map.of("lags", 10)));
    }
}

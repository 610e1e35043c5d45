package dev.foresight.strategies.regimes;

import dev.foresight.contract.RegimeDetectorContract;
import dev.foresight.plugin.Parameters;
import dev.foresight.regime.RegimeDetector;

/** {@code volatility} regimes pass the framework's leakage contract. */
class VolatilityRegimesContractTest extends RegimeDetectorContract {

    @Override
    protected RegimeDetector detector() {
        return new VolatilityRegimesProvider().create(Parameters.defaults(new VolatilityRegimesProvider()));
    }
}

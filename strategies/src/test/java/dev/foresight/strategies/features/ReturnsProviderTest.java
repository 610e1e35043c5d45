package dev.foresight.strategies.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.foresight.error.UserError;
import dev.foresight.feature.FeatureSet;
import dev.foresight.plugin.Parameters;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReturnsProviderTest {

    private final ReturnsProvider provider = new ReturnsProvider();

    @Test
    void defaults_areFiveLogReturnsOfThePrimarySeries() {
        FeatureSet set = provider.create(Parameters.defaults(provider));
        assertEquals(new LaggedReturns(5, ReturnType.LOG, ""), set);
    }

    @Test
    void givenValues_reachTheFeatureSet() {
        FeatureSet set = provider.create(Parameters.of(provider,
                Map.of("lags", 10, "return_type", "simple", "symbol", "SPY")));
        assertEquals(new LaggedReturns(10, ReturnType.SIMPLE, "SPY"), set);
    }

    @Test
    void lagsOutOfRange_isAUserError() {
        assertThrows(UserError.class, () -> Parameters.of(provider, Map.of("lags", 0)));
        assertThrows(UserError.class, () -> Parameters.of(provider, Map.of("lags", 251)));
    }
}

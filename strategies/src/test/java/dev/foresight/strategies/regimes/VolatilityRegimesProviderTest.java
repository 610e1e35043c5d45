package dev.foresight.strategies.regimes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.foresight.error.UserError;
import dev.foresight.plugin.Parameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VolatilityRegimesProviderTest {

    private final VolatilityRegimesProvider provider = new VolatilityRegimesProvider();

    @Test
    void defaults_are21BarsAndTerciles() {
        assertEquals(new VolatilityRegimes(21, 0.33, 0.67), provider.create(Parameters.defaults(provider)));
    }

    @Test
    void givenValues_reachTheDetector() {
        assertEquals(new VolatilityRegimes(63, 0.2, 0.8),
                provider.create(Parameters.of(provider, Map.of("window", 63, "quantiles", List.of(0.2, 0.8)))));
    }

    @Test
    void unorderedOrWrongCountOfQuantiles_isALocatedUserError() {
        for (List<Double> q : List.of(List.of(0.7, 0.3), List.of(0.5), List.of(0.2, 0.5, 0.8), List.of(0.0, 0.5))) {
            UserError e = assertThrows(UserError.class,
                    () -> provider.create(Parameters.of(provider, Map.of("quantiles", q))), q.toString());
            assertEquals("quantiles", e.location().field());
        }
    }
}

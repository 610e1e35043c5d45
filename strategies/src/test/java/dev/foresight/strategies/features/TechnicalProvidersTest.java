package dev.foresight.strategies.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.error.UserError;
import dev.foresight.plugin.Parameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TechnicalProvidersTest {

    @Test
    void defaults_areTheCommonTextbookSettings() {
        assertEquals(new Rsi(14, ""), create(new RsiProvider(), Map.of()));
        assertEquals(new Macd(12, 26, 9, false, ""), create(new MacdProvider(), Map.of()));
        assertEquals(new Bollinger(20, 2.0, ""), create(new BollingerProvider(), Map.of()));
        assertEquals(new RealizedVolatility(List.of(5, 21, 63), ""), create(new RealizedVolProvider(), Map.of()));
        assertEquals(new Momentum(List.of(21, 63, 252), ""), create(new MomentumProvider(), Map.of()));
        assertEquals(new OhlcvFeatures(20, ""), create(new OhlcvProvider(), Map.of()));
        assertEquals(new CalendarFeatures(true, true), create(new CalendarProvider(), Map.of()));
    }

    @Test
    void givenValues_reachTheFeatureSet() {
        assertEquals(new Macd(5, 35, 5, true, "SPY"), create(new MacdProvider(),
                Map.of("fast", 5, "slow", 35, "signal", 5, "relative", true, "symbol", "SPY")));
        assertEquals(new RealizedVolatility(List.of(10, 20), "VIX"), create(new RealizedVolProvider(),
                Map.of("windows", List.of("10", "20"), "symbol", "VIX")));
    }

    @Test
    void crossParameterMistakes_areLocatedUserErrors() {
        UserError macd = assertThrows(UserError.class,
                () -> create(new MacdProvider(), Map.of("fast", 26, "slow", 12)));
        assertTrue(macd.getMessage().contains("slow"), macd.getMessage());
        assertThrows(UserError.class, () -> create(new RealizedVolProvider(), Map.of("windows", List.of("5", "5"))));
        assertThrows(UserError.class, () -> create(new MomentumProvider(), Map.of("lookbacks", List.of("21", "21"))));
        assertThrows(UserError.class,
                () -> create(new CalendarProvider(), Map.of("day_of_week", false, "month", false)));
        assertThrows(UserError.class, () -> create(new RsiProvider(), Map.of("period", 1)));
        assertThrows(UserError.class, () -> create(new RealizedVolProvider(), Map.of("windows", List.of("1"))));
    }

    private static Object create(dev.foresight.plugin.PluginProvider<?> provider, Map<String, ?> values) {
        return provider.create(Parameters.of(provider, values));
    }
}

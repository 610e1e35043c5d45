package dev.foresight.strategies.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.foresight.error.UserError;
import dev.foresight.model.Model;
import dev.foresight.plugin.Parameters;
import dev.foresight.plugin.PluginProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselineProvidersTest {

    private static final List<PluginProvider<Model>> PROVIDERS = List.of(new RandomWalkProvider(),
            new HistoricalMeanProvider(), new ArProvider(), new BuyAndHoldProvider());

    @Test
    void defaults_createEachModel() {
        for (PluginProvider<Model> p : PROVIDERS) {
            Model m = p.create(Parameters.defaults(p));
            assertEquals(Model.class, p.contract());
            assertFalse(p.description().isBlank(), p.kind());
            assertFalse(p.description().contains("\n"), p.kind());
            assertEquals(p.kind().equals("buy-and-hold"), m.fixedPosition().isPresent(), p.kind());
        }
    }

    @Test
    void defaults_areTheDocumentedOnes() {
        assertEquals(new RandomWalkModel(RandomWalkMode.AUTO), create(new RandomWalkProvider(), Map.of()));
        assertEquals(new HistoricalMeanModel(0), create(new HistoricalMeanProvider(), Map.of()));
        assertEquals(new ArModel(1), create(new ArProvider(), Map.of()));
    }

    @Test
    void givenValues_reachTheModel() {
        assertEquals(new RandomWalkModel(RandomWalkMode.LAST), create(new RandomWalkProvider(), Map.of("mode", "last")));
        assertEquals(new HistoricalMeanModel(250), create(new HistoricalMeanProvider(), Map.of("window", 250)));
        assertEquals(new ArModel(5), create(new ArProvider(), Map.of("p", 5)));
    }

    @Test
    void outOfRangeOrder_isAUserError() {
        assertThrows(UserError.class, () -> create(new ArProvider(), Map.of("p", 0)));
        assertThrows(UserError.class, () -> create(new ArProvider(), Map.of("p", 51)));
        assertThrows(UserError.class, () -> create(new RandomWalkProvider(), Map.of("mode", "drift")));
    }

    private static Model create(PluginProvider<Model> p, Map<String, ?> values) {
        return p.create(Parameters.of(p, values));
    }
}

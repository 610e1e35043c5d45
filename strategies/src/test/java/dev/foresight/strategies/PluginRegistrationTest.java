package dev.foresight.strategies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.error.Location;
import dev.foresight.feature.FeatureSet;
import dev.foresight.model.Model;
import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.Parameters;
import dev.foresight.plugin.PluginProvider;
import dev.foresight.plugin.PluginRegistry;
import dev.foresight.regime.RegimeDetector;
import dev.foresight.strategy.Strategy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginRegistrationTest {

    private static final Map<Class<?>, List<String>> KINDS = Map.of(
            Model.class, List.of("random-walk", "historical-mean", "ar", "buy-and-hold", "linear", "cart", "xgboost", "logistic",
                    "garch", "lstm", "lstm-attention", "lstm-garch"),
            Strategy.class, List.of("sign", "long-above", "vol-target", "probability", "band"),
            FeatureSet.class, List.of("returns", "ohlcv", "rsi", "macd", "bollinger", "realized-vol", "momentum", "calendar",
                    "garch", "price"),
            RegimeDetector.class, List.of("volatility", "truth", "trend", "calendar", "markov"));

    private final PluginRegistry registry = PluginRegistry.discover();

    @Test
    void serviceLoader_findsEveryRegisteredKind() {
        KINDS.forEach((contract, kinds) -> kinds.forEach(kind ->
                assertNotNull(registry.provider(contract, kind, Location.of("test")), contract + " " + kind)));
    }

    @Test
    void everyDiscoveredProvider_createsAnInstanceFromItsDefaults() {
        for (PluginProvider<?> p : registry.all()) {
            Object instance = p.create(Parameters.defaults(p));
            assertTrue(p.contract().isInstance(instance), p.kind());
        }
    }

    @Test
    void everyDiscoveredProvider_isDocumentedForTheListing() {
        for (PluginProvider<?> p : registry.all()) {
            assertTrue(p.kind().matches("[a-z]+(-[a-z]+)*"), p.kind());
            assertFalse(p.description().isBlank() || p.description().contains("\n"), p.kind());
            for (ParameterSpec s : p.parameters()) {
                assertFalse(s.required(), p.kind() + "." + s.name() + " has a default");
                assertFalse(s.description().isBlank(), p.kind() + "." + s.name());
            }
        }
    }

    @Test
    void onlyTheNetworks_useTheValidationTail() {
        // every other model fits the whole training window (walk_forward.validation would only shorten it)
        for (String kind : KINDS.get(Model.class)) {
            PluginProvider<?> p = registry.provider(Model.class, kind, Location.of("test"));
            Model m = (Model) p.create(Parameters.defaults(p));
            assertEquals(kind.startsWith("lstm"), m.usesValidation(), kind);
        }
    }

    @Test
    void registeredKinds_areExactlyThisModulesKinds() {
        long expected = KINDS.values().stream().mapToLong(List::size).sum();
        assertEquals(expected, registry.all().stream()
                .filter(p -> p.getClass().getName().startsWith("dev.foresight.strategies.")).count());
    }
}

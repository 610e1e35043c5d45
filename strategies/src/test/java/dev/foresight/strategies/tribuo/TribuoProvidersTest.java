package dev.foresight.strategies.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.foresight.error.UserError;
import dev.foresight.plugin.Parameters;
import dev.foresight.plugin.PluginProvider;
import dev.foresight.scaling.ScalingMethod;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TribuoProvidersTest {

    @Test
    void defaults_reachTheModels() {
        assertEquals(new ElasticNetModel(0.01, 0.5, 1000, 1e-4), create(new LinearProvider(), Map.of()));
        assertEquals(new CartModel(4, 20, 0, 1), create(new CartProvider(), Map.of()));
        assertEquals(new XgboostModel(XgboostTask.AUTO, 100, 0.1, 3, 5, 0.8, 0.8, 1, 0, 0),
                create(new XgboostProvider(), Map.of()));
        assertEquals(new LogisticModel(10, 0.5, 1), create(new LogisticProvider(), Map.of()));
    }

    @Test
    void givenValues_reachTheModels() {
        assertEquals(new XgboostModel(XgboostTask.CLASSIFICATION, 50, 0.3, 2, 1, 1, 0.5, 2, 0.1, 0.2),
                create(new XgboostProvider(), Map.of("task", "classification", "trees", 50, "eta", 0.3, "max_depth", 2,
                        "min_child_weight", 1, "subsample", 1, "colsample", 0.5, "lambda", 2, "alpha", 0.1,
                        "gamma", 0.2)));
        assertEquals(new ElasticNetModel(0.5, 1, 10, 1e-6), create(new LinearProvider(),
                Map.of("alpha", 0.5, "l1_ratio", 1, "max_iterations", 10, "tolerance", 1e-6)));
    }

    @Test
    void outOfRangeValues_areUserErrors() {
        assertThrows(UserError.class, () -> create(new LinearProvider(), Map.of("l1_ratio", 0)));
        assertThrows(UserError.class, () -> create(new XgboostProvider(), Map.of("task", "ranking")));
        assertThrows(UserError.class, () -> create(new XgboostProvider(), Map.of("subsample", 0)));
        assertThrows(UserError.class, () -> create(new CartProvider(), Map.of("max_depth", 0)));
        assertThrows(UserError.class, () -> create(new LogisticProvider(), Map.of("epochs", 0)));
    }

    @Test
    void linearModelsAreZScoredByDefault_treesAreNotScaled() {
        assertEquals(ScalingMethod.ZSCORE, new ElasticNetModel(0.01, 0.5, 1000, 1e-4).defaultScaling());
        assertEquals(ScalingMethod.ZSCORE, new LogisticModel(10, 0.5, 1).defaultScaling());
        assertEquals(ScalingMethod.NONE, new CartModel(4, 20, 0, 1).defaultScaling());
        assertEquals(ScalingMethod.NONE,
                new XgboostModel(XgboostTask.AUTO, 100, 0.1, 3, 5, 0.8, 0.8, 1, 0, 0).defaultScaling());
    }

    private static Object create(PluginProvider<?> provider, Map<String, ?> values) {
        return provider.create(Parameters.of(provider, values));
    }
}

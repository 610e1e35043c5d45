package dev.foresight.run;

import dev.foresight.model.FittedModel;
import dev.foresight.model.Forecast;
import dev.foresight.model.Model;
import dev.foresight.model.ModelData;
import dev.foresight.model.PreviousFit;
import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.SimpleProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A warm-starting third-party model, registered on the test class path only
 * ({@code kind: chained-mean}): it forecasts the mean training label plus half the level of the
 * fold it started from, and records its lineage — the last training bar of every fit in its chain,
 * oldest first — so a test can see which folds it was given, and in which order.
 */
public final class ChainedMeanProvider extends SimpleProvider<Model> {

    public ChainedMeanProvider() {
        super(Model.class, "chained-mean", "TEST ONLY: a warm-starting mean that records its chain",
                List.of(ParameterSpec.bool("warm_start", true, "start from the previous fold's fit")),
                p -> new Chained(p.bool("warm_start")));
    }

    record Chained(boolean warm) implements Model {
        @Override
        public boolean warmStarts() {
            return warm;
        }

        @Override
        public FittedModel fit(ModelData train, ModelData validation, long seed) {
            return fit(train, validation, seed, null);
        }

        @Override
        public FittedModel fit(ModelData train, ModelData validation, long seed, PreviousFit previous) {
            double mean = Arrays.stream(train.rowLabels()).average().orElseThrow();
            Level before = previous == null ? null : (Level) previous.model();
            List<Integer> lineage = new ArrayList<>(before == null ? List.of() : before.lineage());
            lineage.add(train.last());
            return new Level(mean + (before == null ? 0 : 0.5 * before.level()), List.copyOf(lineage),
                    previous == null ? -1 : previous.fold().index());
        }
    }

    record Level(double level, List<Integer> lineage, int from) implements FittedModel {
        @Override
        public Forecast[] predict(ModelData data) {
            Forecast[] out = new Forecast[data.size()];
            Arrays.fill(out, Forecast.point(level));
            return out;
        }

        @Override
        public Map<String, Object> diagnostics() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("level", level);
            d.put("lineage", lineage);
            if (from >= 0) {
                d.put("initialised_from_fold", from);
            }
            return d;
        }
    }
}

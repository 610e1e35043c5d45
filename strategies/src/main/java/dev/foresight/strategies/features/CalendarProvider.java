package dev.foresight.strategies.features;

import dev.foresight.feature.FeatureSet;
import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.SimpleProvider;
import java.util.List;

/** {@code kind: calendar}. */
public final class CalendarProvider extends SimpleProvider<FeatureSet> {

    public CalendarProvider() {
        super(FeatureSet.class, CalendarFeatures.KIND,
                "Day of week and month as cyclic sin/cos pairs: dow_sin/dow_cos (2*pi*d/7, Monday 0), month_sin/month_cos (2*pi*(m-1)/12)",
                List.of(ParameterSpec.bool("day_of_week", true, "add dow_sin and dow_cos"),
                        ParameterSpec.bool("month", true, "add month_sin and month_cos")),
                p -> {
                    if (!p.bool("day_of_week") && !p.bool("month")) {
                        throw p.error("month", "calendar: day_of_week and month are both false: no columns left");
                    }
                    return new CalendarFeatures(p.bool("day_of_week"), p.bool("month"));
                });
    }
}

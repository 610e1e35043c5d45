package dev.foresight.strategies.features;

import java.util.List;
import java.util.Locale;

/** How a one-bar return is measured from two consecutive prices. */
enum ReturnType {
    /** {@code log(p(t) / p(t-1))}: additive over time, the default for modelling. */
    LOG,
    /** {@code p(t) / p(t-1) - 1}: what a position actually earns over the bar. */
    SIMPLE;

    static final List<String> CHOICES = List.of("log", "simple");

    static ReturnType of(String yamlName) {
        return valueOf(yamlName.toUpperCase(Locale.ROOT));
    }

    double between(double previous, double current) {
        return this == LOG ? Math.log(current / previous) : current / previous - 1;
    }
}

package dev.foresight.strategies.garch;

import java.util.List;
import java.util.Locale;

/**
 * The conditional mean of the return {@code r(t)}: {@link #ZERO}; {@link #CONSTANT} μ; {@link #AR1}
 * μ + φ r(t−1) with |φ| &lt; 1. For AR(1) the return before the first one is taken to be the
 * unconditional mean μ / (1 − φ), so the first residual is {@code r(0) − μ / (1 − φ)}.
 */
public enum MeanModel {
    ZERO, CONSTANT, AR1;

    public static final List<String> CHOICES = List.of("zero", "constant", "ar1");

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MeanModel of(String yamlName) {
        return valueOf(yamlName.toUpperCase(Locale.ROOT));
    }
}

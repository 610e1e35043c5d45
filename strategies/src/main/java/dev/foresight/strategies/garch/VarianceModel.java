package dev.foresight.strategies.garch;

import java.util.List;
import java.util.Locale;

/**
 * The conditional-variance equation, all of order (1,1). With {@code e} the previous residual,
 * {@code z = e / σ} the previous standardised residual and {@code s²} the previous variance:
 * <ul>
 * <li>{@link #GARCH}: {@code σ² = ω + α e² + β s²} (Bollerslev 1986);</li>
 * <li>{@link #GJR}: {@code σ² = ω + (α + γ·1[e < 0]) e² + β s²} (Glosten–Jagannathan–Runkle 1993;
 *     γ &gt; 0 is the leverage effect);</li>
 * <li>{@link #EGARCH}: {@code ln σ² = ω + α (|z| − E|z|) + γ z + β ln s²} (Nelson 1991; γ &lt; 0 is
 *     the leverage effect).</li>
 * </ul>
 */
public enum VarianceModel {
    GARCH, GJR, EGARCH;

    public static final List<String> CHOICES = List.of("garch", "gjr", "egarch");

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VarianceModel of(String yamlName) {
        return valueOf(yamlName.toUpperCase(Locale.ROOT));
    }
}

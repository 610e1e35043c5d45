package dev.foresight.portfolio;

import java.util.Locale;

/**
 * How per-asset positions {@code p_a} (each strategy's own, decided at the close of t) become
 * portfolio exposures {@code e_a}, fractions of the portfolio's capital.
 */
public enum Weighting {

    /** {@code e_a = p_a / N}. */
    EQUAL,

    /** {@code e_a = p_a · (1/σ_a) / Σ_b (1/σ_b)}, σ the one-bar volatility forecast of each asset. */
    INVERSE_VOLATILITY,

    /**
     * Equal weight, then the whole book scaled by {@code k = min(cap, target_per_bar / σ_p)} where
     * {@code σ_p² = eᵀ Σ e}, {@code Σ = D R D}: D the assets' one-bar volatility forecasts, R the
     * sample correlation of their returns over the trailing window (returns known at the close of t).
     */
    VOLATILITY_TARGET;

    /** The YAML name, e.g. {@code inverse-volatility}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

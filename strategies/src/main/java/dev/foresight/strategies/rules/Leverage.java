package dev.foresight.strategies.rules;

import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.Parameters;
import dev.foresight.strategy.Strategy;

/**
 * The two settings every sizing rule shares: a cap on the absolute position ({@code max_leverage})
 * and {@code long_only}, which turns every short into flat. Kept in one place so that the three
 * rules document, default and validate them alike.
 */
record Leverage(double cap, boolean longOnly) {

    static final ParameterSpec MAX_LEVERAGE = ParameterSpec.real("max_leverage", 1.0, 0, Strategy.LEVERAGE_LIMIT,
            "largest absolute position, as a multiple of capital, in (0, " + (int) Strategy.LEVERAGE_LIMIT + "]");
    static final ParameterSpec LONG_ONLY = ParameterSpec.bool("long_only", false,
            "never short: a short signal means flat");

    Leverage {
        if (!(cap > 0 && cap <= Strategy.LEVERAGE_LIMIT)) {
            throw new IllegalArgumentException("max_leverage must be in (0, " + Strategy.LEVERAGE_LIMIT + "], got " + cap);
        }
    }

    static Leverage of(Parameters p) {
        double cap = p.real("max_leverage");
        if (!(cap > 0)) {
            throw p.error("max_leverage", "max_leverage must be in (0, " + (int) Strategy.LEVERAGE_LIMIT
                    + "]: a cap of 0 never trades, got " + cap);
        }
        return new Leverage(cap, p.bool("long_only"));
    }

    /** {@code position} clamped to ±cap, and to [0, cap] when long-only. */
    double apply(double position) {
        double floor = longOnly ? 0 : -cap;
        return Math.max(floor, Math.min(cap, position));
    }
}

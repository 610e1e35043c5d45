package dev.foresight.strategies.rules;

import dev.foresight.strategy.Strategy;
import dev.foresight.strategy.StrategyInput;
import java.util.Optional;

/**
 * Volatility targeting: position = sign(expected move) × min(cap, target ÷ forecast annual
 * volatility), the forecast annual volatility being √(one-bar variance × periods per year). The
 * variance is the model's own forecast, or that of the named {@code volatilityModel} of the same
 * experiment. Equal risk per bar instead of equal size: a direction call is taken small when the
 * forecast says the next bar is wild, large (up to the cap) when it says calm.
 *
 * @param volatilityModel another model of the experiment whose variance forecast sizes the
 *                        position; empty for the model's own
 */
record VolTargetRule(double targetVolatility, int periodsPerYear, Leverage leverage, Optional<String> volatilityModel)
        implements Strategy {

    VolTargetRule {
        if (!(targetVolatility > 0 && Double.isFinite(targetVolatility))) {
            throw new IllegalArgumentException("vol-target: target_vol must be positive, got " + targetVolatility);
        }
        if (periodsPerYear < 1) {
            throw new IllegalArgumentException("vol-target: periods_per_year must be at least 1, got " + periodsPerYear);
        }
    }

    @Override
    public double position(StrategyInput input) {
        double move = ExpectedMove.of("vol-target", input);
        if (move == 0 || (move < 0 && leverage.longOnly())) {
            return 0;
        }
        double variance = input.barVariance();
        if (Double.isNaN(variance)) {
            throw new IllegalArgumentException(volatilityModel
                    .map(m -> "vol-target: volatility model '" + m + "' gave no variance forecast at bar " + input.bar())
                    .orElse("vol-target needs a variance forecast, and the model gives none at bar " + input.bar()
                            + " (only log-return and realised-vol forecasts with a variance, e.g. GARCH or AR, have"
                            + " one): name a volatility model of the experiment with volatility_model"));
        }
        // A zero variance forecast asks for infinite size: the cap takes it.
        double size = Math.min(leverage.cap(), targetVolatility / Math.sqrt(variance * periodsPerYear));
        return Math.signum(move) * size;
    }

    @Override
    public double maxLeverage() {
        return leverage.cap();
    }
}

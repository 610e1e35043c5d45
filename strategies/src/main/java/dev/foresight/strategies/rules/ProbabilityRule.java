package dev.foresight.strategies.rules;

import dev.foresight.strategy.Strategy;
import dev.foresight.strategy.StrategyInput;

/**
 * Kelly-style sizing on a direction probability: position = clamp((2p − 1) × k, ±cap), flat while
 * |p − ½| ≤ band. For an even-money bet won with probability p, 2p − 1 is the Kelly fraction;
 * {@code k} < 1 takes a fraction of it (half Kelly: 0.5), as estimated probabilities are noisy.
 * The band keeps the rule from paying costs on coin-flip calls.
 */
record ProbabilityRule(double k, double band, Leverage leverage) implements Strategy {

    ProbabilityRule {
        if (!(k > 0 && Double.isFinite(k))) {
            throw new IllegalArgumentException("probability: k must be positive, got " + k);
        }
        if (!(band >= 0 && band < 0.5)) {
            throw new IllegalArgumentException("probability: band must be in [0, 0.5), got " + band);
        }
    }

    @Override
    public double position(StrategyInput input) {
        double p = input.forecast().probabilityUp();
        if (Double.isNaN(p)) {
            throw new IllegalArgumentException("trading rule 'probability' needs a probability of up (a direction"
                    + " target's classifier); the forecast at bar " + input.bar() + " has none");
        }
        // Written as the interval [½ − band, ½ + band] rather than |p − ½| ≤ band: the edges a user
        // types (0.55 for a band of 0.05) then fall inside the band exactly, not by rounding luck.
        if (p >= 0.5 - band && p <= 0.5 + band) {
            return 0;
        }
        return leverage.apply((2 * p - 1) * k);
    }

    @Override
    public double maxLeverage() {
        return leverage.cap();
    }
}

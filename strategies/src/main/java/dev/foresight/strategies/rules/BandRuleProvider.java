package dev.foresight.strategies.rules;

import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.SimpleProvider;
import dev.foresight.strategy.Strategy;
import java.util.List;
import java.util.Locale;

/** {@code kind: band}. */
public final class BandRuleProvider extends SimpleProvider<Strategy> {

    public BandRuleProvider() {
        super(Strategy.class, "band",
                "Buy / Hold / Sell: long above upper, short (flat if long_only) below lower, hold the previous position between",
                List.of(ParameterSpec.choice("signal", "probability", List.of("probability", "move"),
                                "compare P(up) (direction targets) or the expected move (in the target's directional units)"),
                        ParameterSpec.real("upper", 0.55, -Double.MAX_VALUE, Double.MAX_VALUE, "buy above this"),
                        ParameterSpec.real("lower", 0.45, -Double.MAX_VALUE, Double.MAX_VALUE, "sell below this; at most upper"),
                        ParameterSpec.real("size", 1.0, 0, Strategy.LEVERAGE_LIMIT, "position taken, in (0, max_leverage]"),
                        Leverage.MAX_LEVERAGE, Leverage.LONG_ONLY),
                p -> {
                    BandRule.Signal signal = BandRule.Signal.valueOf(p.text("signal").toUpperCase(Locale.ROOT));
                    double upper = p.real("upper");
                    double lower = p.real("lower");
                    if (lower > upper) {
                        throw p.error("lower", "lower (" + lower + ") must be at most upper (" + upper + ")");
                    }
                    if (signal == BandRule.Signal.PROBABILITY && (lower < 0 || upper > 1)) {
                        throw p.error(lower < 0 ? "lower" : "upper", "with signal probability the thresholds are"
                                + " probabilities in [0, 1], got lower " + lower + ", upper " + upper);
                    }
                    Leverage leverage = Leverage.of(p);
                    double size = p.real("size");
                    if (!(size > 0 && size <= leverage.cap())) {
                        throw p.error("size", "size must be in (0, max_leverage = " + leverage.cap() + "], got " + size);
                    }
                    return new BandRule(signal, upper, lower, size, leverage);
                });
    }
}

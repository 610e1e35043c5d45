package dev.foresight.strategies.rules;

import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.SimpleProvider;
import dev.foresight.strategy.Strategy;
import java.util.List;
import java.util.Optional;

/** {@code kind: vol-target}. */
public final class VolTargetRuleProvider extends SimpleProvider<Strategy> {

    public VolTargetRuleProvider() {
        super(Strategy.class, "vol-target",
                "Volatility targeting: sign of the expected move × min(max_leverage, target_vol ÷ forecast annual volatility)",
                List.of(ParameterSpec.real("target_vol", 0.10, 1e-6, 10, "annualised volatility aimed at, e.g. 0.10 for 10%"),
                        ParameterSpec.integer("periods_per_year", 252, 1, 100_000,
                                "bars per year, to annualise the one-bar variance forecast"),
                        ParameterSpec.text("volatility_model", "",
                                "name of another model of the experiment whose variance forecast sizes the position"
                                        + " (e.g. a GARCH sizing an LSTM's direction call); empty = this model's own"),
                        Leverage.MAX_LEVERAGE, Leverage.LONG_ONLY),
                p -> {
                    // another model's name is checked against the experiment's models by the batch
                    String model = p.text("volatility_model").strip();
                    return new VolTargetRule(p.real("target_vol"), p.integer("periods_per_year"), Leverage.of(p),
                            model.isEmpty() ? Optional.empty() : Optional.of(model));
                });
    }
}

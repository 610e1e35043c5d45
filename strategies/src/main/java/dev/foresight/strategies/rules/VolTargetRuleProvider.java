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
                    String model = p.text("volatility_model").strip();
                    if (!model.isEmpty()) {
                        // The rule takes another model's variance (VolTargetRule, Strategy.volatilityModel()),
                        // but the batch runner does not hand it over yet: refused here, at validation, rather
                        // than failing every fold at run time.
                        throw p.error("volatility_model", "sizing by another model's volatility ('" + model
                                + "') is not available in this version: the batch runner does not yet pass one"
                                + " model's forecasts to another's strategy; leave volatility_model empty to size"
                                + " with the model's own variance forecast");
                    }
                    return new VolTargetRule(p.real("target_vol"), p.integer("periods_per_year"), Leverage.of(p),
                            Optional.empty());
                });
    }
}

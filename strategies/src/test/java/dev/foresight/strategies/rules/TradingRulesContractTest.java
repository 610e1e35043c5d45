package dev.foresight.strategies.rules;

import dev.foresight.contract.StrategyContract;
import dev.foresight.plugin.Parameters;
import dev.foresight.strategy.Strategy;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/** Both trading rules pass the framework's strategy contract. */
class TradingRulesContractTest {

    @Nested
    class Sign extends StrategyContract {
        @Override
        protected Strategy strategy() {
            return new SignRuleProvider().create(Parameters.of(new SignRuleProvider(), Map.of("size", 0.5)));
        }
    }

    @Nested
    class LongAbove extends StrategyContract {
        @Override
        protected Strategy strategy() {
            return new LongAboveRuleProvider().create(Parameters.of(new LongAboveRuleProvider(), Map.of("threshold", 0.01)));
        }
    }
}

package dev.foresight.strategies.rules;

import dev.foresight.contract.StrategyContract;
import dev.foresight.plugin.Parameters;
import dev.foresight.strategy.Strategy;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/** Every trading rule, in its long-short and long-only forms, passes the framework's strategy contract. */
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

    @Nested
    class VolTarget extends StrategyContract {
        @Override
        protected Strategy strategy() {
            return new VolTargetRuleProvider().create(Parameters.of(new VolTargetRuleProvider(),
                    Map.of("target_vol", 0.15, "max_leverage", 3.0)));
        }
    }

    @Nested
    class VolTargetLongOnly extends StrategyContract {
        @Override
        protected Strategy strategy() {
            return new VolTargetRuleProvider().create(Parameters.of(new VolTargetRuleProvider(), Map.of("long_only", true)));
        }
    }

    @Nested
    class Probability extends StrategyContract {
        @Override
        protected Strategy strategy() {
            return new ProbabilityRuleProvider().create(Parameters.of(new ProbabilityRuleProvider(),
                    Map.of("k", 5.0, "band", 0.02, "max_leverage", 2.0)));
        }
    }

    @Nested
    class ProbabilityLongOnly extends StrategyContract {
        @Override
        protected Strategy strategy() {
            return new ProbabilityRuleProvider().create(Parameters.of(new ProbabilityRuleProvider(), Map.of("long_only", true)));
        }
    }

    @Nested
    class Band extends StrategyContract {
        @Override
        protected Strategy strategy() {
            return new BandRuleProvider().create(Parameters.defaults(new BandRuleProvider()));
        }
    }

    @Nested
    class BandOnTheMoveLongOnly extends StrategyContract {
        @Override
        protected Strategy strategy() {
            return new BandRuleProvider().create(Parameters.of(new BandRuleProvider(),
                    Map.of("signal", "move", "upper", 0.01, "lower", -0.01, "size", 0.5, "long_only", true)));
        }
    }
}

package dev.foresight.strategies.baseline;

import dev.foresight.contract.ModelContract;
import dev.foresight.model.Model;
import dev.foresight.plugin.Parameters;
import dev.foresight.target.Target;
import dev.foresight.target.Targets;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/** Every baseline model passes the framework's leakage contract, on return and volatility targets. */
class BaselineModelsContractTest {

    @Nested
    class RandomWalk extends ModelContract {
        @Override
        protected Model model() {
            return new RandomWalkProvider().create(Parameters.defaults(new RandomWalkProvider()));
        }
    }

    @Nested
    class HistoricalMean extends ModelContract {
        @Override
        protected Model model() {
            return new HistoricalMeanProvider().create(Parameters.of(new HistoricalMeanProvider(), Map.of("window", 100)));
        }
    }

    @Nested
    class Ar extends ModelContract {
        @Override
        protected Model model() {
            return new ArProvider().create(Parameters.of(new ArProvider(), Map.of("p", 3)));
        }
    }

    @Nested
    class ArOnVolatility extends ModelContract {
        @Override
        protected Model model() {
            return new ArProvider().create(Parameters.of(new ArProvider(), Map.of("p", 2)));
        }

        @Override
        protected Target target() {
            return Targets.realisedVolatility(5);
        }
    }

    @Nested
    class BuyAndHold extends ModelContract {
        @Override
        protected Model model() {
            return new BuyAndHoldProvider().create(Parameters.defaults(new BuyAndHoldProvider()));
        }
    }
}

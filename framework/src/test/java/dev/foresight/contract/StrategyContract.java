package dev.foresight.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.model.Forecast;
import dev.foresight.strategy.Strategy;
import dev.foresight.strategy.StrategyInput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract for a {@link Strategy}: positions within {@code ±maxLeverage()} (itself in
 * (0, {@link Strategy#LEVERAGE_LIMIT}]) for any directional input, and a pure function of its
 * input — the same input gives the same position whatever came before, so it carries no hidden
 * state (which could smuggle information across bars). A path-dependent rule reads its past only
 * through {@link StrategyInput#previousPosition()}, which the engine computes forward in time.
 */
public abstract class StrategyContract {

    /** A fresh instance per call. */
    protected abstract Strategy strategy();

    private static List<StrategyInput> inputs() {
        List<StrategyInput> out = new ArrayList<>();
        double[] moves = {-1, -0.5, -1e-9, 0, 1e-9, 0.01, 0.5, 2, -3};
        double[] previous = {-1, 0, 0.5, 1};
        double[] probabilities = {0, 0.3, 0.5, 0.52, 0.9, 1};
        double[] variances = {0, 1e-8, 1e-4, 0.01, 4};
        int bar = 0;
        for (double m : moves) {
            for (double p : previous) {
                for (int k = 0; k < probabilities.length; k++) {
                    double variance = variances[(bar + k) % variances.length];
                    out.add(new StrategyInput(bar++, new Forecast(m, probabilities[k], variance), m, p, variance));
                }
            }
        }
        return out;
    }

    @Test
    void positionsStayWithinTheStrategysLeverage() {
        Strategy s = strategy();
        double cap = s.maxLeverage();
        assertTrue(cap > 0 && cap <= Strategy.LEVERAGE_LIMIT, "maxLeverage " + cap);
        for (StrategyInput in : inputs()) {
            double p = s.position(in);
            assertTrue(Math.abs(p) <= cap, "position " + p + " beyond ±" + cap + " for " + in);
        }
    }

    @Test
    void positionIsAPureFunctionOfItsInput() {
        Strategy first = strategy();
        Strategy second = strategy();
        List<StrategyInput> in = inputs();
        List<Double> forward = new ArrayList<>();
        for (StrategyInput i : in) {
            forward.add(first.position(i));
        }
        for (int k = in.size() - 1; k >= 0; k--) {
            assertEquals(forward.get(k), second.position(in.get(k)), 0.0, "input " + in.get(k) + " in another order");
            assertEquals(forward.get(k), first.position(in.get(k)), 0.0, "input " + in.get(k) + " asked twice");
        }
    }
}

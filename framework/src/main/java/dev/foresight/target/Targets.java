package dev.foresight.target;

import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.SimpleProvider;
import java.util.Arrays;
import java.util.List;

/** The built-in targets and their plugin providers. */
public final class Targets {

    private Targets() {
    }

    public static Target logReturn(int horizon) {
        return new LogReturnTarget(horizon);
    }

    public static Target direction(int horizon) {
        return new DirectionTarget(horizon);
    }

    public static Target realisedVolatility(int horizon) {
        return new RealisedVolatilityTarget(horizon);
    }

    public static Target nextClose(int horizon) {
        return new NextCloseTarget(horizon);
    }

    static void checkHorizon(int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("a target's horizon is at least 1 bar, got " + horizon);
        }
    }

    static double[] unknown(int n) {
        double[] y = new double[n];
        Arrays.fill(y, Double.NaN);
        return y;
    }

    private static final ParameterSpec HORIZON =
            ParameterSpec.integer("horizon", 1, 1, 252, "bars ahead the label looks");

    /** {@code kind: log-return}. */
    public static final class LogReturnProvider extends SimpleProvider<Target> {
        public LogReturnProvider() {
            super(Target.class, "log-return", "log return over the next h bars (adjusted close when present)",
                    List.of(HORIZON), p -> logReturn(p.integer("horizon")));
        }
    }

    /** {@code kind: direction}. */
    public static final class DirectionProvider extends SimpleProvider<Target> {
        public DirectionProvider() {
            super(Target.class, "direction", "1 if the price is higher after h bars, else 0; forecasts are P(up)",
                    List.of(HORIZON), p -> direction(p.integer("horizon")));
        }
    }

    /** {@code kind: realised-vol}. */
    public static final class RealisedVolatilityProvider extends SimpleProvider<Target> {
        public RealisedVolatilityProvider() {
            super(Target.class, "realised-vol", "root mean square of the next h log returns (per-bar volatility)",
                    List.of(HORIZON), p -> realisedVolatility(p.integer("horizon")));
        }
    }

    /** {@code kind: next-close}. */
    public static final class NextCloseProvider extends SimpleProvider<Target> {
        public NextCloseProvider() {
            super(Target.class, "next-close", "the unadjusted close h bars ahead",
                    List.of(HORIZON), p -> nextClose(p.integer("horizon")));
        }
    }
}

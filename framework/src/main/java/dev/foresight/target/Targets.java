package dev.foresight.target;

import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.Parameters;
import dev.foresight.plugin.PluginProvider;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

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

    /** Base of the four providers: they differ only in kind, text and constructor. */
    private abstract static class Provider implements PluginProvider<Target> {
        private final String kind;
        private final String description;
        private final IntFunction<Target> make;

        Provider(String kind, String description, IntFunction<Target> make) {
            this.kind = kind;
            this.description = description;
            this.make = make;
        }

        @Override
        public Class<Target> contract() {
            return Target.class;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(HORIZON);
        }

        @Override
        public Target create(Parameters p) {
            return make.apply(p.integer("horizon"));
        }
    }

    /** {@code kind: log-return}. */
    public static final class LogReturnProvider extends Provider {
        public LogReturnProvider() {
            super("log-return", "log return over the next h bars (adjusted close when present)", Targets::logReturn);
        }
    }

    /** {@code kind: direction}. */
    public static final class DirectionProvider extends Provider {
        public DirectionProvider() {
            super("direction", "1 if the price is higher after h bars, else 0; forecasts are P(up)", Targets::direction);
        }
    }

    /** {@code kind: realised-vol}. */
    public static final class RealisedVolatilityProvider extends Provider {
        public RealisedVolatilityProvider() {
            super("realised-vol", "root mean square of the next h log returns (per-bar volatility)",
                    Targets::realisedVolatility);
        }
    }

    /** {@code kind: next-close}. */
    public static final class NextCloseProvider extends Provider {
        public NextCloseProvider() {
            super("next-close", "the unadjusted close h bars ahead", Targets::nextClose);
        }
    }
}

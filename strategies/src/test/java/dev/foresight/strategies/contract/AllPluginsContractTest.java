package dev.foresight.strategies.contract;

import dev.foresight.contract.FeatureSetContract;
import dev.foresight.contract.ModelContract;
import dev.foresight.contract.RegimeDetectorContract;
import dev.foresight.feature.FeatureSet;
import dev.foresight.model.Model;
import dev.foresight.plugin.Parameters;
import dev.foresight.plugin.PluginProvider;
import dev.foresight.regime.RegimeDetector;
import dev.foresight.strategies.features.BollingerProvider;
import dev.foresight.strategies.features.CalendarProvider;
import dev.foresight.strategies.features.MacdProvider;
import dev.foresight.strategies.features.MomentumProvider;
import dev.foresight.strategies.features.OhlcvProvider;
import dev.foresight.strategies.features.PriceProvider;
import dev.foresight.strategies.features.RealizedVolProvider;
import dev.foresight.strategies.features.ReturnsProvider;
import dev.foresight.strategies.features.RsiProvider;
import dev.foresight.strategies.garch.GarchFeaturesProvider;
import dev.foresight.strategies.garch.GarchModelProvider;
import dev.foresight.strategies.lstm.LstmAttentionProvider;
import dev.foresight.strategies.lstm.LstmGarchProvider;
import dev.foresight.strategies.lstm.LstmProvider;
import dev.foresight.strategies.regimes.CalendarRegimesProvider;
import dev.foresight.strategies.regimes.MarkovRegimesProvider;
import dev.foresight.strategies.regimes.TrendRegimesProvider;
import dev.foresight.strategies.regimes.TruthRegimesProvider;
import dev.foresight.strategies.tribuo.CartProvider;
import dev.foresight.strategies.tribuo.LinearProvider;
import dev.foresight.strategies.tribuo.LogisticProvider;
import dev.foresight.strategies.tribuo.XgboostProvider;
import dev.foresight.target.Target;
import dev.foresight.target.Targets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/**
 * Every built-in feature set, model and regime detector passes the framework's leakage contract:
 * truncation invariance at ten bars of every fold, future perturbation of every fold, determinism.
 * (The baselines, {@code returns}, {@code volatility} and the trading rules have their own contract
 * tests beside them.) Settings are small to keep CI quick; the checks do not depend on size.
 */
class AllPluginsContractTest {

    static <T> T make(PluginProvider<T> provider, Map<String, ?> parameters) {
        return provider.create(Parameters.of(provider, parameters));
    }

    static FeatureSet returns() {
        return make(new ReturnsProvider(), Map.of("lags", 3));
    }

    // ---- feature sets ----

    @Nested
    class Ohlcv extends FeatureSetContract {
        @Override
        protected FeatureSet featureSet() {
            return make(new OhlcvProvider(), Map.of());
        }
    }

    @Nested
    class Rsi extends FeatureSetContract {
        @Override
        protected FeatureSet featureSet() {
            return make(new RsiProvider(), Map.of());
        }
    }

    @Nested
    class Macd extends FeatureSetContract {
        @Override
        protected FeatureSet featureSet() {
            return make(new MacdProvider(), Map.of("relative", true));
        }
    }

    @Nested
    class Bollinger extends FeatureSetContract {
        @Override
        protected FeatureSet featureSet() {
            return make(new BollingerProvider(), Map.of());
        }
    }

    @Nested
    class RealizedVol extends FeatureSetContract {
        @Override
        protected FeatureSet featureSet() {
            return make(new RealizedVolProvider(), Map.of());
        }
    }

    @Nested
    class Momentum extends FeatureSetContract {
        @Override
        protected FeatureSet featureSet() {
            return make(new MomentumProvider(), Map.of("lookbacks", List.of("5", "63")));
        }
    }

    @Nested
    class Calendar extends FeatureSetContract {
        @Override
        protected FeatureSet featureSet() {
            return make(new CalendarProvider(), Map.of());
        }
    }

    @Nested
    class Price extends FeatureSetContract {
        @Override
        protected FeatureSet featureSet() {
            return make(new PriceProvider(), Map.of("columns", "close,volume"));
        }
    }

    @Nested
    class GarchFeatures extends FeatureSetContract {
        @Override
        protected FeatureSet featureSet() {
            return make(new GarchFeaturesProvider(), Map.of());
        }
    }

    // ---- models ----

    @Nested
    class Linear extends ModelContract {
        @Override
        protected Model model() {
            return make(new LinearProvider(), Map.of());
        }

        @Override
        protected List<FeatureSet> features() {
            return List.of(returns());
        }
    }

    @Nested
    class Cart extends ModelContract {
        @Override
        protected Model model() {
            return make(new CartProvider(), Map.of("max_depth", 3));
        }

        @Override
        protected List<FeatureSet> features() {
            return List.of(returns());
        }
    }

    @Nested
    class Xgboost extends ModelContract {
        @Override
        protected Model model() {
            return make(new XgboostProvider(), Map.of("trees", 20));
        }

        @Override
        protected List<FeatureSet> features() {
            return List.of(returns());
        }
    }

    @Nested
    class Logistic extends ModelContract {
        @Override
        protected Model model() {
            return make(new LogisticProvider(), Map.of("epochs", 2));
        }

        @Override
        protected Target target() {
            return Targets.direction(1);
        }

        @Override
        protected List<FeatureSet> features() {
            return List.of(returns());
        }
    }

    @Nested
    class Garch extends ModelContract {
        @Override
        protected Model model() {
            return make(new GarchModelProvider(), Map.of());
        }

        @Override
        protected Target target() {
            return Targets.realisedVolatility(1);
        }

        @Override
        protected List<FeatureSet> features() {
            return List.of(returns());
        }

        @Override
        protected dev.foresight.scaling.ScalingMethod scaling() {
            return dev.foresight.scaling.ScalingMethod.NONE; // GARCH reads the unscaled returns
        }
    }

    /** Tiny networks: the contract is about what a network may see, not how good it is. */
    static final Map<String, Object> TINY = Map.of("window", 10, "lstm_units", List.of("4"), "dense_units", List.of("0"),
            "max_epochs", 1, "batch_size", 64);

    @Nested
    class Lstm extends ModelContract {
        @Override
        protected Model model() {
            return make(new LstmProvider(), TINY);
        }

        @Override
        protected List<FeatureSet> features() {
            return List.of(returns());
        }

        @Override
        protected int truncationSamples() {
            return 3;
        }
    }

    /** Warm start: the contract runs the folds as a chain, each fold (and its perturbation refit) from the previous fit. */
    @Nested
    class LstmWarmStart extends Lstm {
        @Override
        protected Model model() {
            Map<String, Object> p = new HashMap<>(TINY);
            p.put("warm_start", true);
            return make(new LstmProvider(), p);
        }
    }

    @Nested
    class LstmAttention extends ModelContract {
        @Override
        protected Model model() {
            return make(new LstmAttentionProvider(), TINY);
        }

        @Override
        protected List<FeatureSet> features() {
            return List.of(returns());
        }

        @Override
        protected int truncationSamples() {
            return 3;
        }
    }

    /** head: volatility — GARCH's forecast times the LSTM's correction, shrunk on the validation tail. */
    @Nested
    class LstmGarchVolatility extends ModelContract {
        @Override
        protected Model model() {
            Map<String, Object> p = new HashMap<>(TINY);
            p.put("head", "volatility");
            return make(new LstmGarchProvider(), p);
        }

        @Override
        protected Target target() {
            return Targets.realisedVolatility(5);
        }

        @Override
        protected dev.foresight.walkforward.WalkForwardPlan plan() {
            return new dev.foresight.walkforward.WalkForwardPlan(dev.foresight.walkforward.WindowType.EXPANDING, 400,
                    100, 100, 0.2, 5, 0);
        }

        @Override
        protected List<FeatureSet> features() {
            Model m = model();
            return List.of(returns(), m.requiredFeatures().get(0));
        }

        @Override
        protected dev.foresight.scaling.ScalingMethod scaling() {
            return dev.foresight.scaling.ScalingMethod.NONE; // the GARCH base reads the unscaled returns
        }

        @Override
        protected int truncationSamples() {
            return 3;
        }
    }

    @Nested
    class LstmGarch extends ModelContract {
        @Override
        protected Model model() {
            return make(new LstmGarchProvider(), TINY);
        }

        @Override
        protected List<FeatureSet> features() {
            // what the pipeline adds for this model (Pipelines does it from requiredFeatures in a run)
            Model m = model();
            return List.of(returns(), m.requiredFeatures().get(0));
        }

        @Override
        protected int truncationSamples() {
            return 3;
        }
    }

    // ---- regime detectors ----

    @Nested
    class Trend extends RegimeDetectorContract {
        @Override
        protected RegimeDetector detector() {
            return make(new TrendRegimesProvider(), Map.of("window", 50));
        }
    }

    @Nested
    class TrendDrawdown extends RegimeDetectorContract {
        @Override
        protected RegimeDetector detector() {
            return make(new TrendRegimesProvider(), Map.of("method", "drawdown", "threshold", 0.05));
        }
    }

    @Nested
    class CalendarRanges extends RegimeDetectorContract {
        @Override
        protected RegimeDetector detector() {
            return make(new CalendarRegimesProvider(), Map.of("ranges", List.of("spring: 2001-03-01..2001-05-31")));
        }
    }

    @Nested
    class Markov extends RegimeDetectorContract {
        @Override
        protected RegimeDetector detector() {
            return make(new MarkovRegimesProvider(), Map.of());
        }
    }

    @Nested
    class Truth extends RegimeDetectorContract {
        @Override
        protected RegimeDetector detector() {
            return make(new TruthRegimesProvider(), Map.of());
        }
    }
}

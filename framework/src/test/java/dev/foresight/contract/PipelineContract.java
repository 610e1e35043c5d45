package dev.foresight.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.MarketData;
import dev.foresight.data.synthetic.RegimeSwitchingGarchSource;
import dev.foresight.feature.FeatureSet;
import dev.foresight.result.CheckOutcome;
import dev.foresight.leakage.CheckPlan;
import dev.foresight.leakage.CheckedFold;
import dev.foresight.leakage.CheckedFoldRunner;
import dev.foresight.leakage.LeakageSettings;
import dev.foresight.model.FittedModel;
import dev.foresight.model.Forecast;
import dev.foresight.model.Model;
import dev.foresight.model.ModelData;
import dev.foresight.pipeline.BarOutcome;
import dev.foresight.pipeline.FoldChain;
import dev.foresight.pipeline.FoldOutcome;
import dev.foresight.pipeline.NamedFeatureSet;
import dev.foresight.pipeline.NamedRegimeDetector;
import dev.foresight.pipeline.Pipeline;
import dev.foresight.regime.RegimeDetector;
import dev.foresight.scaling.ScalingMethod;
import dev.foresight.strategy.Strategy;
import dev.foresight.target.Target;
import dev.foresight.target.Targets;
import dev.foresight.walkforward.Fold;
import dev.foresight.walkforward.WalkForwardPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The leakage contract every plugin passes, run through the same checks as {@code foresight run}
 * — truncation invariance at many bars of every fold, future perturbation of every fold — plus
 * determinism (two runs with fresh instances and the same seed give identical bars). A model that
 * warm-starts runs its folds as a chain, each fold (and its perturbation refit) from the previous
 * fold's fit, as in a batch. Plugin tests extend {@link FeatureSetContract}, {@link ModelContract},
 * {@link RegimeDetectorContract}; override the fixture methods when a plugin needs other data,
 * features or a target.
 */
public abstract class PipelineContract {

    /** Default data: regime-switching GARCH with full OHLCV, 700 bars. */
    protected MarketData market() {
        return RegimeSwitchingGarchSource.calmTurbulent().market("SYN", 700, 5);
    }

    protected WalkForwardPlan plan() {
        return WalkForwardPlan.expanding(400, 100);
    }

    protected Target target() {
        return Targets.logReturn(1);
    }

    /** Fresh instances on each call. */
    protected List<FeatureSet> features() {
        return List.of();
    }

    /** A fresh model on each call; the default forecasts 0 and learns nothing. */
    protected Model model() {
        return (train, validation, seed) -> new FittedModel() {
            @Override
            public Forecast[] predict(ModelData data) {
                Forecast[] out = new Forecast[data.size()];
                Arrays.fill(out, Forecast.point(0));
                return out;
            }
        };
    }

    protected List<RegimeDetector> regimes() {
        return List.of();
    }

    protected ScalingMethod scaling() {
        return ScalingMethod.MINMAX;
    }

    /** Test bars per fold recomputed on truncated history. */
    protected int truncationSamples() {
        return 10;
    }

    private Pipeline pipeline() {
        List<NamedFeatureSet> f = new ArrayList<>();
        for (FeatureSet s : features()) {
            f.add(new NamedFeatureSet("features" + f.size(), s));
        }
        List<NamedRegimeDetector> r = new ArrayList<>();
        for (RegimeDetector d : regimes()) {
            r.add(new NamedRegimeDetector("regimes" + r.size(), d));
        }
        Strategy sign = in -> Math.signum(in.expectedMove());
        return new Pipeline(target(), f, scaling(), "model", model(),
                target().directional() ? Optional.of(sign) : Optional.empty(), r, 20241124L);
    }

    private List<FoldOutcome> runAll(List<CheckOutcome> checks) {
        MarketData data = market();
        Pipeline p = pipeline();
        List<Fold> folds = plan().folds(data.size(), target().horizon());
        LeakageSettings everything = new LeakageSettings(truncationSamples(), folds.size(), false);
        List<FoldOutcome> out = new ArrayList<>();
        // A warm-starting model runs its folds as a chain (each from the previous fold's fit), as in a batch.
        FoldChain chain = new FoldChain(p);
        for (Fold f : folds) {
            FoldOutcome o = CheckedFoldRunner.run(data, p, CheckedFold.of(f, CheckPlan.forRun(everything, folds.size()),
                    17L + f.index()).from(chain.previous()), checks);
            chain.fitted(f, o.model());
            out.add(o);
        }
        return out;
    }

    @Test
    void passesTruncationInvarianceAndFuturePerturbationOnEveryFold() {
        List<CheckOutcome> checks = new ArrayList<>();
        runAll(checks);
        List<CheckOutcome> failed = checks.stream().filter(CheckOutcome::failed).toList();
        assertTrue(failed.isEmpty(), () -> "leakage contract broken: " + failed);
        assertTrue(checks.stream().anyMatch(c -> c.check().equals(CheckOutcome.TRUNCATION)));
        assertTrue(checks.stream().anyMatch(c -> c.check().equals(CheckOutcome.PERTURBATION)));
    }

    @Test
    void isDeterministicForTheSameSeed() {
        List<FoldOutcome> a = runAll(new ArrayList<>());
        List<FoldOutcome> b = runAll(new ArrayList<>());
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            List<BarOutcome> x = a.get(i).bars();
            List<BarOutcome> y = b.get(i).bars();
            assertEquals(x, y, "fold " + i + " differs between two runs with the same seed");
            assertEquals(a.get(i).scaler(), b.get(i).scaler());
        }
    }
}

package dev.foresight.leakage;

import dev.foresight.data.MarketData;
import dev.foresight.model.Forecast;
import dev.foresight.model.PreviousFit;
import dev.foresight.pipeline.BarOutcome;
import dev.foresight.pipeline.FittedFold;
import dev.foresight.pipeline.FoldOutcome;
import dev.foresight.pipeline.FoldRunner;
import dev.foresight.pipeline.Pipeline;
import dev.foresight.walkforward.Fold;
import java.util.List;

/**
 * A fold run with its leakage checks, in the order that makes them sharp: fold integrity; fit;
 * the truncated recomputations and forecasts (before the full forecast, so state a model keeps
 * from the full forecast cannot help it); the full forecast; the comparison; and, for the first
 * {@code perturbFolds} folds, a refit with the future scrambled.
 */
public final class CheckedFoldRunner {

    private CheckedFoldRunner() {
    }

    /**
     * Runs the fold, appending each check's outcomes to {@code checks} as it goes (so a fold that
     * fails half way keeps the outcomes reached).
     *
     * @throws dev.foresight.pipeline.FoldFailure as {@link FoldRunner} does
     */
    public static FoldOutcome run(MarketData data, Pipeline pipeline, Fold fold, int folds, int embargo,
                                  LeakageSettings settings, long seed, List<CheckOutcome> checks) {
        return run(data, pipeline, fold, folds, embargo, settings, seed, checks, null);
    }

    /**
     * The same for a fold of a warm-starting model, fit from {@code previous} (an earlier fold's fit,
     * see {@link dev.foresight.pipeline.FoldChain}); the future-perturbation refit starts from the
     * same {@code previous}, which saw nothing after the earlier fold's training data, so the check
     * tests this fold's fit as honestly as a fresh one.
     */
    public static FoldOutcome run(MarketData data, Pipeline pipeline, Fold fold, int folds, int embargo,
                                  LeakageSettings settings, long seed, List<CheckOutcome> checks,
                                  PreviousFit previous) {
        checks.add(FoldIntegrity.check(data, fold, pipeline.target().horizon(), embargo));
        FittedFold fitted = FoldRunner.fit(data, pipeline, fold, previous);
        TruncationInvariance.Probe probe = settings.truncationSamples() == 0 ? null
                : TruncationInvariance.probe(data, pipeline, fitted,
                        TruncationInvariance.sample(fitted, settings.truncationSamples(), seed));
        if (probe != null) {
            checks.addAll(probe.inputFailures());
        }
        FoldOutcome outcome = FoldRunner.predict(data, pipeline, fitted);
        if (probe != null) {
            checks.addAll(probe.forecastOutcomes(forecasts(outcome)));
        }
        if (settings.perturbs(fold.index())) {
            checks.addAll(settings.refitsModel(folds) ? FuturePerturbation.check(data, pipeline, fitted, seed)
                    : FuturePerturbation.check(data, pipeline, fitted.withoutModel(), seed).stream()
                    .map(c -> c.failed() ? c : CheckOutcome.passed(c.check(), c.evidence() + "; the model was not refit"
                            + " (only " + folds + " folds: one more fit would exceed a quarter of its fits; set"
                            + " leakage.perturb_folds to force it)")).toList());
        }
        return outcome;
    }

    /** The forecasts of a fold outcome, in test-bar order. */
    static Forecast[] forecasts(FoldOutcome outcome) {
        return outcome.bars().stream().map(CheckedFoldRunner::forecast).toArray(Forecast[]::new);
    }

    private static Forecast forecast(BarOutcome b) {
        return new Forecast(b.forecast(), b.probabilityUp(), b.variance());
    }
}

package dev.foresight.leakage;

import dev.foresight.data.LookAheadException;
import dev.foresight.data.MarketData;
import dev.foresight.isolation.StaticState;
import dev.foresight.model.Forecast;
import dev.foresight.model.PreviousFit;
import dev.foresight.pipeline.BarOutcome;
import dev.foresight.pipeline.FittedFold;
import dev.foresight.pipeline.FoldOutcome;
import dev.foresight.pipeline.FoldRunner;
import dev.foresight.pipeline.Pipeline;
import dev.foresight.result.CheckOutcome;
import dev.foresight.walkforward.Fold;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fold run with its leakage checks, in the order that makes them sharp: fold integrity; fit;
 * the truncated recomputations (inputs by plugins loaded afresh, on every test bar) and forecasts
 * (before the full forecast, so state a model keeps from the full forecast cannot help it); the
 * full forecast; the comparison; for the first {@code perturbFolds} folds, a refit with the future
 * scrambled; and last the watch on the plugin classes' static state. A look-ahead a data view or
 * {@link dev.foresight.model.ModelData} stopped is recorded as a failed check naming the plugin,
 * then rethrown (the task fails).
 */
public final class CheckedFoldRunner {

    /** The check a prevented look-ahead is reported under. */
    public static final String LOOK_AHEAD = "look-ahead";
    /** The check that watches plugin classes' static state. */
    public static final String STATIC_STATE = "static-state";

    private CheckedFoldRunner() {
    }

    /**
     * Runs the fold, appending each check's outcomes to {@code checks} as it goes (so a fold that
     * fails half way keeps the outcomes reached). A warm-starting model is fit from
     * {@code job.previous()} (an earlier fold's fit, see {@link dev.foresight.pipeline.FoldChain});
     * the future-perturbation refit starts from the same previous fit, which saw nothing after the
     * earlier fold's training data, so the check tests this fold's fit as honestly as a fresh one.
     * The task's own fit reports its epochs to {@code job.progress()}; the checks' refits report
     * nothing (they are not the task's progress).
     *
     * @throws dev.foresight.pipeline.FoldFailure as {@link FoldRunner} does
     */
    public static FoldOutcome run(MarketData data, Pipeline pipeline, CheckedFold job, List<CheckOutcome> checks) {
        Fold fold = job.fold();
        CheckPlan plan = job.plan();
        PreviousFit previous = job.previous();
        Isolation isolation = job.isolation() == null ? Isolation.none(pipeline) : job.isolation();
        // the windows this model fits on: a model that ignores the validation tail fits the whole training window
        checks.add(FoldIntegrity.check(data, FoldRunner.modelFold(pipeline, fold), pipeline.target().horizon(), fold.embargo()));
        try {
            FittedFold fitted = FoldRunner.fit(data, pipeline, fold, previous, job.progress());
            TruncationInvariance.Probe probe = null;
            if (plan.truncates()) {
                probe = probe(data, pipeline, fitted, plan, isolation, checks);
            }
            FoldOutcome outcome = FoldRunner.predict(data, pipeline, fitted);
            if (probe != null) {
                checks.addAll(probe.forecastOutcomes(forecasts(outcome)));
            }
            if (plan.perturbs(fold)) {
                // the refit runs on plugins loaded afresh, unless a warm start hands it the task's own fit
                Pipeline refitting = previous == null || !pipeline.model().warmStarts()
                        ? isolation.checkPipeline().get() : pipeline;
                long seed = CheckPlan.perturbationSeed(job.seed());
                checks.addAll(plan.refitsModel() ? FuturePerturbation.check(data, refitting, fitted, seed)
                        : FuturePerturbation.check(data, refitting, fitted.withoutModel(), seed).stream()
                        .map(c -> c.failed() ? c : CheckOutcome.passed(c.check(), c.evidence() + "; the model was not refit"
                                + " (only " + plan.folds() + " folds: one more fit would exceed a quarter of its fits; set"
                                + " leakage.perturb_folds to force it)")).toList());
            }
            return outcome;
        } catch (LookAheadException e) {
            checks.add(lookAhead(pipeline, e));
            throw e;
        } finally {
            checks.addAll(staticState(pipeline, isolation));
        }
    }

    /**
     * Truncation invariance's recomputations: the experiment's inputs on every test bar, once per
     * fold for all its tasks ({@link SharedInputs}; a task that did not create the fold's check
     * helps compute it, then compares its own inputs with those of the task that did, bit for bit),
     * the model's own required feature sets on every test bar, and the forecasts at the fold's model
     * bars.
     */
    private static TruncationInvariance.Probe probe(MarketData data, Pipeline pipeline, FittedFold fitted,
                                                    CheckPlan plan, Isolation isolation,
                                                    List<CheckOutcome> checks) {
        Fold fold = fitted.fold();
        String own = pipeline.modelName() + ":";
        List<String> sets = new ArrayList<>();
        for (FittedFold.FittedFeatureSet s : fitted.featureSets()) {
            if (s.name().startsWith(own)) {
                break;   // the model's own sets come last (Pipeline: the experiment's, then the model's)
            }
            sets.add(s.name());
        }
        int shared = sets.size();
        String key = isolation.experiment() + "/" + fold.index() + "/" + sets;
        Pipeline fresh = isolation.checkPipeline().get();
        InputCheck.Basis mine = new InputCheck.Basis(pipeline.modelName(), fitted);
        InputCheck check = isolation.shared() == null ? new InputCheck(data, mine, 0, shared, true)
                : isolation.shared().join(key, () -> new InputCheck(data, mine, 0, shared, true));
        check.participate(pipeline, fresh, fitted);
        InputCheck.Result inputs = check.await();
        if (inputs == null) {
            // another task's plugin threw while computing the shared check: check this task's inputs alone
            check = new InputCheck(data, mine, 0, shared, true);
            check.participate(pipeline, fresh, fitted);
            inputs = check.await();
        }
        if (check.basis() != mine) {
            checks.addAll(SharedInputs.compare(data, check, pipeline.modelName(), fitted));
        }
        TruncationInvariance.Probe probe = TruncationInvariance.probe(data, pipeline, fresh, fitted,
                plan.forecastBars(fold), inputs, shared);
        checks.addAll(probe.inputFailures());
        return probe;
    }

    /** A look-ahead stopped by a data view or the model's input, as a failed check naming the plugin. */
    static CheckOutcome lookAhead(Pipeline pipeline, LookAheadException e) {
        StackTraceElement frame = Culprits.pluginFrame(e, pipeline);
        String plugin = frame == null ? "pipeline" : Culprits.of(pipeline, frame.getClassName());
        return CheckOutcome.failed(LOOK_AHEAD, plugin, e.getMessage() + (frame == null ? ""
                : " (in " + frame.getClassName() + "." + frame.getMethodName() + ")"));
    }

    /** A failed check per plugin whose classes changed their static state during the task. */
    static List<CheckOutcome> staticState(Pipeline pipeline, Isolation isolation) {
        Map<String, StringBuilder> byPlugin = new LinkedHashMap<>();
        for (StaticState.Change c : isolation.staticChanges().get()) {
            byPlugin.computeIfAbsent(Culprits.of(pipeline, c.owner().getName()), k -> new StringBuilder())
                    .append(byPlugin.get(Culprits.of(pipeline, c.owner().getName())).length() == 0 ? "" : "; ")
                    .append(c.describe());
        }
        return byPlugin.entrySet().stream().map(e -> CheckOutcome.failed(STATIC_STATE, e.getKey(), e.getValue()
                + ": state that outlives a computation can carry labels or full-history values into another fold, "
                + "task or check (each task's plugin classes are loaded afresh, so it did not reach them here; keep "
                + "state in the fitted objects, or build constant tables in a static initialiser)")).toList();
    }

    /** The forecasts of a fold outcome, in test-bar order. */
    static Forecast[] forecasts(FoldOutcome outcome) {
        return outcome.bars().stream().map(CheckedFoldRunner::forecast).toArray(Forecast[]::new);
    }

    private static Forecast forecast(BarOutcome b) {
        return new Forecast(b.forecast(), b.probabilityUp(), b.variance());
    }
}

package dev.foresight.run;

import dev.foresight.batch.BatchSpec;
import dev.foresight.batch.ExperimentSpec;
import dev.foresight.batch.ModelSpec;
import dev.foresight.data.LookAheadException;
import dev.foresight.data.MarketData;
import dev.foresight.result.CheckOutcome;
import dev.foresight.leakage.CheckPlan;
import dev.foresight.leakage.CheckedFold;
import dev.foresight.leakage.CheckedFoldRunner;
import dev.foresight.leakage.FoldIntegrity;
import dev.foresight.leakage.FuturePerturbation;
import dev.foresight.leakage.TruncationInvariance;
import dev.foresight.pipeline.FittedFold;
import dev.foresight.pipeline.FoldFailure;
import dev.foresight.pipeline.FoldRunner;
import dev.foresight.pipeline.Pipeline;
import dev.foresight.run.engine.Pipelines;
import dev.foresight.run.engine.PluginSandbox;
import dev.foresight.walkforward.Fold;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code foresight check}: the leakage checks alone, like a linter. Fold integrity on every fold;
 * features, regime labels and scaling on every fold without training anything; each model trained
 * on its first fold only, for the forecast checks. Nothing is written.
 */
public final class BatchCheck {

    /** One line of the report: what was checked (experiment, scope) and the outcome. */
    public record Line(String experiment, String scope, CheckOutcome outcome) {
    }

    private final ExperimentData data = new ExperimentData();

    public List<Line> check(BatchSpec batch) {
        PluginSandbox sandbox = PluginSandbox.of(batch);
        List<Line> lines = new ArrayList<>();
        for (ExperimentSpec e : batch.experiments()) {
            MarketData market = data.load(e);
            List<Fold> folds = data.folds(e, market);
            int horizon = e.target().instance().horizon();
            lines.add(new Line(e.name(), "plan", FoldIntegrity.checkAll(market, folds, horizon, e.plan().embargo())));
            lines.addAll(inputs(e, market, folds, batch.seed(), sandbox));
            for (ModelSpec m : e.models()) {
                lines.addAll(model(e, m, market, folds.get(0), batch.seed(), sandbox));
            }
        }
        return lines;
    }

    /**
     * Features and regimes on every test bar of every fold, with the first model's pipeline and no
     * model fit; the task's plugins and the recomputing ones each from a loader of their own, as in a run.
     */
    private List<Line> inputs(ExperimentSpec e, MarketData market, List<Fold> folds, long seed, PluginSandbox sandbox) {
        int bars = 0;
        List<Line> out = new ArrayList<>();
        for (Fold f : folds) {
            Pipeline p = sandbox.pipeline(e, e.models().get(0), seed, sandbox.newLoader("task"));
            bars += f.testRows().length;
            FittedFold fitted;
            try {
                fitted = FoldRunner.fitInputs(market, p, f);
            } catch (FoldFailure | LookAheadException ex) {
                out.add(new Line(e.name(), "inputs, fold " + f.index(), CheckOutcome.failed(CheckOutcome.TRUNCATION,
                        "inputs", "fitting the inputs failed: " + ex.getMessage())));
                return out;
            }
            Pipeline fresh = sandbox.pipeline(e, e.models().get(0), seed, sandbox.newLoader("check"));
            List<CheckOutcome> found = new ArrayList<>(TruncationInvariance.probe(market, p, fresh, fitted, new int[0])
                    .inputFailures());
            if (CheckPlan.checkCommandPerturbsInputs(e.leakage(), f)) {
                found.addAll(FuturePerturbation.check(market, p, fitted, CheckPlan.perturbationSeed(seed)).stream().filter(CheckOutcome::failed).toList());
            }
            for (CheckOutcome c : found) {
                out.add(new Line(e.name(), "inputs, fold " + f.index(), c));
            }
            if (!found.isEmpty()) {
                return out;
            }
        }
        out.add(new Line(e.name(), "inputs", CheckOutcome.passed(CheckOutcome.TRUNCATION, folds.size() + " folds, all "
                + bars + " test bars: features and regime labels identical with history cut at each bar (recomputed by"
                + " plugins loaded afresh); unchanged on training bars when the future is scrambled")));
        return out;
    }

    private List<Line> model(ExperimentSpec e, ModelSpec m, MarketData market, Fold first, long seed,
                             PluginSandbox sandbox) {
        dev.foresight.isolation.IsolatedLoader loader = sandbox.newLoader("task");
        Pipeline p = sandbox.pipeline(e, m, seed, loader);
        List<CheckOutcome> checks = new ArrayList<>();
        String scope = "model " + m.label() + ", fold 0";
        try {
            // the same bars as the run's first fold: the run's budget, drawn from the fold alone
            CheckedFoldRunner.run(market, p, new CheckedFold(first, CheckPlan.forCheckCommand(e.leakage()), seed, null,
                    sandbox.isolation(e, m, seed, loader), dev.foresight.model.FitProgress.NONE), checks);
        } catch (FoldFailure | LookAheadException ex) {
            checks.add(CheckOutcome.failed(CheckOutcome.TRUNCATION, "model " + m.label(),
                    "the first fold could not be run, so the model was not checked: " + ex.getMessage()));
        }
        return checks.stream().filter(c -> !c.check().equals(CheckOutcome.FOLD_INTEGRITY))
                .map(c -> new Line(e.name(), scope, c)).toList();
    }
}

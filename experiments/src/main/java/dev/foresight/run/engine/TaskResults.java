package dev.foresight.run.engine;

import dev.foresight.batch.ExperimentSpec;
import dev.foresight.batch.ModelSpec;
import dev.foresight.data.MarketData;
import dev.foresight.execution.Execution;
import dev.foresight.execution.Legs;
import dev.foresight.pipeline.BarOutcome;
import dev.foresight.pipeline.FoldOutcome;
import dev.foresight.result.BarRecord;
import dev.foresight.result.CheckOutcome;
import dev.foresight.result.FoldWindow;
import dev.foresight.result.TaskResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Turns a fold's outcome (or failure) into the stored {@link TaskResult}. */
final class TaskResults {

    private TaskResults() {
    }

    /**
     * The stored result of a fold that ran. Under execution at the next open each bar also records
     * its two legs from {@code market}'s primary series, and its gross return is the two-leg one
     * (the fold starting flat, as a fold does; costs are charged when folds are joined).
     */
    static TaskResult ok(PlannedTask task, ExperimentSpec e, ModelSpec m, FoldWindow window, FoldOutcome out,
                         List<CheckOutcome> checks, MarketData market) {
        Execution execution = e.execution();
        List<BarRecord> bars = new ArrayList<>(out.bars().size());
        double previous = 0;
        for (BarOutcome b : out.bars()) {
            Legs legs = execution == Execution.CLOSE ? null : execution.legs(market.primary(), b.bar());
            double gross = legs == null ? b.grossReturn() : legs.grossReturn(previous, b.position());
            bars.add(new BarRecord(b.bar(), b.date().toString(), b.actual(), b.forecast(), orNull(b.probabilityUp()),
                    orNull(b.variance()), b.actualMove(), b.forecastMove(), b.position(), b.assetReturn(), gross,
                    b.regimes(), legs));
            previous = b.position();
        }
        return new TaskResult(TaskResult.SCHEMA, task.id(),
                new TaskResult.Subject(e.name(), m.label(), m.model().kind(), m.model().parameters(), task.seed()),
                new TaskResult.Window(e.target().instance().name(), e.target().instance().horizon(), window),
                TaskResult.Outcome.SUCCEEDED,
                new TaskResult.Fit(out.featureNames(), out.scaler().method().yamlName(), boxed(out.scaler().shift()),
                        boxed(out.scaler().scale()), out.fitRowsUsed(), out.validationRowsUsed(),
                        out.trainingRowsDroppedForWarmUp()),
                new TaskResult.Forecasts(e.strategy().isPresent(), out.diagnostics(), bars),
                checks, task.cacheKey(), recorded(execution));
    }

    static TaskResult failed(PlannedTask task, ExperimentSpec e, ModelSpec m, FoldWindow window, String error,
                             List<CheckOutcome> checks) {
        return new TaskResult(TaskResult.SCHEMA, task.id(),
                new TaskResult.Subject(e.name(), m.label(), m.model().kind(), m.model().parameters(), task.seed()),
                new TaskResult.Window(e.target().instance().name(), e.target().instance().horizon(), window),
                TaskResult.Outcome.failed("model '" + m.label() + "', " + error),
                TaskResult.Fit.none(m.scaling().yamlName()),
                new TaskResult.Forecasts(e.strategy().isPresent(), null, List.of()),
                checks, task.cacheKey(), recorded(e.execution()));
    }

    /** The execution as recorded: null (left out) for the default, so close-executed results keep their bytes. */
    private static String recorded(Execution execution) {
        return execution == Execution.CLOSE ? null : execution.yamlName();
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}

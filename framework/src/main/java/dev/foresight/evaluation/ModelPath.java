package dev.foresight.evaluation;

import dev.foresight.backtest.BacktestResult;
import dev.foresight.backtest.CostModel;
import dev.foresight.result.BarRecord;
import dev.foresight.result.TaskResult;
import java.util.List;

/**
 * One model's out-of-sample path in one experiment: its successful folds' bars joined in time
 * order and, when the target is traded, the backtest of the whole path (costs charged across fold
 * boundaries). Regime breakdowns and significance tests work on this path.
 *
 * @param backtest null when the target is not traded (or no fold succeeded)
 */
public record ModelPath(String experiment, String model, String target, int horizon, List<BarRecord> bars,
                        BacktestResult backtest) {

    public ModelPath {
        bars = List.copyOf(bars);
    }

    public static ModelPath of(String experiment, String model, List<TaskResult> folds, CostModel costs) {
        List<BarRecord> bars = OutOfSample.join(folds);
        String target = folds.isEmpty() ? "" : folds.get(0).target();
        int horizon = folds.stream().filter(TaskResult::ok).mapToInt(TaskResult::horizon).findFirst().orElse(1);
        boolean traded = !bars.isEmpty() && folds.stream().filter(TaskResult::ok).allMatch(TaskResult::traded);
        return new ModelPath(experiment, model, target, horizon, bars, traded ? OutOfSample.backtest(bars, costs) : null);
    }

    public boolean traded() {
        return backtest != null;
    }

    /** The realised-vol target (named {@code realised-vol(h=5)} in results) is scored with QLIKE as well. */
    public boolean volatilityTarget() {
        return OutOfSample.isVolatility(target);
    }
}

package dev.foresight.evaluation;

import dev.foresight.backtest.Backtest;
import dev.foresight.backtest.BacktestResult;
import dev.foresight.backtest.CostModel;
import dev.foresight.backtest.MeasuredBacktest;
import dev.foresight.execution.ExecutedBacktest;
import dev.foresight.execution.Legs;
import dev.foresight.metrics.Annualisation;
import dev.foresight.metrics.ForecastMetrics;
import dev.foresight.metrics.PerformanceMetrics;
import dev.foresight.metrics.VolatilityMetrics;
import dev.foresight.result.BarRecord;
import dev.foresight.result.TaskResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Joins a model's fold results into one out-of-sample path and scores it.
 *
 * <p>Costs are charged here, not per fold, because a position change at a fold boundary depends
 * on the previous fold's last position. Test blocks that follow each other directly form one
 * path; where the plan leaves a gap between blocks ({@code step > test}) the strategy is taken to
 * be flat in between, so the next block starts from position 0 (and pays its entry cost).
 */
public final class OutOfSample {

    private OutOfSample() {
    }

    /** The model's bars from all successful folds, in time order. */
    public static List<BarRecord> join(List<TaskResult> folds) {
        List<BarRecord> bars = new ArrayList<>();
        for (TaskResult r : folds) {
            if (r.ok()) {
                bars.addAll(r.bars());
            }
        }
        bars.sort(Comparator.comparingInt(BarRecord::bar));
        for (int i = 1; i < bars.size(); i++) {
            if (bars.get(i).bar() == bars.get(i - 1).bar()) {
                throw new IllegalArgumentException("bar " + bars.get(i).bar() + " (" + bars.get(i).date()
                        + ") is forecast by two folds");
            }
        }
        return bars;
    }

    /**
     * Net strategy returns of the joined path after costs, restarting flat after each gap. Bars that
     * carry {@link Legs} (execution at the next open) are backtested leg by leg
     * ({@link ExecutedBacktest}); a path must be all one or all the other.
     */
    public static BacktestResult backtest(List<BarRecord> bars, CostModel costs) {
        int n = bars.size();
        double[] positions = new double[n];
        double[] returns = new double[n];
        Legs[] legs = new Legs[n];
        int legged = 0;
        for (int i = 0; i < n; i++) {
            positions[i] = bars.get(i).position();
            returns[i] = bars.get(i).assetReturn();
            legs[i] = bars.get(i).legs();
            legged += legs[i] == null ? 0 : 1;
        }
        if (legged != 0 && legged != n) {
            throw new IllegalArgumentException(legged + " of " + n + " bars record an execution's legs: a path is traded "
                    + "under one execution");
        }
        List<BacktestResult> segments = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || bars.get(i).bar() != bars.get(i - 1).bar() + 1) {
                double[] p = Arrays.copyOfRange(positions, start, i);
                segments.add(legged == 0 ? Backtest.run(p, Arrays.copyOfRange(returns, start, i), costs, 0.0)
                        : ExecutedBacktest.run(p, Arrays.copyOfRange(legs, start, i), costs, 0.0));
                start = i;
            }
        }
        if (segments.size() == 1) {
            return segments.get(0);
        }
        // Recompute equity and drawdown over the whole path from the joined net returns.
        double[] gross = new double[n];
        double[] cost = new double[n];
        double[] turnover = new double[n];
        int k = 0;
        for (BacktestResult s : segments) {
            int len = s.netReturns().length;
            System.arraycopy(s.grossReturns(), 0, gross, k, len);
            System.arraycopy(s.costs(), 0, cost, k, len);
            System.arraycopy(s.turnover(), 0, turnover, k, len);
            k += len;
        }
        double[] net = new double[n];
        for (int i = 0; i < n; i++) {
            net[i] = gross[i] - cost[i];
        }
        return BacktestResult.compounding(gross, cost, net, turnover);
    }

    /** Scores one model of one experiment from its fold results. */
    public static ModelScore score(String experiment, String model, List<TaskResult> folds, CostModel costs,
                                   Annualisation annualisation) {
        List<BarRecord> bars = join(folds);
        int failed = (int) folds.stream().filter(r -> !r.ok()).count();
        String target = folds.isEmpty() ? "" : folds.get(0).target();
        if (bars.isEmpty()) {
            return new ModelScore(experiment, model, target, folds.size(), failed, 0, null, null, null);
        }
        int n = bars.size();
        double[] actual = new double[n];
        double[] forecast = new double[n];
        double[] actualMove = new double[n];
        double[] forecastMove = new double[n];
        for (int i = 0; i < n; i++) {
            BarRecord b = bars.get(i);
            actual[i] = b.actual();
            forecast[i] = b.forecast();
            actualMove[i] = b.actualMove();
            forecastMove[i] = b.forecastMove();
        }
        ForecastMetrics fm = ForecastMetrics.of(actual, forecast, actualMove, forecastMove);
        boolean traded = folds.stream().filter(TaskResult::ok).allMatch(TaskResult::traded);
        PerformanceMetrics pm = null;
        if (traded) {
            pm = performance(bars, costs, annualisation);
        }
        VolatilityMetrics vm = isVolatility(target) ? VolatilityMetrics.of(actual, forecast) : null;
        return new ModelScore(experiment, model, target, folds.size(), failed, n, fm, pm, vm);
    }

    /**
     * The performance metrics of the joined path. One unbroken path traded at the close — the usual
     * case — is backtested and measured in one pass ({@link MeasuredBacktest}, bit for bit the same
     * figures); a path with gaps or an execution's legs goes through {@link #backtest} first.
     */
    static PerformanceMetrics performance(List<BarRecord> bars, CostModel costs, Annualisation annualisation) {
        int n = bars.size();
        boolean simple = bars.get(0).legs() == null;
        for (int i = 1; i < n && simple; i++) {
            simple = bars.get(i).bar() == bars.get(i - 1).bar() + 1 && bars.get(i).legs() == null;
        }
        if (!simple) {
            BacktestResult bt = backtest(bars, costs);
            return PerformanceMetrics.of(bt.netReturns(), bt.turnover(), annualisation);
        }
        double[] positions = new double[n];
        double[] returns = new double[n];
        for (int i = 0; i < n; i++) {
            positions[i] = bars.get(i).position();
            returns[i] = bars.get(i).assetReturn();
        }
        return MeasuredBacktest.metrics(positions, returns, costs, 0.0, annualisation);
    }

    /** Whether a stored target name is a realised-volatility target (scored with QLIKE too). */
    public static boolean isVolatility(String target) {
        return target.startsWith("realised-vol");
    }
}

package dev.foresight.risk;

import java.util.Optional;

/**
 * A model's risk figures over some of its out-of-sample bars (all, or one regime's): historical
 * VaR and expected shortfall at 95% and 99% of the strategy's net returns (when traded), and the
 * backtests of its one-day 95% and 99% VaR forecasts (when it forecasts a variance).
 *
 * @param n the bars included
 */
public record RiskProfile(int n, Optional<HistoricalRisk> historical95, Optional<HistoricalRisk> historical99,
                          Optional<VarBacktest> backtest95, Optional<VarBacktest> backtest99) {

    /** The confidence levels reported. */
    public static final double[] LEVELS = {0.95, 0.99};

    /**
     * The figures over the bars where {@code include} holds.
     *
     * @param netReturns the strategy's net returns per bar, or null when it is not traded
     * @param var        the VaR forecasts per bar (same bars), or null when the model has none
     */
    public static RiskProfile of(double[] netReturns, VarPath var, boolean[] include) {
        int n = 0;
        for (boolean b : include) {
            n += b ? 1 : 0;
        }
        Optional<HistoricalRisk> h95 = Optional.empty();
        Optional<HistoricalRisk> h99 = Optional.empty();
        if (netReturns != null && n > 0) {
            if (netReturns.length != include.length) {
                throw new IllegalArgumentException("one net return per bar");
            }
            double[] kept = new double[n];
            for (int i = 0, k = 0; i < include.length; i++) {
                if (include[i]) {
                    kept[k++] = netReturns[i];
                }
            }
            h95 = Optional.of(HistoricalRisk.of(kept, 0.95));
            h99 = Optional.of(HistoricalRisk.of(kept, 0.99));
        }
        Optional<VarBacktest> b95 = Optional.empty();
        Optional<VarBacktest> b99 = Optional.empty();
        if (var != null && anyForecast(var, include)) {
            b95 = Optional.of(var.backtest(0.95, include));
            b99 = Optional.of(var.backtest(0.99, include));
        }
        return new RiskProfile(n, h95, h99, b95, b99);
    }

    private static boolean anyForecast(VarPath var, boolean[] include) {
        for (int i = 0; i < include.length; i++) {
            if (include[i] && !Double.isNaN(var.variance()[i])) {
                return true;
            }
        }
        return false;
    }
}

package dev.foresight.evaluation;

import dev.foresight.metrics.Annualisation;
import dev.foresight.metrics.PerformanceMetrics;

/**
 * A strategy's trading figures on the bars of one regime, regime-conditional: the net returns of
 * those bars (the full path's, costs charged as traded) taken as a sample. A regime's bars are not
 * contiguous — a calm month, then a storm, then calm again — so they have no path: splicing them
 * into an equity curve would give a drawdown and a compound annual return nobody lived through.
 * Those two exist for the whole out-of-sample path only.
 *
 * @param n            bars in the regime
 * @param meanReturn   mean net return per bar × periods per year (arithmetic, annualised)
 * @param volatility   sample standard deviation (n − 1) of the net returns × √(periods per year)
 * @param sharpe       {@code (mean(r) − rf/ppy) / sd(r) × √ppy}, the whole path's formula on these
 *                     bars; NaN when {@code n < 2} or the returns are constant
 * @param barsInMarket bars with a non-zero position
 * @param hitRate      share of {@code barsInMarket} whose net return is positive; NaN when none
 * @param turnover     mean one-way turnover per bar, {@code Σ|Δposition| / n}
 */
public record RegimeTrading(int n, double meanReturn, double volatility, double sharpe, int barsInMarket,
                            double hitRate, double turnover) {

    public RegimeTrading {
        if (n < 1 || barsInMarket < 0 || barsInMarket > n) {
            throw new IllegalArgumentException("a regime needs bars, and at most n of them in the market; got n = " + n
                    + ", in the market " + barsInMarket);
        }
    }

    /**
     * @param net       net returns of the regime's bars, in time order
     * @param positions the position held over each of those bars
     * @param turnover  the one-way turnover charged at each of those bars
     */
    public static RegimeTrading of(double[] net, double[] positions, double[] turnover, Annualisation a) {
        if (positions.length != net.length) {
            throw new IllegalArgumentException("net returns and positions differ in length: " + net.length + " and "
                    + positions.length);
        }
        // PerformanceMetrics' volatility, Sharpe and turnover are moments of the sample (its CAGR and
        // drawdown, which treat the sample as a path, are not taken)
        PerformanceMetrics p = PerformanceMetrics.of(net, turnover, a);
        double sum = 0;
        int inMarket = 0;
        int wins = 0;
        for (int i = 0; i < net.length; i++) {
            sum += net[i];
            if (positions[i] != 0) {
                inMarket++;
                wins += net[i] > 0 ? 1 : 0;
            }
        }
        return new RegimeTrading(net.length, sum / net.length * a.periodsPerYear(), p.annualVolatility(), p.sharpe(),
                inMarket, inMarket == 0 ? Double.NaN : (double) wins / inMarket, p.turnover());
    }
}

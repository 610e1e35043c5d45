package dev.foresight.portfolio;

import dev.foresight.backtest.CostModel;
import dev.foresight.execution.Legs;
import java.util.Arrays;
import java.util.List;

/**
 * A portfolio of N assets over the same n bars: exposures from the assets' positions, then per
 * bar {@code contribution_a = e_a·r_a − |e_a − e_a,prev|·rate_a} and the portfolio's net return
 * {@code Σ_a contribution_a} (so each asset's share is exact, and the portfolio's costs are the
 * sum of its assets' own). Exposures start flat, and restart flat after a gap in the bars.
 *
 * @param exposures     {@code [asset][bar]} fractions of capital
 * @param contributions {@code [asset][bar]} each asset's return after its costs
 * @param netReturns    the portfolio's return per bar after costs
 * @param turnover      {@code Σ_a |Δe_a|} per bar
 * @param scale         the volatility-targeting factor k per bar (1 for the other weightings)
 */
public record Portfolio(List<String> assets, Weighting weighting, double[][] exposures, double[][] contributions,
                        double[] grossReturns, double[] costs, double[] netReturns, double[] turnover, double[] scale) {

    public Portfolio {
        assets = List.copyOf(assets);
    }

    /**
     * Settings of the portfolio level.
     *
     * @param targetVolatility annual volatility aimed at ({@link Weighting#VOLATILITY_TARGET})
     * @param periodsPerYear   bars per year, to turn it into a per-bar figure
     * @param maxLeverage      cap on the scale factor k, and on the gross exposure Σ|e_a|
     * @param correlationWindow trailing bars of returns for the correlation matrix (at least 2)
     */
    public record Settings(double targetVolatility, int periodsPerYear, double maxLeverage, int correlationWindow) {

        public Settings {
            if (!(targetVolatility > 0) || periodsPerYear < 1 || !(maxLeverage > 0) || correlationWindow < 2) {
                throw new IllegalArgumentException("portfolio settings: target_vol > 0, periods_per_year >= 1,"
                        + " max_leverage > 0, correlation_window >= 2; got " + this);
            }
        }
    }

    /**
     * Combines the assets traded at each bar's close, over one unbroken run of bars.
     *
     * @param positions    {@code [asset][bar]} each asset strategy's position
     * @param assetReturns {@code [asset][bar]} simple return from the close of the bar to the next
     * @param variances    {@code [asset][bar]} one-bar variance forecasts (unused by {@link Weighting#EQUAL})
     * @param costs        each asset's cost model
     */
    public static Portfolio combine(List<String> assets, Weighting weighting, double[][] positions,
                                    double[][] assetReturns, double[][] variances, List<CostModel> costs,
                                    Settings settings) {
        return combine(assets, weighting, positions, assetReturns, null, variances, costs, settings, null);
    }

    /**
     * Combines the assets. At the close the book holds the exposures {@code q_a} decided at the
     * previous close; with {@code legs} (execution at the next open) bar t's return comes in two
     * legs per asset, {@code b_a} to the trade and {@code a_a} after it, and with {@code Q = Σ_a q_a·b_a}
     * and the capital at the trade {@code G = 1 + Q}:
     * <pre>
     * contribution_a = q_a·b_a + G·(e_a·a_a − |e_a − q_a|·rate_a)
     * net = Σ_a contribution_a = (1 + Q)(1 + Σ_a e_a·a_a − Σ_a |e_a − q_a|·rate_a) − 1
     * </pre>
     * — one asset's {@link dev.foresight.execution.ExecutedBacktest} per asset summed at the trade,
     * the costs charged on the traded notional at the open. Without legs (the close) it is
     * {@code contribution_a = e_a·r_a − |e_a − q_a|·rate_a}, bit for bit as before.
     *
     * @param legs {@code [asset][bar]} each bar's legs around a trade at the next open; null for
     *             execution at the close
     * @param bars the bar index of each column, ascending: after a gap (a column whose bar does not
     *             follow the previous one's: a failed fold, a plan with {@code step > test}) the book
     *             restarts flat and pays its entry costs again, as a single asset's backtest does;
     *             null for one unbroken run
     */
    public static Portfolio combine(List<String> assets, Weighting weighting, double[][] positions,
                                    double[][] assetReturns, Legs[][] legs, double[][] variances,
                                    List<CostModel> costs, Settings settings, int[] bars) {
        int m = assets.size();
        if (m == 0 || positions.length != m || assetReturns.length != m || costs.size() != m
                || (weighting != Weighting.EQUAL && variances.length != m) || (legs != null && legs.length != m)) {
            throw new IllegalArgumentException("one row of positions, returns" + (weighting == Weighting.EQUAL ? ""
                    : ", variances") + (legs == null ? "" : ", legs") + " and one cost model per asset");
        }
        int n = positions[0].length;
        for (int a = 0; a < m; a++) {
            if (positions[a].length != n || assetReturns[a].length != n
                    || (weighting != Weighting.EQUAL && variances[a].length != n)
                    || (legs != null && legs[a].length != n)) {
                throw new IllegalArgumentException("asset " + assets.get(a) + " has a different number of bars");
            }
        }
        if (bars != null && bars.length != n) {
            throw new IllegalArgumentException("one bar index per column: " + bars.length + " for " + n + " bars");
        }
        double[][] exposure = new double[m][n];
        double[][] contribution = new double[m][n];
        double[] gross = new double[n];
        double[] cost = new double[n];
        double[] net = new double[n];
        double[] turnover = new double[n];
        double[] scale = new double[n];
        double[] previous = new double[m];
        for (int t = 0; t < n; t++) {
            if (bars != null && t > 0) {
                if (bars[t] <= bars[t - 1]) {
                    throw new IllegalArgumentException("bars must ascend: " + bars[t - 1] + " then " + bars[t]);
                }
                if (bars[t] != bars[t - 1] + 1) {
                    Arrays.fill(previous, 0); // flat over the gap
                }
            }
            double[] e = weights(weighting, positions, variances, assetReturns, t, settings, assets);
            scale[t] = e[m];
            for (int a = 0; a < m; a++) {
                double r = assetReturns[a][t];
                if (!(r >= -1 && r < Double.POSITIVE_INFINITY)) {
                    throw new IllegalArgumentException(assets.get(a) + ": return at bar " + t + " is " + r);
                }
            }
            if (legs != null) {
                double overnight = 0;
                double day = 0;
                for (int a = 0; a < m; a++) {
                    overnight += previous[a] * legs[a][t].before();
                    day += e[a] * legs[a][t].after();
                }
                double atTrade = 1 + overnight;
                gross[t] = atTrade * (1 + day) - 1;
                for (int a = 0; a < m; a++) {
                    double traded = Math.abs(e[a] - previous[a]);
                    double c = traded * costs.get(a).ratePerUnitTurnover() * atTrade;
                    exposure[a][t] = e[a];
                    contribution[a][t] = previous[a] * legs[a][t].before() + atTrade * e[a] * legs[a][t].after() - c;
                    cost[t] += c;
                    turnover[t] += traded;
                    net[t] += contribution[a][t];
                    previous[a] = e[a];
                }
                continue;
            }
            for (int a = 0; a < m; a++) {
                double r = assetReturns[a][t];
                double traded = Math.abs(e[a] - previous[a]);
                double c = traded * costs.get(a).ratePerUnitTurnover();
                exposure[a][t] = e[a];
                contribution[a][t] = e[a] * r - c;
                gross[t] += e[a] * r;
                cost[t] += c;
                turnover[t] += traded;
                net[t] += contribution[a][t];
                previous[a] = e[a];
            }
        }
        return new Portfolio(assets, weighting, exposure, contribution, gross, cost, net, turnover, scale);
    }

    /** Exposures at bar t, with the scale factor appended. */
    private static double[] weights(Weighting weighting, double[][] positions, double[][] variances,
                                    double[][] returns, int t, Settings settings, List<String> assets) {
        int m = positions.length;
        double[] e = new double[m + 1];
        e[m] = 1;
        if (weighting == Weighting.INVERSE_VOLATILITY) {
            double sum = 0;
            for (int a = 0; a < m; a++) {
                sum += 1 / volatility(variances, a, t, assets);
            }
            for (int a = 0; a < m; a++) {
                e[a] = positions[a][t] / volatility(variances, a, t, assets) / sum;
            }
            return e;
        }
        for (int a = 0; a < m; a++) {
            e[a] = positions[a][t] / m;
        }
        if (weighting == Weighting.VOLATILITY_TARGET) {
            double[][] correlation = Correlation.trailing(returns, t, settings.correlationWindow());
            double variance = 0;
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    variance += e[a] * e[b] * volatility(variances, a, t, assets) * volatility(variances, b, t, assets)
                            * correlation[a][b];
                }
            }
            double perBar = settings.targetVolatility() / Math.sqrt(settings.periodsPerYear());
            double gross = 0;
            for (int a = 0; a < m; a++) {
                gross += Math.abs(e[a]);
            }
            // Flat book: nothing to scale. Otherwise the cap also bounds the gross exposure.
            double k = gross == 0 ? 1 : Math.min(settings.maxLeverage() / gross,
                    variance > 0 ? perBar / Math.sqrt(variance) : Double.POSITIVE_INFINITY);
            for (int a = 0; a < m; a++) {
                e[a] *= k;
            }
            e[m] = k;
        }
        return e;
    }

    private static double volatility(double[][] variances, int a, int t, List<String> assets) {
        double v = variances[a][t];
        if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(assets.get(a) + ": the weighting needs a positive variance forecast at bar "
                    + t + ", got " + v);
        }
        return Math.sqrt(v);
    }
}

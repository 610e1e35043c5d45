package dev.foresight.data.synthetic;

import dev.foresight.data.Column;
import java.util.EnumMap;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Turns a simulated close path into OHLCV bars. The closes are the process; the rest follows one
 * simple rule, scaled by each bar's own volatility {@code s} so quiet and wild days look it:
 * <ul>
 *   <li>open = previous close × exp(0.2 s z₁) — a small overnight gap (the start price before bar 0);
 *   <li>high = max(open, close) × exp(0.5 s |z₂|), low = min(open, close) × exp(−0.5 s |z₃|),
 *       so low ≤ min(open, close) ≤ max(open, close) ≤ high holds on every bar;
 *   <li>volume = round(10⁶ × exp(0.3 z₄) × (1 + |r| / s)) — positive, and higher on big moves.
 * </ul>
 * The z are standard normal draws taken after all returns, so the close path does not depend on
 * this decoration.
 */
final class BarShape {

    private BarShape() {
    }

    static Map<Column, double[]> bars(double startPrice, double[] logReturns, double[] vol, RandomGenerator rng) {
        int n = logReturns.length;
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        double previous = startPrice;
        double logPrice = Math.log(startPrice);
        for (int t = 0; t < n; t++) {
            logPrice += logReturns[t];
            close[t] = Math.exp(logPrice);
            double s = vol[t];
            open[t] = previous * Math.exp(0.2 * s * rng.nextGaussian());
            high[t] = Math.max(open[t], close[t]) * Math.exp(0.5 * s * Math.abs(rng.nextGaussian()));
            low[t] = Math.min(open[t], close[t]) * Math.exp(-0.5 * s * Math.abs(rng.nextGaussian()));
            volume[t] = Math.round(1e6 * Math.exp(0.3 * rng.nextGaussian()) * (1 + Math.abs(logReturns[t]) / s));
            previous = close[t];
        }
        EnumMap<Column, double[]> columns = new EnumMap<>(Column.class);
        columns.put(Column.OPEN, open);
        columns.put(Column.HIGH, high);
        columns.put(Column.LOW, low);
        columns.put(Column.CLOSE, close);
        columns.put(Column.VOLUME, volume);
        return columns;
    }
}

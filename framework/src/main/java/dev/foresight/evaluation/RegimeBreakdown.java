package dev.foresight.evaluation;

import dev.foresight.metrics.Annualisation;
import dev.foresight.metrics.ForecastMetrics;
import dev.foresight.metrics.VolatilityMetrics;
import dev.foresight.result.BarRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Metrics of one model on the bars of each regime, per detector.
 *
 * <p>The trading figures of a regime are those of the full path's net returns (costs charged on
 * the full path, as traded) restricted to the regime's bars, not a re-run of the backtest on the
 * regime alone: a regime's bars are not contiguous, and re-running would invent entry and exit
 * costs at every regime change. They are regime-conditional moments of those bars ({@link
 * RegimeTrading}: mean, volatility, Sharpe, hit rate); drawdown and compound annual return, which
 * need a path, are whole-path figures only. Annualisation is the batch's. Bars a detector could not label
 * (its warm-up) form the {@value #UNLABELLED} cell.
 *
 * <p>A cell with fewer than {@value #MIN_BARS} bars is {@code flagged}: its figures are shown but
 * too few for a meaningful number (a Sharpe ratio over 20 bars has a standard error near 3.5
 * annualised).
 */
public final class RegimeBreakdown {

    /** Fewer bars than this flag a cell as too small. */
    public static final int MIN_BARS = 30;
    /** The label of bars a detector left unlabelled. */
    public static final String UNLABELLED = "(none)";

    /**
     * One model × detector × regime cell.
     *
     * @param trading     regime-conditional trading figures; null when the target is not traded
     * @param volatility  variance MSE and QLIKE; null unless the target is realised volatility
     * @param flagged     {@code n < MIN_BARS}
     */
    public record Cell(String detector, String regime, int n, ForecastMetrics forecast, RegimeTrading trading,
                       VolatilityMetrics volatility, boolean flagged) {
    }

    private RegimeBreakdown() {
    }

    /**
     * Cells for each detector in {@code detectors} (in that order); regimes alphabetically, then
     * {@code other}, then {@value #UNLABELLED}.
     */
    public static List<Cell> of(ModelPath path, List<String> detectors, Annualisation annualisation) {
        List<Cell> out = new ArrayList<>();
        List<BarRecord> bars = path.bars();
        for (String detector : detectors) {
            // Labels in alphabetical order, with 'other' (calendar) and the unlabelled bars last.
            Map<String, List<Integer>> groups = new TreeMap<>(Comparator
                    .comparing((String l) -> l.equals(UNLABELLED) ? 2 : l.equals("other") ? 1 : 0)
                    .thenComparing(Comparator.naturalOrder()));
            for (int i = 0; i < bars.size(); i++) {
                String label = bars.get(i).regimes().getOrDefault(detector, UNLABELLED);
                groups.computeIfAbsent(label, k -> new ArrayList<>()).add(i);
            }
            groups.forEach((label, idx) -> out.add(cell(path, detector, label, idx, annualisation)));
        }
        return out;
    }

    private static Cell cell(ModelPath path, String detector, String label, List<Integer> idx, Annualisation a) {
        int n = idx.size();
        double[] actual = new double[n];
        double[] forecast = new double[n];
        double[] actualMove = new double[n];
        double[] forecastMove = new double[n];
        double[] net = new double[n];
        double[] position = new double[n];
        double[] turnover = new double[n];
        for (int k = 0; k < n; k++) {
            int i = idx.get(k);
            BarRecord b = path.bars().get(i);
            actual[k] = b.actual();
            forecast[k] = b.forecast();
            actualMove[k] = b.actualMove();
            forecastMove[k] = b.forecastMove();
            if (path.traded()) {
                net[k] = path.backtest().netReturns()[i];
                position[k] = b.position();
                turnover[k] = path.backtest().turnover()[i];
            }
        }
        ForecastMetrics fm = ForecastMetrics.of(actual, forecast, actualMove, forecastMove);
        RegimeTrading pm = path.traded() ? RegimeTrading.of(net, position, turnover, a) : null;
        VolatilityMetrics q = path.volatilityTarget() ? VolatilityMetrics.of(actual, forecast) : null;
        return new Cell(detector, label, n, fm, pm, q, n < MIN_BARS);
    }
}

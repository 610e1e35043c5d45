package dev.foresight.reports.html;

import dev.foresight.metrics.ForecastMetrics;
import dev.foresight.result.BarRecord;
import dev.foresight.statistics.ReturnMoments;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Per experiment: the annualised Sharpe ratio after costs and the direction accuracy over a
 * trailing window of {@value #WINDOW} bars (a quarter of daily bars), each value computed with the
 * same metric code as the summary on the window's bars.
 */
final class RollingSection implements Section {

    static final int WINDOW = 63;
    /** Fewer direction calls than this in a window leave a gap in the rolling accuracy. */
    static final int MIN_CALLS = 20;

    record Block(String experiment, String sharpeChart, String hitChart) {
    }

    record View(List<Block> blocks, int window, int minCalls) {
    }

    @Override
    public String slot() {
        return "rolling";
    }

    @Override
    public String render(ReportInput in, Charts charts) {
        List<Block> blocks = new ArrayList<>();
        double root = Math.sqrt(in.annualisation().periodsPerYear());
        double rfp = in.annualisation().riskFreePerPeriod();
        for (ReportInput.Experiment e : in.experiments()) {
            List<ReportInput.ModelRun> models = e.models().stream().filter(m -> m.path().bars().size() > WINDOW).toList();
            if (models.isEmpty()) {
                continue;
            }
            Axis axis = new Axis(models.stream().map(ReportInput.ModelRun::path).toList());
            int[] keep = Charts.keep(axis.size());
            List<Map<String, Object>> sharpe = new ArrayList<>();
            List<Map<String, Object>> hit = new ArrayList<>();
            for (ReportInput.ModelRun m : models) {
                int n = m.path().bars().size();
                if (m.path().traded()) {
                    double[] net = m.path().backtest().netReturns();
                    double[] s = new double[n];
                    Arrays.fill(s, Double.NaN);
                    for (int i = WINDOW - 1; i < n; i++) {
                        s[i] = ReturnMoments.of(Arrays.copyOfRange(net, i - WINDOW + 1, i + 1), rfp).sharpe() * root;
                    }
                    sharpe.add(EquitySection.series(m.name(), Charts.thin(axis.place(m.path(), s), keep)));
                }
                List<BarRecord> bars = m.path().bars();
                double[] am = bars.stream().mapToDouble(BarRecord::actualMove).toArray();
                double[] fm = bars.stream().mapToDouble(BarRecord::forecastMove).toArray();
                double[] a = bars.stream().mapToDouble(BarRecord::actual).toArray();
                double[] f = bars.stream().mapToDouble(BarRecord::forecast).toArray();
                if (ForecastMetrics.of(a, f, am, fm).directionCalls() == 0) {
                    continue;
                }
                double[] h = new double[n];
                Arrays.fill(h, Double.NaN);
                for (int i = WINDOW - 1; i < n; i++) {
                    int from = i - WINDOW + 1;
                    ForecastMetrics w = ForecastMetrics.of(Arrays.copyOfRange(a, from, i + 1), Arrays.copyOfRange(f, from, i + 1),
                            Arrays.copyOfRange(am, from, i + 1), Arrays.copyOfRange(fm, from, i + 1));
                    // A window with few calls (a forecast stuck at "no move") gives a meaningless 0% or 100%: a gap instead.
                    h[i] = w.directionCalls() < MIN_CALLS ? Double.NaN : 100 * w.directionAccuracy();
                }
                hit.add(EquitySection.series(m.name(), Charts.thin(axis.place(m.path(), h), keep)));
            }
            String sc = null;
            if (!sharpe.isEmpty()) {
                sc = charts.add("lines", Map.of("x", Charts.pick(axis.dates(), keep), "series", sharpe,
                        "yName", "Sharpe, trailing " + WINDOW + " bars (annualised)"));
            }
            String hc = null;
            if (!hit.isEmpty()) {
                hc = charts.add("lines", Map.of("x", Charts.pick(axis.dates(), keep), "series", hit,
                        "yName", "direction accuracy %, trailing " + WINDOW + " bars", "refLine", 50));
            }
            if (sc != null || hc != null) {
                blocks.add(new Block(e.name(), sc, hc));
            }
        }
        return Templates.render(slot(), new View(blocks, WINDOW, MIN_CALLS));
    }
}

package dev.foresight.reports.html;

import dev.foresight.metrics.ForecastMetrics;
import dev.foresight.result.BarRecord;
import dev.foresight.statistics.ReturnMoments;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per experiment: the annualised Sharpe ratio after costs and the direction accuracy over a
 * trailing window of {@value #WINDOW} bars (a quarter of daily bars), each value computed with the
 * same metric code as the summary on the window's bars.
 *
 * <p>Drawn as small multiples, one small chart per model, because seven overlapping noisy lines
 * cannot be read. The multiples of one metric share their y range (computed here, not by each
 * chart) so that heights compare across models, and have no controls, so they print as they show.
 */
final class RollingSection implements Section {

    static final int WINDOW = 63;
    /** Fewer direction calls than this in a window leave a gap in the rolling accuracy. */
    static final int MIN_CALLS = 20;

    /** One small chart: the model it shows and the chart's id. */
    record Multiple(String model, String chart) {
    }

    record Block(String experiment, List<Multiple> sharpe, List<Multiple> hit) {
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
            List<String> x = Charts.pick(axis.dates(), keep);
            List<Multiple> sc = multiples(charts, x, sharpe, "Sharpe (annualised)", null);
            List<Multiple> hc = multiples(charts, x, hit, "accuracy (%)", 50.0);
            if (!sc.isEmpty() || !hc.isEmpty()) {
                blocks.add(new Block(e.name(), sc, hc));
            }
        }
        return Templates.render(slot(), new View(blocks, WINDOW, MIN_CALLS));
    }

    /** One small chart per series, all on the y range of the whole set (padded by 5%). */
    private static List<Multiple> multiples(Charts charts, List<String> x, List<Map<String, Object>> series, String yName,
                                            Double refLine) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Map<String, Object> s : series) {
            for (Object v : (List<?>) s.get("values")) {
                if (v instanceof Number d && Double.isFinite(d.doubleValue())) {
                    lo = Math.min(lo, d.doubleValue());
                    hi = Math.max(hi, d.doubleValue());
                }
            }
        }
        if (refLine != null) {
            lo = Math.min(lo, refLine);
            hi = Math.max(hi, refLine);
        }
        List<Multiple> out = new ArrayList<>();
        for (Map<String, Object> s : series) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("x", x);
            spec.put("series", List.of(s));
            spec.put("yName", yName);
            spec.put("title", s.get("name"));
            spec.put("small", true);
            if (lo < hi) {
                double pad = 0.05 * (hi - lo);
                spec.put("yMin", lo - pad);
                spec.put("yMax", hi + pad);
            }
            if (refLine != null) {
                spec.put("refLine", refLine);
            }
            out.add(new Multiple(String.valueOf(s.get("name")), charts.add("lines", spec)));
        }
        return out;
    }
}

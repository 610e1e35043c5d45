package dev.foresight.reports.html;

import dev.foresight.result.BarRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per experiment: forecasts and the realised label over time, and forecast-vs-actual scatter.
 * The best model and the baseline are shown; the others are one click away in the legend.
 */
final class ForecastSection implements Section {

    record Block(String experiment, String target, String timeChart, String scatterChart) {
    }

    record View(List<Block> blocks) {
    }

    @Override
    public String slot() {
        return "forecasts";
    }

    @Override
    public String render(ReportInput in, Charts charts) {
        List<Block> blocks = new ArrayList<>();
        for (ReportInput.Experiment e : in.experiments()) {
            List<ReportInput.ModelRun> models = e.models().stream().filter(m -> !m.path().bars().isEmpty()).toList();
            if (models.isEmpty()) {
                continue;
            }
            List<ReportInput.ModelRun> ranked = Scores.ranked(e);
            List<String> shown = new ArrayList<>(List.of("actual", e.baseline()));
            if (!ranked.isEmpty()) {
                shown.add(ranked.get(0).name());
            }
            Axis axis = new Axis(models.stream().map(ReportInput.ModelRun::path).toList());
            int[] keep = Charts.keep(axis.size());
            double[] actual = new double[axis.size()];
            Arrays.fill(actual, Double.NaN);
            List<Map<String, Object>> lines = new ArrayList<>();
            List<Map<String, Object>> scatter = new ArrayList<>();
            boolean direction = e.target().startsWith("direction");
            for (ReportInput.ModelRun m : models) {
                double[] a = m.path().bars().stream().mapToDouble(BarRecord::actual).toArray();
                double[] f = m.path().bars().stream().mapToDouble(BarRecord::forecast).toArray();
                double[] placedA = axis.place(m.path(), a);
                for (int i = 0; i < actual.length; i++) {
                    if (Double.isNaN(actual[i])) {
                        actual[i] = placedA[i];
                    }
                }
                lines.add(EquitySection.series(m.name(), Charts.thin(axis.place(m.path(), f), keep)));
                List<List<Double>> points = binned(f, a, direction);
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("name", m.name());
                s.put("points", points);
                scatter.add(s);
            }
            lines.add(0, EquitySection.series("actual", Charts.thin(actual, keep)));
            Map<String, Object> time = new LinkedHashMap<>();
            time.put("x", Charts.pick(axis.dates(), keep));
            time.put("series", lines);
            time.put("yName", Units.target(e, in.annualisation()));
            time.put("selected", shown);
            if (e.target().startsWith("direction")) {
                // 0/1 outcomes read better as dots than as a line jumping between them.
                time.put("dots", List.of("actual"));
            }
            Map<String, Object> sc = new LinkedHashMap<>();
            sc.put("series", scatter);
            sc.put("xName", direction ? "forecast P(up), mean of the bin" : "forecast, bin mean: " + Units.target(e, in.annualisation()));
            sc.put("yName", direction ? "observed frequency of up (0–1)" : "actual, bin mean (" + Units.shortTarget(e, in.annualisation()) + ")");
            sc.put("binned", true);
            sc.put("diagonal", true);
            sc.put("selected", shown);
            blocks.add(new Block(e.name(), e.target(), charts.add("lines", time), charts.add("scatter", sc)));
        }
        return Templates.render(slot(), new View(blocks));
    }

    /** Bins of the calibration / binned scatter: ten for probabilities, twenty for other forecasts. */
    static final int PROBABILITY_BINS = 10;
    static final int BINS = 20;

    /**
     * Forecast-vs-actual as binned points: for probabilities (direction), a calibration plot — P(up)
     * cut into ten bins of width 0.1, each point the bin's mean forecast and observed frequency of up;
     * otherwise the bars sorted by forecast and cut into twenty bins of (nearly) equal count, each point
     * the bin's mean forecast and mean actual. A raw scatter of thousands of returns is a cloud around a
     * flat line, and of 0/1 outcomes two rows of dots: neither shows whether higher forecasts meant more.
     */
    static List<List<Double>> binned(double[] forecast, double[] actual, boolean probability) {
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < forecast.length; i++) {
            if (Double.isFinite(forecast[i]) && Double.isFinite(actual[i])) {
                pairs.add(new double[] {forecast[i], actual[i]});
            }
        }
        List<List<Double>> out = new ArrayList<>();
        if (pairs.isEmpty()) {
            return out;
        }
        if (probability) {
            double[][] sums = new double[PROBABILITY_BINS][3];
            for (double[] p : pairs) {
                int bin = Math.min(PROBABILITY_BINS - 1, Math.max(0, (int) Math.floor(p[0] * PROBABILITY_BINS)));
                sums[bin][0] += p[0];
                sums[bin][1] += p[1];
                sums[bin][2]++;
            }
            for (double[] b : sums) {
                if (b[2] > 0) {
                    out.add(List.of(Fmt.chart(b[0] / b[2]), Fmt.chart(b[1] / b[2])));
                }
            }
            return out;
        }
        pairs.sort(Comparator.comparingDouble(p -> p[0]));
        int n = pairs.size();
        int bins = Math.min(BINS, n);
        for (int b = 0; b < bins; b++) {
            int from = (int) ((long) b * n / bins);
            int to = (int) ((long) (b + 1) * n / bins);
            double sf = 0;
            double sa = 0;
            for (int i = from; i < to; i++) {
                sf += pairs.get(i)[0];
                sa += pairs.get(i)[1];
            }
            out.add(List.of(Fmt.chart(sf / (to - from)), Fmt.chart(sa / (to - from))));
        }
        return out;
    }
}

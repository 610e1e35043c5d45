package dev.foresight.reports.html;

import dev.foresight.result.BarRecord;
import java.util.ArrayList;
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
            java.util.Arrays.fill(actual, Double.NaN);
            List<Map<String, Object>> lines = new ArrayList<>();
            List<Map<String, Object>> scatter = new ArrayList<>();
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
                int[] pk = Charts.keep(a.length);
                List<List<Double>> points = new ArrayList<>();
                for (int i : pk) {
                    if (Double.isFinite(f[i]) && Double.isFinite(a[i])) {
                        points.add(List.of(Fmt.chart(f[i]), Fmt.chart(a[i])));
                    }
                }
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("name", m.name());
                s.put("points", points);
                scatter.add(s);
            }
            lines.add(0, EquitySection.series("actual", Charts.thin(actual, keep)));
            Map<String, Object> time = new LinkedHashMap<>();
            time.put("x", Charts.pick(axis.dates(), keep));
            time.put("series", lines);
            time.put("yName", e.target());
            time.put("selected", shown);
            if (e.target().startsWith("direction")) {
                // 0/1 outcomes read better as dots than as a line jumping between them.
                time.put("dots", List.of("actual"));
            }
            Map<String, Object> sc = new LinkedHashMap<>();
            sc.put("series", scatter);
            sc.put("xName", "forecast");
            sc.put("yName", "actual");
            sc.put("selected", shown);
            blocks.add(new Block(e.name(), e.target(), charts.add("lines", time), charts.add("scatter", sc)));
        }
        return Templates.render(slot(), new View(blocks));
    }
}

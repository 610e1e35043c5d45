package dev.foresight.reports.html;

import dev.foresight.result.TaskResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Fitted parameters across folds (GARCH ω, α, β, ν, …): read from each task's diagnostics map
 * entry {@value #KEY} — a map of parameter name to number. For models whose kind contains
 * "garch", top-level numeric diagnostics named like GARCH parameters ({@link #GARCH_NAMES}) are
 * read as well, so a model that writes {@code {"omega": …, "alpha": …}} flat is shown too.
 * A table (fold × parameter) and a chart of each parameter against the fold.
 */
final class ParameterSection implements Section {

    static final String KEY = "parameters";
    static final java.util.regex.Pattern GARCH_NAMES = java.util.regex.Pattern.compile(
            "(mu|omega|alpha\\d*|beta\\d*|gamma\\d*|delta|nu|lambda|persistence|long_run_variance|unconditional_variance)");

    record Row(String fold, String dates, List<String> values) {
    }

    record Block(String experiment, String model, List<String> names, List<Row> rows, String chart) {
    }

    record View(List<Block> blocks, boolean any, String key) {
    }

    @Override
    public String slot() {
        return "parameters";
    }

    @Override
    public String render(ReportInput in, Charts charts) {
        List<Block> blocks = new ArrayList<>();
        for (ReportInput.Experiment e : in.experiments()) {
            for (ReportInput.ModelRun m : e.models()) {
                Map<Integer, Map<String, Double>> byFold = new TreeMap<>();
                TreeSet<String> names = new TreeSet<>();
                Map<Integer, TaskResult> tasks = new TreeMap<>();
                for (TaskResult t : m.tasks()) {
                    Map<String, Double> p = parameters(m.config().kind(), t.diagnostics());
                    if (!p.isEmpty()) {
                        byFold.put(t.fold().index(), p);
                        names.addAll(p.keySet());
                        tasks.put(t.fold().index(), t);
                    }
                }
                if (byFold.isEmpty()) {
                    continue;
                }
                List<Row> rows = new ArrayList<>();
                List<String> x = new ArrayList<>();
                Map<String, List<Double>> series = new LinkedHashMap<>();
                names.forEach(n -> series.put(n, new ArrayList<>()));
                byFold.forEach((fold, p) -> {
                    TaskResult t = tasks.get(fold);
                    x.add("fold " + fold);
                    rows.add(new Row(String.valueOf(fold), t.fold().trainStartDate() + " → " + t.fold().trainEndDate(),
                            names.stream().map(n -> p.containsKey(n) ? Fmt.num(p.get(n), "%.5g") : Fmt.NONE).toList()));
                    names.forEach(n -> series.get(n).add(p.containsKey(n) ? Fmt.chart(p.get(n)) : null));
                });
                // Parameters differ by orders of magnitude (ω ~ 1e-6, ν ~ 6): the chart shows each relative to
                // its mean over the folds, so stability across folds is visible; the table has the values.
                List<Map<String, Object>> s = new ArrayList<>();
                series.forEach((n, v) -> {
                    double mean = v.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).average().orElse(0);
                    s.add(EquitySection.series(n, v.stream().map(value -> value == null || mean == 0 ? null : Fmt.chart(value / mean)).toList()));
                });
                Map<String, Object> spec = new LinkedHashMap<>();
                spec.put("x", x);
                spec.put("series", s);
                spec.put("yName", "value ÷ its mean over folds (ratio, 1 = mean)");
                spec.put("points", true);
                blocks.add(new Block(e.name(), m.name(), new ArrayList<>(names), rows, charts.add("lines", spec)));
            }
        }
        return Templates.render(slot(), new View(blocks, !blocks.isEmpty(), KEY));
    }

    /** The tolerant rule the class comment describes. */
    static Map<String, Double> parameters(String kind, Map<String, Object> diagnostics) {
        Map<String, Double> out = new TreeMap<>();
        if (diagnostics.get(KEY) instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
                    out.put(String.valueOf(k), n.doubleValue());
                }
            });
        }
        if (kind != null && kind.toLowerCase(Locale.ROOT).contains("garch")) {
            diagnostics.forEach((k, v) -> {
                if (v instanceof Number n && Double.isFinite(n.doubleValue()) && GARCH_NAMES.matcher(k).matches()) {
                    out.putIfAbsent(k, n.doubleValue());
                }
            });
        }
        return out;
    }
}

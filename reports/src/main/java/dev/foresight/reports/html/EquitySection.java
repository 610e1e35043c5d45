package dev.foresight.reports.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per traded experiment: equity curves of the joined out-of-sample paths after costs (log scale
 * when every value is positive), shaded by a chosen regime detector, and the underwater
 * (drawdown) chart.
 */
final class EquitySection implements Section {

    /** The benchmark's series name in the charts. */
    static final String BENCHMARK = "buy-and-hold (benchmark)";

    record Block(String experiment, String equityChart, String drawdownChart, List<String> detectors, boolean shading) {
    }

    record View(List<Block> blocks, boolean any) {
    }

    @Override
    public String slot() {
        return "equity";
    }

    @Override
    public String render(ReportInput in, Charts charts) {
        List<Block> blocks = new ArrayList<>();
        for (ReportInput.Experiment e : in.experiments()) {
            if (!e.traded()) {
                continue;
            }
            List<ReportInput.ModelRun> traded = e.models().stream().filter(m -> m.path().traded()).toList();
            Axis axis = new Axis(traded.stream().map(ReportInput.ModelRun::path).toList());
            int[] keep = Charts.keep(axis.size());
            List<Map<String, Object>> equity = new ArrayList<>();
            List<Map<String, Object>> drawdown = new ArrayList<>();
            boolean positive = true;
            for (ReportInput.ModelRun m : traded) {
                double[] eq = axis.place(m.path(), m.path().backtest().equity());
                double[] dd = axis.place(m.path(), m.path().backtest().drawdown());
                for (double v : eq) {
                    positive &= Double.isNaN(v) || v > 0;
                }
                equity.add(series(m.name(), Charts.thin(eq, keep)));
                List<Double> ddPct = Charts.thinMin(dd, keep).stream().map(v -> v == null ? null : Fmt.chart(100 * v)).toList();
                drawdown.add(series(m.name(), ddPct));
            }
            Comparisons c = Comparisons.of(in, e);
            if (c != null && c.buyAndHold() != null) {
                // The benchmark that trades: always long on the bars every model forecast, charged like a strategy.
                var bh = c.buyAndHold();
                double[] eq = axis.place(bh.bars(), bh.equity());
                equity.add(series(BENCHMARK, Charts.thin(eq, keep)));
                drawdown.add(series(BENCHMARK, Charts.thinMin(axis.place(bh.bars(), bh.drawdown()), keep).stream()
                        .map(v -> v == null ? null : Fmt.chart(100 * v)).toList()));
                for (double v : eq) {
                    positive &= Double.isNaN(v) || v > 0;
                }
            }
            Map<String, Object> shading = new LinkedHashMap<>();
            for (String d : e.config().regimeNames()) {
                shading.put(d, axis.runs(d, keep));
            }
            Map<String, Object> eqSpec = new LinkedHashMap<>();
            eqSpec.put("x", Charts.pick(axis.dates(), keep));
            eqSpec.put("series", equity);
            eqSpec.put("logY", positive);
            eqSpec.put("yName", "equity, growth of 1 after costs" + (positive ? " (log scale)" : ""));
            eqSpec.put("shading", shading);
            Map<String, Object> ddSpec = new LinkedHashMap<>();
            ddSpec.put("x", Charts.pick(axis.dates(), keep));
            ddSpec.put("series", drawdown);
            ddSpec.put("yName", "drawdown from peak, %");
            blocks.add(new Block(e.name(), charts.add("lines", eqSpec), charts.add("lines", ddSpec),
                    e.config().regimeNames(), !e.config().regimeNames().isEmpty()));
        }
        return Templates.render(slot(), new View(blocks, !blocks.isEmpty()));
    }

    static Map<String, Object> series(String name, List<Double> values) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("values", values);
        return s;
    }
}

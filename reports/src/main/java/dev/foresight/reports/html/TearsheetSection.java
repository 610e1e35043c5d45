package dev.foresight.reports.html;

import dev.foresight.backtest.BacktestResult;
import dev.foresight.result.BarRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tearsheet views researchers know, for each traded experiment's best model: monthly returns
 * (net of costs, compounded within the month) as a year × month heatmap, and the worst drawdowns
 * (the backtest's underwater series split into episodes: peak, trough, recovery, depth, length).
 */
final class TearsheetSection implements Section {

    static final int WORST = 5;
    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec");

    record Drawdown(String rank, String peak, String trough, String recovery, String depth, String bars) {
    }

    record Block(String experiment, String model, String note, String heatmap, List<Drawdown> drawdowns) {
    }

    record View(List<Block> blocks, boolean any, int worst) {
    }

    @Override
    public String slot() {
        return "tearsheet";
    }

    @Override
    public String render(ReportInput in, Charts charts) {
        List<Block> blocks = new ArrayList<>();
        for (ReportInput.Experiment e : in.experiments()) {
            if (!e.traded()) {
                continue;
            }
            List<ReportInput.ModelRun> ranked = Scores.ranked(e).stream()
                    .filter(m -> m.path().traded() && Scores.metric(e, m) != null).toList();
            // A model that never takes a position has nothing to show here: take the best one that trades.
            ReportInput.ModelRun best = ranked.stream().filter(TearsheetSection::trades).findFirst().orElse(null);
            if (best == null) {
                continue;
            }
            String note = best == ranked.get(0) ? "" : "the best model that trades; " + ranked.get(0).name() + " ranks first but never takes a position";
            blocks.add(new Block(e.name(), best.name(), note, charts.add("heatmap", monthly(best)), worst(best)));
        }
        return Templates.render(slot(), new View(blocks, !blocks.isEmpty(), WORST));
    }

    static boolean trades(ReportInput.ModelRun m) {
        return Arrays.stream(m.path().backtest().turnover()).anyMatch(t -> t != 0);
    }

    /** Year × month compounded net returns, in percent. */
    static Map<String, Object> monthly(ReportInput.ModelRun m) {
        double[] net = m.path().backtest().netReturns();
        List<BarRecord> bars = m.path().bars();
        TreeMap<String, Double> growth = new TreeMap<>();
        for (int i = 0; i < bars.size(); i++) {
            growth.merge(bars.get(i).date().substring(0, 7), 1 + net[i], (a, b) -> a * b);
        }
        TreeSet<String> years = new TreeSet<>();
        growth.keySet().forEach(k -> years.add(k.substring(0, 4)));
        List<String> yearList = new ArrayList<>(years);
        List<List<Object>> cells = new ArrayList<>();
        growth.forEach((ym, g) -> cells.add(Arrays.asList(Integer.parseInt(ym.substring(5, 7)) - 1, yearList.indexOf(ym.substring(0, 4)),
                Fmt.chart(100 * (g - 1)))));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("x", MONTHS);
        spec.put("y", yearList);
        spec.put("cells", cells);
        spec.put("name", m.name() + ": monthly return %");
        return spec;
    }

    /** The worst drawdown episodes of the path, deepest first. */
    static List<Drawdown> worst(ReportInput.ModelRun m) {
        BacktestResult bt = m.path().backtest();
        double[] dd = bt.drawdown();
        List<BarRecord> bars = m.path().bars();
        record Episode(int start, int trough, int end, double depth) {
        }
        List<Episode> episodes = new ArrayList<>();
        int i = 0;
        while (i < dd.length) {
            if (dd[i] >= 0) {
                i++;
                continue;
            }
            int start = i;
            int trough = i;
            while (i < dd.length && dd[i] < 0) {
                if (dd[i] < dd[trough]) {
                    trough = i;
                }
                i++;
            }
            episodes.add(new Episode(start, trough, i < dd.length ? i : -1, dd[trough]));
        }
        episodes.sort(Comparator.comparingDouble(Episode::depth));
        List<Drawdown> out = new ArrayList<>();
        for (Episode ep : episodes.subList(0, Math.min(WORST, episodes.size()))) {
            String peak = ep.start() == 0 ? "start (" + bars.get(0).date() + ")" : bars.get(ep.start() - 1).date();
            out.add(new Drawdown(String.valueOf(out.size() + 1), peak, bars.get(ep.trough()).date(),
                    ep.end() < 0 ? "not recovered" : bars.get(ep.end()).date(), Fmt.pct(ep.depth(), 1),
                    String.valueOf((ep.end() < 0 ? dd.length : ep.end()) - ep.start())));
        }
        return out;
    }
}

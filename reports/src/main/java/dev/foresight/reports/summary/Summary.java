package dev.foresight.reports.summary;

import dev.foresight.backtest.CostModel;
import dev.foresight.evaluation.ModelScore;
import dev.foresight.evaluation.OutOfSample;
import dev.foresight.leakage.CheckOutcome;
import dev.foresight.leakage.Implausibility;
import dev.foresight.metrics.Annualisation;
import dev.foresight.result.AtomicFiles;
import dev.foresight.result.ResolvedBatch;
import dev.foresight.result.ResultDirectory;
import dev.foresight.result.ResultJson;
import dev.foresight.result.TaskResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Out-of-sample scores per experiment × model, computed from a result directory alone (the
 * resolved config and the task files), and rendered as a text table, JSON and CSV.
 */
public final class Summary {

    private final String batch;
    private final List<SummaryRow> rows;

    private Summary(String batch, List<SummaryRow> rows) {
        this.batch = batch;
        this.rows = List.copyOf(rows);
    }

    public static Summary of(ResultDirectory dir) {
        ResolvedBatch config = dir.readConfig();
        Annualisation annualisation = new Annualisation(config.periodsPerYear(), config.riskFreeRate());
        List<SummaryRow> rows = new ArrayList<>();
        for (ResolvedBatch.Experiment e : config.experiments()) {
            CostModel costs = new CostModel(e.costBps(), e.slippageBps());
            for (ResolvedBatch.Model m : e.models()) {
                List<TaskResult> tasks = dir.readTasks(e.name(), m.name());
                ModelScore score = OutOfSample.score(e.name(), m.name(), tasks, costs, annualisation);
                String checks = tasks.stream().anyMatch(TaskResult::leaking) ? SummaryRow.LEAKING
                        : tasks.stream().anyMatch(t -> !t.checks().isEmpty()) ? SummaryRow.CHECKS_PASSED
                        : SummaryRow.UNCHECKED;
                List<String> warnings = Implausibility.check(score, annualisation).stream()
                        .map(CheckOutcome::evidence).toList();
                rows.add(SummaryRow.of(score, checks, warnings));
            }
        }
        return new Summary(config.name(), rows);
    }

    public List<SummaryRow> rows() {
        return rows;
    }

    public int failedFolds() {
        return rows.stream().mapToInt(SummaryRow::failedFolds).sum();
    }

    public void write(ResultDirectory dir) {
        ResultJson.write(dir.file(ResultDirectory.SUMMARY_JSON), java.util.Map.of("batch", batch, "rows", rows));
        AtomicFiles.writeString(dir.file(ResultDirectory.SUMMARY_CSV), csv());
    }

    private record Col(String header, Function<SummaryRow, Object> value, String format) {
    }

    private static final List<Col> COLUMNS = List.of(
            new Col("model", SummaryRow::model, "%s"),
            new Col("folds", r -> r.failedFolds() == 0 ? String.valueOf(r.folds())
                    : (r.folds() - r.failedFolds()) + "/" + r.folds(), "%s"),
            new Col("bars", SummaryRow::bars, "%d"),
            new Col("MSE", SummaryRow::mse, "%.4g"),
            new Col("RMSE", SummaryRow::rmse, "%.4g"),
            new Col("MAE", SummaryRow::mae, "%.4g"),
            new Col("hit%", r -> r.directionAccuracy() == null ? null : 100 * r.directionAccuracy(), "%.1f"),
            new Col("calls", SummaryRow::directionCalls, "%d"),
            new Col("Sharpe", SummaryRow::sharpe, "%.2f"),
            new Col("Sortino", SummaryRow::sortino, "%.2f"),
            new Col("maxDD%", r -> r.maxDrawdown() == null ? null : 100 * r.maxDrawdown(), "%.1f"),
            new Col("Calmar", SummaryRow::calmar, "%.2f"),
            new Col("ann.ret%", r -> r.annualReturn() == null ? null : 100 * r.annualReturn(), "%.1f"),
            new Col("turnover", SummaryRow::turnover, "%.3f"),
            new Col("checks", r -> r.checks().equals(SummaryRow.LEAKING) ? "LEAK"
                    : r.checks().equals(SummaryRow.UNCHECKED) ? "-" : r.warnings().isEmpty() ? "ok" : "warn", "%s"));

    /** A fixed-width table per experiment; "-" where a metric does not apply. */
    public String table() {
        StringBuilder out = new StringBuilder();
        String current = null;
        List<String[]> cells = new ArrayList<>();
        for (SummaryRow r : rows) {
            if (!r.experiment().equals(current)) {
                flush(out, cells);
                current = r.experiment();
                out.append(out.length() == 0 ? "" : "\n").append("experiment ").append(current).append(" — target ")
                        .append(r.target()).append(", out of sample\n");
                cells.add(COLUMNS.stream().map(Col::header).toArray(String[]::new));
            }
            cells.add(COLUMNS.stream().map(c -> cell(c, r)).toArray(String[]::new));
        }
        flush(out, cells);
        for (SummaryRow r : rows) {
            if (r.checks().equals(SummaryRow.LEAKING)) {
                out.append("\nLEAK: ").append(r.experiment()).append('/').append(r.model())
                        .append(" failed a leakage check (see its task results); its figures cannot be trusted\n");
            }
            for (String w : r.warnings()) {
                out.append("\nwarning: ").append(r.experiment()).append('/').append(r.model()).append(": ").append(w)
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static String cell(Col c, SummaryRow r) {
        Object v = c.value().apply(r);
        return v == null ? "-" : String.format(Locale.ROOT, c.format(), v);
    }

    private static void flush(StringBuilder out, List<String[]> cells) {
        if (cells.isEmpty()) {
            return;
        }
        int[] width = new int[cells.get(0).length];
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.length; i++) {
                String pad = " ".repeat(width[i] - row[i].length());
                line.append(i == 0 ? row[i] + pad : pad + row[i]).append(i + 1 < row.length ? "  " : "");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        cells.clear();
    }

    /** One row per experiment × model; empty cells where a metric does not apply. */
    public String csv() {
        StringBuilder out = new StringBuilder("experiment,model,target,folds,failed_folds,bars,mse,rmse,mae,"
                + "direction_accuracy,direction_calls,sharpe,sortino,max_drawdown,calmar,annual_return,annual_volatility,turnover,"
                + "checks,warnings\n");
        for (SummaryRow r : rows) {
            Object[] v = {r.experiment(), r.model(), r.target(), r.folds(), r.failedFolds(), r.bars(), r.mse(), r.rmse(),
                    r.mae(), r.directionAccuracy(), r.directionCalls(), r.sharpe(), r.sortino(), r.maxDrawdown(), r.calmar(),
                    r.annualReturn(), r.annualVolatility(), r.turnover(), r.checks(), String.join("; ", r.warnings())};
            for (int i = 0; i < v.length; i++) {
                out.append(i == 0 ? "" : ",").append(csvCell(v[i]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String csvCell(Object v) {
        if (v == null) {
            return "";
        }
        String s = String.valueOf(v);
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}

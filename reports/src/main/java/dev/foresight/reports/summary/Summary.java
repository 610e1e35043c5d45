package dev.foresight.reports.summary;

import dev.foresight.evaluation.RegimeBreakdown;
import dev.foresight.result.AtomicFiles;
import dev.foresight.result.ResolvedBatch;
import dev.foresight.result.ResultDirectory;
import dev.foresight.result.ResultJson;
import dev.foresight.risk.RiskRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The run summary, rendered from a {@link Scorecard}: text tables (what {@code foresight run}
 * prints), {@code summary.json}, {@code summary.csv}, the per-regime and risk tables and the
 * portfolio files. It computes nothing itself: the figures are the scorecard's, so the report,
 * which renders from the same scorecard, shows the same ones.
 *
 * <p>The tests run on each model's whole out-of-sample path, not per fold: a single test block
 * (e.g. 252 bars) is too short for a Diebold–Mariano test or a Sharpe interval to say much, and
 * the traded path's costs only exist once folds are joined. Task files keep what they are made
 * from (every bar with its regime labels), so the figures can be recomputed.
 */
public final class Summary {

    private final Scorecard scorecard;

    private Summary(Scorecard scorecard) {
        this.scorecard = scorecard;
    }

    /** The summary of a scorecard. */
    public static Summary of(Scorecard scorecard) {
        return new Summary(scorecard);
    }

    /** Scores a result directory's task files ({@link Scorecard#compute}) and summarises them. */
    public static Summary of(ResultDirectory dir) {
        return new Summary(Scorecard.compute(dir));
    }

    /**
     * The summary a run wrote ({@code summary.json}), read back as it was written — no bootstrap
     * rerun ({@link Scorecard#read}); null when the directory has no summary file.
     */
    public static Summary read(ResultDirectory dir) {
        return Scorecard.read(dir).map(Summary::new).orElse(null);
    }

    /** The figures this summary renders. */
    public Scorecard scorecard() {
        return scorecard;
    }

    /** The portfolio file names: written only by a batch with a portfolio. */
    public static final String PORTFOLIO_JSON = "portfolio.json";
    public static final String PORTFOLIO_CSV = "summary_portfolio.csv";

    /** One row per portfolio × weighting × model (empty when the batch has no portfolio). */
    public List<PortfolioRow> portfolios() {
        return scorecard.portfolios();
    }

    /** The shape of {@code summary.json}, for reading it back. */
    record Stored(String batch, List<SummaryRow> rows,
                  @com.fasterxml.jackson.annotation.JsonProperty("test_settings") Map<String, Object> testSettings,
                  List<SignificanceRow> tests, List<RegimeRow> regimes) {
    }

    public List<SignificanceRow> tests() {
        return scorecard.tests();
    }

    public List<RegimeRow> regimes() {
        return scorecard.regimes();
    }

    public List<SummaryRow> rows() {
        return scorecard.rows();
    }

    public int failedFolds() {
        return rows().stream().mapToInt(SummaryRow::failedFolds).sum();
    }

    /** The file name of the per-regime table. */
    public static final String SUMMARY_REGIMES_CSV = "summary_regimes.csv";
    /** The risk table (historical VaR/ES, VaR backtests) per experiment × model, overall and per regime. */
    public static final String RISK_JSON = "risk.json";
    /** The same as CSV. */
    public static final String RISK_CSV = "summary_risk.csv";

    /** The risk rows: per experiment × model, overall (empty detector) then per regime. */
    public List<RiskRow> risk() {
        return scorecard.risk();
    }

    public void write(ResultDirectory dir) {
        List<PortfolioRow> portfolios = portfolios();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("baselines", baselines());
        settings.put("dsr_trials", "per model (tests[].dsrTrials): the traded configurations of its grid entry in its"
                + " experiment, 1 outside a grid");
        settings.put("bootstrap", Map.of("method", "stationary (Politis-Romano), percentile intervals",
                "mean_block_length", Scorecard.BOOTSTRAP_BLOCK, "replications", Scorecard.BOOTSTRAP_REPLICATIONS, "seed", config().seed(), "level", 0.95));
        settings.put("min_regime_bars", RegimeBreakdown.MIN_BARS);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("batch", config().name());
        json.put("rows", rows());
        json.put("test_settings", settings);
        json.put("tests", tests());
        json.put("regimes", regimes());
        ResultJson.write(dir.file(ResultDirectory.SUMMARY_JSON), json);
        AtomicFiles.writeString(dir.file(ResultDirectory.SUMMARY_CSV), csv());
        AtomicFiles.writeString(dir.file(SUMMARY_REGIMES_CSV), regimesCsv());
        // Kept out of summary.json so that file stays as it was for batches that predate it.
        ResultJson.write(dir.file(RISK_JSON), risk());
        AtomicFiles.writeString(dir.file(RISK_CSV), riskCsv());
        if (!portfolios.isEmpty()) {
            ResultJson.write(dir.file(PORTFOLIO_JSON), portfolios);
            AtomicFiles.writeString(dir.file(PORTFOLIO_CSV), Portfolios.csv(portfolios));
        } else {
            // a rerun into the same directory without a portfolio must not leave an earlier one's figures
            try {
                Files.deleteIfExists(dir.file(PORTFOLIO_JSON));
                Files.deleteIfExists(dir.file(PORTFOLIO_CSV));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * One row per experiment × detector × regime × model. Trading figures are regime-conditional
     * (see {@link RegimeRow}): annualised mean and volatility, Sharpe ratio and hit rate of the
     * regime's bars; no drawdown or compound return (whole path only, in {@code summary.csv}).
     */
    public String regimesCsv() {
        StringBuilder out = new StringBuilder("experiment,detector,regime,model,bars,flagged,mse,rmse,mae,qlike,"
                + "direction_accuracy,direction_calls,mean_return,volatility,sharpe,bars_in_market,hit_rate,turnover\n");
        for (RegimeRow r : regimes()) {
            Object[] v = {r.experiment(), r.detector(), r.regime(), r.model(), r.bars(), r.flagged(), r.mse(), r.rmse(),
                    r.mae(), r.qlike(), r.directionAccuracy(), r.directionCalls(), r.meanReturn(), r.volatility(),
                    r.sharpe(), r.barsInMarket(), r.hitRate(), r.turnover()};
            for (int i = 0; i < v.length; i++) {
                out.append(i == 0 ? "" : ",").append(csvCell(v[i]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private ResolvedBatch config() {
        return scorecard.config();
    }

    /** Each experiment's baseline model, in batch order. */
    private Map<String, String> baselines() {
        Map<String, String> out = new LinkedHashMap<>();
        config().experiments().forEach(e -> out.put(e.name(), e.baselineModel()));
        return out;
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
            new Col("QLIKE", SummaryRow::qlike, "%.4f"),
            new Col("hit%", r -> r.directionAccuracy() == null ? null : 100 * r.directionAccuracy(), "%.1f"),
            new Col("calls", SummaryRow::directionCalls, "%d"),
            new Col("Sharpe", SummaryRow::sharpe, "%.2f"),
            new Col("Sortino", SummaryRow::sortino, "%.2f"),
            new Col("maxDD%", r -> r.maxDrawdown() == null ? null : 100 * r.maxDrawdown(), "%.1f"),
            new Col("Calmar", SummaryRow::calmar, "%.2f"),
            new Col("ann.ret%", r -> r.annualReturn() == null ? null : 100 * r.annualReturn(), "%.1f"),
            new Col("turnover", SummaryRow::turnover, "%.3f"),
            new Col("checks", r -> r.checks() == ChecksVerdict.LEAKING ? "LEAK"
                    : r.checks() == ChecksVerdict.UNCHECKED ? "-" : r.warnings().isEmpty() ? "ok" : "warn", "%s"));

    /**
     * Per experiment: the metrics table, the tests against the baseline, and one table per regime
     * detector (model × regime); "-" where a figure does not apply.
     */
    public String table() {
        StringBuilder out = new StringBuilder();
        String current = null;
        List<String[]> cells = new ArrayList<>();
        for (SummaryRow r : rows()) {
            if (!r.experiment().equals(current)) {
                flush(out, cells);
                if (current != null) {
                    extras(out, current);
                }
                current = r.experiment();
                out.append(out.length() == 0 ? "" : "\n").append("experiment ").append(current).append(" — target ")
                        .append(r.target()).append(", out of sample\n");
                cells.add(COLUMNS.stream().map(Col::header).toArray(String[]::new));
            }
            cells.add(COLUMNS.stream().map(c -> cell(c, r)).toArray(String[]::new));
        }
        flush(out, cells);
        if (current != null) {
            extras(out, current);
        }
        out.append(Portfolios.table(portfolios()));
        for (SummaryRow r : rows()) {
            if (r.checks() == ChecksVerdict.LEAKING) {
                out.append("\nLEAK: ").append(r.experiment()).append('/').append(r.model())
                        .append(" failed a leakage check (see its task results); its figures cannot be trusted\n");
            }
            for (String w : r.warnings()) {
                out.append("\nwarning: ").append(r.experiment()).append('/').append(r.model()).append(": ").append(w)
                        .append('\n');
            }
        }
        underTrainedNotes(out);
        return out.toString();
    }

    /** A line per model that ran out of epochs while its validation loss was still falling. */
    private void underTrainedNotes(StringBuilder out) {
        for (UnderTrained u : scorecard.underTrained()) {
            out.append('\n').append(u.line()).append('\n');
        }
    }

    private void extras(StringBuilder out, String experiment) {
        List<SignificanceRow> t = tests().stream().filter(r -> r.experiment().equals(experiment)).toList();
        if (!t.isEmpty()) {
            boolean traded = t.stream().anyMatch(r -> r.psr() != null || r.sharpeLow() != null);
            out.append("  tests vs baseline ").append(baselines().get(experiment))
                    .append(": DM p = Diebold-Mariano (HLN, t(n-1), two-sided), squared / absolute errors;\n"
                            + "  PT p = Pesaran-Timmermann (one-sided)");
            if (traded) {
                out.append("; PSR = P(true Sharpe > 0); DSR = PSR against the expected best of N configurations\n"
                        + "  of the model's grid entry searched in this experiment (N = 1 outside a grid);"
                        + " 95% stationary-bootstrap CIs (mean block ")
                        .append(String.format(Locale.ROOT, "%.0f", Scorecard.BOOTSTRAP_BLOCK)).append(")");
            }
            out.append('\n');
            List<String[]> cells = new ArrayList<>();
            List<String> header = new ArrayList<>(List.of("model", "DMsq p", "DMabs p", "PT p"));
            if (traded) {
                header.addAll(List.of("PSR", "DSR", "N", "Sharpe CI", "ΔSharpe CI", "hit% CI"));
            } else {
                header.add("hit% CI");
            }
            cells.add(header.toArray(String[]::new));
            for (SignificanceRow r : t) {
                List<String> row = new ArrayList<>(List.of(r.model(),
                        r.model().equals(r.baseline()) ? "baseline" : fmt("%.3f", r.dmSquaredP()),
                        r.model().equals(r.baseline()) ? "" : fmt("%.3f", r.dmAbsoluteP()), fmt("%.3f", r.ptP())));
                if (traded) {
                    row.addAll(List.of(fmt("%.3f", r.psr()), fmt("%.3f", r.dsr()),
                            r.dsrTrials() == null ? "-" : String.valueOf(r.dsrTrials()), ci("%.2f", r.sharpeLow(), r.sharpeHigh(), 1),
                            ci("%.2f", r.sharpeDifferenceLow(), r.sharpeDifferenceHigh(), 1)));
                }
                row.add(ci("%.1f", r.hitRateLow(), r.hitRateHigh(), 100));
                cells.add(row.toArray(String[]::new));
            }
            flush(out, cells);
        }
        for (String detector : config().experiment(experiment).regimeNames()) {
            regimeTable(out, experiment, detector);
        }
        riskTable(out, experiment);
    }

    /**
     * Historical VaR/ES of each traded model's net returns and, for models forecasting a variance,
     * the 99% VaR backtest: failures over bars, Kupiec, Christoffersen independence and conditional
     * coverage p-values (per regime in {@code summary_risk.csv}).
     */
    private void riskTable(StringBuilder out, String experiment) {
        List<RiskRow> overall = risk().stream().filter(r -> r.experiment().equals(experiment) && r.detector().isEmpty())
                .toList();
        boolean traded = overall.stream().anyMatch(r -> r.var95() != null);
        boolean backtested = overall.stream().anyMatch(r -> r.varBars() != null);
        if (!traded && !backtested) {
            return;
        }
        out.append("  risk: historical VaR / ES of daily net returns (%)")
                .append(backtested ? "; one-day 99% VaR backtest: failures (expected 1%), Kupiec POF,"
                        + " Christoffersen independence and conditional coverage p" : "").append('\n');
        List<String[]> cells = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("model"));
        if (traded) {
            header.addAll(List.of("VaR95", "ES95", "VaR99", "ES99"));
        }
        if (backtested) {
            header.addAll(List.of("dist", "fail99", "Kupiec p", "indep p", "CC p"));
        }
        cells.add(header.toArray(String[]::new));
        for (RiskRow r : overall) {
            List<String> row = new ArrayList<>(List.of(r.model()));
            if (traded) {
                row.addAll(List.of(pct(r.var95()), pct(r.es95()), pct(r.var99()), pct(r.es99())));
            }
            if (backtested) {
                row.add(r.distribution() == null ? "-" : r.distribution());
                row.add(r.varBars() == null ? "-" : r.failures99() + "/" + r.varBars());
                row.addAll(List.of(fmt("%.3f", r.kupiecP99()), fmt("%.3f", r.independenceP99()),
                        fmt("%.3f", r.conditionalCoverageP99())));
            }
            cells.add(row.toArray(String[]::new));
        }
        flush(out, cells);
    }

    private static String pct(Double v) {
        // + 0.0 turns the −0 of a VaR of returns that are all 0 (a model that never trades) into 0
        return v == null ? "-" : String.format(Locale.ROOT, "%.2f", 100 * v + 0.0);
    }

    /** The risk table as CSV: one row per experiment × model × (overall | detector × regime). */
    public String riskCsv() {
        StringBuilder out = new StringBuilder("experiment,model,detector,regime,bars,var95,es95,var99,es99,var_distribution,"
                + "var_bars,failures95,kupiec_p95,independence_p95,conditional_coverage_p95,failures99,kupiec_p99,"
                + "independence_p99,conditional_coverage_p99\n");
        for (RiskRow r : risk()) {
            Object[] v = {r.experiment(), r.model(), r.detector(), r.regime(), r.n(), r.var95(), r.es95(), r.var99(),
                    r.es99(), r.distribution(), r.varBars(), r.failures95(), r.kupiecP95(), r.independenceP95(),
                    r.conditionalCoverageP95(), r.failures99(), r.kupiecP99(), r.independenceP99(),
                    r.conditionalCoverageP99()};
            for (int i = 0; i < v.length; i++) {
                out.append(i == 0 ? "" : ",").append(csvCell(v[i]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private void regimeTable(StringBuilder out, String experiment, String detector) {
        List<RegimeRow> cellsOf = regimes().stream()
                .filter(r -> r.experiment().equals(experiment) && r.detector().equals(detector)).toList();
        if (cellsOf.isEmpty()) {
            return;
        }
        Set<String> labels = new LinkedHashSet<>();
        Set<String> models = new LinkedHashSet<>();
        cellsOf.forEach(r -> {
            labels.add(r.regime());
            models.add(r.model());
        });
        boolean traded = cellsOf.stream().anyMatch(r -> r.sharpe() != null);
        boolean vol = cellsOf.stream().anyMatch(r -> r.qlike() != null);
        boolean flagged = cellsOf.stream().anyMatch(RegimeRow::flagged);
        out.append("  by regime: ").append(detector)
                .append(flagged ? " (n* = fewer than " + RegimeBreakdown.MIN_BARS + " bars: too few for a meaningful figure)" : "")
                .append('\n');
        if (traded) {
            out.append("  Sharpe of each regime's bars (annualised: mean and sd of the daily net returns there, × √")
                    .append(config().periodsPerYear()).append("); their mean, volatility and hit rate in ").append(SUMMARY_REGIMES_CSV)
                    .append("; drawdown and annual return are whole-path figures only\n");
        }
        List<String[]> cells = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("model"));
        for (String label : labels) {
            header.add(label + " n");
            header.add("MSE");
            header.add(vol ? "QLIKE" : "hit%");
            if (traded) {
                header.add("Sharpe");
            }
        }
        cells.add(header.toArray(String[]::new));
        for (String model : models) {
            List<String> row = new ArrayList<>(List.of(model));
            for (String label : labels) {
                RegimeRow r = cellsOf.stream().filter(c -> c.model().equals(model) && c.regime().equals(label))
                        .findFirst().orElse(null);
                if (r == null) {
                    row.addAll(traded ? List.of("0", "-", "-", "-") : List.of("0", "-", "-"));
                    continue;
                }
                row.add(r.bars() + (r.flagged() ? "*" : ""));
                row.add(fmt("%.4g", r.mse()));
                row.add(vol ? fmt("%.4f", r.qlike())
                        : r.directionAccuracy() == null ? "-" : fmt("%.1f", 100 * r.directionAccuracy()));
                if (traded) {
                    row.add(fmt("%.2f", r.sharpe()));
                }
            }
            cells.add(row.toArray(String[]::new));
        }
        flush(out, cells);
    }

    private static String fmt(String format, Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, format, v);
    }

    private static String ci(String format, Double lo, Double hi, double scale) {
        if (lo == null || hi == null) {
            return "-";
        }
        return "[" + String.format(Locale.ROOT, format, scale * lo) + ", " + String.format(Locale.ROOT, format, scale * hi) + "]";
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
        StringBuilder out = new StringBuilder("experiment,model,target,folds,failed_folds,bars,mse,rmse,mae,variance_mse,qlike,"
                + "direction_accuracy,direction_calls,sharpe,sortino,max_drawdown,calmar,annual_return,annual_volatility,turnover,"
                + "checks,warnings\n");
        for (SummaryRow r : rows()) {
            Object[] v = {r.experiment(), r.model(), r.target(), r.folds(), r.failedFolds(), r.bars(), r.mse(), r.rmse(),
                    r.mae(), r.varianceMse(), r.qlike(), r.directionAccuracy(), r.directionCalls(), r.sharpe(), r.sortino(), r.maxDrawdown(), r.calmar(),
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

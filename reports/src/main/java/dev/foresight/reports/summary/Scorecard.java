package dev.foresight.reports.summary;

import dev.foresight.backtest.CostModel;
import dev.foresight.evaluation.ModelPath;
import dev.foresight.evaluation.ModelScore;
import dev.foresight.evaluation.OutOfSample;
import dev.foresight.evaluation.RegimeBreakdown;
import dev.foresight.evaluation.Significance;
import dev.foresight.leakage.Implausibility;
import dev.foresight.metrics.Annualisation;
import dev.foresight.result.CanaryRecord;
import dev.foresight.result.CheckOutcome;
import dev.foresight.result.ResolvedBatch;
import dev.foresight.result.ResultDirectory;
import dev.foresight.result.ResultJson;
import dev.foresight.result.TaskResult;
import dev.foresight.risk.PathRisk;
import dev.foresight.risk.RiskRow;
import dev.foresight.statistics.StationaryBootstrap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run's figures, computed once from its result directory: each task file read once, each model's
 * out-of-sample path joined once, then the scores, the tests against each experiment's baseline
 * (bootstrap intervals included), the per-regime and risk tables, the portfolios and the checks'
 * verdicts. The text summary ({@link Summary}) and the HTML report both render from this one
 * object — they cannot disagree, and a new report section reads what it needs here instead of
 * re-deriving it from the files.
 *
 * <p>Two ways in: {@link #compute} scores the task files (what {@code foresight run} does), and
 * {@link #read} takes the figures a run wrote ({@code summary.json}, {@code risk.json},
 * {@code portfolio.json}) back as they were written, so a re-rendered report shows exactly what the
 * run printed without re-running the bootstrap. Both read the task files, which the report draws
 * its bars from.
 */
public final class Scorecard {

    /** Mean block length of the stationary bootstrap (bars). */
    public static final double BOOTSTRAP_BLOCK = 10;
    /** Resamples per bootstrap interval. */
    public static final int BOOTSTRAP_REPLICATIONS = 1000;

    /**
     * One model of one experiment as its task files hold it, with the path its folds join into.
     *
     * @param tasks the task files, by fold
     * @param path  the out-of-sample path of the folds that succeeded (costs of the experiment applied)
     */
    public record ModelResults(ResolvedBatch.Experiment experiment, ResolvedBatch.Model model, List<TaskResult> tasks,
                               ModelPath path) {

        public ModelResults {
            tasks = List.copyOf(tasks);
        }

        /** Reads the model's task files and joins its path. */
        static ModelResults read(ResultDirectory dir, ResolvedBatch.Experiment e, ResolvedBatch.Model m) {
            List<TaskResult> tasks = dir.readTasks(e.name(), m.name());
            return new ModelResults(e, m, tasks, ModelPath.of(e.name(), m.name(), tasks,
                    new CostModel(e.costBps(), e.slippageBps())));
        }
    }

    /** The figures of a run: what summary.json, risk.json and portfolio.json hold. */
    record Figures(List<SummaryRow> rows, List<SignificanceRow> tests, List<RegimeRow> regimes, List<RiskRow> risk,
                   List<PortfolioRow> portfolios) {
        Figures {
            rows = List.copyOf(rows);
            tests = List.copyOf(tests);
            regimes = List.copyOf(regimes);
            risk = List.copyOf(risk);
            portfolios = List.copyOf(portfolios);
        }
    }

    private final ResolvedBatch config;
    private final Map<String, List<ModelResults>> results;
    private final Figures figures;
    private final List<CanaryRecord> canaries;
    private final List<UnderTrained> underTrained;

    private Scorecard(ResolvedBatch config, Map<String, List<ModelResults>> results, Figures figures,
                      List<CanaryRecord> canaries) {
        this.config = config;
        this.results = results;
        this.figures = figures;
        this.canaries = List.copyOf(canaries);
        this.underTrained = UnderTrained.of(results);
    }

    /** Scores a result directory's task files: every figure computed, bootstrap included. */
    public static Scorecard compute(ResultDirectory dir) {
        ResolvedBatch config = dir.readConfig();
        Map<String, List<ModelResults>> results = results(dir, config);
        List<CanaryRecord> canaries = canaries(dir);
        return new Scorecard(config, results, score(config, results, canaries), canaries);
    }

    /**
     * The figures a run wrote, read back as they were written, with the task files they were
     * computed from; empty when the directory has no {@code summary.json} (a run that stopped
     * before its summary).
     */
    public static Optional<Scorecard> read(ResultDirectory dir) {
        Path summaryFile = dir.file(ResultDirectory.SUMMARY_JSON);
        if (!Files.exists(summaryFile)) {
            return Optional.empty();
        }
        Summary.Stored s = ResultJson.read(summaryFile, Summary.Stored.class);
        Path riskFile = dir.file(Summary.RISK_JSON);
        Path portfolioFile = dir.file(Summary.PORTFOLIO_JSON);
        Figures figures = new Figures(orEmpty(s.rows()), orEmpty(s.tests()), orEmpty(s.regimes()),
                Files.exists(riskFile) ? List.of(ResultJson.read(riskFile, RiskRow[].class)) : List.of(),
                Files.exists(portfolioFile) ? List.of(ResultJson.read(portfolioFile, PortfolioRow[].class)) : List.of());
        ResolvedBatch config = dir.readConfig();
        return Optional.of(new Scorecard(config, results(dir, config), figures, canaries(dir)));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Every model's task files, read once; models in parallel (each file is independent), order kept. */
    private static Map<String, List<ModelResults>> results(ResultDirectory dir, ResolvedBatch config) {
        Map<String, List<ModelResults>> out = new LinkedHashMap<>();
        for (ResolvedBatch.Experiment e : config.experiments()) {
            out.put(e.name(), e.models().parallelStream().map(m -> ModelResults.read(dir, e, m)).toList());
        }
        return out;
    }

    /** The null-data canary entries, when the run has them. */
    private static List<CanaryRecord> canaries(ResultDirectory dir) {
        Path file = dir.file(ResultDirectory.CANARY);
        return Files.exists(file) ? List.of(ResultJson.read(file, CanaryRecord[].class)) : List.of();
    }

    private static Figures score(ResolvedBatch config, Map<String, List<ModelResults>> results,
                                 List<CanaryRecord> canaryRecords) {
        Map<String, CheckOutcome> canaries = new LinkedHashMap<>();
        canaryRecords.forEach(r -> canaries.put(r.key(), r.outcome()));
        Annualisation annualisation = new Annualisation(config.periodsPerYear(), config.riskFreeRate());
        StationaryBootstrap bootstrap = new StationaryBootstrap(BOOTSTRAP_BLOCK, BOOTSTRAP_REPLICATIONS, config.seed());
        List<SummaryRow> rows = new ArrayList<>();
        List<RiskRow> risk = new ArrayList<>();
        List<SignificanceRow> tests = new ArrayList<>();
        List<RegimeRow> regimes = new ArrayList<>();
        Map<String, List<ModelPath>> paths = new LinkedHashMap<>();
        for (ResolvedBatch.Experiment e : config.experiments()) {
            List<ModelResults> models = results.get(e.name());
            List<ModelPath> experimentPaths = models.stream().map(ModelResults::path).toList();
            paths.put(e.name(), experimentPaths);
            ModelPath baseline = experimentPaths.stream().filter(p -> p.model().equals(e.baselineModel())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("baseline " + e.baselineModel() + " has no results"));
            // Each model's figures are independent of the others' (the bootstrap seeds a generator
            // per interval), so models are scored in parallel; the lists keep configuration order.
            List<ModelFigures> scored = models.parallelStream()
                    .map(m -> ModelFigures.of(m, baseline, experimentPaths, canaries.get(e.name() + "/" + m.model().name()),
                            annualisation, bootstrap))
                    .toList();
            for (ModelFigures f : scored) {
                rows.add(f.row());
                risk.addAll(f.risk());
            }
            for (ModelFigures f : scored) {
                if (f.tests() != null) {
                    tests.add(f.tests());
                }
                regimes.addAll(f.regimes());
            }
        }
        return new Figures(rows, tests, regimes, risk, Portfolios.of(config, paths, annualisation, bootstrap));
    }

    /** One model's share of the figures. */
    private record ModelFigures(SummaryRow row, List<RiskRow> risk, SignificanceRow tests, List<RegimeRow> regimes) {

        static ModelFigures of(ModelResults m, ModelPath baseline, List<ModelPath> experiment, CheckOutcome canary,
                               Annualisation annualisation, StationaryBootstrap bootstrap) {
            ResolvedBatch.Experiment e = m.experiment();
            List<TaskResult> tasks = m.tasks();
            ModelScore score = OutOfSample.score(e.name(), m.model().name(), tasks,
                    new CostModel(e.costBps(), e.slippageBps()), annualisation);
            ChecksVerdict checks = tasks.stream().anyMatch(TaskResult::leaking) || canary != null && canary.failed()
                    ? ChecksVerdict.LEAKING
                    : tasks.stream().anyMatch(t -> !t.checks().isEmpty()) ? ChecksVerdict.PASSED
                    : ChecksVerdict.UNCHECKED;
            List<String> warnings = new ArrayList<>(Implausibility.check(score, annualisation).stream()
                    .map(CheckOutcome::evidence).toList());
            if (canary != null && !CheckOutcome.PASSED.equals(canary.status())) {
                warnings.add("null-data canary " + canary.status() + ": " + canary.evidence());
            }
            ModelPath path = m.path();
            List<RiskRow> risk = PathRisk.of(path, tasks, e.regimeNames());
            if (path.bars().isEmpty()) {
                return new ModelFigures(SummaryRow.of(score, checks, warnings), risk, null, List.of());
            }
            Significance.Trials trials = Summary.trials(path, experiment, annualisation);
            SignificanceRow tests = SignificanceRow.of(Significance.of(path, baseline, annualisation, trials, bootstrap),
                    trials);
            List<RegimeRow> regimes = RegimeBreakdown.of(path, e.regimeNames(), annualisation).stream()
                    .map(c -> RegimeRow.of(e.name(), path.model(), c)).toList();
            return new ModelFigures(SummaryRow.of(score, checks, warnings), risk, tests, regimes);
        }
    }

    public ResolvedBatch config() {
        return config;
    }

    /** An experiment's models, in configuration order. */
    public List<ModelResults> models(String experiment) {
        return results.getOrDefault(experiment, List.of());
    }

    /** One row per experiment × model, in batch order. */
    public List<SummaryRow> rows() {
        return figures.rows();
    }

    /** The tests against the baseline, per experiment × model with an out-of-sample path. */
    public List<SignificanceRow> tests() {
        return figures.tests();
    }

    /** Per experiment × model × regime detector × regime. */
    public List<RegimeRow> regimes() {
        return figures.regimes();
    }

    /** Per experiment × model: overall (empty detector), then per regime. */
    public List<RiskRow> risk() {
        return figures.risk();
    }

    /** One row per portfolio × weighting × model; empty when the batch has no portfolio. */
    public List<PortfolioRow> portfolios() {
        return figures.portfolios();
    }

    /** The null-data canary entries, empty when the run ran none. */
    public List<CanaryRecord> canaries() {
        return canaries;
    }

    /** Models that ran out of epochs while still improving. */
    List<UnderTrained> underTrained() {
        return underTrained;
    }

    /** The summary row of one experiment × model, if the run has one. */
    public Optional<SummaryRow> row(String experiment, String model) {
        return rows().stream().filter(r -> r.experiment().equals(experiment) && r.model().equals(model)).findFirst();
    }

    /** The tests of one experiment × model, if it has an out-of-sample path. */
    public Optional<SignificanceRow> tests(String experiment, String model) {
        return tests().stream().filter(r -> r.experiment().equals(experiment) && r.model().equals(model)).findFirst();
    }
}

package dev.foresight.results;

import dev.foresight.backtest.BacktestResult;
import dev.foresight.backtest.CostModel;
import dev.foresight.evaluation.OutOfSample;
import dev.foresight.reports.summary.RegimeRow;
import dev.foresight.reports.summary.Scorecard;
import dev.foresight.reports.summary.SignificanceRow;
import dev.foresight.reports.summary.SummaryRow;
import dev.foresight.result.BarRecord;
import dev.foresight.result.CheckOutcome;
import dev.foresight.result.ResolvedBatch;
import dev.foresight.result.ResultDirectory;
import dev.foresight.result.ResultJson;
import dev.foresight.result.TaskResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes a run's {@value #FILE}: one DuckDB file with these tables (every date a SQL {@code DATE},
 * every undefined figure SQL {@code NULL}):
 * <pre>
 * run           one row: batch, resolved-config hash, batch file hash, code commit, started, finished
 * data          experiment, data_sha256, bars, first_date, last_date
 * tasks         experiment, model, model_kind, fold, status, error, seed, horizon, train/test dates, fit_rows
 * bars          experiment, model, fold, bar, date, actual, forecast, p_up, variance, position,
 *               asset_return, return_gross, cost, return_net   (one row per out-of-sample bar)
 * bar_regimes   experiment, model, fold, bar, date, detector, regime
 * checks        experiment, model, fold, check_name, status, plugin, evidence
 * scores        the summary's rows (summary.json "rows"), one per experiment × model
 * tests         the summary's tests (Diebold–Mariano, Pesaran–Timmermann, PSR/DSR, bootstrap intervals)
 * regime_scores the summary's per-regime rows
 * </pre>
 * Returns after costs are the run's own: the model's folds joined in time order and charged the
 * experiment's costs ({@link OutOfSample#backtest}), exactly as the summary scores them.
 *
 * <p>Written whole to a temporary file beside the target, closed (DuckDB checkpoints on close, so
 * no write-ahead log is left), then renamed over the target: a reader sees the old database or the
 * new one, never half of one.
 */
public final class ResultsDatabase {

    /** The database's file name in a run directory. */
    public static final String FILE = "results.duckdb";
    /** Bumped when a table changes shape; stored in {@code run.format}. */
    public static final int FORMAT = 1;

    private static final RecordTable<SummaryRow> SCORES = new RecordTable<>("scores", SummaryRow.class);
    private static final RecordTable<SignificanceRow> TESTS = new RecordTable<>("tests", SignificanceRow.class);
    private static final RecordTable<RegimeRow> REGIME_SCORES = new RecordTable<>("regime_scores", RegimeRow.class);

    /** One model's folds in one experiment, with the costs its returns are charged. */
    public record ModelTasks(String experiment, String model, CostModel costs, List<TaskResult> tasks) {
        public ModelTasks {
            Objects.requireNonNull(experiment, "experiment");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(costs, "costs");
            tasks = List.copyOf(tasks);
        }
    }

    private ResultsDatabase() {
    }

    /** Writes {@value #FILE} into a finished run directory from its manifest, config, task files and summary. */
    public static Path writeFor(ResultDirectory dir) {
        return writeFor(dir, Scorecard.read(dir).orElse(null));
    }

    /**
     * Writes {@value #FILE} from the run's manifest and its scorecard, whose task files are reused
     * rather than read again; a null scorecard (no summary written) gives the task tables alone.
     */
    @SuppressWarnings("unchecked")
    public static Path writeFor(ResultDirectory dir, Scorecard scorecard) {
        RunRecord run = RunRecord.ofManifest(ResultJson.read(dir.manifest(), Map.class));
        List<ModelTasks> models = new ArrayList<>();
        ResolvedBatch config = scorecard == null ? dir.readConfig() : scorecard.config();
        for (ResolvedBatch.Experiment e : config.experiments()) {
            CostModel costs = new CostModel(e.costBps(), e.slippageBps());
            if (scorecard != null) {
                scorecard.models(e.name()).forEach(m -> models.add(new ModelTasks(e.name(), m.model().name(), costs, m.tasks())));
            } else {
                e.models().forEach(m -> models.add(new ModelTasks(e.name(), m.name(), costs, dir.readTasks(e.name(), m.name()))));
            }
        }
        Path target = dir.file(FILE);
        write(target, run, models, scorecard == null ? List.of() : scorecard.rows(),
                scorecard == null ? List.of() : scorecard.tests(), scorecard == null ? List.of() : scorecard.regimes());
        return target;
    }

    /** Writes the database to {@code target} atomically (temporary file, then rename). */
    public static void write(Path target, RunRecord run, List<ModelTasks> models, List<SummaryRow> scores,
                             List<SignificanceRow> tests, List<RegimeRow> regimes) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".tmp");
        try {
            Files.createDirectories(dir);
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + tmp)) {
                DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
                create(c);
                writeRun(duck, run);
                writeTasks(duck, models);
                SCORES.append(duck, scores);
                TESTS.append(duck, tests);
                REGIME_SCORES.append(duck, regimes);
                try (Statement s = c.createStatement()) {
                    s.execute("CHECKPOINT");
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (SQLException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), new IOException(e));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
                Files.deleteIfExists(dir.resolve(tmp.getFileName() + ".wal"));
            } catch (IOException ignored) {
                // a stray temporary file is harmless: it is hidden and never read
            }
        }
    }

    /** Opens a run's database for reading only (several readers may open it at once). */
    public static Connection openReadOnly(Path file) throws SQLException {
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), p);
    }

    private static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE run (format INTEGER, batch VARCHAR, batch_sha256 VARCHAR, batch_file_sha256 VARCHAR,"
                    + " code_commit VARCHAR, code_dirty BOOLEAN, started TIMESTAMP, finished TIMESTAMP)");
            s.execute("CREATE TABLE data (experiment VARCHAR, data_sha256 VARCHAR, bars INTEGER, first_date DATE,"
                    + " last_date DATE)");
            s.execute("CREATE TABLE tasks (experiment VARCHAR, model VARCHAR, model_kind VARCHAR, fold INTEGER,"
                    + " status VARCHAR, error VARCHAR, seed BIGINT, horizon INTEGER, train_start DATE, train_end DATE, test_start DATE,"
                    + " test_end DATE, fit_rows INTEGER)");
            s.execute("CREATE TABLE bars (experiment VARCHAR, model VARCHAR, fold INTEGER, bar INTEGER, date DATE,"
                    + " actual DOUBLE, forecast DOUBLE, p_up DOUBLE, variance DOUBLE, position DOUBLE,"
                    + " asset_return DOUBLE, return_gross DOUBLE, cost DOUBLE, return_net DOUBLE)");
            s.execute("CREATE TABLE bar_regimes (experiment VARCHAR, model VARCHAR, fold INTEGER, bar INTEGER,"
                    + " date DATE, detector VARCHAR, regime VARCHAR)");
            s.execute("CREATE TABLE checks (experiment VARCHAR, model VARCHAR, fold INTEGER, check_name VARCHAR,"
                    + " status VARCHAR, plugin VARCHAR, evidence VARCHAR)");
        }
        SCORES.create(c);
        TESTS.create(c);
        REGIME_SCORES.create(c);
    }

    private static void writeRun(DuckDBConnection c, RunRecord run) throws SQLException {
        try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "run")) {
            Values.row(a, FORMAT, run.batch(), run.batchSha256(), run.batchFileSha256(), run.codeCommit(),
                    run.codeDirty(), timestamp(run.started()), timestamp(run.finished()));
        }
        try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "data")) {
            for (Map.Entry<String, RunRecord.DataRecord> e : run.data().entrySet()) {
                RunRecord.DataRecord d = e.getValue();
                Values.row(a, e.getKey(), d.sha256(), d.bars(), date(d.firstDate()), date(d.lastDate()));
            }
        }
    }

    private static void writeTasks(DuckDBConnection c, List<ModelTasks> models) throws SQLException {
        try (DuckDBAppender tasks = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "tasks");
             DuckDBAppender bars = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "bars");
             DuckDBAppender regimes = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "bar_regimes");
             DuckDBAppender checks = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "checks")) {
            for (ModelTasks m : models) {
                List<TaskResult> sorted = new ArrayList<>(m.tasks());
                sorted.sort(Comparator.comparingInt(t -> t.fold().index()));
                // Costs depend on the previous bar's position, across folds: charge the joined path once.
                List<BarRecord> joined = OutOfSample.join(sorted);
                BacktestResult traded = OutOfSample.backtest(joined, m.costs());
                Map<Integer, Integer> position = new HashMap<>();
                for (int i = 0; i < joined.size(); i++) {
                    position.put(joined.get(i).bar(), i);
                }
                for (TaskResult t : sorted) {
                    var f = t.fold();
                    Values.row(tasks, m.experiment(), m.model(), t.subject().modelKind(), f.index(), t.status().json(), t.error(),
                            t.subject().seed(), t.horizon(), date(f.trainStartDate()), date(f.trainEndDate()),
                            date(f.testStartDate()), date(f.testEndDate()), t.fit().fitRows());
                    for (CheckOutcome o : t.checks()) {
                        Values.row(checks, m.experiment(), m.model(), f.index(), o.check(), o.status().json(), o.plugin(),
                                o.evidence());
                    }
                    if (!t.ok()) {
                        continue;
                    }
                    for (BarRecord b : t.bars()) {
                        int i = position.get(b.bar());
                        LocalDate date = date(b.date());
                        Values.row(bars, m.experiment(), m.model(), f.index(), b.bar(), date, b.actual(), b.forecast(),
                                b.probabilityUp(), b.variance(), b.position(), b.assetReturn(), b.grossReturn(),
                                traded.costs()[i], traded.netReturns()[i]);
                        for (Map.Entry<String, String> r : b.regimes().entrySet()) {
                            Values.row(regimes, m.experiment(), m.model(), f.index(), b.bar(), date, r.getKey(),
                                    r.getValue());
                        }
                    }
                }
            }
        }
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso.length() > 10 ? iso.substring(0, 10) : iso);
    }

    private static LocalDateTime timestamp(String instant) {
        return instant == null ? null : LocalDateTime.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
    }
}

package dev.foresight.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.foresight.cli.Main;
import dev.foresight.result.BarRecord;
import dev.foresight.result.ResultDirectory;
import dev.foresight.result.TaskResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real DuckDB round trip: run a small batch, read {@code results.duckdb} back with SQL, compare with the task files. */
class ResultsDatabaseTest {

    static final String BATCH = """
            name: db
            seed: 3
            data:
              synthetic: {kind: gbm, bars: 300, seed: 5}
            experiments:
              - name: ret
                target: {kind: log-return, horizon: 1}
                features: [{kind: returns, lags: 3}]
                walk_forward: {train: 150, test: 50}
                costs: {bps: 5}
                regimes: [{kind: volatility, window: 10}]
                models:
                  - {kind: random-walk}
                  - {kind: ar, p: 2, name: ar2}
              - name: vol
                target: {kind: realised-vol, horizon: 5}
                walk_forward: {train: 150, test: 50, embargo: 5}
                models:
                  - {kind: random-walk}
            """;

    /** Runs {@link #BATCH} into {@code out}; returns the exit code. */
    static int runBatch(Path dir, Path out, String batch) throws IOException {
        Path file = dir.resolve("batch.yaml");
        Files.writeString(file, batch);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int code = Main.execute(new String[]{"run", file.toString(), "--out", out.toString(), "--workers", "1", "-q"},
                    o, e);
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
            return code;
        }
    }

    @Test
    void run_writesDatabaseMatchingTaskFiles(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        runBatch(dir, out, BATCH);
        Path db = out.resolve(ResultsDatabase.FILE);
        assertTrue(Files.isRegularFile(db), "the run writes " + db);
        try (Stream<Path> files = Files.list(out)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")
                    || p.getFileName().toString().endsWith(".wal")), "no temporary or WAL file is left");
        }
        ResultDirectory rd = new ResultDirectory(out);
        try (Connection c = ResultsDatabase.openReadOnly(db); Statement s = c.createStatement()) {
            // Every bar of every task file, value for value.
            int taskBars = 0;
            for (String[] em : List.of(new String[]{"ret", "random-walk"}, new String[]{"ret", "ar2"},
                    new String[]{"vol", "random-walk"})) {
                for (TaskResult t : rd.readTasks(em[0], em[1])) {
                    Map<Integer, BarRecord> byBar = new HashMap<>();
                    t.bars().forEach(b -> byBar.put(b.bar(), b));
                    taskBars += t.bars().size();
                    try (ResultSet r = s.executeQuery("SELECT bar, CAST(date AS VARCHAR), actual, forecast, p_up, variance,"
                            + " position, asset_return, return_gross, regime FROM bars LEFT JOIN bar_regimes USING"
                            + " (experiment, model, fold, bar, date) WHERE experiment = '" + em[0] + "' AND model = '"
                            + em[1] + "' AND fold = " + t.fold().index() + " ORDER BY bar")) {
                        int rows = 0;
                        while (r.next()) {
                            BarRecord b = byBar.get(r.getInt(1));
                            assertEquals(b.date(), r.getString(2));
                            assertEquals(b.actual(), r.getDouble(3));
                            assertEquals(b.forecast(), r.getDouble(4));
                            assertEquals(b.probabilityUp(), (Double) r.getObject(5));
                            assertEquals(b.variance(), (Double) r.getObject(6));
                            assertEquals(b.position(), r.getDouble(7));
                            assertEquals(b.assetReturn(), r.getDouble(8));
                            assertEquals(b.grossReturn(), r.getDouble(9));
                            assertEquals(b.regimes().get("volatility"), r.getString(10));
                            rows++;
                        }
                        assertEquals(t.bars().size(), rows);
                    }
                }
            }
            assertEquals(taskBars, count(s, "SELECT count(*) FROM bars"));
            // Net = gross - cost, costs 5 bps of each position change (the first bar enters from flat).
            assertEquals(0, count(s, "SELECT count(*) FROM bars WHERE abs(return_gross - cost - return_net) > 1e-15"));
            assertEquals(0, count(s, "SELECT count(*) FROM (SELECT cost, abs(position - coalesce(lag(position) OVER"
                    + " (PARTITION BY experiment, model ORDER BY bar), 0)) * 5e-4 AS expected FROM bars"
                    + " WHERE experiment = 'ret') WHERE abs(cost - expected) > 1e-15"));
            assertEquals(0, count(s, "SELECT count(*) FROM bars WHERE experiment = 'vol' AND cost <> 0"));
            // Scores and tests are summary.json's, field for field.
            JsonNode summary = new ObjectMapper().readTree(out.resolve(ResultDirectory.SUMMARY_JSON).toFile());
            assertEquals(summary.get("rows").size(), count(s, "SELECT count(*) FROM scores"));
            for (JsonNode row : summary.get("rows")) {
                try (ResultSet r = s.executeQuery("SELECT rmse, sharpe, bars FROM scores WHERE experiment = '"
                        + row.get("experiment").asText() + "' AND model = '" + row.get("model").asText() + "'")) {
                    assertTrue(r.next());
                    assertEquals(row.get("rmse").asDouble(), r.getDouble(1));
                    if (row.get("sharpe").isNull()) {
                        assertNull(r.getObject(2));
                    } else {
                        assertEquals(row.get("sharpe").asDouble(), r.getDouble(2));
                    }
                    assertEquals(row.get("bars").asInt(), r.getInt(3));
                }
            }
            assertEquals(summary.get("tests").size(), count(s, "SELECT count(*) FROM tests"));
            assertEquals(summary.get("regimes").size(), count(s, "SELECT count(*) FROM regime_scores"));
            // The catalogue row: the manifest's hashes.
            JsonNode manifest = new ObjectMapper().readTree(out.resolve(ResultDirectory.MANIFEST).toFile());
            try (ResultSet r = s.executeQuery("SELECT batch, batch_sha256, code_commit FROM run")) {
                assertTrue(r.next());
                assertEquals("db", r.getString(1));
                assertEquals(manifest.get("batch").get("resolved_config_sha256").asText(), r.getString(2));
                assertEquals(manifest.get("foresight").get("git_commit").asText(), r.getString(3));
            }
            assertEquals(2, count(s, "SELECT count(*) FROM data"));
            assertEquals(9, count(s, "SELECT count(*) FROM tasks WHERE status = 'ok'"));
        }
    }

    @Test
    void write_replacesAnOldDatabaseWhole(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        runBatch(dir, out, BATCH);
        Path db = out.resolve(ResultsDatabase.FILE);
        Files.writeString(db, "not a database"); // a stale or damaged file is replaced, not appended to
        ResultsDatabase.writeFor(new ResultDirectory(out));
        try (Connection c = ResultsDatabase.openReadOnly(db); Statement s = c.createStatement()) {
            assertEquals(1, count(s, "SELECT count(*) FROM run"));
        }
    }

    static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}

package dev.foresight.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import dev.foresight.result.ResultDirectory;
import dev.foresight.statistics.DieboldMariano;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Two runs side by side ({@code foresight compare A B}): each experiment × model's scores in both,
 * what changed between them (code commit, resolved configuration keys, data hashes), and whether
 * the forecasts differ significantly — a Diebold–Mariano test (squared and absolute error, HLN
 * correction, the framework's {@link DieboldMariano}) on the bars both runs forecast, matched by date.
 */
public record RunComparison(Path a, Path b, List<String> changes, List<ScorePair> scores, List<Test> tests,
                            List<RegimePair> regimes) {

    /** The metrics compared, as the {@code scores} table names them. */
    public static final List<String> METRICS = List.of("rmse", "mae", "qlike", "direction_accuracy", "sharpe",
            "max_drawdown");
    /** A change of loss is called significant below this p-value. */
    public static final double LEVEL = 0.05;
    /** At most this many configuration differences are listed (the rest are counted). */
    static final int MAX_CHANGES = 40;

    /** One experiment × model's metrics in run A and run B (null where a run lacks it or it does not apply). */
    public record ScorePair(String experiment, String model, Map<String, Double> a, Map<String, Double> b) {
    }

    /** One experiment × detector × regime × model cell in both runs. */
    public record RegimePair(String experiment, String detector, String regime, String model, Integer barsA,
                             Integer barsB, Double rmseA, Double rmseB, Double sharpeA, Double sharpeB) {
    }

    /**
     * The DM test of B's forecast errors against A's on their shared bars; a negative statistic means
     * B's loss is lower. {@code note} says why there is no test (too few shared bars, identical
     * forecasts) or warns that the two runs' actual values differ on shared dates.
     */
    public record Test(String experiment, String model, int sharedBars, Double squaredStatistic, Double squaredP,
                       Double absoluteStatistic, Double absoluteP, String verdict, String note) {
    }

    public RunComparison {
        changes = List.copyOf(changes);
        scores = List.copyOf(scores);
        tests = List.copyOf(tests);
        regimes = List.copyOf(regimes);
    }

    public static RunComparison of(Path a, Path b) {
        Path dbA = database(a);
        Path dbB = database(b);
        try (Connection ca = ResultsDatabase.openReadOnly(dbA); Connection cb = ResultsDatabase.openReadOnly(dbB);
             Statement sa = ca.createStatement(); Statement sb = cb.createStatement()) {
            List<String> changes = changes(a, b, sa, sb);
            Map<String, Map<String, Double>> scoresA = scores(sa);
            Map<String, Map<String, Double>> scoresB = scores(sb);
            Set<String> keys = new LinkedHashSet<>(scoresA.keySet());
            keys.addAll(scoresB.keySet());
            List<ScorePair> pairs = new ArrayList<>();
            List<Test> tests = new ArrayList<>();
            for (String key : keys) {
                String[] em = key.split("\u0000", 2);
                pairs.add(new ScorePair(em[0], em[1], scoresA.get(key), scoresB.get(key)));
                if (scoresA.containsKey(key) && scoresB.containsKey(key)) {
                    tests.add(test(em[0], em[1], sa, sb));
                }
            }
            return new RunComparison(a, b, changes, pairs, tests, regimes(sa, sb));
        } catch (SQLException e) {
            throw new UserError(Location.of(a + " / " + b), "cannot read the results databases: "
                    + Text.clip(String.valueOf(e.getMessage()).lines().findFirst().orElse(""), 80));
        }
    }

    private static Path database(Path run) {
        Path db = run.resolve(ResultsDatabase.FILE);
        if (!Files.isRegularFile(db)) {
            throw new UserError(Location.of(run.toString()), Files.isDirectory(run)
                    ? "no " + ResultsDatabase.FILE + " here: not a Foresight run, or one from before the results database"
                    + " (re-run it into the same --out: finished tasks are reused, so this is quick)"
                    : "no such run directory");
        }
        return db;
    }

    private static List<String> changes(Path a, Path b, Statement sa, Statement sb) throws SQLException {
        List<String> out = new ArrayList<>();
        String commitA = one(sa, "SELECT code_commit || CASE WHEN code_dirty THEN ' (dirty)' ELSE '' END FROM run");
        String commitB = one(sb, "SELECT code_commit || CASE WHEN code_dirty THEN ' (dirty)' ELSE '' END FROM run");
        if (!Objects.equals(commitA, commitB)) {
            out.add("code commit: " + commitA + " -> " + commitB);
        }
        Map<String, String> dataA = pairs(sa, "SELECT experiment, data_sha256 FROM data ORDER BY experiment");
        Map<String, String> dataB = pairs(sb, "SELECT experiment, data_sha256 FROM data ORDER BY experiment");
        Set<String> experiments = new LinkedHashSet<>(dataA.keySet());
        experiments.addAll(dataB.keySet());
        for (String e : experiments) {
            String x = dataA.get(e);
            String y = dataB.get(e);
            if (!Objects.equals(x, y)) {
                out.add("data of " + e + ": " + (x == null ? "(no such experiment)" : "sha256 " + shortSha(x)) + " -> "
                        + (y == null ? "(no such experiment)" : "sha256 " + shortSha(y)));
            }
        }
        Map<String, String> configA = flatConfig(a);
        Map<String, String> configB = flatConfig(b);
        Set<String> paths = new LinkedHashSet<>(configA.keySet());
        paths.addAll(configB.keySet());
        int differences = 0;
        for (String p : paths) {
            String x = configA.get(p);
            String y = configB.get(p);
            if (!Objects.equals(x, y)) {
                if (differences++ < MAX_CHANGES) {
                    out.add("config " + p + ": " + (x == null ? "(absent)" : Text.clip(x, 60)) + " -> "
                            + (y == null ? "(absent)" : Text.clip(y, 60)));
                }
            }
        }
        if (differences > MAX_CHANGES) {
            out.add("... and " + (differences - MAX_CHANGES) + " more configuration differences");
        }
        return out;
    }

    private static String shortSha(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }

    /** The resolved configuration as path → value, e.g. {@code experiments[0].walk_forward.train → 150}. */
    static Map<String, String> flatConfig(Path run) {
        Path file = run.resolve(ResultDirectory.CONFIG);
        Map<String, String> out = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            flatten(new ObjectMapper().readTree(file.toFile()), "", out);
        } catch (IOException e) {
            out.put("(" + ResultDirectory.CONFIG + ")", "unreadable");
        }
        return out;
    }

    private static void flatten(JsonNode node, String path, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), path + "[" + i + "]", out);
            }
        } else {
            out.put(path, node.isNull() ? "null" : node.asText());
        }
    }

    private static Map<String, Map<String, Double>> scores(Statement s) throws SQLException {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        try (ResultSet r = s.executeQuery("SELECT experiment, model, " + String.join(", ", METRICS) + " FROM scores")) {
            while (r.next()) {
                Map<String, Double> m = new LinkedHashMap<>();
                for (int i = 0; i < METRICS.size(); i++) {
                    m.put(METRICS.get(i), (Double) r.getObject(3 + i));
                }
                out.put(r.getString(1) + "\u0000" + r.getString(2), m);
            }
        }
        return out;
    }

    private record Bar(double actual, double forecast) {
    }

    private static Map<String, Bar> bars(Statement s, String experiment, String model) throws SQLException {
        Map<String, Bar> out = new LinkedHashMap<>();
        try (ResultSet r = s.executeQuery("SELECT CAST(date AS VARCHAR), actual, forecast FROM bars WHERE experiment = "
                + quote(experiment) + " AND model = " + quote(model) + " ORDER BY bar")) {
            while (r.next()) {
                out.put(r.getString(1), new Bar(r.getDouble(2), r.getDouble(3)));
            }
        }
        return out;
    }

    private static Test test(String experiment, String model, Statement sa, Statement sb) throws SQLException {
        Map<String, Bar> a = bars(sa, experiment, model);
        Map<String, Bar> b = bars(sb, experiment, model);
        List<double[]> shared = new ArrayList<>();
        int actualsDiffer = 0;
        for (Map.Entry<String, Bar> e : a.entrySet()) {
            Bar y = b.get(e.getKey());
            if (y != null) {
                Bar x = e.getValue();
                shared.add(new double[]{x.forecast() - x.actual(), y.forecast() - y.actual()});
                if (x.actual() != y.actual()) {
                    actualsDiffer++;
                }
            }
        }
        String warn = actualsDiffer == 0 ? null : "the runs' actual values differ on " + actualsDiffer
                + " shared bars (different data or target)";
        int n = shared.size();
        Integer h = integer(sa, "SELECT max(horizon) FROM tasks WHERE experiment = " + quote(experiment));
        int horizon = h == null ? 1 : h;
        if (n < 3 || horizon >= n) {
            return new Test(experiment, model, n, null, null, null, null, "no test", join("too few shared bars", warn));
        }
        double[] errA = new double[n];
        double[] errB = new double[n];
        boolean identical = true;
        for (int i = 0; i < n; i++) {
            errA[i] = shared.get(i)[0];
            errB[i] = shared.get(i)[1];
            identical &= errA[i] == errB[i];
        }
        if (identical) {
            return new Test(experiment, model, n, null, null, null, null, "same", join("identical forecasts", warn));
        }
        DieboldMariano.Result sq = DieboldMariano.test(errB, errA, horizon, DieboldMariano.Loss.SQUARED);
        DieboldMariano.Result ab = DieboldMariano.test(errB, errA, horizon, DieboldMariano.Loss.ABSOLUTE);
        String verdict = !Double.isFinite(sq.pValue()) ? "no test"
                : sq.pValue() < LEVEL ? (sq.statistic() < 0 ? "B better" : "A better") : "not significant";
        return new Test(experiment, model, n, finite(sq.statistic()), finite(sq.pValue()), finite(ab.statistic()),
                finite(ab.pValue()), verdict, warn);
    }

    private static List<RegimePair> regimes(Statement sa, Statement sb) throws SQLException {
        String sql = "SELECT experiment, detector, regime, model, bars, rmse, sharpe FROM regime_scores";
        Map<String, Object[]> a = rows(sa, sql);
        Map<String, Object[]> b = rows(sb, sql);
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<RegimePair> out = new ArrayList<>();
        for (String k : keys) {
            Object[] x = a.get(k);
            Object[] y = b.get(k);
            Object[] id = x != null ? x : y;
            out.add(new RegimePair((String) id[0], (String) id[1], (String) id[2], (String) id[3],
                    x == null ? null : (Integer) x[4], y == null ? null : (Integer) y[4],
                    x == null ? null : (Double) x[5], y == null ? null : (Double) y[5],
                    x == null ? null : (Double) x[6], y == null ? null : (Double) y[6]));
        }
        return out;
    }

    private static Map<String, Object[]> rows(Statement s, String sql) throws SQLException {
        Map<String, Object[]> out = new LinkedHashMap<>();
        try (ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = r.getObject(i + 1);
                }
                out.put(row[0] + "\u0000" + row[1] + "\u0000" + row[2] + "\u0000" + row[3], row);
            }
        }
        return out;
    }

    private static String join(String a, String b) {
        return b == null ? a : a + "; " + b;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    private static Integer integer(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            return r.next() ? (Integer) r.getObject(1) : null;
        }
    }

    private static Map<String, String> pairs(Statement s, String sql) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.put(r.getString(1), r.getString(2));
            }
        }
        return out;
    }
}

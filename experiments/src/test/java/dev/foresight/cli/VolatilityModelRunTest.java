package dev.foresight.cli;

import static dev.foresight.cli.Cli.read;
import static dev.foresight.cli.Cli.run;
import static dev.foresight.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vol-target} sized by a named volatility model of the same experiment ({@code
 * volatility_model}): an AR(1)'s direction call sized by a GARCH(1,1)'s variance. Each AR position
 * is recomputed here from the AR's forecast move and the variance the GARCH's OWN task file holds
 * for the same bar — so the volatility model refit inside the AR's task forecasts exactly what it
 * does in its own task, on the same fold, seeing nothing later. The cache key covers the volatility
 * model; an unknown, warm-starting or variance-less volatility model is a located error or a failed
 * task, never a silent fallback to the AR's own variance.
 */
class VolatilityModelRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BARS = 420;

    private static String batch(String volatilityModel, String models) {
        return """
                name: sized
                data: {path: px.csv}
                experiments:
                  - name: ret
                    target: log-return
                    features: [{kind: returns, lags: 2}]
                    walk_forward: {train: 250, test: 50}
                    strategy: {kind: vol-target, target_vol: 0.10, max_leverage: 2, volatility_model: %s}
                    models: %s
                """.formatted(volatilityModel, models);
    }

    /** A GARCH(1,1)-like close series, so the GARCH's variance forecasts move. */
    private static void prices(Path csv) {
        Random rng = new Random(11);
        StringBuilder text = new StringBuilder("Date,Close\n");
        LocalDate d = LocalDate.of(2019, 1, 1);
        double c = 100;
        double h = 1e-4;
        double e = 0;
        for (int t = 0; t < BARS; t++) {
            while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                d = d.plusDays(1);
            }
            h = 2e-6 + 0.1 * e * e + 0.87 * h;
            e = Math.sqrt(h) * rng.nextGaussian();
            c *= Math.exp(0.0003 + e);
            text.append(d).append(String.format(Locale.ROOT, ",%.4f%n", c));
            d = d.plusDays(1);
        }
        write(csv, text.toString());
    }

    /** bar → the bar's record, over every fold of one model. */
    private static TreeMap<Integer, JsonNode> bars(Path out, String model) throws Exception {
        TreeMap<Integer, JsonNode> bars = new TreeMap<>();
        Path tasks = out.resolve("tasks").resolve("ret").resolve(model);
        for (String f : Cli.files(tasks)) {
            JsonNode task = JSON.readTree(read(tasks.resolve(f)));
            assertEquals("ok", task.get("status").asText(), task.toString());
            task.get("bars").forEach(b -> bars.put(b.get("bar").asInt(), b));
        }
        return bars;
    }

    private static String cacheKey(Path out, String model) throws Exception {
        return JSON.readTree(read(out.resolve("tasks").resolve("ret").resolve(model).resolve("fold-000.json")))
                .get("inputsSha256").asText();
    }

    @Test
    void arSizedByGarch_takesTheGarchTasksOwnVariance_barByBar(@TempDir Path dir) throws Exception {
        prices(dir.resolve("px.csv"));
        Path out = dir.resolve("out");
        Path b = write(dir.resolve("b.yaml"), batch("garch", "[{kind: ar, p: 1}, {kind: garch}]"));
        Cli.Result r = run("run", b, "--out", out, "--quiet", "--workers", 1);
        assertEquals(0, r.code(), r.toString());

        TreeMap<Integer, JsonNode> ar = bars(out, "ar");
        TreeMap<Integer, JsonNode> garch = bars(out, "garch");
        assertEquals(ar.keySet(), garch.keySet());
        assertTrue(ar.size() > 150, "three folds and a part: " + ar.size());
        int capped = 0;
        int sized = 0;
        for (var e : ar.entrySet()) {
            JsonNode a = e.getValue();
            double v = garch.get(e.getKey()).get("variance").asDouble(); // horizon 1: the bar variance
            double arOwn = a.get("variance").asDouble();
            assertNotEquals(v, arOwn, "the AR's own residual variance would be a silent fallback");
            double size = Math.min(2, 0.10 / Math.sqrt(v * 252));
            double expected = Math.signum(a.get("forecastMove").asDouble()) * size;
            assertEquals(expected, a.get("position").asDouble(), 0, "bar " + e.getKey());
            // the GARCH sized by its own forecast: the same rule on its own move
            JsonNode g = garch.get(e.getKey());
            assertEquals(Math.signum(g.get("forecastMove").asDouble()) * size, g.get("position").asDouble(), 0);
            if (size == 2) {
                capped++;
            } else {
                sized++;
            }
        }
        assertTrue(sized > 50, "the variance must size most bars, not the cap: " + sized + " sized, " + capped + " capped");

        // a change to the volatility model is a change to the sized model's task
        String before = cacheKey(out, "ar");
        Path b2 = write(dir.resolve("b2.yaml"), batch("garch", "[{kind: ar, p: 1}, {kind: garch, dist: t}]"));
        Path out2 = dir.resolve("out2");
        assertEquals(0, run("plan", b2).code());
        Cli.Result r2 = run("run", b2, "--out", out2, "--quiet", "--workers", 1);
        assertEquals(0, r2.code(), r2.toString());
        assertNotEquals(before, cacheKey(out2, "ar"));
        TreeMap<Integer, JsonNode> ar2 = bars(out2, "ar");
        assertTrue(ar.keySet().stream().anyMatch(t -> ar.get(t).get("position").asDouble()
                != ar2.get(t).get("position").asDouble()), "a Student-t GARCH sizes differently");
        // the same batch run again reuses every task: the keys are stable
        Cli.Result again = run("run", b, "--out", out, "--quiet", "--workers", 1);
        assertEquals(0, again.code(), again.toString());
        assertEquals(before, cacheKey(out, "ar"));
    }

    @Test
    void aVolatilityModelWithoutVariance_failsTheSizedTasks_namingIt(@TempDir Path dir) throws Exception {
        prices(dir.resolve("px.csv"));
        Path out = dir.resolve("out");
        Path b = write(dir.resolve("b.yaml"), batch("historical-mean", "[{kind: ar, p: 1}, {kind: historical-mean}]"));
        Cli.Result r = run("run", b, "--out", out, "--quiet", "--workers", 1);
        boolean sawAr = false;
        for (String f : Cli.files(out.resolve("tasks").resolve("ret"))) {
            JsonNode task = JSON.readTree(read(out.resolve("tasks").resolve("ret").resolve(f)));
            assertEquals("failed", task.get("status").asText(), f);
            if (f.startsWith("ar/")) {
                sawAr = true;
                String error = task.get("error").asText();
                assertTrue(error.contains("volatility model 'historical-mean'") && error.contains("no variance forecast"),
                        error);
            }
        }
        assertTrue(sawAr);
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void anUnknownOrWarmStartingVolatilityModel_isALocatedValidationError(@TempDir Path dir) {
        prices(dir.resolve("px.csv"));
        Cli.Result unknown = run("validate", write(dir.resolve("u.yaml"), batch("gjr", "[{kind: ar, p: 1}, {kind: garch}]")));
        assertEquals(2, unknown.code(), unknown.toString());
        assertTrue(unknown.err().contains("u.yaml:8:")
                && unknown.err().contains("volatility_model 'gjr' is not a model of experiment 'ret'")
                && unknown.err().contains("ar, garch"), unknown.err());

        Cli.Result warm = run("validate", write(dir.resolve("w.yaml"), batch("lstm",
                "[{kind: ar, p: 1}, {kind: lstm, window: 5, max_epochs: 1, warm_start: true}]")));
        assertEquals(2, warm.code(), warm.toString());
        assertTrue(warm.err().contains("volatility_model 'lstm' warm-starts"), warm.err());
        assertFalse(warm.err().contains("Exception"), warm.err());
    }
}

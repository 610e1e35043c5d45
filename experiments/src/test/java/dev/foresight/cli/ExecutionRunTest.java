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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code execution} end to end: the same batch run at the close and at the next open (a grid over
 * the key) on a CSV with opens. The forecasts and positions agree, only the next-open results record
 * the execution and each bar's legs, the close results are what they were, and the reported annual
 * return at the next open is recomputed here from the CSV's prices by a capital walk.
 */
class ExecutionRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BARS = 320;

    private static final String BATCH = """
            name: exec
            data: {path: px.csv}
            experiments:
              - name: ret
                target: log-return
                features: [{kind: returns, lags: 2}]
                walk_forward: {train: 150, test: 50}
                costs: {bps: 10}
                strategy: {kind: long-above, threshold: 0.0003}
                grid: {execution: [close, next-open]}
                models: [{kind: ar, p: 1}]
            """;

    /** Opens gapping around the previous close, closes moving from the open; rounded as a CSV file would be. */
    private static double[][] prices(Path csv, boolean withOpen) {
        Random rng = new Random(3);
        double[] open = new double[BARS];
        double[] close = new double[BARS];
        StringBuilder text = new StringBuilder(withOpen ? "Date,Open,Close\n" : "Date,Close\n");
        LocalDate d = LocalDate.of(2020, 1, 1);
        double c = 100;
        for (int t = 0; t < BARS; t++) {
            while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                d = d.plusDays(1);
            }
            open[t] = round(c * (1 + 0.004 * rng.nextGaussian()));
            close[t] = round(open[t] * (1 + 0.01 * rng.nextGaussian()));
            c = close[t];
            text.append(d).append(',');
            if (withOpen) {
                text.append(String.format(Locale.ROOT, "%.4f,", open[t]));
            }
            text.append(String.format(Locale.ROOT, "%.4f%n", close[t]));
            d = d.plusDays(1);
        }
        write(csv, text.toString());
        return new double[][] {open, close};
    }

    private static double round(double x) {
        return Math.round(x * 1e4) / 1e4;
    }

    /** bar index → position, over every fold of one experiment's model. */
    private static TreeMap<Integer, Double> positions(Path out, String experiment, List<JsonNode> files) throws Exception {
        TreeMap<Integer, Double> p = new TreeMap<>();
        for (String f : Cli.files(out.resolve("tasks").resolve(experiment))) {
            JsonNode task = JSON.readTree(read(out.resolve("tasks").resolve(experiment).resolve(f)));
            files.add(task);
            for (JsonNode bar : task.get("bars")) {
                p.put(bar.get("bar").asInt(), bar.get("position").asDouble());
            }
        }
        return p;
    }

    @Test
    void nextOpen_recordsItsLegs_andEarnsWhatACapitalWalkOverTheOpensGives(@TempDir Path dir) throws Exception {
        double[][] px = prices(dir.resolve("px.csv"), true);
        Path out = dir.resolve("out");
        Cli.Result r = run("run", write(dir.resolve("b.yaml"), BATCH), "--out", out, "--quiet", "--workers", 1);
        assertEquals(0, r.code(), r.toString());

        List<JsonNode> closeFiles = new ArrayList<>();
        List<JsonNode> openFiles = new ArrayList<>();
        TreeMap<Integer, Double> atClose = positions(out, "ret.execution-close", closeFiles);
        TreeMap<Integer, Double> atOpen = positions(out, "ret.execution-next-open", openFiles);
        assertEquals(atClose, atOpen, "the execution does not change what the model forecasts or the rule decides");
        assertTrue(atOpen.values().stream().distinct().count() > 1, "the test needs position changes: " + atOpen);
        for (JsonNode f : closeFiles) {
            assertFalse(f.has("execution"), "the default is left out, so close results keep their bytes");
            f.get("bars").forEach(b -> assertFalse(b.has("legs")));
        }
        for (JsonNode f : openFiles) {
            assertEquals("next-open", f.get("execution").asText());
            for (JsonNode b : f.get("bars")) {
                int t = b.get("bar").asInt();
                assertEquals(px[0][t + 1] / px[1][t] - 1, b.get("legs").get("before").asDouble(), 1e-15);
                assertEquals(px[1][t + 1] / px[0][t + 1] - 1, b.get("legs").get("after").asDouble(), 1e-15);
            }
        }
        JsonNode resolved = JSON.readTree(read(out.resolve("config.resolved.json")));
        assertEquals("next-open", resolved.get("experiments").get(1).get("execution").asText());
        assertFalse(resolved.get("experiments").get(0).has("execution"));

        // Capital walk at 10 bps, contiguous test blocks, starting flat: hold q overnight to the
        // open, pay the traded notional there, hold p to the close.
        double capital = 1;
        double q = 0;
        for (var e : atOpen.entrySet()) {
            int t = e.getKey();
            double p = e.getValue();
            double atTheOpen = capital + capital * q * (px[0][t + 1] / px[1][t] - 1);
            double afterCosts = atTheOpen - Math.abs(p - q) * atTheOpen * 0.001;
            capital = afterCosts + atTheOpen * p * (px[1][t + 1] / px[0][t + 1] - 1);
            q = p;
        }
        double cagr = Math.pow(capital, 252.0 / atOpen.size()) - 1;
        JsonNode rows = JSON.readTree(read(out.resolve("summary.json"))).get("rows");
        assertEquals("ret.execution-next-open", rows.get(1).get("experiment").asText());
        assertEquals(cagr, rows.get(1).get("annualReturn").asDouble(), 1e-12);
        assertNotEquals(rows.get(0).get("annualReturn").asDouble(), rows.get(1).get("annualReturn").asDouble());
    }

    @Test
    void nextOpen_onDataWithoutOpens_isAUserErrorNamingTheExperiment(@TempDir Path dir) {
        prices(dir.resolve("px.csv"), false);
        Cli.Result r = run("validate", write(dir.resolve("b.yaml"), BATCH));
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("experiment 'ret.execution-next-open': execution next-open")
                && r.err().contains("no open column"), r.err());
        assertFalse(r.err().contains("ret.execution-close'"), "close needs no open: " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}

package dev.foresight.cli;

import static dev.foresight.cli.Cli.read;
import static dev.foresight.cli.Cli.run;
import static dev.foresight.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A two-asset portfolio end to end: the batch runs one member experiment per asset, and the
 * portfolio the summary reports is rebuilt here by hand from the members' task files — exposures
 * p/2 (equal) or p·(1/σ)/Σ(1/σ) (inverse volatility, σ from the stored variance forecasts), each
 * asset charged 10 bps on its own turnover, the portfolio's return the sum of the contributions.
 */
class PortfolioRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String BATCH = """
            name: book
            seed: 3
            data:
              symbol: A
              synthetic: {kind: panel, asset: 1, bars: 600, seed: 5}
              inputs:
                - {symbol: B, synthetic: {kind: panel, asset: 2, bars: 600, seed: 5}}
            experiments:
              - name: two
                target: log-return
                features: [{kind: returns, lags: 2}]
                walk_forward: {train: 300, test: 100}
                costs: {bps: 10}
                portfolio: {assets: [A, B], weighting: [equal, inverse-volatility]}
                models: [{kind: ar, p: 1, scaling: none}, {kind: random-walk}]
            """;

    /** bar → {position, asset return, variance} of one member's model, over its folds. */
    private static TreeMap<Integer, double[]> bars(Path out, String experiment, String model) throws Exception {
        TreeMap<Integer, double[]> bars = new TreeMap<>();
        Path dir = out.resolve("tasks").resolve(experiment).resolve(model);
        for (String f : Cli.files(dir)) {
            for (JsonNode b : JSON.readTree(read(dir.resolve(f))).get("bars")) {
                bars.put(b.get("bar").asInt(), new double[] {b.get("position").asDouble(), b.get("assetReturn").asDouble(),
                        b.get("variance").isNull() ? Double.NaN : b.get("variance").asDouble()});
            }
        }
        return bars;
    }

    private static JsonNode row(JsonNode rows, String weighting, String model) {
        for (JsonNode r : rows) {
            if (r.get("weighting").asText().equals(weighting) && r.get("model").asText().equals(model)) {
                return r;
            }
        }
        throw new AssertionError("no portfolio row " + weighting + "/" + model + " in " + rows);
    }

    @Test
    void portfolio_isTheSumOfItsAssetsContributions_rebuiltByHandFromTheMembers(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Cli.Result r = run("run", write(dir.resolve("b.yaml"), BATCH), "--out", out, "--workers", 1);
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("portfolio two — equal over A, B"), r.out());
        assertTrue(Cli.files(out).contains("tasks/two.A/ar/fold-000.json") && Cli.files(out).contains("tasks/two.B/ar/fold-000.json"),
                "one member experiment per asset");
        TreeMap<Integer, double[]> a = bars(out, "two.A", "ar");
        TreeMap<Integer, double[]> b = bars(out, "two.B", "ar");
        assertEquals(a.keySet(), b.keySet());
        JsonNode rows = JSON.readTree(read(out.resolve("portfolio.json")));

        for (String weighting : List.of("equal", "inverse-volatility")) {
            double rate = 0.001;
            double level = 1;
            double sumA = 0;
            double sumB = 0;
            double previousA = 0;
            double previousB = 0;
            for (int t : a.keySet()) {
                double[] x = a.get(t);
                double[] y = b.get(t);
                double wa = 0.5;
                double wb = 0.5;
                if (weighting.equals("inverse-volatility")) {
                    double ia = 1 / Math.sqrt(x[2]);
                    double ib = 1 / Math.sqrt(y[2]);
                    wa = ia / (ia + ib);
                    wb = ib / (ia + ib);
                }
                double ea = x[0] * wa;
                double eb = y[0] * wb;
                double ca = ea * x[1] - Math.abs(ea - previousA) * rate;
                double cb = eb * y[1] - Math.abs(eb - previousB) * rate;
                sumA += ca;
                sumB += cb;
                level *= 1 + ca + cb;
                previousA = ea;
                previousB = eb;
            }
            int n = a.size();
            JsonNode ar = row(rows, weighting, "ar");
            assertEquals(n, ar.get("bars").asInt());
            assertEquals(Math.pow(level, 252.0 / n) - 1, ar.get("annualReturn").asDouble(), 1e-12, weighting);
            assertEquals(sumA / n * 252, ar.get("contributions").get("A").asDouble(), 1e-12, weighting);
            assertEquals(sumB / n * 252, ar.get("contributions").get("B").asDouble(), 1e-12, weighting);
            assertNotNull(ar.get("psr").numberValue(), "PSR on the portfolio's returns");
            assertFalse(ar.get("dmSquaredP").isNull(), "DM against the baseline's portfolio");
            assertFalse(ar.get("pesaranTimmermannP").isNull(), "PT on the pooled calls");
        }
        // The random walk forecasts no variance: no inverse-volatility portfolio, and the row says why.
        assertTrue(row(rows, "inverse-volatility", "random-walk").get("error").asText().contains("no variance forecast"));
        assertTrue(read(out.resolve("summary_portfolio.csv")).lines().count() == 5);
    }

    /** Daily CSV with opens gapping from the previous close; rounded as a file would be. */
    private static void csv(Path file, long seed, int bars) {
        Random rng = new Random(seed);
        StringBuilder text = new StringBuilder("Date,Open,Close\n");
        LocalDate d = LocalDate.of(2020, 1, 1);
        double c = 100;
        for (int t = 0; t < bars; t++) {
            while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                d = d.plusDays(1);
            }
            double open = Math.round(c * (1 + 0.004 * rng.nextGaussian()) * 1e4) / 1e4;
            c = Math.round(open * (1 + 0.01 * rng.nextGaussian()) * 1e4) / 1e4;
            text.append(d).append(String.format(Locale.ROOT, ",%.4f,%.4f%n", open, c));
            d = d.plusDays(1);
        }
        write(file, text.toString());
    }

    /**
     * A book traded at the next open, over a plan with gaps between its test blocks (step 70 > test
     * 50), rebuilt by hand from the members' task files: per common bar, with the exposures q held
     * since the previous close (flat again after each gap) and each asset's stored legs (b, a),
     * G = 1 + Σ q·b and contribution = q·b + G·(e·a − |e − q|·rate).
     */
    @Test
    void nextOpenPortfolio_overGaps_isRebuiltByHandFromTheMembersLegs(@TempDir Path dir) throws Exception {
        csv(dir.resolve("a.csv"), 21, 420);
        csv(dir.resolve("b.csv"), 22, 420);
        String batch = """
                name: book
                seed: 3
                data:
                  symbol: A
                  path: a.csv
                  inputs: [{symbol: B, path: b.csv}]
                experiments:
                  - name: two
                    target: log-return
                    features: [{kind: returns, lags: 2}]
                    walk_forward: {train: 150, test: 50, step: 70}
                    costs: {bps: 10}
                    execution: next-open
                    portfolio: {assets: [A, B], weighting: equal}
                    models: [{kind: ar, p: 1, scaling: none}]
                """;
        Path out = dir.resolve("out");
        Cli.Result r = run("run", write(dir.resolve("b.yaml"), batch), "--out", out, "--workers", 1);
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("traded at the next open"), r.out());
        TreeMap<Integer, JsonNode> a = legged(out, "two.A");
        TreeMap<Integer, JsonNode> b = legged(out, "two.B");
        assertEquals(a.keySet(), b.keySet());
        double rate = 0.001;
        double level = 1;
        double sumA = 0;
        double sumB = 0;
        double qa = 0;
        double qb = 0;
        int previousBar = -10;
        int gaps = 0;
        for (int t : a.keySet()) {
            if (t != previousBar + 1) {
                qa = 0; // flat over the gap (and before the first bar)
                qb = 0;
                gaps++;
            }
            JsonNode x = a.get(t);
            JsonNode y = b.get(t);
            double ea = x.get("position").asDouble() / 2;
            double eb = y.get("position").asDouble() / 2;
            double ba = x.get("legs").get("before").asDouble();
            double bb = y.get("legs").get("before").asDouble();
            double g = 1 + qa * ba + qb * bb;
            double ca = qa * ba + g * (ea * x.get("legs").get("after").asDouble() - Math.abs(ea - qa) * rate);
            double cb = qb * bb + g * (eb * y.get("legs").get("after").asDouble() - Math.abs(eb - qb) * rate);
            sumA += ca;
            sumB += cb;
            level *= 1 + ca + cb;
            qa = ea;
            qb = eb;
            previousBar = t;
        }
        assertTrue(gaps >= 3, "the plan leaves gaps: " + gaps + " runs");
        int n = a.size();
        JsonNode row = row(JSON.readTree(read(out.resolve("portfolio.json"))), "equal", "ar");
        assertEquals("next-open", row.get("execution").asText());
        assertEquals(n, row.get("bars").asInt());
        assertEquals(Math.pow(level, 252.0 / n) - 1, row.get("annualReturn").asDouble(), 1e-12);
        assertEquals(sumA / n * 252, row.get("contributions").get("A").asDouble(), 1e-12);
        assertEquals(sumB / n * 252, row.get("contributions").get("B").asDouble(), 1e-12);
    }

    /** bar → the bar's record of one member's ar model, over its folds; each must carry its legs. */
    private static TreeMap<Integer, JsonNode> legged(Path out, String experiment) throws Exception {
        TreeMap<Integer, JsonNode> bars = new TreeMap<>();
        Path dir = out.resolve("tasks").resolve(experiment).resolve("ar");
        for (String f : Cli.files(dir)) {
            for (JsonNode bar : JSON.readTree(read(dir.resolve(f))).get("bars")) {
                assertTrue(bar.has("legs"), bar.toString());
                bars.put(bar.get("bar").asInt(), bar);
            }
        }
        return bars;
    }

    @Test
    void portfolio_withAnAssetOutsideTheData_isALocatedUserError(@TempDir Path dir) {
        Cli.Result r = run("validate", write(dir.resolve("b.yaml"), BATCH.replace("assets: [A, B]", "assets: [A, C]")));
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("portfolio asset 'C' is not a series of the data section; its series are: A, B"),
                r.err());
        assertTrue(r.err().contains("b.yaml:14:29 (experiments[0].portfolio.assets[1])"), r.err());
    }
}

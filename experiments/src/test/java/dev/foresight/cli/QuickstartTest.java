package dev.foresight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in example {@code experiments/quickstart.yaml} runs, and produces the figures it
 * produced when they were recorded.
 *
 * <p>The expected numbers below were recorded from a run of the quickstart (re-recorded when the
 * Tribuo models, feature sets and regime detectors joined it; OpenJDK 17) and hard-coded. The data is a seeded simulation, the folds are fixed and
 * the baselines are deterministic, so these figures change only if data generation, walk-forward
 * planning, a baseline model or a metric changes. If this test fails, find out which one did:
 * an intended change means re-recording the figures (and saying so in the commit); an
 * unintended one is a regression.
 */
class QuickstartTest {

    /** Surefire runs with the module directory as the working directory. */
    private static final Path QUICKSTART = Path.of("quickstart.yaml");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void quickstart_runsAndReproducesItsRecordedFigures(@TempDir Path tmp) throws Exception {
        assertTrue(Files.isRegularFile(QUICKSTART), "quickstart.yaml not found from " + Path.of("").toAbsolutePath());
        Path out = tmp.resolve("quickstart");

        Cli.Result r = Cli.run("run", QUICKSTART, "--out", out, "-q");

        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(r.out().contains("100 tasks, 0 failed"), r.toString());
        // every result file byte for byte as recorded (golden/quickstart.sha256; see GoldenOutputs)
        GoldenOutputs.assertMatches("quickstart", out);

        JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
        for (String experiment : new String[] {"daily-return", "direction", "volatility"}) {
            JsonNode data = manifest.path("data").path(experiment);
            assertEquals(2520, data.path("bars").asInt(), experiment);
            assertEquals("2000-01-03", data.path("first_date").asText(), experiment);
        }

        // recorded figures
        assertRow(out, "daily-return", "random-walk", 6, 1511, 1.826e-4);
        assertRow(out, "daily-return", "historical-mean", 6, 1511, 1.826e-4);
        // ar5 fits on the rows left after the longest feature warm-up (realized-vol 21 bars)
        assertRow(out, "daily-return", "ar5", 6, 1511, 1.835e-4);
        assertRow(out, "daily-return", "linear", 6, 1511, 1.831e-4);
        assertRow(out, "daily-return", "xgboost", 6, 1511, 1.903e-4);
        assertRow(out, "direction", "logistic", 6, 1511, 0.2526);
        assertRow(out, "direction", "random-walk", 6, 1511, 0.2500);
        assertRow(out, "direction", "ar", 6, 1511, 0.2506);
        assertRow(out, "volatility", "random-walk", 6, 1498, 4.625e-5);
        assertRow(out, "volatility", "ar", 6, 1498, 3.702e-5);
        assertRow(out, "volatility", "garch", 6, 1498, 3.702e-5);
        JsonNode hm = row(out, "daily-return", "historical-mean");
        assertEquals(0.5010, hm.path("directionAccuracy").asDouble(), 0.00005, hm.toString());
        assertEquals(1511, hm.path("directionCalls").asInt(), hm.toString());
    }

    private static JsonNode row(Path out, String experiment, String model) throws Exception {
        for (JsonNode row : JSON.readTree(out.resolve("summary.json").toFile()).path("rows")) {
            if (row.path("experiment").asText().equals(experiment) && row.path("model").asText().equals(model)) {
                return row;
            }
        }
        throw new AssertionError("no summary row " + experiment + "/" + model);
    }

    /** Folds, bars, and the MSE to 4 significant digits. */
    private static void assertRow(Path out, String experiment, String model, int folds, int bars, double mse)
            throws Exception {
        JsonNode row = row(out, experiment, model);
        String what = experiment + "/" + model + ": " + row;
        assertEquals(folds, row.path("folds").asInt(), what);
        assertEquals(0, row.path("failedFolds").asInt(), what);
        assertEquals(bars, row.path("bars").asInt(), what);
        double halfUnitInTheFourthDigit = 0.5 * Math.pow(10, Math.floor(Math.log10(mse)) - 3);
        assertEquals(mse, row.path("mse").asDouble(), halfUnitInTheFourthDigit, what);
    }
}

package dev.foresight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code foresight garch} end to end through {@link Main#execute}. */
class GarchCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** 1,500 daily closes from a GARCH(1,1) (ω 2e-6, α 0.08, β 0.9), with a returns column beside them. */
    private Path garchCsv() throws Exception {
        Random rng = new Random(17);
        StringBuilder csv = new StringBuilder("Date,Close,Ret\n");
        double price = 100;
        double s2 = 2e-6 / 0.02;
        LocalDate day = LocalDate.of(2010, 1, 4);
        double previous = 0;
        for (int t = 0; t < 1500; t++) {
            csv.append(day).append(',').append(price).append(',').append(previous).append('\n');
            double e = Math.sqrt(s2) * rng.nextGaussian();
            s2 = 2e-6 + 0.08 * e * e + 0.9 * s2;
            price *= Math.exp(3e-4 + e);
            previous = 3e-4 + e;
            day = day.plusDays(1);
        }
        Path file = dir.resolve("prices.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void garchCommand_printsTheEstimatesTableForAPriceFile() throws Exception {
        Run r = run("garch", "--csv", garchCsv().toString());
        assertEquals(0, r.exit(), r.err());
        for (String expected : new String[] {"param", "estimate", "std.error", "robust s.e.", "mu", "omega", "alpha",
                "beta", "log-likelihood", "AIC", "BIC", "persistence", "half-life", "initial variance: sample-variance",
                "1499 log returns", "converged       yes"}) {
            assertTrue(r.out().contains(expected), "missing '" + expected + "' in\n" + r.out());
        }
    }

    @Test
    void garchCommand_jsonHasTheSameFitAndAsIsReadsReturnsDirectly() throws Exception {
        Path file = garchCsv();
        Run json = run("garch", "--csv", file.toString(), "--model", "gjr", "--dist", "t", "--json");
        assertEquals(0, json.exit(), json.err());
        JsonNode node = new ObjectMapper().readTree(json.out());
        assertEquals("gjr", node.get("model").asText());
        assertEquals(6, node.get("parameters").size());
        assertEquals("nu", node.get("parameters").get(5).get("name").asText());
        assertTrue(node.get("log_likelihood").isNumber());
        assertTrue(node.get("convergence").get("converged").asBoolean());

        // the Ret column holds log(p(t)/p(t-1)) for the previous bar (0 on the first row): the same returns
        // after the first row, so as-is on rows 2.. gives the fit of the log returns
        Run prices = run("garch", "--csv", file.toString(), "--json");
        Run asIs = run("garch", "--csv", file.toString(), "--returns", "as-is", "--column", "Ret", "--json");
        assertEquals(0, asIs.exit(), asIs.err());
        double a = new ObjectMapper().readTree(prices.out()).get("observations").asDouble();
        double b = new ObjectMapper().readTree(asIs.out()).get("observations").asDouble();
        assertEquals(a + 1, b, 0.0, "as-is reads one value per row");
    }

    @Test
    void garchCommand_aMalformedCsvIsALocatedUserError() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "Date,Close\n2020-01-02,100\n2020-01-03,abc\n2020-01-06,101\n");
        Run r = run("garch", "--csv", bad.toString());
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().startsWith("error: " + bad + ":3:2 (Close)"), r.err());
        assertTrue(!r.err().contains("Exception"), r.err());
    }

    @Test
    void garchCommand_unknownColumnAndBadOptionsAreUserErrors() throws Exception {
        Path file = garchCsv();
        Run missing = run("garch", "--csv", file.toString(), "--returns", "as-is", "--column", "Nope");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains(file + ":1") && missing.err().contains("no column named 'Nope'"), missing.err());
        Run badModel = run("garch", "--csv", file.toString(), "--model", "arch");
        assertEquals(2, badModel.exit());
        assertTrue(badModel.err().contains("'arch' is not one of garch, gjr, egarch"), badModel.err());
        Run badReturn = run("garch", "--csv", dir.resolve("none.csv").toString());
        assertEquals(2, badReturn.exit());
        assertTrue(badReturn.err().contains("file not found"), badReturn.err());
    }
}

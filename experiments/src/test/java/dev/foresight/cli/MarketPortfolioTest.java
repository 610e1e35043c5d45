package dev.foresight.cli;

import static dev.foresight.cli.Cli.read;
import static dev.foresight.cli.Cli.run;
import static dev.foresight.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code experiments/portfolio.yaml} on real market data by replacing only its data section with the
 * one its header comment documents (SPY, TLT, gold futures, VIX Yahoo CSVs): the batch validates,
 * runs with no failed task, and forms every portfolio. Slow (about 100 tasks on 3,600 days), so
 * tagged for the CI's slow group; the CSVs are not part of the project, so it is skipped, saying
 * so, when they are absent ({@code FORESIGHT_MARKET_DATA}, default {@code /work/shared/data/market}).
 */
@Tag("slow")
class MarketPortfolioTest {

    private static final String DOCUMENTED_DIR = "/work/shared/data/market";

    /** The data section documented in the batch's header comment, pointed at {@code dir}. */
    static String documentedDataSection(String batch, Path dir) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : batch.lines().toList()) {
            if (line.equals("#   data:")) {
                in = true;
            }
            if (in) {
                if (!line.startsWith("#   ")) {
                    break;
                }
                out.add(line.substring(4).replace(DOCUMENTED_DIR, dir.toAbsolutePath().toString()));
            }
        }
        assertTrue(out.size() > 3, "portfolio.yaml documents a market data section in its header");
        return String.join("\n", out) + "\n";
    }

    /** {@code batch} with its top-level data section replaced by {@code data}, nothing else touched. */
    static String withDataSection(String batch, String data) {
        int start = batch.indexOf("\ndata:\n") + 1;
        int end = batch.indexOf("\ndefaults:\n") + 1;
        assertTrue(start > 0 && end > start, "data precedes defaults in portfolio.yaml");
        return batch.substring(0, start) + data + "\n" + batch.substring(end);
    }

    @Test
    void portfolioBatch_onMarketCsvs_byChangingOnlyItsDataSection(@TempDir Path tmp) throws Exception {
        Path dir = Path.of(System.getenv().getOrDefault("FORESIGHT_MARKET_DATA", DOCUMENTED_DIR));
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("spy_daily.csv")) && Files.isRegularFile(dir.resolve("tlt_daily.csv"))
                        && Files.isRegularFile(dir.resolve("gold_futures_daily.csv"))
                        && Files.isRegularFile(dir.resolve("vix_daily_2005_2025.csv")),
                "market CSVs not found under " + dir + " (set FORESIGHT_MARKET_DATA): test skipped");
        String batch = read(Path.of("portfolio.yaml"));
        String market = withDataSection(batch, documentedDataSection(batch, dir));
        assertEquals(batch.substring(batch.indexOf("\ndefaults:\n")), market.substring(market.indexOf("\ndefaults:\n")),
                "only the data section differs");
        Path file = write(tmp.resolve("portfolio-market.yaml"), market);
        Cli.Result v = run("validate", file);
        assertEquals(0, v.code(), v.toString());
        Path out = tmp.resolve("out");
        Cli.Result r = run("run", file, "--out", out, "--quiet");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains(", 0 failed"), r.out());
        JsonNode rows = new ObjectMapper().readTree(read(out.resolve("portfolio.json")));
        assertEquals(9, rows.size(), "3 weightings × 3 models");
        for (JsonNode row : rows) {
            boolean needsVariance = !row.get("weighting").asText().equals("equal");
            if (row.get("model").asText().equals("linear") && needsVariance) {
                assertTrue(row.get("error").asText().contains("no variance forecast"), row.toString());
                continue;
            }
            assertTrue(row.get("error").isNull(), row.toString());
            assertTrue(row.get("bars").asInt() > 2000, row.toString());
            assertEquals(List.of("STOCKS", "BONDS", "GOLD"), new ObjectMapper().convertValue(row.get("assets"), List.class));
        }
    }
}

package dev.foresight.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.Column;
import dev.foresight.error.UserError;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the loader over the real vendor files described in {@code shared/data/market/SOURCES.md}.
 * Those files are not in the repository (licensing), so this skips where the directory is
 * absent, as on CI. Each file must either load or fail with a {@link UserError} located in that
 * file — never another exception; the files SOURCES.md calls clean must load.
 */
class RealMarketFilesTest {

    private static final Path DIR = Path.of("/work/shared/data/market");

    @TestFactory
    Stream<DynamicTest> everyRealFileLoadsOrFailsWithALocatedError() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(DIR), "no real market data on this machine");
        List<Path> files;
        try (Stream<Path> list = Files.list(DIR)) {
            files = list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        return files.stream().flatMap(file -> Stream.of(MissingPolicy.values()).map(policy ->
                DynamicTest.dynamicTest(file.getFileName() + " missing: " + policy.yamlName(), () -> {
                    CsvLayout layout = layoutFor(file).withMissing(policy);
                    try {
                        LoadedSeries loaded = CsvLoader.load(file, "REAL", layout);
                        assertTrue(loaded.series().size() > 0);
                    } catch (UserError e) {
                        assertEquals(file.toString(), e.location().source(), e.getMessage());
                    }
                })));
    }

    @Test
    void cleanFiles_load() {
        Assumptions.assumeTrue(Files.isDirectory(DIR), "no real market data on this machine");
        for (String name : List.of("spx_daily.csv", "spx_daily_2005_2025.csv", "spy_daily.csv", "aapl_daily.csv",
                "aapl_daily_2004_2018.csv", "tlt_daily.csv", "btc_usd_daily.csv", "vix_daily_2005_2025.csv")) {
            LoadedSeries loaded = CsvLoader.load(DIR.resolve(name), "REAL", CsvLayout.auto());
            assertEquals(loaded.notes().rowsRead(), loaded.series().size(), name);
            assertTrue(loaded.series().has(Column.ADJ_CLOSE), name);
        }
    }

    @Test
    void newestFirstBondFile_isReversed() {
        Assumptions.assumeTrue(Files.isDirectory(DIR), "no real market data on this machine");
        LoadedSeries agg = CsvLoader.load(DIR.resolve("agg_daily_desc.csv"), "AGG", CsvLayout.auto());
        assertTrue(agg.notes().sortedFromNewestFirst());
        assertEquals(2505, agg.series().size());
        assertEquals(LocalDate.of(2006, 11, 1), agg.series().date(0));
    }

    @Test
    void fredFiles_loadWithDotsDropped() {
        Assumptions.assumeTrue(Files.isDirectory(DIR), "no real market data on this machine");
        LoadedSeries eur = CsvLoader.load(DIR.resolve("eurusd_fred_daily.csv"), "EUR",
                CsvLayout.of(null, Map.of(Column.CLOSE, "DEXUSEU"), null, MissingPolicy.DROP));
        assertEquals(209, eur.notes().droppedMissing());
        assertEquals(5530 - 209, eur.series().size());
        LoadedSeries gold = CsvLoader.load(DIR.resolve("gold_lbma_fred_daily.csv"), "GOLD",
                CsvLayout.of(null, Map.of(Column.CLOSE, "GOLDAMGBD228NLBM"), null, MissingPolicy.DROP));
        assertEquals(426, gold.notes().droppedMissing());
    }

    @Test
    void webTable_failsAtItsZeroOpensUnderDrop() {
        Assumptions.assumeTrue(Files.isDirectory(DIR), "no real market data on this machine");
        Path file = DIR.resolve("spx_daily_yahoo_webtable_desc.csv");
        UserError e = org.junit.jupiter.api.Assertions.assertThrows(UserError.class,
                () -> CsvLoader.load(file, "SPX", CsvLayout.auto().withMissing(MissingPolicy.DROP)));
        assertEquals("Open", e.location().field(), e.getMessage());
        assertTrue(e.getMessage().contains("'0.00' is not positive"), e.getMessage());
    }

    /** Auto for OHLC files; a FRED-style two-column file maps its value column to close. */
    private static CsvLayout layoutFor(Path file) throws IOException {
        String header;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            header = in.readLine();
        }
        String[] names = header == null ? new String[0] : header.split(",");
        return names.length == 2 ? CsvLayout.of(names[0], Map.of(Column.CLOSE, names[1]), null, MissingPolicy.ERROR)
                : CsvLayout.auto();
    }
}

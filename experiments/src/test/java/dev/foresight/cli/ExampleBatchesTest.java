package dev.foresight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example batch under {@code experiments/} passes {@code foresight validate} — the full
 * check: keys, kinds, parameters, data files and walk-forward plans — so a shipped example can
 * never be broken. The examples are listed from the directory, so a new one is covered the day it
 * lands. The one example that reads a CSV is validated on a Yahoo-format file written here, as a
 * user names theirs with {@code --set data.path=...}.
 */
class ExampleBatchesTest {

    /** Surefire runs with the module directory as the working directory. */
    private static final Path EXAMPLES = Path.of(".");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyExampleBatchValidates() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            examples = files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(examples.size() >= 9, "the examples: " + examples);
        for (String required : List.of("quickstart", "seed-replication", "volatility", "direction", "multi-asset",
                "grid-example")) {
            assertTrue(examples.contains(EXAMPLES.resolve(required + ".yaml")), required + ".yaml is missing");
        }
        return examples.stream().map(example -> DynamicTest.dynamicTest(example.getFileName().toString(), () -> {
            Cli.Result r = example.getFileName().toString().equals("seed-replication.yaml")
                    ? Cli.run("validate", example, "--set", "data.path=" + yahooCsv(tmp.resolve("PRICES.csv"), 600))
                    : Cli.run("validate", example);
            assertEquals(Main.OK, r.code(), r.toString());
            assertTrue(r.out().contains(" is valid: "), r.toString());
        }));
    }

    /** A Yahoo daily CSV of a smooth, positive price path on consecutive weekdays. */
    private static Path yahooCsv(Path file, int rows) {
        StringBuilder csv = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
        LocalDate d = LocalDate.of(2010, 1, 4);
        for (int i = 0; i < rows; i++) {
            while (d.getDayOfWeek().getValue() > 5) {
                d = d.plusDays(1);
            }
            double close = 100 * Math.exp(0.0003 * i + 0.02 * Math.sin(i / 7.0));
            csv.append(String.format(Locale.ROOT, "%s,%.4f,%.4f,%.4f,%.4f,%.4f,%d%n", d, close, close * 1.01,
                    close * 0.99, close, close, 1_000_000 + i));
            d = d.plusDays(1);
        }
        return Cli.write(file, csv.toString());
    }
}

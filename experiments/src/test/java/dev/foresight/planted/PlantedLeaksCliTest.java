package dev.foresight.planted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.cli.Cli;
import dev.foresight.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The planted-leak suite, as a third party meets it: each planted plugin is loaded from its own
 * plugin path ({@code --plugins}), and both {@code foresight check} and {@code foresight run}
 * (leakage canary off) must end with exit 3 naming it; its clean look-alikes must pass both.
 * Data: 1,500 bars of a random walk with OHLC, 4 folds.
 */
class PlantedLeaksCliTest {

    @TempDir
    static Path dir;

    static Path csv;

    static final Path PLUGINS = Path.of("target/test-classes/planted");

    @BeforeAll
    static void data() throws IOException {
        StringBuilder out = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
        SplittableRandom r = new SplittableRandom(5);
        LocalDate d = LocalDate.of(2012, 1, 2);
        double close = 100;
        for (int i = 0; i < 1500; i++) {
            while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                d = d.plusDays(1);
            }
            double open = close * Math.exp(0.004 * (r.nextDouble() - 0.5));
            double next = open * Math.exp(0.012 * (r.nextDouble() - 0.5) * 2);
            double high = Math.max(open, next) * 1.002;
            double low = Math.min(open, next) * 0.998;
            out.append(String.format(Locale.ROOT, "%s,%.6f,%.6f,%.6f,%.6f,%.6f,%d%n", d, open, high, low, next, next,
                    1000 + r.nextInt(100)));
            close = next;
            d = d.plusDays(1);
        }
        csv = Files.writeString(dir.resolve("ohlc.csv"), out.toString());
    }

    /** One experiment: features {@code features}, the given model list, regime detectors {@code regimes}. */
    private static Path batch(String name, String features, String models, String regimes) throws IOException {
        return Files.writeString(dir.resolve(name + ".yaml"), """
                name: %s
                seed: 3
                data: {path: %s}
                experiments:
                  - name: e
                    target: {kind: log-return, horizon: 1}
                    features: [%s]
                    walk_forward: {train: 500, test: 250}
                    %s
                    models: [%s]
                """.formatted(name, csv.toAbsolutePath(), features, regimes.isEmpty() ? "" : "regimes: [" + regimes + "]",
                models));
    }

    private static void caughtByCheckAndRun(Path batch, String culprit) {
        Cli.Result check = Cli.run("check", "--plugins", PLUGINS, batch);
        assertEquals(Main.LEAKAGE, check.code(), check.toString());
        assertTrue(check.err().contains(culprit), "check must name " + culprit + ":\n" + check);
        Cli.Result run = Cli.run("run", "-q", "--plugins", PLUGINS, batch, "--out", dir.resolve("out-" + batch.getFileName()));
        assertEquals(Main.LEAKAGE, run.code(), run.toString());
        assertTrue(run.err().contains(culprit), "run must name " + culprit + ":\n" + run);
        assertFalse(run.err().contains("\tat "), "no stack trace for a leak");
    }

    @ParameterizedTest(name = "{0} is caught and named by check and run")
    @CsvSource({
            "planted-static-memory, model planted-static-memory",
            "planted-property-memory, model planted-property-memory",
            "planted-sparse-label, model planted-sparse-label",
            "planted-predict-label, model planted-predict-label",
            "planted-next-row, model planted-next-row",
            "planted-call-counter, model planted-call-counter",
            "planted-fold-edge-label, model planted-fold-edge-label",
            "planted-test-scaler, model planted-test-scaler",
    })
    void plantedModel_isCaughtAndNamed(String kind, String culprit) throws IOException {
        caughtByCheckAndRun(batch(kind.replace('-', '_'), "{kind: returns}",
                "{kind: random-walk}, {kind: " + kind + "}", ""), culprit);
    }

    @ParameterizedTest(name = "{0} is caught and named by check and run")
    @ValueSource(strings = {"planted-memoised-centred", "planted-sparse-feature", "planted-next-open",
            "planted-static-view", "planted-view-edge"})
    void plantedFeatureSet_isCaughtAndNamed(String kind) throws IOException {
        caughtByCheckAndRun(batch(kind.replace('-', '_'), "{kind: returns}, {kind: " + kind + "}",
                "{kind: random-walk}, {kind: linear}", ""), "feature set " + kind);
    }

    @Test
    void memoisedFeatureSet_isNamedByTheCanaryNotTheModel() throws IOException {
        // The canary's own verdict, read from canary.json: whatever the per-fold checks say, the
        // canary must blame the memoised feature set (leaving it out makes the surrogate skill
        // vanish), not the linear model that reads it, and must not flag the random walk.
        Path batch = Files.writeString(dir.resolve("canary_memo.yaml"), """
                name: canary_memo
                seed: 3
                data: {path: %s}
                experiments:
                  - name: e
                    target: {kind: log-return, horizon: 1}
                    features: [{kind: returns}, {kind: planted-memoised-centred}]
                    walk_forward: {train: 500, test: 250}
                    leakage: {canary: true}
                    models: [{kind: random-walk}, {kind: linear}]
                """.formatted(csv.toAbsolutePath()));
        Path out = dir.resolve("out-canary-memo");
        Cli.Result run = Cli.run("run", "-q", "--plugins", PLUGINS, batch, "--out", out);
        assertEquals(Main.LEAKAGE, run.code(), run.toString());
        String canary = Files.readString(out.resolve("canary.json"));
        String failedFor = "\"status\" : \"failed\",\n    \"plugin\" : \"";
        assertTrue(canary.contains(failedFor + "feature set planted-memoised-centred\""), canary);
        assertFalse(canary.contains(failedFor + "model"), canary);
        assertTrue(run.err().contains("feature set planted-memoised-centred"), run.toString());
        assertTrue(canary.contains("holmAdjusted"), canary);
    }

    @ParameterizedTest(name = "{0} is caught and named by check and run")
    @ValueSource(strings = {"planted-full-sample-regimes"})
    void plantedRegimeDetector_isCaughtAndNamed(String kind) throws IOException {
        caughtByCheckAndRun(batch(kind.replace('-', '_'), "{kind: returns}", "{kind: random-walk}, {kind: linear}",
                "{kind: " + kind + "}"), "regime detector " + kind);
    }

    @ParameterizedTest(name = "clean {0} passes check and run")
    @CsvSource({
            "{kind: clean-expanding-z}, {kind: linear}",
            "{kind: clean-ewma}, {kind: linear}",
            "{kind: returns}, {kind: clean-seeded-bootstrap}",
            "{kind: returns}, {kind: clean-lookup-table}",
            "{kind: returns}, {kind: clean-train-scaler}",
    })
    void cleanLookAlike_isNeverFlagged(String feature, String model) throws IOException {
        Path batch = batch("clean_" + Math.abs((feature + model).hashCode()), feature,
                "{kind: random-walk}, " + model, "{kind: volatility}");
        Cli.Result check = Cli.run("check", "--plugins", PLUGINS, batch);
        assertEquals(Main.OK, check.code(), check.toString());
        Cli.Result run = Cli.run("run", "-q", "--plugins", PLUGINS, batch, "--out", dir.resolve("out-" + batch.getFileName()));
        assertEquals(Main.OK, run.code(), run.toString());
    }
}

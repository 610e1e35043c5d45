package dev.foresight.cli;

import static dev.foresight.cli.Cli.run;
import static dev.foresight.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code foresight plan} and {@code foresight plugins}. */
class PlanAndPluginsCommandTest {

    private static final Pattern FOLD_LINE =
            Pattern.compile("^\\s+\\d+\\s+\\d{4}-\\d\\d-\\d\\d\\.\\.\\d{4}-\\d\\d-\\d\\d\\s+\\d+\\s+.*\\d{4}-\\d\\d-\\d\\d\\s+\\d+$");

    @Test
    void plan_printsOneDatedLinePerFoldAndRunsNothing(@TempDir Path tmp) {
        Path batch = write(tmp.resolve("small.yaml"), RunCommandTest.SMALL);

        Cli.Result r = run("plan", batch);

        assertEquals(Main.OK, r.code(), r.toString());
        List<String> folds = r.out().lines().filter(l -> FOLD_LINE.matcher(l).matches()).toList();
        assertEquals(6, folds.size(), "3 folds in each of 2 experiments:\n" + r);
        assertTrue(r.out().contains("experiment ret: 300 bars 2000-01-03..") && r.out().contains("3 folds"), r.toString());
        // Synthetic bars are weekdays from Monday 2000-01-03: bar 149 is Friday 2000-07-28, bar 150
        // Monday 2000-07-31, bar 199 Friday 2000-10-06.
        String first = folds.get(0);
        assertTrue(first.matches("\\s+0\\s+2000-01-03\\.\\.2000-07-28\\s+150\\s+-\\s+2000-07-31\\.\\.2000-10-06\\s+50"), first);
        assertTrue(r.out().contains("horizon 5 + embargo 5"), r.toString());
        assertFalse(Files.exists(Path.of("runs", "small")), "plan must not run the batch");
    }

    @Test
    void plan_ofAnImpossiblePlan_isExit2AtTheWalkForwardBlock(@TempDir Path tmp) {
        Path batch = write(tmp.resolve("small.yaml"), RunCommandTest.SMALL.replace("bars: 300", "bars: 120"));

        Cli.Result r = run("plan", batch);

        assertEquals(Main.USER_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains(batch + ":9:") && r.err().contains("(experiments[0].walk_forward)"), r.toString());
        assertTrue(r.err().contains("the series has 120 bars but the plan needs at least"), r.toString());
        assertFalse(r.err().contains("\tat "), r.toString());
    }

    @Test
    void plugins_listsEveryKindWithItsParameters() {
        Cli.Result r = run("plugins");

        assertEquals(Main.OK, r.code(), r.toString());
        for (String kind : List.of("random-walk", "historical-mean", "ar", "buy-and-hold", "sign", "long-above", "returns",
                "volatility", "log-return", "direction", "realised-vol", "next-close")) {
            assertTrue(Pattern.compile("(?m)^  " + Pattern.quote(kind) + " — \\S").matcher(r.out()).find(),
                    "kind " + kind + " missing:\n" + r);
        }
        for (String contract : List.of("Target kinds:", "FeatureSet kinds:", "Model kinds:", "Strategy kinds:",
                "RegimeDetector kinds:")) {
            assertTrue(r.out().contains(contract), contract + "\n" + r);
        }
        // parameters with their rule and default, indented under their kind
        for (String parameter : List.of("p              an integer in [1, 50]; default 1", "lags ", "horizon ",
                "threshold ", "allow_short ", "quantiles ", "mode ", "window ")) {
            assertTrue(r.out().contains("      " + parameter), "parameter line '" + parameter + "' missing:\n" + r);
        }
    }
}

package dev.foresight.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch interrupted part-way — some task files missing, one cut short by hand — resumes: the
 * finished tasks are reused, the rest computed, and the results are byte-identical to an
 * uninterrupted run. {@code --fresh} recomputes everything.
 */
class ResumeTest {

    @TempDir
    Path dir;

    private Path batch() {
        return Cli.write(dir.resolve("b.yaml"), """
                name: resume
                seed: 5
                data:
                  synthetic: {kind: gbm, bars: 600, seed: 2}
                experiments:
                  - name: e
                    target: {kind: log-return, horizon: 1}
                    features: [{kind: returns, lags: 3}]
                    walk_forward: {train: 300, test: 100}
                    models:
                      - {kind: random-walk}
                      - {kind: ar, p: 2}
                      - {kind: linear}
                """);
    }

    @Test
    void resume_anInterruptedRunResumesToByteIdenticalResults() throws Exception {
        Path whole = dir.resolve("whole");
        Path resumed = dir.resolve("resumed");
        assertEquals(Main.OK, Cli.run("run", "-q", batch(), "--out", whole).code());
        assertEquals(Main.OK, Cli.run("run", "-q", batch(), "--out", resumed).code());

        // Simulate a run killed in the middle: two tasks never written, one file damaged by hand.
        Files.delete(resumed.resolve("tasks/e/ar/fold-001.json"));
        Files.delete(resumed.resolve("tasks/e/linear/fold-002.json"));
        Files.writeString(resumed.resolve("tasks/e/linear/fold-000.json"), "{\"schema\": 1, \"tas");
        Files.delete(resumed.resolve("summary.json"));

        Cli.Result r = Cli.run("run", "-q", batch(), "--out", resumed);
        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(r.out().contains("9 tasks, 0 failed (6 reused from an earlier run)"), r.out());
        for (String f : Cli.files(whole.resolve("tasks"))) {
            assertArrayEquals(Cli.bytes(whole.resolve("tasks").resolve(f)), Cli.bytes(resumed.resolve("tasks").resolve(f)), f);
        }
        assertArrayEquals(Cli.bytes(whole.resolve("summary.json")), Cli.bytes(resumed.resolve("summary.json")));
    }

    @Test
    void changedInputs_areRecomputedAndFreshRecomputesEverything() {
        Path out = dir.resolve("out");
        assertEquals(Main.OK, Cli.run("run", "-q", batch(), "--out", out).code());
        Cli.Result same = Cli.run("run", "-q", batch(), "--out", out);
        assertTrue(same.out().contains("(9 reused from an earlier run)"), same.out());
        Cli.Result changed = Cli.run("run", "-q", batch(), "--out", out, "--set", "experiments[0].models[1].p=3");
        assertTrue(changed.out().contains("(6 reused from an earlier run)"), changed.out());
        Cli.Result fresh = Cli.run("run", "-q", "--fresh", batch(), "--out", out);
        assertTrue(fresh.out().contains("9 tasks, 0 failed; results"), fresh.out());
    }
}

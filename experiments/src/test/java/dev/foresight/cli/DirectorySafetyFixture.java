package dev.foresight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The set-up the result-directory safety tests share ({@link ResultDirectorySafetyTest} for
 * {@code run}, {@link ReportDirectorySafetyTest} for {@code report}): a two-model batch that runs in
 * seconds, a finished run of it, and another process holding a directory's lock.
 */
final class DirectorySafetyFixture {

    static final String BATCH = """
            name: safety
            seed: 1
            data:
              synthetic: {kind: gbm, bars: 400, seed: 2}
            experiments:
              - name: e
                target: {kind: log-return, horizon: 1}
                features: [{kind: returns, lags: 2}]
                walk_forward: {train: 200, test: 100}
                models: [{kind: random-walk}, {kind: ar, p: 1}]
            """;

    private DirectorySafetyFixture() {
    }

    /** The batch file, written into {@code tmp} (the same file each time). */
    static Path batch(Path tmp) {
        return Cli.write(tmp.resolve("b.yaml"), BATCH);
    }

    /** A finished run of the batch in {@code tmp/out}. */
    static Path finishedRun(Path tmp) {
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("run", batch(tmp), "--out", out, "-q");
        assertEquals(Main.OK, r.code(), r.toString());
        return out;
    }

    /**
     * Another process ({@code dev.foresight.run.LockHolder}) that has opened {@code dir} as a run
     * does and holds its lock until closed; returns once the lock is taken.
     */
    static LockHeld lockHeldByAnotherProcess(Path dir) throws IOException {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "dev.foresight.run.LockHolder", dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("locked", said.readLine());
        return new LockHeld(holder);
    }

    /** The lock-holding process; closing it closes the process's stdin, on which it lets go and exits. */
    record LockHeld(Process holder) implements AutoCloseable {

        long pid() {
            return holder.pid();
        }

        @Override
        public void close() throws IOException, InterruptedException {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(60, TimeUnit.SECONDS), "the lock holder exits when its stdin closes");
        }
    }
}

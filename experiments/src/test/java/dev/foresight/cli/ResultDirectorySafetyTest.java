package dev.foresight.cli;

import static dev.foresight.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A result directory is never someone else's: a folder Foresight did not create is refused before
 * anything in it is touched; a directory of the previous version (no marker) is resumed only when
 * it is unmistakably a result; a second run into a directory being written stops naming the first;
 * a write the file system refuses exits 6 naming the path.
 */
class ResultDirectorySafetyTest {

    @TempDir
    Path tmp;

    @Test
    void foreignDirectory_isRefusedAndLeftUntouched() throws Exception {
        // the data-loss repro: a folder of another project that happens to hold a manifest.json
        Path x = tmp.resolve("x");
        write(x.resolve("manifest.json"), "{\"name\":\"ext\"}\n");
        write(x.resolve("tasks/main.yml"), "keep\n");
        Cli.Result r = Cli.run("run", DirectorySafetyFixture.batch(tmp), "--out", x);
        assertEquals(Main.USER_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains(x.toString()) && r.err().contains("not created by Foresight"), r.err());
        assertEquals("{\"name\":\"ext\"}\n", Files.readString(x.resolve("manifest.json")));
        assertEquals("keep\n", Files.readString(x.resolve("tasks/main.yml")));
        try (var entries = Files.list(x)) {
            assertEquals(List.of("manifest.json", "tasks"), entries.map(p -> p.getFileName().toString()).sorted().toList(),
                    "nothing was added either");
        }
    }

    @Test
    void resultOfThePreviousVersion_isResumed_butNotWithAForeignFileInside() throws Exception {
        Path out = DirectorySafetyFixture.finishedRun(tmp);
        Path batch = DirectorySafetyFixture.batch(tmp); // the batch of that run
        assertTrue(Files.isRegularFile(out.resolve("foresight-result.json")), "the marker");
        // what the previous version left: the same files without marker and lock
        Files.delete(out.resolve("foresight-result.json"));
        Files.delete(out.resolve(".foresight.lock"));
        Cli.Result again = Cli.run("run", batch, "--out", out, "-q");
        assertEquals(Main.OK, again.code(), again.toString());
        assertTrue(again.out().contains("reused from an earlier run"), again.out());
        assertTrue(Files.isRegularFile(out.resolve("foresight-result.json")), "adopted: marked now");

        Files.delete(out.resolve("foresight-result.json"));
        write(out.resolve("tasks/e/notes.txt"), "mine\n");
        Cli.Result refused = Cli.run("run", batch, "--out", out, "-q");
        assertEquals(Main.USER_ERROR, refused.code(), refused.toString());
        assertEquals("mine\n", Files.readString(out.resolve("tasks/e/notes.txt")));
    }

    @Test
    void secondRun_whileAnotherProcessWrites_exits2NamingIt() throws Exception {
        Path out = DirectorySafetyFixture.finishedRun(tmp);
        Path batch = DirectorySafetyFixture.batch(tmp); // the batch of that run
        byte[] task = Files.readAllBytes(out.resolve("tasks/e/ar/fold-000.json"));
        try (DirectorySafetyFixture.LockHeld holder = DirectorySafetyFixture.lockHeldByAnotherProcess(out)) {
            Cli.Result second = Cli.run("run", batch, "--out", out, "-q");
            assertEquals(Main.USER_ERROR, second.code(), second.toString());
            assertTrue(second.err().contains("another run is writing this directory (pid " + holder.pid()), second.err());
            assertArrayEquals(task, Files.readAllBytes(out.resolve("tasks/e/ar/fold-000.json")), "the first run's files untouched");
        }
        assertEquals(Main.OK, Cli.run("run", batch, "--out", out, "-q").code(), "free again once the holder is gone");
    }

    @Test
    void writeRefusedByTheFileSystem_exits6NamingThePath() throws Exception {
        Path out = DirectorySafetyFixture.finishedRun(tmp);
        Path batch = DirectorySafetyFixture.batch(tmp); // the batch of that run
        // a file where a task directory must go: the OS refuses the write, as a read-only or full disk would
        // (tests run as root here, where permissions do not refuse anything)
        Path model = out.resolve("tasks/e/ar");
        try (var files = Files.walk(model)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Files.writeString(model, "in the way\n");
        Cli.Result r = Cli.run("run", batch, "--out", out, "-q");
        assertEquals(Main.STORAGE, r.code(), r.toString());
        assertTrue(r.err().contains("error: cannot write " + model), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
        assertTrue(Files.isRegularFile(out.resolve("tasks/e/random-walk/fold-000.json")), "finished tasks stay");
    }
}

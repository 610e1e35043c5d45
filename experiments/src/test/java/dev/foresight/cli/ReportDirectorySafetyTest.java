package dev.foresight.cli;

import static dev.foresight.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code foresight report DIR} keeps the rules of {@code run}: a folder Foresight did not create
 * is refused before anything in it is touched (exit 2), a directory a run is writing is not
 * re-rendered under it (exit 2, naming the run), and a write the file system refuses exits 6
 * naming the path — never "internal error".
 */
class ReportDirectorySafetyTest {

    @TempDir
    Path tmp;

    @Test
    void report_ofAFolderForesightDidNotCreate_exits2AndWritesNothing() throws Exception {
        // a folder of another project that holds a file named like ours
        Path x = tmp.resolve("x");
        write(x.resolve("config.resolved.json"), "{\"name\":\"theirs\"}\n");
        write(x.resolve("notes.txt"), "keep\n");
        Cli.Result r = Cli.run("report", x);
        assertEquals(Main.USER_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains(x.toString()) && r.err().contains("not a Foresight result directory"), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
        try (var entries = Files.list(x)) {
            assertEquals(List.of("config.resolved.json", "notes.txt"),
                    entries.map(p -> p.getFileName().toString()).sorted().toList(), "nothing added, not even a lock");
        }
    }

    @Test
    void report_ofAMissingDirectory_exits2() {
        Cli.Result r = Cli.run("report", tmp.resolve("nowhere"));
        assertEquals(Main.USER_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains("no such directory"), r.err());
    }

    @Test
    void report_whileARunHoldsTheLock_exits2NamingIt() throws Exception {
        Path out = DirectorySafetyFixture.finishedRun(tmp);
        Files.delete(out.resolve("report.html"));
        try (DirectorySafetyFixture.LockHeld holder = DirectorySafetyFixture.lockHeldByAnotherProcess(out)) {
            Cli.Result r = Cli.run("report", out);
            assertEquals(Main.USER_ERROR, r.code(), r.toString());
            assertTrue(r.err().contains("another run is writing this directory (pid " + holder.pid()), r.err());
            assertFalse(Files.exists(out.resolve("report.html")), "no report rendered under a running batch");
        }
        Cli.Result again = Cli.run("report", out);
        assertEquals(Main.OK, again.code(), again.toString());
        assertTrue(Files.isRegularFile(out.resolve("report.html")));
    }

    @Test
    void report_intoAReadOnlyDirectory_exits6NamingThePath() throws Exception {
        Path out = DirectorySafetyFixture.finishedRun(tmp);
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // root ignores permissions: find out by trying, not by the user's name
            assumeFalse(canCreateFileIn(out), "running with privileges that ignore a read-only directory");
            Cli.Result r = Cli.run("report", out);
            assertEquals(Main.STORAGE, r.code(), r.toString());
            assertTrue(r.err().contains("error: cannot write " + out), r.err());
            assertFalse(r.err().contains("internal error"), r.err());
        } finally {
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void report_whoseWriteTheFileSystemRefuses_exits6NamingThePath() throws Exception {
        // The same failure class as a read-only directory, in a form root cannot override: a
        // non-empty directory where report.html must go.
        Path out = DirectorySafetyFixture.finishedRun(tmp);
        Path html = out.resolve("report.html");
        Files.delete(html);
        write(html.resolve("in-the-way.txt"), "x\n");
        Cli.Result r = Cli.run("report", out);
        assertEquals(Main.STORAGE, r.code(), r.toString());
        assertTrue(r.err().contains("error: cannot write " + html), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
        assertEquals("x\n", Files.readString(html.resolve("in-the-way.txt")));
    }

    private static boolean canCreateFileIn(Path dir) throws IOException {
        Path probe = dir.resolve(".write-probe");
        try {
            Files.createFile(probe);
            Files.delete(probe);
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }
}

package dev.foresight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit status the CLI leaves for the launcher, which needs it when the JVM dies writing its class-data archive. */
class ExitStatusTest {

    @Test
    void recordExitStatus_writesTheCodeWhereTheLauncherAsks(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("status");
        Main.recordExitStatus(Main.USER_ERROR, file.toString());
        assertEquals(Main.USER_ERROR + "\n", Files.readString(file));
    }

    @Test
    void recordExitStatus_withoutAFileOrWithAnUnwritableOne_writesNothingAndDoesNotFail(@TempDir Path dir) {
        Main.recordExitStatus(0, null);
        Main.recordExitStatus(0, "");
        Path inMissingFolder = dir.resolve("no-such-folder").resolve("status");
        Main.recordExitStatus(0, inMissingFolder.toString());
        assertFalse(Files.exists(inMissingFolder));
    }
}

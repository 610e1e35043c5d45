package dev.foresight.run;

import java.nio.file.Path;
import java.util.List;

/**
 * Test fixture run as its own process: opens a result directory as a run does (taking its lock),
 * prints {@code locked}, and holds the lock until its standard input closes.
 */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (ResultStore store = ResultStore.open(Path.of(args[0]), false, List.of("lock-holder"))) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() != -1) {
                // hold the lock until the test closes our stdin (or kills us)
            }
        }
    }
}

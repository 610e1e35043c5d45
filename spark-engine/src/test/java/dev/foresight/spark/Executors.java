package dev.foresight.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Test fixture: the executor JVMs a {@code local-cluster} master started, found among this JVM's
 * descendant processes by their main class ({@code CoarseGrainedExecutorBackend}). The command line
 * is read from {@code /proc} (Linux): {@link ProcessHandle.Info#commandLine()} truncates the long
 * class path before the main class.
 */
final class Executors {

    private static final String BACKEND = "org.apache.spark.executor.CoarseGrainedExecutorBackend";

    private Executors() {
    }

    /** The live executor processes started (through a worker) by this JVM. */
    static List<ProcessHandle> running() {
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> commandLine(p).contains(BACKEND))
                .toList();
    }

    private static String commandLine(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(p.pid()), "cmdline")),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";   // the process has just ended
        }
    }
}

package dev.foresight.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.foresight.result.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** I/O failures on result files become storage errors naming the path and the system's reason. */
class StorageErrorTest {

    @Test
    void fullDisk_namesThePathAndTheSystemsReason() {
        // what AtomicFiles throws when write(2) fails with ENOSPC
        UncheckedIOException e = new UncheckedIOException("cannot write /r/tasks/e/m/fold-001.json: No space left on device",
                new IOException("No space left on device"));
        StorageError s = StorageError.from(new IllegalStateException("wrapped", e));
        assertEquals("/r/tasks/e/m/fold-001.json", s.path());
        assertEquals("No space left on device", s.reason());
        assertEquals("cannot write /r/tasks/e/m/fold-001.json: No space left on device", s.getMessage());
    }

    @Test
    void refusedByTheFileSystem_usesTheExceptionsFileAndReason() {
        StorageError s = StorageError.of(Path.of("/r"), new FileSystemException("/r/summary.json", null, "Read-only file system"));
        assertEquals("/r/summary.json", s.path());
        assertEquals("Read-only file system", s.reason());
    }

    @Test
    void atomicWriteIntoAFile_isAStorageError(@TempDir Path tmp) throws IOException {
        Path blocker = Files.writeString(tmp.resolve("tasks"), "a file where a directory should be");
        UncheckedIOException e = org.junit.jupiter.api.Assertions.assertThrows(UncheckedIOException.class,
                () -> AtomicFiles.write(blocker.resolve("e").resolve("fold-000.json"), new byte[] {1}));
        StorageError s = StorageError.from(e);
        assertEquals(blocker.resolve("e").resolve("fold-000.json").toString(), s.path());
    }

    @Test
    void accessDenied_saysPermissionDeniedNotTheTemporaryFilesName() {
        // Java's AccessDeniedException carries only the file (here AtomicFiles' temporary sibling)
        AccessDeniedException denied = new AccessDeniedException("/r/.report.html.123.tmp");
        StorageError wrapped = StorageError.from(new UncheckedIOException("cannot write /r/report.html: " + denied.getMessage(),
                denied));
        assertEquals("/r/report.html", wrapped.path());
        assertEquals("Permission denied", wrapped.reason());
        StorageError direct = StorageError.of(Path.of("/r/.foresight.lock"), new AccessDeniedException("/r/.foresight.lock"));
        assertEquals("cannot write /r/.foresight.lock: Permission denied", direct.getMessage());
    }

    @Test
    void otherFailures_areNotStorageErrors() {
        assertNull(StorageError.from(new IllegalStateException("a bug")));
    }
}

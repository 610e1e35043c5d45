package dev.foresight.run;

import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import dev.foresight.result.ResultJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/**
 * A result directory's exclusive lock: an OS file lock on {@link ResultStore#LOCK}, so it is
 * released when the run ends however it ends (even {@code kill -9}), and the file names the
 * holder (pid, host, start, command) for the message a second run prints. The lock file itself is
 * left in place: deleting it would let two runs lock two different files.
 */
final class Lock {

    private final FileChannel channel;
    private final FileLock lock;

    private Lock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, or fails naming who holds it.
     *
     * @throws UserError when another run (in this or another process) holds it
     */
    static Lock take(Path file, List<String> command) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null; // held by another run in this JVM
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (l == null) {
            String holder = describeHolder(file);
            ch.close();
            throw new UserError(Location.of(file.getParent().toString()), "another run is writing this directory ("
                    + holder + "); nothing was changed: wait for it to finish, or choose another --out");
        }
        ResultStore.Holder me = new ResultStore.Holder(ProcessHandle.current().pid(), host(), Instant.now().toString(),
                String.join(" ", command));
        ch.truncate(0);
        ByteBuffer buf = ByteBuffer.wrap(ResultJson.bytes(me));
        long at = 0;
        while (buf.hasRemaining()) {
            at += ch.write(buf, at);
        }
        ch.force(true);
        return new Lock(ch, l);
    }

    void release() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            // closing releases the lock; nothing more can be done, and the OS drops it at exit
        }
    }

    private static String describeHolder(Path file) {
        try {
            ResultStore.Holder h = ResultJson.mapper().readValue(Files.readAllBytes(file), ResultStore.Holder.class);
            return "pid " + h.pid() + " on " + h.host() + ", started " + h.started() + ": " + h.command();
        } catch (IOException | RuntimeException e) {
            return "a process that has not yet said who it is; lock file " + file;
        }
    }

    /** The host name without a DNS lookup (which can hang for seconds). */
    private static String host() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return Files.readString(Path.of("/etc/hostname"), StandardCharsets.UTF_8).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown host";
        }
    }
}

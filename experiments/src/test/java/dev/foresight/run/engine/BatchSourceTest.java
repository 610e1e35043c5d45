package dev.foresight.run.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.error.UserError;
import dev.foresight.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} reads its batch file through {@link BatchSource#read}: with the same rules as
 * {@code validate} (the size limit, UTF-8 located at the bad byte, the BOM), so a wrong file
 * is a located user error, never an out-of-memory crash or a decoder's bare message.
 */
class BatchSourceTest {

    @Test
    void read_fileLargerThanTheLimit_isAUserErrorNotAHeapFull(@TempDir Path tmp) throws IOException {
        Path big = tmp.resolve("big.yaml");
        Files.writeString(big, "# a comment line of a file that is far too large for a batch\n"
                .repeat(YamlReader.MAX_FILE_BYTES / 40));
        UserError e = assertThrows(UserError.class, () -> BatchSource.read(big, List.of()));
        assertTrue(e.getMessage().contains("larger than 256 KiB"), e.getMessage());
    }

    @Test
    void read_bytesThatAreNotUtf8_areLocatedAtTheByte(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("b.yaml");
        Files.write(file, new byte[] {'n', 'a', 'm', 'e', ':', ' ', 'x', '\n', 'a', (byte) 0xff, '\n'});
        UserError e = assertThrows(UserError.class, () -> BatchSource.read(file, List.of()));
        assertEquals(2, e.location().line(), e.getMessage());
        assertEquals(2, e.location().column(), e.getMessage());
        assertTrue(e.getMessage().contains("invalid UTF-8 (byte 0xff"), e.getMessage());
    }

    @Test
    void read_dropsALeadingBom(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("bom.yaml");
        Files.write(file, ("\uFEFFname: x\n").getBytes(StandardCharsets.UTF_8));
        assertEquals("name: x\n", BatchSource.read(file, List.of()).text());
    }

    @Test
    void read_missingFile_isNotFound(@TempDir Path tmp) {
        UserError e = assertThrows(UserError.class, () -> BatchSource.read(tmp.resolve("nope.yaml"), List.of()));
        assertTrue(e.getMessage().endsWith("nope.yaml: file not found"), e.getMessage());
    }
}

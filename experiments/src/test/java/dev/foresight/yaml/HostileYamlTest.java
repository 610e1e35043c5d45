package dev.foresight.yaml;

import dev.foresight.error.Quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.error.UserError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are not batches, or are hostile: each is one located error (line and column, or the
 * file named with "(whole file)"), whose message quotes at most a short piece of the input.
 * No test times anything: the limits are structural (what is refused before parsing).
 */
class HostileYamlTest {

    private static final String OK = "name: t\nexperiments:\n  - name: a\n";

    private static UserError refused(Path file) {
        return assertThrows(UserError.class, () -> YamlReader.read(file));
    }

    private static UserError refused(String text) {
        return assertThrows(UserError.class, () -> YamlReader.parse("b.yaml", text));
    }

    @Test
    void oversizedFile_isRefusedAsAWholeFileWithoutEchoingIt(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("huge.yaml");
        Files.writeString(f, "description: " + "SECRET".repeat(60_000) + "\n");
        UserError e = refused(f);
        assertTrue(e.getMessage().startsWith(f + " (whole file): larger than 256 KiB"), e.getMessage());
        assertTrue(!e.getMessage().contains("SECRET"));
    }

    @Test
    void specialFileWithoutSize_isReadOnlyUpToTheLimit() {
        Path zero = Path.of("/dev/zero");
        if (Files.isReadable(zero)) {
            UserError e = refused(zero);
            assertTrue(e.getMessage().contains("(whole file): larger than"), e.getMessage());
        }
    }

    @Test
    void invalidUtf8_isLocatedAtItsByte(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("latin1.yaml");
        Files.write(f, "name: t\ndescription: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        UserError e = refused(f);
        assertEquals(2, e.location().line());
        assertEquals(17, e.location().column());
        assertTrue(e.getMessage().contains("invalid UTF-8 (byte 0xe9"), e.getMessage());
    }

    @Test
    void byteOrderMark_isAccepted(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bom.yaml");
        Files.write(f, ("\uFEFF" + OK).getBytes(StandardCharsets.UTF_8));
        assertTrue(YamlReader.read(f) instanceof YamlNode.Mapping);
    }

    @Test
    void controlCharacters_areLocatedWhereTheyAre() {
        for (char c : new char[]{0, 7, 0x1b, 0x7f, 0x9b}) {
            UserError e = refused("name: t\nexperiments:\n  - name: ab" + c + "cd\n");
            assertEquals(3, e.location().line(), "U+" + (int) c);
            assertEquals(13, e.location().column(), "U+" + (int) c);
            assertTrue(e.getMessage().contains(String.format("U+%04X", (int) c)), e.getMessage());
        }
    }

    @Test
    void emptyDocuments_nameTheWholeFile() {
        for (String text : new String[]{"", "\n\n", "# just a comment\n", "---\n"}) {
            UserError e = refused(text);
            assertEquals("whole file", e.location().field(), "'" + text + "': " + e.getMessage());
            assertTrue(e.getMessage().startsWith("b.yaml (whole file): "), e.getMessage());
        }
    }

    @Test
    void deepNesting_isLocatedWhereTheLimitIsPassed() {
        for (String text : new String[]{"x: " + "[".repeat(3000) + "]".repeat(3000) + "\n",
                "x: " + "{a: ".repeat(500) + "1" + "}".repeat(500) + "\n"}) {
            UserError e = refused(text);
            assertEquals(1, e.location().line());
            assertTrue(e.location().column() > 1);
            assertTrue(e.getMessage().contains("nested more than 64 levels"), e.getMessage());
        }
    }

    @Test
    void longLine_isRefusedBeforeParsingAndNotQuoted() {
        UserError e = refused("name: t\ndescription: " + "Q".repeat(500_000) + "\n");
        assertEquals(2, e.location().line());
        assertTrue(e.getMessage().contains("longer than 10000 characters"), e.getMessage());
        assertTrue(e.getMessage().length() < 300, e.getMessage());
    }

    @Test
    void longMultiLineValue_isRefusedWithA80CharacterQuote() {
        String block = ("  " + "w".repeat(70) + "\n").repeat(200);
        UserError e = refused("name: t\ndescription: |\n" + block);
        assertEquals(2, e.location().line());
        assertTrue(e.getMessage().contains("values are at most 10000"), e.getMessage());
        assertTrue(e.getMessage().length() < 300, e.getMessage().length() + ": " + e.getMessage());
    }

    @Test
    void quote_cutsAndEscapes() {
        assertEquals("a\\u0007b", Quote.of("a\u0007b"));
        String q = Quote.of("x".repeat(1000));
        assertTrue(q.startsWith("x".repeat(80) + "… (1000 characters)"), q);
    }
}

package dev.foresight.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.error.UserError;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The located YAML tree: syntax errors and duplicate keys name the line; every node knows its path. */
class YamlReaderTest {

    @Test
    void syntaxError_isAUserErrorAtTheOffendingLine() {
        String yaml = """
                name: t
                seed: 1
                experiments:
                  - name: a
                    models: [ {kind: ar
                  - name: b
                """;
        UserError e = assertThrows(UserError.class, () -> YamlReader.parse("b.yaml", yaml));
        assertTrue(e.getMessage().startsWith("b.yaml:6:"), e.getMessage());
        assertTrue(e.getMessage().contains("invalid YAML"), e.getMessage());
        assertEquals(6, e.location().line());
    }

    @Test
    void badIndentation_isASyntaxErrorWithALine() {
        String yaml = "name: t\ndata:\n  path: a.csv\n symbol: X\n";
        UserError e = assertThrows(UserError.class, () -> YamlReader.parse("b.yaml", yaml));
        assertTrue(e.getMessage().contains("invalid YAML"), e.getMessage());
        assertEquals(4, e.location().line(), e.getMessage());
    }

    @Test
    void duplicateKey_isRejectedAtTheSecondOccurrence() {
        String yaml = """
                name: t
                experiments:
                  - name: a
                    models:
                      - {kind: ar, p: 1, p: 2}
                """;
        UserError e = assertThrows(UserError.class, () -> YamlReader.parse("b.yaml", yaml));
        assertTrue(e.getMessage().contains("duplicate key 'p'"), e.getMessage());
        assertEquals(5, e.location().line());
        assertEquals(26, e.location().column());
        assertEquals("experiments[0].models[0].p", e.location().field());
    }

    @Test
    void nodes_rememberLineColumnAndPath() {
        YamlNode root = YamlReader.parse("b.yaml", "a:\n  b:\n    - x\n    - {c: 7}\n");
        YamlNode.Mapping a = assertInstanceOf(YamlNode.Mapping.class, ((YamlNode.Mapping) root).get("a"));
        YamlNode.Sequence b = assertInstanceOf(YamlNode.Sequence.class, a.get("b"));
        YamlNode c = ((YamlNode.Mapping) b.items().get(1)).get("c");
        assertEquals("a.b[1].c", c.path());
        assertEquals(4, c.location().line());
        assertEquals(11, c.location().column());
        assertEquals("7", ((YamlNode.Scalar) c).text());
    }

    @Test
    void emptyDocument_isRejected() {
        UserError e = assertThrows(UserError.class, () -> YamlReader.parse("b.yaml", "# nothing\n"));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void missingFile_isAUserErrorNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        UserError e = assertThrows(UserError.class, () -> YamlReader.read(missing));
        assertEquals(missing.toString(), e.location().source());
        assertTrue(e.getMessage().contains("file not found"), e.getMessage());
    }

    @Test
    void yamlReader_aliasesAreRefusedSoABillionLaughsFileCannotExpand() {
        StringBuilder laughs = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        String previous = "a";
        for (String k : new String[] {"b", "c", "d", "e", "f", "g", "h", "i"}) {
            laughs.append(k).append(": &").append(k).append(" [").append(("*" + previous + ", ").repeat(8))
                    .append('*').append(previous).append("]\n");
            previous = k;
        }
        // Refused at the first alias, before any expansion (no time limit asserted: the machine may be loaded;
        // a parser that expanded the aliases would need ~10^9 nodes and fail with OutOfMemoryError instead).
        UserError e = assertThrows(UserError.class, () -> YamlReader.parse("laughs.yaml", laughs.toString()));
        assertEquals(2, e.location().line());
        assertTrue(e.getMessage().contains("aliases (*a) are not supported"), e.getMessage());
    }

    @Test
    void yamlReader_tagsNamingClassesAreRefused() {
        UserError e = assertThrows(UserError.class,
                () -> YamlReader.parse("t.yaml", "name: !!javax.script.ScriptEngineManager [x]\n"));
        assertEquals(1, e.location().line());
        assertTrue(e.getMessage().contains("tags"), e.getMessage());
    }
}

package dev.foresight.cli;

import static dev.foresight.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code foresight schema}: prints the batch JSON Schema, or writes it with {@code --out}. */
class SchemaCommandTest {

    @Test
    void schema_printsTheSchemaAndOutWritesTheSameText(@TempDir Path tmp) throws Exception {
        Cli.Result printed = run("schema");
        assertEquals(Main.OK, printed.code(), printed.toString());
        assertTrue(printed.out().startsWith("{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\""),
                printed.toString());
        assertTrue(printed.out().contains("\"model.ar\""), "every plugin kind has its sub-schema");

        Path file = tmp.resolve("sub/batch.schema.json");
        Cli.Result written = run("schema", "--out", file);
        assertEquals(Main.OK, written.code(), written.toString());
        assertEquals(printed.out(), Files.readString(file, StandardCharsets.UTF_8));
    }
}

package dev.foresight.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.foresight.result.ResultJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code outputs.json} vouches only for what it names, with a well-formed digest, and reads back as written. */
class OutputStampTest {

    private static final String SHA = "a".repeat(64);

    @Test
    void outputStamp_refusesAMalformedDigestOrNoOutputs() {
        assertThrows(IllegalArgumentException.class, () -> new OutputStamp(1, "abc", Map.of("summary.json", SHA), ""));
        assertThrows(IllegalArgumentException.class, () -> new OutputStamp(1, null, Map.of("summary.json", SHA), ""));
        assertThrows(IllegalArgumentException.class, () -> new OutputStamp(1, SHA, Map.of(), ""));
        assertThrows(IllegalArgumentException.class, () -> new OutputStamp(1, SHA, null, ""));
    }

    @Test
    void outputStamp_readsBackAsWritten() {
        OutputStamp stamp = new OutputStamp(OutputStamp.FORMAT, SHA, Map.of("report.html", SHA, "summary.json", SHA),
                "the table\n");
        byte[] json = ResultJson.bytes(stamp);
        OutputStamp back;
        try {
            back = ResultJson.mapper().readValue(json, OutputStamp.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(stamp, back);
        assertEquals(true, new String(json, StandardCharsets.UTF_8).contains("\"inputs_sha256\""));
    }
}

package dev.foresight.reports.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.foresight.result.ResultJson;
import org.junit.jupiter.api.Test;

class ChecksVerdictTest {

    @Test
    void verdicts_areWrittenAndReadAsTheWordsSummaryFilesHold() throws Exception {
        // the words of summary.json and summary.csv before the verdict was an enum
        assertEquals("\"passed\"", ResultJson.mapper().writeValueAsString(ChecksVerdict.PASSED));
        assertEquals("\"LEAKING\"", ResultJson.mapper().writeValueAsString(ChecksVerdict.LEAKING));
        assertEquals("\"unchecked\"", ResultJson.mapper().writeValueAsString(ChecksVerdict.UNCHECKED));
        for (ChecksVerdict v : ChecksVerdict.values()) {
            assertEquals(v, ResultJson.mapper().readValue("\"" + v.json() + "\"", ChecksVerdict.class));
            assertEquals(v.json(), String.valueOf(v), "the CSV cell");
        }
    }

    @Test
    void unknownWord_isRefusedNamingTheThree() {
        JsonMappingException e = assertThrows(JsonMappingException.class,
                () -> ResultJson.mapper().readValue("\"leaking\"", ChecksVerdict.class));
        assertTrue(e.getMessage().contains("passed, LEAKING or unchecked"), e.getMessage());
    }
}

package dev.foresight.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.batch.DataSpec;
import dev.foresight.batch.SourceSpec;
import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data path that cannot be read is reported at the batch line that names it, saying why. */
class DataLoaderTest {

    private static final Location YAML = Location.at("batch.yaml", 4, 3, "data");

    private static UserError loadFails(Path path) {
        DataSpec spec = new DataSpec(new SourceSpec.Csv("X", path, Map.of(), null, "error", YAML), List.of(), null);
        return assertThrows(UserError.class, () -> new DataLoader().load(spec));
    }

    /** The CSV loader says what is wrong with a path that exists (here: a directory), at that path. */
    @Test
    void csvPath_thatIsADirectory_saysSoInsteadOfNotFound(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("prices.csv"));
        UserError e = loadFails(dir);
        assertEquals(dir.toString(), e.location().source(), e.getMessage());
        assertTrue(e.getMessage().contains("not a regular file (a directory, device or pipe)"), e.getMessage());
    }

    @Test
    void csvPath_thatDoesNotExist_isNotFoundAtTheBatchLine(@TempDir Path tmp) {
        UserError e = loadFails(tmp.resolve("nope.csv"));
        assertEquals(YAML, e.location());
        assertTrue(e.getMessage().contains("data file not found: " + tmp.resolve("nope.csv")), e.getMessage());
    }

    /** Two series without a common date: the error points at the input's batch line, not a bare symbol. */
    @Test
    void inputs_withNoDatesInCommon_areLocatedAtTheInputsBatchLine(@TempDir Path tmp) throws IOException {
        Path a = Files.writeString(tmp.resolve("a.csv"), "Date,Close\n2020-01-02,10\n2020-01-03,11\n");
        Path b = Files.writeString(tmp.resolve("b.csv"), "Date,Close\n2021-01-04,10\n2021-01-05,11\n");
        Location input = Location.at("batch.yaml", 7, 7, "data.inputs[0]");
        DataSpec spec = new DataSpec(new SourceSpec.Csv("A", a, Map.of(), null, "error", YAML),
                List.of(new SourceSpec.Csv("B", b, Map.of(), null, "error", input)), null);
        UserError e = assertThrows(UserError.class, () -> new DataLoader().load(spec));
        assertEquals(input, e.location(), e.getMessage());
        assertTrue(e.getMessage().contains("no dates in common with A"), e.getMessage());
    }
}

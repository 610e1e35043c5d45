package dev.foresight.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.error.UserError;
import dev.foresight.leakage.LeakageSettings;
import dev.foresight.yaml.YamlNode;
import dev.foresight.yaml.YamlReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one description of the batch format's fixed sections: the key lists the parser and the
 * schema use are its own, its defaults are the domain's, and a malformed description fails at
 * class load rather than publishing a wrong schema.
 */
class BatchFormatTest {

    private static YamlNode.Mapping yaml(String text) {
        return (YamlNode.Mapping) YamlReader.parse("t.yaml", text);
    }

    @Test
    void keyLists_areTheSectionsKeys() {
        assertEquals(BatchFormat.WALK_FORWARD.keys(), BatchKeys.PLAN);
        assertEquals(BatchFormat.LEAKAGE.keys(), BatchKeys.LEAKAGE);
        assertEquals(BatchFormat.ANNUALISATION.keys(), BatchKeys.ANNUALISATION);
        assertEquals(BatchFormat.COSTS.keys(), BatchKeys.COSTS);
        assertEquals(BatchFormat.SYNTHETIC.keys(), BatchKeys.SYNTHETIC_COMMON);
        assertEquals(List.of("window", "train", "test", "step", "validation", "embargo", "max_folds"), BatchKeys.PLAN);
    }

    @Test
    void leakageDefaults_areTheDomainDefaults() {
        LeakageSettings read = new LeakageSettings(BatchFormat.LEAKAGE.field("truncation_samples").readInt(yaml("{}")),
                BatchFormat.LEAKAGE.field("perturb_folds").readInt(yaml("{}")),
                BatchFormat.LEAKAGE.field("canary").readBoolean(yaml("{}")));
        assertEquals(LeakageSettings.DEFAULT, read);
    }

    @Test
    void field_readsWithinItsRangeAndStatesItOutside() {
        Field embargo = BatchFormat.WALK_FORWARD.field("embargo");
        assertEquals(0, embargo.readInt(yaml("{}")));
        assertEquals(5, embargo.readInt(yaml("{embargo: 5}")));
        UserError e = assertThrows(UserError.class, () -> embargo.readInt(yaml("{embargo: -1}")));
        assertTrue(e.getMessage().contains("embargo (bars) must be an integer in [0, 2147483647], got -1"),
                e.getMessage());
        UserError canary = assertThrows(UserError.class,
                () -> BatchFormat.LEAKAGE.field("canary").readBoolean(yaml("{canary: yes please}")));
        assertTrue(canary.getMessage().contains("canary must be true or false, got 'yes please'"), canary.getMessage());
        assertEquals(-7L, BatchFormat.SEED.readLong(yaml("{seed: -7}")));
    }

    @Test
    void malformedDescription_isRejectedWhenBuilt() {
        // a real's bounds written as integers would publish 0 where the parser's messages say 0.0
        assertThrows(IllegalArgumentException.class,
                () -> new Field("x", Field.Type.REAL, 0, 0.0, 1.0, "x", "an x"));
        assertThrows(IllegalArgumentException.class,
                () -> new Field("x", Field.Type.INTEGER, 1.5, null, null, "x", "an x"));
        Field x = Field.integer("x", 1, null, null, "x", "an x");
        assertThrows(IllegalArgumentException.class, () -> new Section("s", "an s", List.of(x, x)));
        assertThrows(IllegalStateException.class, () -> BatchFormat.COSTS.field("bps").readInt(yaml("{}")));
        assertThrows(IllegalStateException.class,
                () -> BatchFormat.WALK_FORWARD.field("embargo").readLong(yaml("{}")));
    }
}

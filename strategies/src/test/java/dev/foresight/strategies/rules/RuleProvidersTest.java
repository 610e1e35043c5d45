package dev.foresight.strategies.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.error.UserError;
import dev.foresight.plugin.Parameters;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleProvidersTest {

    @Test
    void defaults_createTheDocumentedRules() {
        SignRuleProvider sign = new SignRuleProvider();
        LongAboveRuleProvider longAbove = new LongAboveRuleProvider();
        assertEquals(new SignRule(1.0, true), sign.create(Parameters.defaults(sign)));
        assertEquals(new LongAboveRule(1.0, 0.0), longAbove.create(Parameters.defaults(longAbove)));
    }

    @Test
    void givenValues_reachTheRule() {
        SignRuleProvider sign = new SignRuleProvider();
        LongAboveRuleProvider longAbove = new LongAboveRuleProvider();
        assertEquals(new SignRule(0.5, false),
                sign.create(Parameters.of(sign, Map.of("size", 0.5, "allow_short", false))));
        assertEquals(new LongAboveRule(0.25, 0.001),
                longAbove.create(Parameters.of(longAbove, Map.of("size", 0.25, "threshold", 0.001))));
    }

    @Test
    void zeroSize_isALocatedUserError() {
        SignRuleProvider sign = new SignRuleProvider();
        UserError e = assertThrows(UserError.class, () -> sign.create(Parameters.of(sign, Map.of("size", 0))));
        assertEquals("size", e.location().field());
        assertTrue(e.getMessage().contains("(0, 1]"), e.getMessage());
    }

    @Test
    void sizeAboveOne_isRejectedByTheSpec() {
        LongAboveRuleProvider longAbove = new LongAboveRuleProvider();
        assertThrows(UserError.class, () -> Parameters.of(longAbove, Map.of("size", 1.5)));
    }
}

package dev.foresight.strategies.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.error.UserError;
import dev.foresight.plugin.Parameters;
import dev.foresight.strategy.Strategy;
import java.util.Map;
import java.util.Optional;
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

    @Test
    void sizingRules_defaultsCreateTheDocumentedRules() {
        assertEquals(new VolTargetRule(0.10, 252, new Leverage(1, false), Optional.empty()),
                new VolTargetRuleProvider().create(Parameters.defaults(new VolTargetRuleProvider())));
        assertEquals(new ProbabilityRule(1, 0, new Leverage(1, false)),
                new ProbabilityRuleProvider().create(Parameters.defaults(new ProbabilityRuleProvider())));
        assertEquals(new BandRule(BandRule.Signal.PROBABILITY, 0.55, 0.45, 1, new Leverage(1, false)),
                new BandRuleProvider().create(Parameters.defaults(new BandRuleProvider())));
    }

    @Test
    void volTarget_namedVolatilityModel_isCarriedByTheRule() {
        VolTargetRuleProvider provider = new VolTargetRuleProvider();
        Strategy sized = provider.create(Parameters.of(provider, Map.of("volatility_model", " garch ")));
        assertEquals(Optional.of("garch"), sized.volatilityModel());
        Strategy rule = provider.create(Parameters.of(provider, Map.of("target_vol", 0.2, "max_leverage", 2.5,
                "long_only", true)));
        assertEquals(new VolTargetRule(0.2, 252, new Leverage(2.5, true), Optional.empty()), rule);
        assertEquals(Optional.empty(), rule.volatilityModel());
        assertEquals(2.5, rule.maxLeverage(), 0);
    }

    @Test
    void sizingRules_badSettingsAreLocatedUserErrors() {
        BandRuleProvider band = new BandRuleProvider();
        assertEquals("lower", assertThrows(UserError.class,
                () -> band.create(Parameters.of(band, Map.of("upper", 0.4, "lower", 0.6)))).location().field());
        assertEquals("upper", assertThrows(UserError.class,
                () -> band.create(Parameters.of(band, Map.of("upper", 1.4)))).location().field());
        assertEquals("size", assertThrows(UserError.class,
                () -> band.create(Parameters.of(band, Map.of("size", 2.0)))).location().field());
        ProbabilityRuleProvider probability = new ProbabilityRuleProvider();
        assertEquals("max_leverage", assertThrows(UserError.class,
                () -> probability.create(Parameters.of(probability, Map.of("max_leverage", 0.0)))).location().field());
        assertThrows(UserError.class, () -> Parameters.of(probability, Map.of("max_leverage", 11.0)));
        assertThrows(UserError.class, () -> Parameters.of(probability, Map.of("band", 0.5)));
    }
}

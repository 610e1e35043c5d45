package dev.foresight.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.risk.RiskRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The report's risk section: a GARCH whose 99% VaR holds overall (3 failures in 500 bars, 5
 * expected) but fails in the turbulent regime (3 in 100, 1 expected) shows both rows, the regime
 * one marked as rejected; a model without a variance forecast shows its historical figures only.
 */
class RiskSectionTest {

    private static RiskRow row(String model, String detector, String regime, int n, Integer failures99, Double kupiec99) {
        boolean backtested = failures99 != null;
        return new RiskRow("ret", model, detector, regime, n, 0.0161, 0.0203, 0.0242, 0.0281,
                backtested ? "normal" : null, backtested ? n : null, backtested ? n / 20 : null, backtested ? 0.9 : null,
                backtested ? 0.5 : null, backtested ? 0.7 : null, failures99, kupiec99, backtested ? 0.6 : null,
                backtested ? (kupiec99 < 0.05 ? 0.01 : 0.4) : null);
    }

    @Test
    void regimeRowsShowWhereAVarFails_andRejectionsAreMarked() {
        List<RiskSection.Block> blocks = RiskSection.blocks(List.of(row("garch", "", "", 500, 3, 0.35),
                row("garch", "truth", "turbulent", 100, 3, 0.02), row("linear", "", "", 500, null, null)));
        assertEquals(1, blocks.size());
        List<RiskSection.Row> rows = blocks.get(0).rows();
        RiskSection.Row overall = rows.get(0);
        assertEquals("all bars", overall.scope());
        assertEquals("3 / 5.0", overall.fail99());
        assertEquals("0.350", overall.kupiec99());
        assertEquals("2.42%", overall.var99());
        assertFalse(overall.bad99());
        RiskSection.Row turbulent = rows.get(1);
        assertEquals("truth: turbulent", turbulent.scope());
        assertTrue(turbulent.regime());
        assertEquals("3 / 1.0", turbulent.fail99());
        assertTrue(turbulent.bad99(), "Kupiec p = 0.02 rejects at 5%");
        RiskSection.Row noVariance = rows.get(2);
        assertEquals(Fmt.NONE, noVariance.fail99());
        assertEquals(Fmt.NONE, noVariance.distribution());
        assertEquals("1.61%", noVariance.var95());
        assertFalse(noVariance.bad99());
    }
}

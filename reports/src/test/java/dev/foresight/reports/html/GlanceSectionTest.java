package dev.foresight.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.foresight.reports.summary.SignificanceRow;
import org.junit.jupiter.api.Test;

/** The at-a-glance card states which way a significant Diebold–Mariano test points. */
class GlanceSectionTest {

    private static SignificanceRow dm(double statistic, double p) {
        return new SignificanceRow("e", "m", "random-walk", statistic, p, null, null, false, 250, null, null, null, null,
                null, null, null, null, null, null);
    }

    @Test
    void glanceSection_aSignificantlyWorseForecastIsSaidToBeWorseNotJustSignificant() {
        assertEquals("; its squared forecast errors are significantly LARGER than the baseline's (Diebold–Mariano p < 0.001)",
                GlanceSection.forecastLoss(dm(7.5, 1e-9)));
    }

    @Test
    void glanceSection_aSignificantlyBetterForecastIsSaidToBeBetter() {
        assertEquals("; its squared forecast errors are significantly smaller than the baseline's (Diebold–Mariano p = 0.012)",
                GlanceSection.forecastLoss(dm(-2.5, 0.012)));
    }

    @Test
    void glanceSection_anInsignificantDifferenceIsSaidToBeNoDifference() {
        assertEquals("; its squared forecast errors are not significantly different from the baseline's (Diebold–Mariano p = 0.852)",
                GlanceSection.forecastLoss(dm(0.19, 0.852)));
        assertEquals("", GlanceSection.forecastLoss(null));
    }
}

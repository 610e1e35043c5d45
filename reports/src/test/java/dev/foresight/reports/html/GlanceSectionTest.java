package dev.foresight.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.backtest.BacktestResult;
import dev.foresight.evaluation.ModelPath;
import dev.foresight.reports.summary.RegimeRow;
import dev.foresight.reports.summary.SignificanceRow;
import dev.foresight.result.BarRecord;
import dev.foresight.result.ResolvedBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The at-a-glance card states which way a significant Diebold–Mariano test points. */
class GlanceSectionTest {

    private static SignificanceRow dm(double statistic, double p) {
        return new SignificanceRow("e", "m", "random-walk", statistic, p, null, null, false, 250, null, null, null, null, null,
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

    /** A model's run: traded (with {@code position} on every bar) or not; three bars. */
    private static ReportInput.ModelRun run(String name, String target, boolean traded, double position) {
        List<BarRecord> bars = new ArrayList<>();
        double[] net = {0.01 * position, -0.005 * position, 0.002 * position};
        for (int i = 0; i < 3; i++) {
            bars.add(new BarRecord(i, "2020-01-01", 0.01, 0.01, null, null, 0, 0, position, net[i], net[i], Map.of()));
        }
        BacktestResult bt = traded ? new BacktestResult(net, new double[3], net, new double[3], new double[] {1, 1, 1},
                new double[3]) : null;
        return new ReportInput.ModelRun(new ResolvedBatch.Model(name, "ar", "none", Map.of()), List.of(),
                new ModelPath("e", name, target, 1, bars, bt), null, null);
    }

    private static ReportInput.Experiment experiment(List<ReportInput.ModelRun> models) {
        return new ReportInput.Experiment(new ResolvedBatch.Experiment("e", Map.of(), Map.of("kind", "log-return", "horizon", 1),
                List.of(), Map.of(), Map.of("kind", "sign"), 0, 0, List.of(), models.stream().map(ReportInput.ModelRun::config)
                .toList(), "rw", Map.of()), models);
    }

    private static RegimeRow cell(String model, Double mse, Double qlike, Double sharpe) {
        return new RegimeRow("e", "volatility", "calm", model, 100, false, mse, null, null, qlike, null, null,
                null, null, sharpe, null, null, null);
    }

    @Test
    void inARegime_aModelFlatThereCountsAsCash_notAsBeatenByANegativeSharpe() {
        ReportInput.Experiment e = experiment(List.of(run("best", "log-return(h=1)", true, 1),
                run("other", "log-return(h=1)", true, 1), run("rw", "log-return(h=1)", true, 0)));
        RegimeRow flat = cell("best", 1e-4, null, null);
        assertFalse(GlanceSection.beats(e, cell("other", 1e-4, null, -0.5), flat), "-0.50 does not beat cash");
        assertTrue(GlanceSection.beats(e, cell("other", 1e-4, null, 0.3), flat));
        // the sentence prints each side's own figure
        assertEquals("Sharpe 0.30", GlanceSection.regimeFigure(e, cell("other", 1e-4, null, 0.3)));
        assertEquals("Sharpe 0.00 (flat)", GlanceSection.regimeFigure(e, flat));
        // a model that never trades has no Sharpe to win with, in any regime
        assertFalse(GlanceSection.beats(e, cell("rw", 1e-4, null, null), cell("best", 1e-4, null, -0.4)));
    }

    @Test
    void inARegime_volatilityIsJudgedByQlike_notMse() {
        String vol = "realised-vol(h=1)";
        ReportInput.Experiment e = new ReportInput.Experiment(new ResolvedBatch.Experiment("e", Map.of(),
                Map.of("kind", "realised-vol", "horizon", 1), List.of(), Map.of(), Map.of(), 0, 0, List.of(),
                List.of(), "rw", Map.of()), List.of(run("garch", vol, false, 0), run("ar", vol, false, 0)));
        RegimeRow garch = cell("garch", 2.0e-5, 0.20, null);
        RegimeRow ar = cell("ar", 1.9e-5, 0.25, null);
        assertTrue(GlanceSection.beats(e, garch, ar), "QLIKE 0.20 < 0.25 although its MSE is larger");
        assertFalse(GlanceSection.beats(e, ar, garch));
        assertEquals("QLIKE 0.200", GlanceSection.regimeFigure(e, garch));
    }

    /** A volatility model's run: labels and forecasts per bar, untraded. */
    private static ReportInput.ModelRun vol(String name, double[] actual, double[] forecast) {
        List<BarRecord> bars = new ArrayList<>();
        for (int i = 0; i < actual.length; i++) {
            bars.add(new BarRecord(10 + i, "2020-01-01", actual[i], forecast[i], null, null, Double.NaN, Double.NaN, 0, 0,
                    0, Map.of()));
        }
        return new ReportInput.ModelRun(new ResolvedBatch.Model(name, "garch", "none", Map.of()), List.of(),
                new ModelPath("e", name, "realised-vol(h=1)", 1, bars, null), null, null);
    }

    @Test
    void volatilityIsTestedOnQlike_asHandComputed() {
        double[] y = {0.010, 0.012, 0.008, 0.015, 0.011, 0.009};
        double[] fm = {0.011, 0.011, 0.009, 0.013, 0.011, 0.010};
        double[] fb = {0.009, 0.010, 0.012, 0.008, 0.015, 0.011};
        // by hand: QLIKE = r − ln r − 1 with r = y²/f²; d = model − baseline; h = 1: V = γ0 / n
        int n = y.length;
        double[] d = new double[n];
        double mean = 0;
        for (int t = 0; t < n; t++) {
            double rm = y[t] * y[t] / (fm[t] * fm[t]);
            double rb = y[t] * y[t] / (fb[t] * fb[t]);
            d[t] = (rm - Math.log(rm) - 1) - (rb - Math.log(rb) - 1);
            mean += d[t] / n;
        }
        double g0 = 0;
        for (double x : d) {
            g0 += (x - mean) * (x - mean) / n;
        }
        double dm = mean / Math.sqrt(g0 / n);
        double hln = dm * Math.sqrt((n + 1 - 2.0) / n);
        double p = 2 * new org.apache.commons.math3.distribution.TDistribution(n - 1).cumulativeProbability(-Math.abs(hln));

        var r = GlanceSection.qlikeDm(vol("garch", y, fm), vol("rw", y, fb));
        assertEquals(hln, r.statistic(), 1e-12);
        assertEquals(p, r.pValue(), 1e-12);
        assertTrue(r.statistic() < 0, "the model's QLIKE is the smaller");
        // against itself there is nothing to test; a bar outside QLIKE's domain is left out
        assertEquals(null, GlanceSection.qlikeDm(vol("rw", y, fb), vol("rw", y, fb)));
        double[] y0 = y.clone();
        y0[0] = 0;
        assertEquals(5, GlanceSection.qlikeDm(vol("garch", y0, fm), vol("rw", y0, fb)).n());
    }
}

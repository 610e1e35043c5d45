package dev.foresight.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.reports.summary.Scorecard;
import dev.foresight.result.BarRecord;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark that trades, exposure, and the verdict's rules, on a hand-written run. */
class ComparisonsTest {

    @TempDir
    Path tmp;

    private ReportInput input() {
        var dir = HandWrittenRun.write(tmp.resolve("run"), "ret", false);
        return ReportInput.of(dir, Scorecard.compute(dir));
    }

    /**
     * Buy-and-hold is long on every compared bar and pays the entry cost (5 bps) when it enters: its net
     * returns are the asset's returns less 0.0005 on each entry bar.
     * The random walk never trades (flat on every bar, β 0); the others' β is the slope of
     * position·r on r, computed here by hand.
     */
    @Test
    void buyAndHold_andExposure_matchHandComputation() {
        ReportInput in = input();
        ReportInput.Experiment e = in.experiments().get(0);
        Comparisons c = Comparisons.of(e, in.config().seed(), in.annualisation());
        assertNotNull(c.buyAndHold());
        // every model but the failing fold of garch: the compared bars are the folds garch has
        assertEquals(2 * HandWrittenRun.BARS, c.bars());
        // buy-and-hold is built on the first traded model's records (in a real run every model has the same asset returns)
        var first = e.model("random-walk").orElseThrow();
        var lstm = e.model("lstm").orElseThrow();
        double[] asset = first.path().bars().stream().filter(b -> contains(c.buyAndHold().bars(), b.bar()))
                .mapToDouble(BarRecord::assetReturn).toArray();
        double[] bh = c.buyAndHold().netReturns();
        assertEquals(asset.length, bh.length);
        // garch's fold 1 failed, so the compared bars are folds 0 and 2 with a gap between: buy-and-hold
        // restarts flat after it and pays the entry cost again, like every strategy.
        for (int t = 0; t < bh.length; t++) {
            double cost = t == 0 || t == HandWrittenRun.BARS ? 0.0005 : 0;
            assertEquals(asset[t] - cost, bh[t], 1e-15, "bar " + t);
        }
        var rw = c.models().stream().filter(m -> m.name().equals("random-walk")).findFirst().orElseThrow();
        assertEquals(1.0, rw.exposure().flatShare(), 0);
        assertEquals(0.0, rw.exposure().beta(), 0);
        var lv = c.models().stream().filter(m -> m.name().equals("lstm")).findFirst().orElseThrow();
        double[] own = lstm.path().bars().stream().filter(b -> contains(c.buyAndHold().bars(), b.bar()))
                .mapToDouble(BarRecord::assetReturn).toArray();
        double[] gross = lstm.path().bars().stream().filter(b -> contains(c.buyAndHold().bars(), b.bar()))
                .mapToDouble(b -> b.position() * b.assetReturn()).toArray();
        assertEquals(slope(own, gross), lv.exposure().beta(), 1e-12);
        assertEquals(1.0, lv.exposure().longShare() + lv.exposure().shortShare() + lv.exposure().flatShare(), 1e-12);
    }

    /**
     * The hand-written models forecast from the bar's own outcome (a planted edge): SPA finds that a
     * strategy beats buy-and-hold, the verdict calls the best model skilful, and the random walk, which
     * never trades, is never named best.
     */
    @Test
    void plantedEdge_beatsBuyAndHold_andCashIsNeverBest() {
        ReportInput in = input();
        ReportInput.Experiment e = in.experiments().get(0);
        Comparisons c = Comparisons.of(e, in.config().seed(), in.annualisation());
        assertTrue(c.spa().pConsistent() < 0.05, c.spa().toString());
        var card = new GlanceSection().view(in).cards().get(0);
        assertNotEquals("random-walk", card.best());
        assertTrue(card.significant(), card.significance());
        assertTrue(card.significance().startsWith("Skilful"), card.significance());
        assertTrue(card.difference().contains("Buy-and-hold on the same bars: Sharpe"), card.difference());
        assertTrue(card.significance().contains("configuration"), card.significance());
        assertFalse(Scores.ranked(e).get(0).name().equals("random-walk"));
    }

    /**
     * Per regime, the MCS on returns ranks the strategies and buy-and-hold on that regime's bars: the
     * planted edge (forecasts from the bar's own outcome) holds in every regime, so in each regime of
     * 60+ bars the set keeps edged strategies and drops buy-and-hold (mean 0) and the random walk (cash).
     */
    @Test
    void perRegime_theReturnsMcsDropsBuyAndHoldAndCash_whereThePlantedEdgeEarns() {
        ReportInput in = input();
        ReportInput.Experiment e = in.experiments().get(0);
        Comparisons c = Comparisons.of(e, in.config().seed(), in.annualisation());
        var truth = c.regimeReturns().get("truth");
        assertEquals(Set.of("calm", "turbulent"), truth.keySet());
        truth.forEach((regime, members) -> {
            assertFalse(members.isEmpty(), regime);
            assertFalse(members.contains(Comparisons.BUY_AND_HOLD), regime + ": " + members);
            assertFalse(members.contains("random-walk"), regime + ": " + members);
            assertTrue(members.contains("lstm") || members.contains("garch"), regime + ": " + members);
        });
        // and the report shows them under the loss's set
        var board = ComparisonSection.board(e, c);
        assertTrue(board.regimes().stream().anyMatch(l -> l.detector().equals("truth") && l.hasReturns()
                && l.returns().startsWith("calm: ")), board.regimes().toString());
    }

    private static boolean contains(int[] bars, int bar) {
        return Arrays.stream(bars).anyMatch(b -> b == bar);
    }

    private static double slope(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        return sxy / sxx;
    }
}

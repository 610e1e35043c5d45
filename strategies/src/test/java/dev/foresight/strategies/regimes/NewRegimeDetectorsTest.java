package dev.foresight.strategies.regimes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.Column;
import dev.foresight.data.DataNotes;
import dev.foresight.data.MarketData;
import dev.foresight.data.PriceSeries;
import dev.foresight.data.RegimeTruth;
import dev.foresight.error.UserError;
import dev.foresight.plugin.Parameters;
import dev.foresight.regime.UnsupportedDataException;
import dev.foresight.strategies.Markets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The {@code truth}, {@code trend}, {@code calendar} and {@code markov} detectors. */
class NewRegimeDetectorsTest {

    // ---- truth ----

    @Test
    void truth_labelsEachBarWithTheSimulatorsState_andFailsClearlyWithoutOne() {
        double[] close = Markets.randomWalk(6, 0.01, 1);
        Map<Column, double[]> cols = new EnumMap<>(Column.class);
        cols.put(Column.CLOSE, close);
        RegimeTruth truth = new RegimeTruth(List.of("calm", "turbulent"), new int[] {0, 0, 1, 1, 0, 1});
        MarketData data = MarketData.of(PriceSeries.of("SYN", Markets.days(6), cols, truth), DataNotes.clean(6));

        String[] labels = new TruthRegimes().fit(data.upTo(2)).label(data.upTo(4));
        assertArrayEquals(new String[] {"calm", "calm", "turbulent", "turbulent", "calm"}, labels);

        var e = assertThrows(UnsupportedDataException.class, () -> new TruthRegimes().fit(Markets.of(close).full()));
        assertTrue(e.getMessage().contains("no true regimes"), e.getMessage());
    }

    // ---- trend ----

    /*
     * SMA(3) by hand on prices 10, 11, 12, 9, 9, 12:
     *   t=2: mean(10,11,12) = 11, 12 ≥ 11 bull; t=3: mean(11,12,9) = 10.67, 9 < bear;
     *   t=4: mean(12,9,9) = 10, 9 < bear; t=5: mean(9,9,12) = 10, 12 ≥ bull.
     * Drawdown 20%: peaks 10, 11, 12, 12, 12, 12; 9 ≤ 0.8·12 = 9.6 bear at t=3, 4; 12 is a new peak.
     */
    @Test
    void trend_smaAndDrawdownRules_matchHandComputation() {
        MarketData data = Markets.of(new double[] {10, 11, 12, 9, 9, 12});
        String[] sma = new TrendRegimes(TrendRegimes.Method.SMA, 3, 0.2).fit(data.upTo(2)).label(data.full());
        assertArrayEquals(new String[] {null, null, "bull", "bear", "bear", "bull"}, sma);
        String[] dd = new TrendRegimes(TrendRegimes.Method.DRAWDOWN, 3, 0.2).fit(data.upTo(2)).label(data.full());
        assertArrayEquals(new String[] {"bull", "bull", "bull", "bear", "bear", "bull"}, dd);
        // 10% from 12 is 10.8: 9 is bear, so is 10.8 exactly (bounds included).
        String[] dd10 = new TrendRegimes(TrendRegimes.Method.DRAWDOWN, 3, 0.1).fit(data.upTo(2))
                .label(Markets.of(new double[] {10, 12, 10.8, 10.81}).full());
        assertArrayEquals(new String[] {"bull", "bull", "bear", "bull"}, dd10);
    }

    // ---- calendar ----

    @Test
    void calendar_labelsNamedRangesInclusively_andOtherElsewhere() {
        var provider = new CalendarRegimesProvider();
        // Markets.days starts on 2020-01-01, one calendar day per bar.
        var detector = provider.create(Parameters.of(provider,
                Map.of("ranges", List.of("jan_mid: 2020-01-03..2020-01-04", "late: 2020-01-06..2020-01-06"))));
        MarketData data = Markets.of(Markets.randomWalk(8, 0.01, 2));
        String[] labels = detector.fit(data.upTo(3)).label(data.full());
        assertArrayEquals(new String[] {"other", "other", "jan_mid", "jan_mid", "other", "late", "other", "other"}, labels);
        assertEquals(List.of("jan_mid", "late", "other"), detector.fit(data.upTo(3)).names());
    }

    @Test
    void calendar_badRanges_areLocatedUserErrors() {
        var provider = new CalendarRegimesProvider();
        for (List<String> bad : List.of(List.of("covid 2020-02-20..2020-04-30"), List.of("x: 2020-02-30..2020-04-30"),
                List.of("x: 2020-05-01..2020-04-30"), List.of("a: 2020-01-01..2020-02-01", "b: 2020-02-01..2020-03-01"),
                List.of("other: 2020-01-01..2020-02-01"))) {
            var e = assertThrows(UserError.class, () -> provider.create(Parameters.of(provider, Map.of("ranges", bad))),
                    bad.toString());
            assertTrue(e.getMessage().contains("ranges"), e.getMessage());
        }
    }

    // ---- markov ----

    /** Simulated 2-state data with known parameters, the regime path kept. */
    private record Simulated(double[] returns, int[] states) {
    }

    private static Simulated simulate(int n, long seed) {
        double[] mu = {0.0005, -0.001};
        double[] sd = {0.008, 0.025};
        double[] stay = {0.98, 0.95};
        SplittableRandom random = new SplittableRandom(seed);
        double[] r = new double[n];
        int[] s = new int[n];
        int state = 0;
        for (int t = 0; t < n; t++) {
            if (t > 0 && random.nextDouble() > stay[state]) {
                state = 1 - state;
            }
            s[t] = state;
            double u = 1 - random.nextDouble();
            double z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
            r[t] = mu[state] + sd[state] * z;
        }
        return new Simulated(r, s);
    }

    @Test
    void markov_recoversTheParametersOfSimulatedTwoStateData() {
        Simulated sim = simulate(5000, 17);
        MarkovSwitching m = MarkovSwitching.fit(sim.returns(), 1000, 1e-10);
        assertEquals(0.008, Math.sqrt(m.var()[0]), 0.0006);
        assertEquals(0.025, Math.sqrt(m.var()[1]), 0.002);
        assertEquals(0.98, m.p()[0][0], 0.01);
        assertEquals(0.95, m.p()[1][1], 0.02);
        assertEquals(0.0005, m.mu()[0], 0.0004);
        assertEquals(-0.001, m.mu()[1], 0.002);
        // The filtered labels agree with the hidden states on most bars.
        double[] high = m.filter(sim.returns());
        int agree = 0;
        for (int t = 0; t < high.length; t++) {
            agree += (high[t] > 0.5 ? 1 : 0) == sim.states()[t] ? 1 : 0;
        }
        assertTrue(agree > 0.9 * high.length, "agreement " + agree + "/" + high.length);
    }

    @Test
    void markov_emNeverDecreasesTheLikelihood() {
        Simulated sim = simulate(800, 4);
        double previous = Double.NEGATIVE_INFINITY;
        for (int it = 1; it <= 30; it++) {
            double logL = MarkovSwitching.fit(sim.returns(), it, 0).logLikelihood();
            assertTrue(logL >= previous - 1e-9, "iteration " + it + ": " + logL + " < " + previous);
            previous = logL;
        }
    }

    @Test
    void markov_labelsAtTAreUnchangedWhenLaterBarsChange() {
        Simulated sim = simulate(1200, 23);
        double[] prices = new double[sim.returns().length + 1];
        prices[0] = 100;
        for (int t = 1; t < prices.length; t++) {
            prices[t] = prices[t - 1] * Math.exp(sim.returns()[t - 1]);
        }
        double[] changed = prices.clone();
        for (int t = 1001; t < changed.length; t++) {
            changed[t] = changed[t - 1] * Math.exp(0.05 * Math.sin(t));   // a wild, different future
        }
        var detector = new MarkovRegimes(500, 1e-8);
        var fitted = (MarkovRegimes.Fitted) detector.fit(Markets.of(prices).upTo(799));
        var other = (MarkovRegimes.Fitted) detector.fit(Markets.of(changed).upTo(799));
        assertArrayEquals(fitted.model().var(), other.model().var(), 0, "fit must see the training window only");
        assertArrayEquals(fitted.model().mu(), other.model().mu(), 0);
        String[] a = fitted.label(Markets.of(prices).full());
        String[] b = fitted.label(Markets.of(changed).full());
        assertNull(a[0]);
        assertArrayEquals(Arrays.copyOf(a, 1001), Arrays.copyOf(b, 1001));
        assertTrue(!Arrays.equals(a, b), "the changed future should change some later labels");
        // Truncated history gives the same labels as the full one.
        assertArrayEquals(Arrays.copyOf(a, 901), fitted.label(Markets.of(prices).upTo(900)));
    }
}

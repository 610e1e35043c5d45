package dev.foresight.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.PriceSeries;
import dev.foresight.data.RegimeTruth;
import dev.foresight.data.synthetic.RegimeSwitchingGarchSource.Regime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegimeSwitchingGarchSourceTest {

    private static final int BARS = 200_000;

    @Test
    void regimeSwitchingGarchSource_keepsTheStatePathWithRegimeNames() {
        PriceSeries s = RegimeSwitchingGarchSource.calmTurbulent().generate("R", 1_000, 31);
        RegimeTruth truth = s.trueRegimes().orElseThrow();
        assertEquals(List.of("calm", "turbulent"), truth.names());
        assertEquals(1_000, truth.states().length);
    }

    @Test
    void empiricalTransitionFrequencies_matchTheMatrix() {
        RegimeSwitchingGarchSource source = RegimeSwitchingGarchSource.bullBearCrisis();
        int[] states = source.generate("R", BARS, 32).trueRegimes().orElseThrow().states();
        int k = source.regimes().size();
        long[][] counts = new long[k][k];
        long[] from = new long[k];
        for (int t = 1; t < states.length; t++) {
            counts[states[t - 1]][states[t]]++;
            from[states[t - 1]]++;
        }
        for (int i = 0; i < k; i++) {
            assertTrue(from[i] > 1_000, "regime " + i + " visited " + from[i] + " times");
            for (int j = 0; j < k; j++) {
                double p = source.transition().get(i).get(j);
                double se = Math.sqrt(p * (1 - p) / from[i]);
                assertEquals(p, (double) counts[i][j] / from[i], 5 * se + 1e-12, "P(" + i + " -> " + j + ")");
            }
        }
    }

    @Test
    void regimeSwitchingGarchSource_perRegimeVolatilityAndDriftAreOrderedAsConfigured() {
        RegimeSwitchingGarchSource source = RegimeSwitchingGarchSource.bullBearCrisis();
        PriceSeries s = source.generate("R", BARS, 33);
        int[] states = s.trueRegimes().orElseThrow().states();
        double[] close = s.column(dev.foresight.data.Column.CLOSE);
        int k = source.regimes().size();
        double[] sum = new double[k];
        double[] sumSq = new double[k];
        long[] n = new long[k];
        for (int t = 1; t < close.length; t++) {
            double r = Math.log(close[t] / close[t - 1]);
            sum[states[t]] += r;
            sumSq[states[t]] += r * r;
            n[states[t]]++;
        }
        double[] mean = new double[k];
        double[] vol = new double[k];
        for (int i = 0; i < k; i++) {
            mean[i] = sum[i] / n[i];
            vol[i] = Math.sqrt(sumSq[i] / n[i] - mean[i] * mean[i]);
        }
        // configured: bull 0.8%, bear 1.4%, crisis 3% long-run daily volatility
        assertTrue(vol[0] < vol[1] && vol[1] < vol[2], Arrays.toString(vol));
        assertTrue(vol[2] > 2 * vol[0], Arrays.toString(vol));
        // configured drifts: bull > 0 > bear > crisis
        assertTrue(mean[0] > 0 && mean[0] > mean[1] && mean[1] > mean[2], Arrays.toString(mean));
    }

    @Test
    void regimeSwitchingGarchSource_defaultRegimesLastBetweenFiftyAndTwoHundredFiftyDays() {
        for (RegimeSwitchingGarchSource source : List.of(RegimeSwitchingGarchSource.calmTurbulent(),
                RegimeSwitchingGarchSource.bullBearCrisis())) {
            for (int i = 0; i < source.regimes().size(); i++) {
                double d = source.expectedDuration(i);
                assertTrue(d >= 50 - 1e-9 && d <= 250, source.regimeNames().get(i) + ": " + d);
            }
        }
    }

    @Test
    void regimeSwitchingGarchSource_rejectsTransitionRowNotSummingToOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RegimeSwitchingGarchSource(
                twoRegimes(), List.of(List.of(0.9, 0.1), List.of(0.2, 0.7)), 6));
        assertTrue(e.getMessage().contains("transition row 1 (b) sums to"), e.getMessage());
        assertTrue(e.getMessage().contains("must sum to 1"), e.getMessage());
    }

    @Test
    void regimeSwitchingGarchSource_rejectsMalformedMatricesAndRegimeSets() {
        assertThrows(IllegalArgumentException.class, () -> new RegimeSwitchingGarchSource(twoRegimes(),
                List.of(List.of(1.0, 0.0)), 6));
        assertThrows(IllegalArgumentException.class, () -> new RegimeSwitchingGarchSource(twoRegimes(),
                List.of(List.of(1.0), List.of(1.0)), 6));
        assertThrows(IllegalArgumentException.class, () -> new RegimeSwitchingGarchSource(twoRegimes(),
                List.of(List.of(1.5, -0.5), List.of(0.5, 0.5)), 6));
        assertThrows(IllegalArgumentException.class, () -> new RegimeSwitchingGarchSource(
                List.of(twoRegimes().get(0)), List.of(List.of(1.0)), 6));
        assertThrows(IllegalArgumentException.class, () -> new RegimeSwitchingGarchSource(
                List.of(twoRegimes().get(0), twoRegimes().get(0)), List.of(List.of(0.5, 0.5), List.of(0.5, 0.5)), 6));
        IllegalArgumentException nu = assertThrows(IllegalArgumentException.class, () ->
                new RegimeSwitchingGarchSource(twoRegimes(), List.of(List.of(0.5, 0.5), List.of(0.5, 0.5)), 1.5));
        assertTrue(nu.getMessage().contains("nu must be > 2"), nu.getMessage());
        IllegalArgumentException garch = assertThrows(IllegalArgumentException.class,
                () -> new Regime("hot", 0, 1e-6, 0.5, 0.6));
        assertTrue(garch.getMessage().startsWith("regime hot: alpha + beta must be < 1"), garch.getMessage());
    }

    private static List<Regime> twoRegimes() {
        return List.of(new Regime("a", 0, 1e-6, 0.05, 0.9), new Regime("b", 0, 1e-5, 0.05, 0.9));
    }
}

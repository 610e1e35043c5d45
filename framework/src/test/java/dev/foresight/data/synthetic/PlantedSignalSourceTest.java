package dev.foresight.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.Column;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

/** Each planted signal has the statistical fingerprint it promises, checked on a long path. */
class PlantedSignalSourceTest {

    private static final int BARS = 200_000;

    private static double[] returns(PlantedSignalSource.Signal signal, double strength, int bars, long seed) {
        double[] close = new PlantedSignalSource(signal, strength, 0.01, 100, LocalDate.of(2000, 1, 3))
                .generate("X", bars, seed).column(Column.CLOSE);
        double[] r = new double[bars];
        r[0] = Math.log(close[0] / 100);
        for (int t = 1; t < bars; t++) {
            r[t] = Math.log(close[t] / close[t - 1]);
        }
        return r;
    }

    private static double lagCorrelation(double[] x, double[] y, int lag) {
        double[] a = Arrays.copyOfRange(x, 0, x.length - lag);
        double[] b = Arrays.copyOfRange(y, lag, y.length);
        return new PearsonsCorrelation().correlation(a, b);
    }

    @Test
    void ar1_hasLagOneAutocorrelationPhi() {
        double[] r = returns(PlantedSignalSource.Signal.AR1, 0.3, BARS, 1);
        // standard error of a lag correlation ≈ 1/sqrt(n) = 0.0022
        assertEquals(0.3, lagCorrelation(r, r, 1), 0.01);
        assertEquals(0.09, lagCorrelation(r, r, 2), 0.01);
    }

    @Test
    void product_isUncorrelatedWithEveryLagButExplainsItsShareOfTheVariance() {
        double[] r = returns(PlantedSignalSource.Signal.PRODUCT, 0.2, BARS, 2);
        for (int lag = 1; lag <= 5; lag++) {
            assertEquals(0, lagCorrelation(r, r, lag), 0.012, "lag " + lag);
        }
        // Var(r) = s² (1 + a²) = s² / (1 − share); E[r_t r_{t-1} r_{t-2}] = a s³ E[z²]² = a s³ (the only
        // non-zero term of the triple product), a = sqrt(0.2 / 0.8) = 0.5.
        double variance = 0;
        double triple = 0;
        for (int t = 2; t < BARS; t++) {
            variance += r[t] * r[t];
            triple += r[t] * r[t - 1] * r[t - 2];
        }
        assertEquals(1e-4 / 0.8, variance / (BARS - 2), 0.03 * 1e-4 / 0.8);
        assertEquals(0.5e-6, triple / (BARS - 2), 0.1e-6);
    }

    @Test
    void threshold_isUncorrelatedWithEveryLagAndRaisesTheMeanAfterLargeMoves() {
        double[] r = returns(PlantedSignalSource.Signal.THRESHOLD, 0.1, BARS, 3);
        assertEquals(0, lagCorrelation(r, r, 1), 0.012);
        double after = 0;
        int big = 0;
        double afterSmall = 0;
        int small = 0;
        for (int t = 1; t < BARS; t++) {
            if (Math.abs(r[t - 1]) > 0.012) {
                after += r[t];
                big++;
            } else {
                afterSmall += r[t];
                small++;
            }
        }
        assertTrue(after / big > 0.002 && afterSmall / small < -0.001, after / big + " vs " + afterSmall / small);
    }

    @Test
    void leverage_fallsRaiseTheNextSquaredReturnMoreThanRises() {
        double[] r = returns(PlantedSignalSource.Signal.LEVERAGE, 0.12, BARS, 4);
        double afterFall = 0;
        int falls = 0;
        double afterRise = 0;
        int rises = 0;
        double variance = 0;
        for (int t = 1; t < BARS; t++) {
            variance += r[t] * r[t];
            if (r[t - 1] < -0.01) {
                afterFall += r[t] * r[t];
                falls++;
            } else if (r[t - 1] > 0.01) {
                afterRise += r[t] * r[t];
                rises++;
            }
        }
        assertEquals(0.01, Math.sqrt(variance / BARS), 0.001, "unconditional daily volatility");
        assertTrue(afterFall / falls > 1.2 * afterRise / rises, afterFall / falls + " vs " + afterRise / rises);
    }

    @Test
    void sameSeedSamePath_impossibleParametersAreRejectedWithTheRule() {
        assertArrayEquals(returns(PlantedSignalSource.Signal.AR1, 0.3, 100, 9),
                returns(PlantedSignalSource.Signal.AR1, 0.3, 100, 9));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PlantedSignalSource(
                PlantedSignalSource.Signal.AR1, 1.0, 0.01, 100, LocalDate.of(2000, 1, 3)));
        assertTrue(e.getMessage().contains("(-1, 1)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PlantedSignalSource(PlantedSignalSource.Signal.LEVERAGE,
                0.3, 0.01, 100, LocalDate.of(2000, 1, 3)));
    }
}

package dev.foresight.strategies.lstm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GateMathTest {

    /** 200,001 evenly spaced values in [lo, hi], magnitudes from 1e−30 to 1 of both signs, ±0, and values past the clamp. */
    private static float[] grid(float lo, float hi) {
        List<Float> v = new ArrayList<>();
        int n = 200_000;
        for (int k = 0; k <= n; k++) {
            v.add((float) (lo + (hi - (double) lo) * k / n));
        }
        for (double m = 1e-30; m < 1; m *= 1.01) {
            v.add((float) m);
            v.add((float) -m);
        }
        v.add(0f);
        v.add(-0f);
        for (float far : new float[] {100f, 500f, Float.MAX_VALUE}) {
            v.add(far);
            v.add(-far);
        }
        float[] out = new float[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i);
        }
        return out;
    }

    private static double ulps(float actual, double exact) {
        return Math.abs(actual - exact) / Math.ulp((float) exact);
    }

    @Test
    void exp_isWithinTwoUlpOfDoublePrecisionOverTheWholeClampedRange() {
        double worst = 0;
        for (float x : grid(-87f, 88f)) {
            if (Math.abs(x) <= 88f) {
                worst = Math.max(worst, ulps(GateMath.exp(x), Math.exp(Math.max(-87, x))));
            }
        }
        assertTrue(worst <= 2, "worst error " + worst + " ulp");
    }

    @Test
    void logistic_isWithinFourUlpOrOneTenMillionthOfDoublePrecision() {
        float[] x = grid(-100f, 100f);
        float[] y = x.clone();
        new GateMath().logistic(y, 0, y.length);
        for (int i = 0; i < x.length; i++) {
            double exact = 1 / (1 + Math.exp(-(double) x[i]));
            assertTrue(ulps(y[i], exact) <= 4 || Math.abs(y[i] - exact) <= 1e-7,
                    "logistic(" + x[i] + ") = " + y[i] + ", exact " + exact);
            assertTrue(y[i] >= 0f && y[i] <= 1f);
        }
    }

    @Test
    void tanh_keepsRelativePrecisionNearZeroAndSaturatesExactly() {
        float[] x = grid(-30f, 30f);
        float[] y = x.clone();
        new GateMath().tanh(y, 0, y.length);
        for (int i = 0; i < x.length; i++) {
            double exact = Math.tanh(x[i]);
            assertTrue(ulps(y[i], exact) <= 4, "tanh(" + x[i] + ") = " + y[i] + ", exact " + exact);
        }
        float[] tiny = {1e-6f, -3e-5f, 2.5e-3f};
        new GateMath().tanh(tiny, 0, tiny.length);
        assertEquals(1e-6, tiny[0], 1e-6 * 1e-6);
        float[] far = {50f, -50f, 1e30f, -1e30f};
        new GateMath().tanh(far, 0, far.length);
        assertEquals(1f, far[0]);
        assertEquals(-1f, far[1]);
        assertEquals(1f, far[2]);
        assertEquals(-1f, far[3]);
    }

    @Test
    void gateMath_changesOnlyTheNamedRange_andScratchGrowsAsNeeded() {
        Random random = new Random(7);
        float[] x = new float[5000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian() * 4;
        }
        float[] y = x.clone();
        GateMath math = new GateMath();
        math.logistic(y, 10, 20);   // small first: the scratch must grow for the next call
        math.tanh(y, 1000, 3000);
        for (int i = 0; i < x.length; i++) {
            double expected = i >= 10 && i < 30 ? 1 / (1 + Math.exp(-(double) x[i]))
                    : i >= 1000 && i < 4000 ? Math.tanh(x[i]) : x[i];
            assertEquals(expected, y[i], 1e-6, "element " + i);
        }
    }
}

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

    /**
     * The fused kernels the LSTM step uses give the very floats of the separate passes they replace
     * (bias added, then {@link GateMath#tanh} / {@link GateMath#logistic}; c = f·c' + i·a, tanh c,
     * h = o·tanh c): GemmLstm's results, and the golden outputs, do not depend on the fusion.
     */
    @Test
    void fusedKernels_giveBitIdenticalFloatsToTheSeparatePasses() {
        Random random = new Random(11);
        int n = 4099; // not a multiple of any vector width: the scalar tails run too
        float[] z = new float[n];
        float[] bias = new float[n];
        float[][] gate = new float[4][n];
        float[] prev = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] = (float) random.nextGaussian() * 6;
            bias[i] = (float) random.nextGaussian();
            prev[i] = (float) random.nextGaussian() * 3;
            for (float[] g : gate) {
                g[i] = (float) random.nextGaussian() * 5;
            }
        }
        z[0] = 200f;   // past the clamp
        z[1] = -200f;
        z[2] = 0f;
        bias[2] = -0f;
        GateMath math = new GateMath();
        for (boolean tanh : new boolean[] {true, false}) {
            float[] separate = new float[n];
            for (int i = 0; i < n; i++) {
                separate[i] = z[i] + bias[i];
            }
            if (tanh) {
                math.tanh(separate, 0, n);
            } else {
                math.logistic(separate, 0, n);
            }
            float[] fused = z.clone();
            if (tanh) {
                math.tanhBiased(fused, bias, n);
            } else {
                math.logisticBiased(fused, bias, n);
            }
            for (int i = 0; i < n; i++) {
                assertEquals(Float.floatToRawIntBits(separate[i]), Float.floatToRawIntBits(fused[i]),
                        (tanh ? "tanh" : "logistic") + " element " + i);
            }
        }
        math.tanh(gate[0], 0, n);
        for (int j = 1; j < 4; j++) {
            math.logistic(gate[j], 0, n);
        }
        float[] a = gate[0];
        float[] f = gate[1];
        float[] o = gate[2];
        float[] in = gate[3];
        float[] c = new float[n];
        float[] tc = new float[n];
        float[] h = new float[n];
        math.cell(a, f, o, in, prev, c, tc, h, n);
        float[] expectedC = new float[n];
        for (int i = 0; i < n; i++) {
            expectedC[i] = f[i] * prev[i] + in[i] * a[i];
        }
        float[] expectedTc = expectedC.clone();
        math.tanh(expectedTc, 0, n);
        for (int i = 0; i < n; i++) {
            assertEquals(Float.floatToRawIntBits(expectedC[i]), Float.floatToRawIntBits(c[i]), "c element " + i);
            assertEquals(Float.floatToRawIntBits(expectedTc[i]), Float.floatToRawIntBits(tc[i]), "tanh c element " + i);
            assertEquals(Float.floatToRawIntBits(o[i] * expectedTc[i]), Float.floatToRawIntBits(h[i]), "h element " + i);
        }
    }
}

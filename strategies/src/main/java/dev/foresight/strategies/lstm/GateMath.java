package dev.foresight.strategies.lstm;

/**
 * The LSTM's logistic and tanh over float arrays, in place, written so that HotSpot's C2
 * vectorises them (SSE/AVX lanes). {@link Math#exp} is a scalar double-precision call, and the
 * course's network needs ~115 million per epoch. On the benchmark machine a long run costs about
 * 1.3 ns per element here against 6 with {@code Math.exp}.
 *
 * <p>Both functions rest on one reduction. y is clamped to [−87, 88]; e^±87 is still a normal float,
 * and the gates saturate long before. Then y = n·ln2 + r with |r| ≤ ln2/2 (Cody–Waite, ln2 split in
 * two so n·ln2 is exact). e^r − 1 = r + r²·p(r), with Cephes' degree-5 minimax p. From there,
 * e^y = 2^n·(1 + q) and e^y − 1 = 2^n·q + (2^n − 1). The second form lets tanh(x) = em/(em + 2),
 * em = e^{2x} − 1, keep full relative precision near 0, where (1 − e^{−2|x|})/(1 + e^{−2|x|})
 * cancels.
 *
 * <p>Why it is shaped like this: C2 (JDK 17) vectorises a loop only if every array in it is indexed
 * the same way and no float is reinterpreted as bits in the loop that computes it; and (measured,
 * bench/lstm round 5) loops storing into three or more arrays stayed scalar, so no loop here
 * stores into more than two. So each stage is
 * its own loop over this object's scratch arrays from index 0, and callers pass runs of thousands
 * of elements (short runs execute in C2's scalar pre- and post-loops). {@code GateMathTest} pins the
 * accuracy against double precision: within 2 ulp for e^y and within 4 ulp for the logistic and
 * tanh (1e−7 absolute near 0 for the logistic).
 */
final class GateMath {

    private static final float SHIFT = 12582912f; // 1.5·2^23: adding it rounds to an integer
    private static final float LOG2E = 1.44269504f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;

    private float[] u = new float[0];
    private float[] q = new float[0];
    private float[] scale = new float[0];

    /** x[off, off+n) ← 1/(1 + e^{−x}). */
    void logistic(float[] x, int off, int n) {
        load(x, off, n);
        reduce(u, n, -1f, q, scale);
        powersOfTwo(scale, n);
        logisticFromExp(u, q, scale, n);
        System.arraycopy(u, 0, x, off, n);
    }

    /** x[off, off+n) ← tanh(x). */
    void tanh(float[] x, int off, int n) {
        load(x, off, n);
        reduce(u, n, 2f, q, scale);
        powersOfTwo(scale, n);
        tanhFromExpm1(u, q, scale, n);
        System.arraycopy(u, 0, x, off, n);
    }

    /**
     * z[0, n) ← tanh(z + bias), in place: a gate's pre-activation (the product, without its bias)
     * to its activation in three passes. The same floats as adding the bias into z and calling
     * {@link #tanh}: z + bias is rounded to float either way, and every later operation is the same.
     */
    void tanhBiased(float[] z, float[] bias, int n) {
        scratch(n);
        reduceBiased(z, bias, n, 2f, q, scale);
        powersOfTwo(scale, n);
        tanhFromExpm1(z, q, scale, n);
    }

    /** z[0, n) ← 1/(1 + e^{−(z + bias)}), in place; as {@link #tanhBiased}, the floats of {@link #logistic}. */
    void logisticBiased(float[] z, float[] bias, int n) {
        scratch(n);
        reduceBiased(z, bias, n, -1f, q, scale);
        powersOfTwo(scale, n);
        logisticFromExp(z, q, scale, n);
    }

    /**
     * One LSTM cell step over n values, from the gate activations a (candidate), f, o, i and the
     * previous cell state: c = f⊙c_{t−1} + i⊙a, tc = tanh(c), h = o⊙tc; four passes where the
     * separate cell-state loop, copy, {@link #tanh} and product took nine; the same floats. (The
     * cell state and the reduction in one loop, three stores, stayed scalar in C2: 7 ns per
     * element against 1.2 for these four passes, bench/lstm round 5.)
     */
    void cell(float[] a, float[] f, float[] o, float[] in, float[] prev, float[] c, float[] tc, float[] h, int n) {
        scratch(n);
        cellState(a, f, in, prev, c, n);
        reduce(c, n, 2f, q, scale);
        powersOfTwo(scale, n);
        hiddenFromExpm1(o, q, scale, tc, h, n);
    }

    /** e^x in single precision, by the same reduction (the reference the kernels are tested by). */
    static float exp(float x) {
        float[] v = {x};
        float[] r = new float[1];
        float[] s = new float[1];
        reduce(v, 1, 1f, r, s);
        powersOfTwo(s, 1);
        return s[0] * (1f + r[0]);
    }

    private void load(float[] x, int off, int n) {
        scratch(n);
        System.arraycopy(x, off, u, 0, n);
    }

    private void scratch(int n) {
        if (u.length < n) {
            u = new float[n];
            q = new float[n];
            scale = new float[n];
        }
    }

    /** For y = k·x[i] clamped: m[i] = n and q[i] = e^r − 1, so that e^y = 2^n·(1 + q). */
    private static void reduce(float[] x, int n, float k, float[] q, float[] m) {
        for (int i = 0; i < n; i++) {
            float y = clamp(k * x[i]);
            float nf = whole(y);
            q[i] = expm1Rest(y, nf);
            m[i] = nf;
        }
    }

    /** {@link #reduce} of k·(z[i] + b[i]). */
    private static void reduceBiased(float[] z, float[] b, int n, float k, float[] q, float[] m) {
        for (int i = 0; i < n; i++) {
            float y = clamp(k * (z[i] + b[i]));
            float nf = whole(y);
            q[i] = expm1Rest(y, nf);
            m[i] = nf;
        }
    }

    /** c[i] = f[i]·prev[i] + in[i]·a[i]. */
    private static void cellState(float[] a, float[] f, float[] in, float[] prev, float[] c, int n) {
        for (int i = 0; i < n; i++) {
            c[i] = f[i] * prev[i] + in[i] * a[i];
        }
    }

    private static float clamp(float y) {
        return Math.max(-87f, Math.min(88f, y));
    }

    /** n = round(y / ln2), as a float (adding and removing 1.5·2^23 rounds to an integer). */
    private static float whole(float y) {
        return (y * LOG2E + SHIFT) - SHIFT;
    }

    /** e^r − 1 for r = y − n·ln2 (Cody–Waite, ln2 in two parts; Cephes' degree-5 minimax polynomial). */
    private static float expm1Rest(float y, float nf) {
        float r = y - nf * LN2_HI - nf * LN2_LO;
        float p = 1.9875691500e-4f;
        p = p * r + 1.3981999507e-3f;
        p = p * r + 8.3334519073e-3f;
        p = p * r + 4.1665795894e-2f;
        p = p * r + 1.6666665459e-1f;
        p = p * r + 5.0000001201e-1f;
        return p * r * r + r;
    }

    /** m[i] ← 2^m[i] (m integral, in [−126, 127]), built in the exponent bits. */
    private static void powersOfTwo(float[] m, int n) {
        for (int i = 0; i < n; i++) {
            m[i] = Float.intBitsToFloat(((int) m[i] + 127) << 23);
        }
    }

    private static void logisticFromExp(float[] out, float[] q, float[] s, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = 1f / (1f + s[i] * (1f + q[i]));
        }
    }

    private static void tanhFromExpm1(float[] out, float[] q, float[] s, int n) {
        for (int i = 0; i < n; i++) {
            float em = s[i] * q[i] + (s[i] - 1f);
            out[i] = em / (em + 2f);
        }
    }

    /** tc[i] = tanh(c[i]) from its reduction, and h[i] = o[i]·tc[i]. */
    private static void hiddenFromExpm1(float[] o, float[] q, float[] s, float[] tc, float[] h, int n) {
        for (int i = 0; i < n; i++) {
            float em = s[i] * q[i] + (s[i] - 1f);
            float t = em / (em + 2f);
            tc[i] = t;
            h[i] = o[i] * t;
        }
    }
}

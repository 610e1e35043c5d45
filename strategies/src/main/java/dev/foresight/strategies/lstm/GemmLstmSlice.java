package dev.foresight.strategies.lstm;

import java.util.Arrays;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * The LSTM recurrence of {@link GemmLstmLayer} over one slice of the minibatch, columns
 * {@code [lo, lo + width)}: the layer runs one slice per thread and adds up their weight gradients
 * in slice order. With DL4J's gate blocks in the columns of W, RW and b (candidate a (tanh),
 * forget f, output o, input i):
 * <pre>
 * forward:  Z = Wᵀ·X + b                 one product over all steps   [4H × I]·[I × T·w]
 *           per step z_t = RWᵀ·h_{t−1} + Z_t                           [4H × H]·[H × w]
 *           c_t = f⊙c_{t−1} + i⊙a,  h_t = o⊙tanh(c_t)                  Java loops (GateMath)
 * backward: per step the gate derivatives dz_t (Java loops) and dh_{t−1} = RW·dz_t  [H × 4H]·[4H × w];
 *           then over all steps at once, inner dimension T·w:
 *           dW = X·dZᵀ,  dRW = H₋·dZᵀ (H₋ = [h_{−1} … h_{T−2}]),  dX = W·dZ,  db = Σ dZ.
 * </pre>
 * Only the recurrent products must wait for the step before; the input projection, the weight
 * gradients and the input gradient do not, so each is one large product instead of T small ones
 * (inner dimension T·w = 1,920 instead of 32 for the weight gradients: the small products ran far
 * below BLAS's peak and paid a call and a copy per step).
 *
 * <p>The per-step blocks are feature-major with the batch fastest ([feature][w]), so the
 * element-wise loops run over thousands of contiguous floats (C2 vectorises them). The all-step
 * matrices are [feature][T][w], so a row holds one feature over every step and column: X, Z, dZ,
 * H₋ and dX are BLAS operands as they are. The layer's arrays are [T][F][B] (NCW in 'f' order); a
 * slice copies its columns in and out. The forward pass keeps the gate activations, cell states, X
 * and H₋ for the backward pass, so backprop does not recompute the forward pass (DL4J's layer
 * does). Products go to OpenBLAS's {@code cblas_sgemm} on off-heap buffers kept between calls.
 */
final class GemmLstmSlice {

    private static final int ROW = openblas_nolapack.CblasRowMajor;
    private static final int N = openblas_nolapack.CblasNoTrans;
    private static final int TR = openblas_nolapack.CblasTrans;

    private final int lo;
    private final int w; // width: batch columns of this slice
    private final int t;
    private final int nIn;
    private final int h;
    private final int k;  // I + H
    private final int g;  // 4H
    private final int tw; // T·w: the columns of the all-step matrices

    // state of the last forward pass, per-step blocks [feature][w]
    private final float[] gates;     // [T][4H][w] activations a, f, o, i
    private final float[] cells;     // [T][H][w]
    private final float[] tanhCells; // [T][H][w]
    private final float[] hPrev;     // [H][T][w] H₋: h_{t−1} at step t (h_{−1} = 0)
    private final float[] zeroState; // [H][w] c_{−1} = 0
    private final float[] all;       // [4H][T][w] Z forward (input projection + bias), dZ backward
    private final float[] xAll;      // [I][T][w] X, then dX
    private final float[] step;      // [4H][w] scratch: z_t forward, dz_t backward
    private final float[] hStep;     // [H][w]
    private final GateMath math = new GateMath();

    // off-heap BLAS operands
    private final FloatPointer px;     // [I][T·w]   X of the last forward pass
    private final FloatPointer pall;   // [4H][T·w]  Wᵀ·X forward, dZ backward
    private final FloatPointer phPrev; // [H][T·w]   H₋ (backward)
    private final FloatPointer pdx;    // [I][T·w]   dX
    private final FloatPointer ph;     // [H][w]     h_{t−1} forward, dh_{t−1} backward
    private final FloatPointer pz;     // [4H][w]    RWᵀ·h_{t−1} forward, dz_t backward
    private final FloatPointer pgwr;   // [K × 4H]   d[W; RW] of this slice

    GemmLstmSlice(int lo, int width, int t, int nIn, int h) {
        this.lo = lo;
        this.w = width;
        this.t = t;
        this.nIn = nIn;
        this.h = h;
        this.k = nIn + h;
        this.g = 4 * h;
        this.tw = t * width;
        gates = new float[t * g * w];
        cells = new float[t * h * w];
        tanhCells = new float[t * h * w];
        hPrev = new float[h * tw];
        zeroState = new float[h * w];
        all = new float[g * tw];
        xAll = new float[nIn * tw];
        step = new float[g * w];
        hStep = new float[h * w];
        px = new FloatPointer((long) nIn * tw);
        pall = new FloatPointer((long) g * tw);
        phPrev = new FloatPointer((long) h * tw);
        pdx = new FloatPointer((long) nIn * tw);
        ph = new FloatPointer((long) h * w);
        pz = new FloatPointer((long) g * w);
        pgwr = new FloatPointer((long) k * g);
    }

    /** Whether this slice was built for these dimensions. */
    boolean fits(int lo, int width, int t, int nIn, int h) {
        return this.lo == lo && this.w == width && this.t == t && this.nIn == nIn && this.h == h;
    }

    /**
     * The forward pass over this slice's columns of {@code x} ([T][I][B]) with the stacked weights
     * {@code weights} ([K × 4H], W's rows then RW's; shared by the slices, read only) and bias
     * {@code b}; writes h_t into its columns of {@code out} ([T][H][B]) and keeps the state for
     * {@link #backward}.
     */
    void forward(float[] x, int batch, FloatPointer weights, float[] b, float[] out) {
        FloatPointer pwr = new FloatPointer(weights); // this thread's own position on the shared buffer
        int hb = h * w;
        int gb = g * w;
        for (int tt = 0; tt < t; tt++) {
            for (int i = 0; i < nIn; i++) {
                System.arraycopy(x, (tt * nIn + i) * batch + lo, xAll, i * tw + tt * w, w);
            }
        }
        px.position(0).put(xAll, 0, nIn * tw);
        // Z = Wᵀ·X for every step at once; W is [I × 4H] row-major, so Wᵀ is its transpose
        openblas_nolapack.cblas_sgemm(ROW, TR, N, g, tw, nIn, 1f, pwr.position(0), g,
                px.position(0), tw, 0f, pall.position(0), tw);
        pall.position(0).get(all, 0, g * tw);
        for (int r = 0; r < g; r++) {
            float br = b[r];
            for (int j = r * tw, end = j + tw; j < end; j++) {
                all[j] += br;
            }
        }
        for (int r = 0; r < h; r++) {
            Arrays.fill(hPrev, r * tw, r * tw + w, 0f); // h_{−1} = 0
        }
        for (int tt = 0; tt < t; tt++) {
            if (tt == 0) { // h_{−1} = 0: z_0 is the input projection alone
                for (int r = 0; r < g; r++) {
                    System.arraycopy(all, r * tw, step, r * w, w);
                }
            } else {
                openblas_nolapack.cblas_sgemm(ROW, TR, N, g, w, h, 1f, pwr.position((long) nIn * g), g,
                        ph.position(0), w, 0f, pz.position(0), w);
                pz.position(0).get(step, 0, gb);
                int col = tt * w;
                for (int r = 0; r < g; r++) {
                    int s = r * w;
                    int a = r * tw + col;
                    for (int c = 0; c < w; c++) {
                        step[s + c] += all[a + c];
                    }
                }
            }
            int ct = tt * hb;
            math.tanh(step, 0, hb);           // a
            math.logistic(step, hb, 3 * hb);  // f, o, i
            System.arraycopy(step, 0, gates, tt * gb, gb);
            cellState(step, hb, tt > 0 ? cells : zeroState, tt > 0 ? ct - hb : 0, cells, ct);
            System.arraycopy(cells, ct, tanhCells, ct, hb);
            math.tanh(tanhCells, ct, hb);
            hidden(step, hb, tanhCells, ct, hStep);
            if (tt + 1 < t) {
                ph.position(0).put(hStep, 0, hb);
                for (int r = 0; r < h; r++) {
                    System.arraycopy(hStep, r * w, hPrev, r * tw + (tt + 1) * w, w);
                }
            }
            scatter(hStep, h, batch, out, (tt * h) * batch);
        }
    }

    /**
     * BPTT over the state of the last {@link #forward}, from this slice's columns of {@code eps}
     * ([T][H][B]): writes its columns of {@code dx} ([T][I][B]), and returns d[W; RW] ([K × 4H])
     * and db ([4H]) of this slice.
     */
    float[][] backward(float[] eps, int batch, FloatPointer weights, float[] dx) {
        FloatPointer pwr = new FloatPointer(weights); // this thread's own position on the shared buffer
        int hb = h * w;
        int gb = g * w;
        float[] epsT = new float[hb];
        float[] dhRec = new float[hb];
        float[] dcNext = new float[hb];
        float[] dz = step;
        float[] dzAll = all; // Z is not needed any more: the gates hold its activations
        for (int tt = t - 1; tt >= 0; tt--) {
            int ct = tt * hb;
            gather(eps, (tt * h) * batch, h, batch, epsT, 0);
            cellGradients(gates, tt * gb, hb, tanhCells, ct, tt > 0 ? cells : zeroState, tt > 0 ? ct - hb : 0,
                    epsT, dhRec, dcNext, dz);
            for (int r = 0; r < g; r++) {
                System.arraycopy(dz, r * w, dzAll, r * tw + tt * w, w);
            }
            if (tt > 0) { // dh_{t−1} = RW·dz_t; dh_{−1} is not needed
                pz.position(0).put(dz, 0, gb);
                openblas_nolapack.cblas_sgemm(ROW, N, N, h, w, g, 1f, pwr.position((long) nIn * g), g,
                        pz.position(0), w, 0f, ph.position(0), w);
                ph.position(0).get(dhRec, 0, hb);
            }
        }
        pall.position(0).put(dzAll, 0, g * tw);
        phPrev.position(0).put(hPrev, 0, h * tw);
        // dW = X·dZᵀ and dRW = H₋·dZᵀ: the weight gradients over every step, inner dimension T·w
        openblas_nolapack.cblas_sgemm(ROW, N, TR, nIn, g, tw, 1f, px.position(0), tw,
                pall.position(0), tw, 0f, pgwr.position(0), g);
        openblas_nolapack.cblas_sgemm(ROW, N, TR, h, g, tw, 1f, phPrev.position(0), tw,
                pall.position(0), tw, 0f, pgwr.position((long) nIn * g), g);
        // dX = W·dZ, every step at once
        openblas_nolapack.cblas_sgemm(ROW, N, N, nIn, tw, g, 1f, pwr.position(0), g,
                pall.position(0), tw, 0f, pdx.position(0), tw);
        pdx.position(0).get(xAll, 0, nIn * tw);
        for (int tt = 0; tt < t; tt++) {
            for (int i = 0; i < nIn; i++) {
                System.arraycopy(xAll, i * tw + tt * w, dx, (tt * nIn + i) * batch + lo, w);
            }
        }
        float[] gwr = new float[k * g];
        pgwr.position(0).get(gwr, 0, gwr.length);
        float[] db = new float[g];
        for (int r = 0; r < g; r++) {
            // in double: a float running sum over all T·w terms drifts with their count (the old
            // per-step blocks summed in short runs), and the gradient then depends on the slicing
            double sum = 0;
            for (int j = r * tw, end = j + tw; j < end; j++) {
                sum += dzAll[j];
            }
            db[r] = (float) sum;
        }
        return new float[][] {gwr, db};
    }

    void free() {
        for (FloatPointer p : new FloatPointer[] {px, pall, phPrev, pdx, ph, pz, pgwr}) {
            p.close();
        }
    }

    /** rows × w values from this slice's columns of rows × batch {@code src} starting at {@code from}. */
    private void gather(float[] src, int from, int rows, int batch, float[] dst, int to) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src, from + r * batch + lo, dst, to + r * w, w);
        }
    }

    /** rows × w values into this slice's columns of rows × batch {@code dst} starting at {@code to}. */
    private void scatter(float[] src, int rows, int batch, float[] dst, int to) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src, r * w, dst, to + r * batch + lo, w);
        }
    }

    /** c = f⊙c_{t−1} + i⊙a, with the gate blocks a, f, o, i of {@code act} in that order. */
    private static void cellState(float[] act, int hb, float[] prev, int prevOff, float[] c, int cOff) {
        for (int i = 0; i < hb; i++) {
            c[cOff + i] = act[hb + i] * prev[prevOff + i] + act[3 * hb + i] * act[i];
        }
    }

    /** h = o⊙tanh(c). */
    private static void hidden(float[] act, int hb, float[] tanhC, int off, float[] out) {
        for (int i = 0; i < hb; i++) {
            out[i] = act[2 * hb + i] * tanhC[off + i];
        }
    }

    /**
     * One step of BPTT over an [H][w] block: from the step's activations, dh = ε_t + dh_rec and
     * dc = dh⊙o⊙(1 − tanh²c) + dc_{t+1}; the pre-activation gradients go to {@code dz} (blocks a, f,
     * o, i) and dc⊙f to {@code dcNext}, for the step before.
     */
    private static void cellGradients(float[] act, int gt, int hb, float[] tanhC, int ct, float[] prev, int prevOff,
                                      float[] eps, float[] dhRec, float[] dcNext, float[] dz) {
        for (int i = 0; i < hb; i++) {
            float a = act[gt + i];
            float f = act[gt + hb + i];
            float o = act[gt + 2 * hb + i];
            float in = act[gt + 3 * hb + i];
            float tc = tanhC[ct + i];
            float dh = eps[i] + dhRec[i];
            float dc = dh * o * (1f - tc * tc) + dcNext[i];
            dz[i] = dc * in * (1f - a * a);
            dz[hb + i] = dc * prev[prevOff + i] * f * (1f - f);
            dz[2 * hb + i] = dh * tc * o * (1f - o);
            dz[3 * hb + i] = dc * a * in * (1f - in);
            dcNext[i] = dc * f;
        }
    }
}

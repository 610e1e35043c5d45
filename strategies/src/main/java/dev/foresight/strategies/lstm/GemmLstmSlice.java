package dev.foresight.strategies.lstm;

import java.util.Arrays;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * The LSTM recurrence of {@link GemmLstmLayer} over one slice of the minibatch, columns
 * {@code [lo, lo + width)}: the layer runs one slice per thread and adds up their weight gradients
 * in slice order. With DL4J's gate blocks in the columns of W, RW and b (candidate a (tanh),
 * forget f, output o, input i), per time step:
 * <pre>
 *   z_t = [W; RW]ᵀ·[x_t; h_{t−1}] + b      one product, K = I + H       [4H × K]·[K × width]
 *   c_t = f⊙c_{t−1} + i⊙a,  h_t = o⊙tanh(c_t)                            Java loops (GateMath)
 * backward (BPTT), per step: gate derivatives in Java loops, then two products:
 *   d[W; RW] += [x_t; h_{t−1}]·dz_tᵀ,   [dx_t; dh_{t−1}] = [W; RW]·dz_t;   db = Σ dz.
 * </pre>
 * Every per-step block is feature-major with the batch fastest ([feature][width]), so the
 * element-wise loops run over thousands of contiguous floats (C2 vectorises them) and the blocks
 * are BLAS operands as they are. The layer's arrays are [T][F][B] (NCW in 'f' order); a slice
 * copies its columns in and out. The forward pass keeps the gate activations and cell states for
 * the backward pass, so backprop does not recompute the forward pass (DL4J's layer does).
 * Products go to OpenBLAS's {@code cblas_sgemm} on off-heap buffers kept between calls.
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
    private final int k; // I + H
    private final int g; // 4H

    // state of the last forward pass, blocks [feature][w]
    private final float[] gates;     // [T][4H][w] activations a, f, o, i
    private final float[] cells;     // [T][H][w]
    private final float[] tanhCells; // [T][H][w]
    private final float[] biasBlock; // [4H][w] the bias broadcast over the slice
    private final float[] zeroState; // [H][w] c_{−1} = 0
    private final float[] step;      // [4H][w] scratch: z_t forward, dz_t backward
    private final float[] hStep;     // [H][w]
    private final float[] xStage;    // [I][w]
    // backward's per-step blocks, kept between minibatches (the recurrent ones re-zeroed per call)
    private final float[] epsT;      // [H][w]
    private final float[] dhRec;     // [H][w] dh_t from step t + 1
    private final float[] dcNext;    // [H][w] dc_t from step t + 1
    private final float[] dbBlock;   // [4H][w] Σ_t dz_t
    private final float[] dxT;       // [I][w]
    private final GateMath math = new GateMath();

    // off-heap BLAS operands
    private final FloatPointer pxh;  // [T+1][K][w] block t = [x_t; h_{t−1}] (h_{−1} = 0)
    private final FloatPointer pz;   // [4H][w]     z_t forward, dz_t backward
    private final FloatPointer pdxh; // [K][w]      [dx_t; dh_{t−1}]
    private final FloatPointer pgwr; // [K × 4H]    d[W; RW] of this slice

    GemmLstmSlice(int lo, int width, int t, int nIn, int h) {
        this.lo = lo;
        this.w = width;
        this.t = t;
        this.nIn = nIn;
        this.h = h;
        this.k = nIn + h;
        this.g = 4 * h;
        gates = new float[t * g * w];
        cells = new float[t * h * w];
        tanhCells = new float[t * h * w];
        biasBlock = new float[g * w];
        zeroState = new float[h * w];
        step = new float[g * w];
        hStep = new float[h * w];
        xStage = new float[nIn * w];
        epsT = new float[h * w];
        dhRec = new float[h * w];
        dcNext = new float[h * w];
        dbBlock = new float[g * w];
        dxT = new float[nIn * w];
        pxh = new FloatPointer((t + 1L) * k * w);
        pz = new FloatPointer((long) g * w);
        pdxh = new FloatPointer((long) k * w);
        pgwr = new FloatPointer((long) k * g);
        Pointer.memset(pxh.position(0), 0, 4L * (t + 1) * k * w); // h_{−1} = 0
    }

    /** Whether this slice was built for these dimensions. */
    boolean fits(int lo, int width, int t, int nIn, int h) {
        return this.lo == lo && this.w == width && this.t == t && this.nIn == nIn && this.h == h;
    }

    /**
     * The forward pass over this slice's columns of {@code x} ([T][I][B]) with the stacked weights
     * {@code weights} ([K × 4H], shared by the slices, read only) and bias {@code b}; writes h_t
     * into its columns of {@code out} ([T][H][B]) and keeps the state for {@link #backward}.
     */
    void forward(float[] x, int batch, FloatPointer weights, float[] b, float[] out) {
        FloatPointer pwr = new FloatPointer(weights); // this thread's own position on the shared buffer
        for (int r = 0; r < g; r++) {
            Arrays.fill(biasBlock, r * w, (r + 1) * w, b[r]);
        }
        int hb = h * w;
        int gb = g * w;
        int kb = k * w;
        for (int tt = 0; tt < t; tt++) {
            gather(x, (tt * nIn) * batch, nIn, batch, xStage, 0);
            pxh.position((long) tt * kb).put(xStage, 0, nIn * w);
        }
        for (int tt = 0; tt < t; tt++) {
            openblas_nolapack.cblas_sgemm(ROW, TR, N, g, w, k, 1f, pwr.position(0), g,
                    pxh.position((long) tt * kb), w, 0f, pz.position(0), w);
            pz.position(0).get(step, 0, gb);
            int ct = tt * hb;
            addTo(step, biasBlock, gb);
            math.tanh(step, 0, hb);           // a
            math.logistic(step, hb, 3 * hb);  // f, o, i
            System.arraycopy(step, 0, gates, tt * gb, gb);
            cellState(step, hb, tt > 0 ? cells : zeroState, tt > 0 ? ct - hb : 0, cells, ct);
            System.arraycopy(cells, ct, tanhCells, ct, hb);
            math.tanh(tanhCells, ct, hb);
            hidden(step, hb, tanhCells, ct, hStep);
            pxh.position((long) (tt + 1) * kb + (long) nIn * w).put(hStep, 0, hb);
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
        int kb = k * w;
        Arrays.fill(dhRec, 0f);   // nothing flows back into the last step
        Arrays.fill(dcNext, 0f);
        Arrays.fill(dbBlock, 0f);
        float[] dz = step;
        Pointer.memset(pgwr.position(0), 0, 4L * k * g);
        for (int tt = t - 1; tt >= 0; tt--) {
            int ct = tt * hb;
            gather(eps, (tt * h) * batch, h, batch, epsT, 0);
            cellGradients(gates, tt * gb, hb, tanhCells, ct, tt > 0 ? cells : zeroState, tt > 0 ? ct - hb : 0,
                    epsT, dhRec, dcNext, dz);
            addTo(dbBlock, dz, gb);
            pz.position(0).put(dz, 0, gb);
            openblas_nolapack.cblas_sgemm(ROW, N, TR, k, g, w, 1f, pxh.position((long) tt * kb), w,
                    pz.position(0), w, 1f, pgwr.position(0), g);
            openblas_nolapack.cblas_sgemm(ROW, N, N, k, w, g, 1f, pwr.position(0), g, pz.position(0), w, 0f,
                    pdxh.position(0), w);
            pdxh.position(0).get(dxT, 0, nIn * w);
            scatter(dxT, nIn, batch, dx, (tt * nIn) * batch);
            pdxh.position((long) nIn * w).get(dhRec, 0, hb);
        }
        float[] gwr = new float[k * g];
        pgwr.position(0).get(gwr, 0, gwr.length);
        float[] db = new float[g];
        for (int r = 0; r < g; r++) {
            float sum = 0f;
            for (int c = 0; c < w; c++) {
                sum += dbBlock[r * w + c];
            }
            db[r] = sum;
        }
        return new float[][] {gwr, db};
    }

    void free() {
        for (FloatPointer p : new FloatPointer[] {pxh, pz, pdxh, pgwr}) {
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

    /** x[i] += y[i]. */
    private static void addTo(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            x[i] += y[i];
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

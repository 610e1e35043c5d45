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

    // State of the last forward pass, one [H][w] array per time step and gate (a, f, o, i), cell
    // state and tanh of it: every element-wise loop then indexes all its arrays from 0, which is
    // what C2 (JDK 17) vectorises, with no copy into scratch arrays and back (GateMath).
    private final float[][][] gates; // [4][T][H·w] activations a, f, o, i
    private final float[][] cells;     // [T][H·w]
    private final float[][] tanhCells; // [T][H·w]
    private final float[][] biasBlock; // [4][H·w] each gate's bias broadcast over the slice
    private final float[] zeroState; // [H][w] c_{−1} = 0
    private final float[] hStep;     // [H][w]
    private final float[] xStage;    // [I][w]
    // backward's per-step blocks, kept between minibatches (the recurrent ones re-zeroed per call)
    private final float[] epsT;      // [H][w]
    private final float[] dhRec;     // [H][w] dh_t from step t + 1
    private final float[] dcNext;    // [H][w] dc_t from step t + 1
    private final float[][] dz;      // [4][H·w] dz_t per gate
    private final float[][] dbBlock; // [4][H·w] Σ_t dz_t per gate
    private final float[] dxT;       // [I][w]
    private final float[] gradient;  // [K × 4H] d[W; RW] as backward returns it (reused: 264 KB per call)
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
        int hb = h * w;
        gates = new float[4][t][hb];
        cells = new float[t][hb];
        tanhCells = new float[t][hb];
        biasBlock = new float[4][hb];
        zeroState = new float[hb];
        hStep = new float[hb];
        xStage = new float[nIn * w];
        epsT = new float[hb];
        dhRec = new float[hb];
        dcNext = new float[hb];
        dz = new float[4][hb];
        dbBlock = new float[4][hb];
        dxT = new float[nIn * w];
        gradient = new float[k * g];
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
     * The forward pass over this slice's columns of {@code x} ([T][I][B]) with the stacked weights,
     * {@code weights} ([K × 4H]) and the same by gate row, {@code weightsByGate} ([4H × K]) (both
     * shared by the slices, read only), and bias {@code b}; writes h_t into its columns of
     * {@code out} ([T][H][B]) and keeps the state for {@link #backward}.
     */
    void forward(float[] x, int batch, FloatPointer weights, FloatPointer weightsByGate, float[] b, float[] out) {
        // z = [W; RW]ᵀ·xh: OpenBLAS 0.3.19 runs it 1.2-1.5× faster on the weights by gate row than
        // transposing [K × 4H] in every call (bench/lstm round 7). For widths that are not a multiple
        // of 16 its SkylakeX small-matrix kernel sums the two layouts differently in the last bit, so
        // those keep the transposed call: results stay bit-identical to it (checked on 104 layer
        // shapes per width, GemmLstmTest).
        boolean byGate = w % 16 == 0;
        // this thread's own position on the shared buffer
        FloatPointer pwr = new FloatPointer(byGate ? weightsByGate : weights);
        for (int r = 0; r < g; r++) {
            Arrays.fill(biasBlock[r / h], (r % h) * w, (r % h + 1) * w, b[r]);
        }
        int hb = h * w;
        int kb = k * w;
        for (int tt = 0; tt < t; tt++) {
            gather(x, (tt * nIn) * batch, nIn, batch, xStage, 0);
            pxh.position((long) tt * kb).put(xStage, 0, nIn * w);
        }
        float[][] a = gates[0];
        float[][] f = gates[1];
        float[][] o = gates[2];
        float[][] in = gates[3];
        for (int tt = 0; tt < t; tt++) {
            if (byGate) {
                openblas_nolapack.cblas_sgemm(ROW, N, N, g, w, k, 1f, pwr.position(0), k,
                        pxh.position((long) tt * kb), w, 0f, pz.position(0), w);
            } else {
                openblas_nolapack.cblas_sgemm(ROW, TR, N, g, w, k, 1f, pwr.position(0), g,
                        pxh.position((long) tt * kb), w, 0f, pz.position(0), w);
            }
            for (int j = 0; j < 4; j++) {
                pz.position((long) j * hb).get(gates[j][tt], 0, hb);
            }
            math.tanhBiased(a[tt], biasBlock[0], hb);
            math.logisticBiased(f[tt], biasBlock[1], hb);
            math.logisticBiased(o[tt], biasBlock[2], hb);
            math.logisticBiased(in[tt], biasBlock[3], hb);
            math.cell(a[tt], f[tt], o[tt], in[tt], tt > 0 ? cells[tt - 1] : zeroState, cells[tt], tanhCells[tt], hStep, hb);
            pxh.position((long) (tt + 1) * kb + (long) nIn * w).put(hStep, 0, hb);
            scatter(hStep, h, batch, out, (tt * h) * batch);
        }
    }

    /**
     * BPTT over the state of the last {@link #forward}, from this slice's columns of {@code eps}
     * ([T][H][B]): writes its columns of {@code dx} ([T][I][B]), and returns d[W; RW] ([K × 4H])
     * and db ([4H]) of this slice. The d[W; RW] array is this slice's own, overwritten by the next
     * call (the layer may add the other slices' into it).
     */
    float[][] backward(float[] eps, int batch, FloatPointer weights, float[] dx) {
        FloatPointer pwr = new FloatPointer(weights); // this thread's own position on the shared buffer
        int hb = h * w;
        int kb = k * w;
        Arrays.fill(dhRec, 0f);   // nothing flows back into the last step
        Arrays.fill(dcNext, 0f);
        for (float[] d : dbBlock) {
            Arrays.fill(d, 0f);
        }
        Pointer.memset(pgwr.position(0), 0, 4L * k * g);
        for (int tt = t - 1; tt >= 0; tt--) {
            gather(eps, (tt * h) * batch, h, batch, epsT, 0);
            cellGradients(gates[0][tt], gates[1][tt], gates[2][tt], gates[3][tt], tanhCells[tt],
                    tt > 0 ? cells[tt - 1] : zeroState, epsT, dhRec, dcNext, dz, dbBlock, hb);
            for (int j = 0; j < 4; j++) {
                pz.position((long) j * hb).put(dz[j], 0, hb);
            }
            openblas_nolapack.cblas_sgemm(ROW, N, TR, k, g, w, 1f, pxh.position((long) tt * kb), w,
                    pz.position(0), w, 1f, pgwr.position(0), g);
            openblas_nolapack.cblas_sgemm(ROW, N, N, k, w, g, 1f, pwr.position(0), g, pz.position(0), w, 0f,
                    pdxh.position(0), w);
            pdxh.position(0).get(dxT, 0, nIn * w);
            scatter(dxT, nIn, batch, dx, (tt * nIn) * batch);
            pdxh.position((long) nIn * w).get(dhRec, 0, hb);
        }
        float[] gwr = gradient;
        pgwr.position(0).get(gwr, 0, gwr.length);
        float[] db = new float[g];
        for (int r = 0; r < g; r++) {
            float[] block = dbBlock[r / h];
            int row = (r % h) * w;
            float sum = 0f;
            for (int c = 0; c < w; c++) {
                sum += block[row + c];
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

    /**
     * One step of BPTT over an [H][w] block: from the step's activations, dh = ε_t + dh_rec and
     * dc = dh⊙o⊙(1 − tanh²c) + dc_{t+1}; the pre-activation gradients go to {@code dz} (gates a, f,
     * o, i), are added to {@code db}'s, and dc⊙f goes to {@code dcNext}, for the step before.
     * {@code eps} is overwritten with dh. Six loops of at most two stores each rather than one
     * loop of nine: C2 (JDK 17) left the single loop scalar, ~4 ns per element against ~1.1 for
     * these (bench/lstm, round 5); each float is computed by the same expression as before.
     */
    private static void cellGradients(float[] act, float[] fg, float[] og, float[] ig, float[] tanhC, float[] prev,
                                      float[] eps, float[] dhRec, float[] dcNext, float[][] dz, float[][] db, int hb) {
        float[] dza = dz[0];
        float[] dzf = dz[1];
        float[] dzo = dz[2];
        float[] dzi = dz[3];
        float[] dc = dcNext; // dc_t, then dc_t⊙f for the step before
        float[] dh = eps;
        for (int i = 0; i < hb; i++) {
            float d = eps[i] + dhRec[i];
            float tc = tanhC[i];
            dh[i] = d;
            dc[i] = d * og[i] * (1f - tc * tc) + dcNext[i];
        }
        for (int i = 0; i < hb; i++) {
            float a = act[i];
            float in = ig[i];
            float c = dc[i];
            dza[i] = c * in * (1f - a * a);
            dzi[i] = c * a * in * (1f - in);
        }
        for (int i = 0; i < hb; i++) {
            float f = fg[i];
            float o = og[i];
            dzf[i] = dc[i] * prev[i] * f * (1f - f);
            dzo[i] = dh[i] * tanhC[i] * o * (1f - o);
        }
        for (int i = 0; i < hb; i++) {
            dc[i] = dc[i] * fg[i];
        }
        float[] dba = db[0];
        float[] dbf = db[1];
        for (int i = 0; i < hb; i++) {
            dba[i] += dza[i];
            dbf[i] += dzf[i];
        }
        float[] dbo = db[2];
        float[] dbi = db[3];
        for (int i = 0; i < hb; i++) {
            dbo[i] += dzo[i];
            dbi[i] += dzi[i];
        }
    }
}

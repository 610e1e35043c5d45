package dev.foresight.strategies.lstm;

import java.util.Arrays;
import java.util.Map;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.BaseRecurrentLayer;
import org.deeplearning4j.nn.params.LSTMParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The implementation of {@link GemmLstm}: the LSTM recurrence of DL4J's layer (no peepholes;
 * DL4J's gate blocks in the columns of W, RW and b: candidate a (tanh), forget f, output o, input
 * i, all sigmoid but a), computed as
 * <pre>
 *   Z = X·W + b                      one product over all T·B rows  [T·B × I]·[I × 4H]
 *   z_t = Z_t + h_{t−1}·RW            one product per step            [B × H]·[H × 4H]
 *   c_t = f⊙c_{t−1} + i⊙a,  h_t = o⊙tanh(c_t)          Java loops
 * backward (BPTT), per step: gate derivatives in Java, dh_{t−1} = dz_t·RWᵀ (one product);
 * after the loop: dW = Xᵀ·dZ, dRW = H_{prev}ᵀ·dZ, dX = dZ·Wᵀ, db = Σ dZ.
 * </pre>
 * Matrix products go straight to OpenBLAS's {@code cblas_sgemm} (the BLAS ND4J itself uses) on
 * off-heap buffers kept between calls; rows are time-major ({@code t·B + b}). The forward pass
 * keeps the gate activations and cell states on the Java heap for the backward pass, so backprop
 * does not recompute the forward pass (DL4J's layer does). Nothing here is random or
 * multi-threaded outside BLAS: with the same BLAS thread count the results are bit-identical.
 *
 * <p>Workspaces: the layer's scratch memory is its own (heap arrays and off-heap buffers owned by
 * this object, not workspace memory); the activations and the input gradient it returns are
 * created through the {@link LayerWorkspaceMgr} as DL4J's layers do. Masks, weight noise, double
 * precision, NWC input and truncated BPTT are not supported (Foresight uses none) and throw.
 */
final class GemmLstmLayer extends BaseRecurrentLayer<LSTM> {

    private static final int ROW = openblas_nolapack.CblasRowMajor;
    private static final int N = openblas_nolapack.CblasNoTrans;
    private static final int TR = openblas_nolapack.CblasTrans;

    private int b;
    private int t;
    private int nIn;
    private int h;

    // State of the last forward pass, on the heap. Every per-step block is feature-major with the
    // batch fastest ([feature][B]), so the gate loops run over thousands of contiguous floats
    // (C2 vectorises them) and the blocks are BLAS operands without transposition.
    private float[] gates = new float[0];     // [T][4H][B] activations a, f, o, i
    private float[] cells = new float[0];     // [T][H][B]
    private float[] tanhCells = new float[0]; // [T][H][B]
    private float[] biasBlock = new float[0]; // [4H][B] the bias broadcast over the batch
    private float[] zeroState = new float[0]; // [H][B] c_{−1} = 0
    private float[] step = new float[0];      // [4H][B] scratch: z_t forward, dz_t backward
    private float[] hStep = new float[0];     // [H][B] scratch: h_t
    private final GateMath math = new GateMath();
    private INDArray stateInput;              // the input the state above belongs to

    // off-heap BLAS operands
    private FloatPointer px;   // [T][I][B]
    private FloatPointer pw;   // [I × 4H] row-major, as DL4J stores W
    private FloatPointer prw;  // [H × 4H]
    private FloatPointer pz;   // [4H][B]       z_t forward, dz_t backward
    private FloatPointer ph;   // [T+1][H][B]   block 0 zeros, block t+1 = h_t
    private FloatPointer pdh;  // [H][B]
    private FloatPointer pgw;  // [I × 4H]
    private FloatPointer pgrw; // [H × 4H]
    private FloatPointer pdx;  // [T][I][B]

    GemmLstmLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        if (dataType != DataType.FLOAT) {
            throw new IllegalArgumentException("GemmLstm computes in single precision only, not " + dataType);
        }
        LSTM c = layerConf();
        if (!(c.getActivationFn() instanceof ActivationTanH) || !(c.getGateActivationFn() instanceof ActivationSigmoid)) {
            throw new IllegalArgumentException("GemmLstm supports tanh activation with sigmoid gates only");
        }
        if (c.getRnnDataFormat() != RNNFormat.NCW) {
            throw new IllegalArgumentException("GemmLstm supports NCW input only");
        }
        if (c.getWeightNoise() != null) {
            throw new IllegalArgumentException("GemmLstm does not support weight noise");
        }
    }

    @Override
    public Type type() {
        return Type.RECURRENT;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public Gradient gradient() {
        throw new UnsupportedOperationException("GemmLstm: no layerwise pretraining");
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState,
                                                         int minibatchSize) {
        if (maskArray != null) {
            throw new UnsupportedOperationException("GemmLstm does not support masks");
        }
        return new Pair<>(null, currentMaskState);
    }

    @Override
    public INDArray activate(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        setInput(input, workspaceMgr);
        return activate(training, workspaceMgr);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        if (maskArray != null) {
            throw new UnsupportedOperationException("GemmLstm does not support masks");
        }
        if (input.rank() != 3) {
            throw new IllegalArgumentException("GemmLstm expects [batch, features, time] input, got rank " + input.rank());
        }
        applyDropOutIfNecessary(training, workspaceMgr);
        forward();
        // 'f' order, as DL4J's LSTM layer returns it: a dropout layer above draws its mask over the
        // buffer in memory order, so the same seed drops the same units as with DL4J's layer
        INDArray ret = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, new long[] {b, h, t}, 'f');
        copy(ph, (long) h * b, ret, (long) t * h * b); // h_0 … h_{T−1}: [T][H][B] is ret's memory order
        return ret;
    }

    /** The forward pass over {@link #input}; keeps the state for backprop, h_t in block t + 1 of {@link #ph}. */
    private void forward() {
        long[] shape = input.shape();
        b = Math.toIntExact(shape[0]);
        nIn = Math.toIntExact(shape[1]);
        t = Math.toIntExact(shape[2]);
        h = Math.toIntExact(layerConf().getNOut());
        if (nIn != layerConf().getNIn()) {
            throw new IllegalArgumentException("GemmLstm: input has " + nIn + " features, layer expects " + layerConf().getNIn());
        }
        int g = 4 * h;
        int hb = h * b; // one [H][B] block
        int gb = g * b; // one [4H][B] block
        allocate();
        // NCW [B, I, T] in 'f' order is [T][I][B] in memory: the layout px wants
        copy(input.castTo(DataType.FLOAT).dup('f'), px, (long) t * nIn * b);
        pw.position(0).put(matrix(params.get(LSTMParamInitializer.INPUT_WEIGHT_KEY), 'c'), 0, nIn * g);
        prw.position(0).put(matrix(params.get(LSTMParamInitializer.RECURRENT_WEIGHT_KEY), 'c'), 0, h * g);
        float[] bias = matrix(params.get(LSTMParamInitializer.BIAS_KEY), 'c');
        for (int k = 0; k < g; k++) {
            Arrays.fill(biasBlock, k * b, (k + 1) * b, bias[k]);
        }
        for (int tt = 0; tt < t; tt++) {
            // z_t = Wᵀ·x_t + RWᵀ·h_{t−1}   ([4H][B]; h_{−1} = 0)
            openblas_nolapack.cblas_sgemm(ROW, TR, N, g, b, nIn, 1f, pw.position(0), g,
                    px.position((long) tt * nIn * b), b, 0f, pz.position(0), b);
            if (tt > 0) {
                openblas_nolapack.cblas_sgemm(ROW, TR, N, g, b, h, 1f, prw.position(0), g,
                        ph.position((long) tt * hb), b, 1f, pz.position(0), b);
            }
            pz.position(0).get(step, 0, gb);
            int ct = tt * hb;
            addTo(step, biasBlock, gb);
            math.tanh(step, 0, hb);           // a
            math.logistic(step, hb, 3 * hb);  // f, o, i
            System.arraycopy(step, 0, gates, tt * gb, gb);
            cellState(step, hb, tt > 0 ? cells : zeroState, tt > 0 ? ct - hb : 0, cells, ct);
            System.arraycopy(cells, ct, tanhCells, ct, hb);
            math.tanh(tanhCells, ct, hb);
            hidden(step, hb, tanhCells, ct, hStep, 0);
            ph.position((long) (tt + 1) * hb).put(hStep, 0, hb);
        }
        stateInput = input;
    }

    /** x[i] += y[i]. */
    private static void addTo(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            x[i] += y[i];
        }
    }

    /** c = f⊙c_{t−1} + i⊙a, with the gate blocks a, f, o, i of {@code act} in that order. */
    private static void cellState(float[] act, int hb, float[] prev, int prevOff, float[] c, int cOff) {
        for (int k = 0; k < hb; k++) {
            c[cOff + k] = act[hb + k] * prev[prevOff + k] + act[3 * hb + k] * act[k];
        }
    }

    /** h = o⊙tanh(c). */
    private static void hidden(float[] act, int hb, float[] tanhC, int off, float[] out, int outOff) {
        for (int k = 0; k < hb; k++) {
            out[outOff + k] = act[2 * hb + k] * tanhC[off + k];
        }
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        if (stateInput != input) { // the kept state is not this input's: recompute it
            forward();
        }
        int g = 4 * h;
        int hb = h * b;
        int gb = g * b;
        float[] eps = matrix(epsilon, 'f'); // NCW [B, H, T] in 'f' order: [T][H][B]
        if (eps.length != t * hb) {
            throw new IllegalArgumentException("GemmLstm: epsilon has " + eps.length + " values, expected " + t * hb);
        }
        float[] dhRec = new float[hb];
        float[] dcNext = new float[hb];
        float[] dbBlock = new float[gb];
        float[] dz = step;
        Pointer.memset(pgw.position(0), 0, 4L * nIn * g);
        Pointer.memset(pgrw.position(0), 0, 4L * h * g);
        for (int tt = t - 1; tt >= 0; tt--) {
            int ct = tt * hb;
            cellGradients(gates, tt * gb, hb, tanhCells, ct, tt > 0 ? cells : zeroState, tt > 0 ? ct - hb : 0,
                    eps, dhRec, dcNext, dz);
            addTo(dbBlock, dz, gb);
            pz.position(0).put(dz, 0, gb);
            // dW += x_t·dz_tᵀ, dx_t = W·dz_t, dRW += h_{t−1}·dz_tᵀ, dh_{t−1} = RW·dz_t
            openblas_nolapack.cblas_sgemm(ROW, N, TR, nIn, g, b, 1f, px.position((long) tt * nIn * b), b,
                    pz.position(0), b, 1f, pgw.position(0), g);
            openblas_nolapack.cblas_sgemm(ROW, N, N, nIn, b, g, 1f, pw.position(0), g, pz.position(0), b, 0f,
                    pdx.position((long) tt * nIn * b), b);
            if (tt > 0) {
                openblas_nolapack.cblas_sgemm(ROW, N, TR, h, g, b, 1f, ph.position((long) tt * hb), b,
                        pz.position(0), b, 1f, pgrw.position(0), g);
                openblas_nolapack.cblas_sgemm(ROW, N, N, h, b, g, 1f, prw.position(0), g, pz.position(0), b, 0f,
                        pdh.position(0), b);
                pdh.position(0).get(dhRec, 0, hb);
            }
        }
        float[] gw = new float[nIn * g];
        float[] grw = new float[h * g];
        float[] db = new float[g];
        pgw.position(0).get(gw, 0, gw.length);
        pgrw.position(0).get(grw, 0, grw.length);
        for (int k = 0; k < g; k++) {
            float sum = 0f;
            for (int bb = 0; bb < b; bb++) {
                sum += dbBlock[k * b + bb];
            }
            db[k] = sum;
        }

        Map<String, INDArray> views = gradientViews;
        INDArray gW = views.get(LSTMParamInitializer.INPUT_WEIGHT_KEY);
        INDArray gRW = views.get(LSTMParamInitializer.RECURRENT_WEIGHT_KEY);
        INDArray gB = views.get(LSTMParamInitializer.BIAS_KEY);
        gW.assign(array(gw, new long[] {nIn, g}, 'c'));
        gRW.assign(array(grw, new long[] {h, g}, 'c'));
        gB.assign(array(db, gB.shape(), 'c'));
        Gradient gradient = new DefaultGradient();
        gradient.gradientForVariable().put(LSTMParamInitializer.INPUT_WEIGHT_KEY, gW);
        gradient.gradientForVariable().put(LSTMParamInitializer.RECURRENT_WEIGHT_KEY, gRW);
        gradient.gradientForVariable().put(LSTMParamInitializer.BIAS_KEY, gB);

        // [T][I][B] is NCW [B, I, T] in 'f' order
        INDArray epsOut = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT,
                new long[] {b, nIn, t}, 'f');
        copy(pdx, 0, epsOut, (long) t * nIn * b);
        weightNoiseParams.clear();
        return new Pair<>(gradient, backpropDropOutIfPresent(epsOut));
    }

    /**
     * One step of BPTT over an [H][B] block: from the step's activations, dh = ε_t + dh_rec and
     * dc = dh⊙o⊙(1 − tanh²c) + dc_{t+1}; the pre-activation gradients go to {@code dz} (blocks a, f,
     * o, i) and dc⊙f to {@code dcNext}, for the step before.
     */
    private static void cellGradients(float[] act, int gt, int hb, float[] tanhC, int ct, float[] prev, int prevOff,
                                      float[] eps, float[] dhRec, float[] dcNext, float[] dz) {
        for (int k = 0; k < hb; k++) {
            float a = act[gt + k];
            float f = act[gt + hb + k];
            float o = act[gt + 2 * hb + k];
            float in = act[gt + 3 * hb + k];
            float tc = tanhC[ct + k];
            float dh = eps[ct + k] + dhRec[k];
            float dc = dh * o * (1f - tc * tc) + dcNext[k];
            dz[k] = dc * in * (1f - a * a);
            dz[hb + k] = dc * prev[prevOff + k] * f * (1f - f);
            dz[2 * hb + k] = dh * tc * o * (1f - o);
            dz[3 * hb + k] = dc * a * in * (1f - in);
            dcNext[k] = dc * f;
        }
    }

    private void allocate() {
        int g = 4 * h;
        int tgb = t * g * b;
        if (gates.length != tgb || biasBlock.length != g * b || px == null || px.capacity() != (long) t * nIn * b) {
            gates = new float[tgb];
            cells = new float[t * h * b];
            tanhCells = new float[t * h * b];
            biasBlock = new float[g * b];
            zeroState = new float[h * b];
            step = new float[g * b];
            hStep = new float[h * b];
            freeBuffers();
            px = new FloatPointer((long) t * nIn * b);
            pw = new FloatPointer((long) nIn * g);
            prw = new FloatPointer((long) h * g);
            pz = new FloatPointer((long) g * b);
            ph = new FloatPointer((long) (t + 1) * h * b);
            pdh = new FloatPointer((long) h * b);
            pgw = new FloatPointer((long) nIn * g);
            pgrw = new FloatPointer((long) h * g);
            pdx = new FloatPointer((long) t * nIn * b);
            ph.position(0).put(new float[h * b], 0, h * b); // h_{−1} = 0
        }
    }

    private void freeBuffers() {
        for (FloatPointer p : new FloatPointer[] {px, pw, prw, pz, ph, pdh, pgw, pgrw, pdx}) {
            if (p != null) {
                p.close();
            }
        }
    }

    /**
     * An array (or view) as floats in the given memory order: one native copy, then one bulk read.
     * ND4J's {@code data().asFloat()} and {@code Nd4j.create(float[])} go element by element
     * through the buffer's indexer, which cost a tenth of an epoch.
     */
    private static float[] matrix(INDArray p, char order) {
        INDArray c = p.castTo(DataType.FLOAT).dup(order);
        float[] v = new float[Math.toIntExact(c.length())];
        new FloatPointer(c.data().addressPointer()).get(v, 0, v.length);
        return v;
    }

    /**
     * n floats from a BLAS buffer, starting at float {@code offset}, into a fresh (offset 0,
     * contiguous) ND4J array. JavaCPP's memcpy reads a pointer's position as bytes, hence
     * getPointer for the offset.
     */
    private static void copy(FloatPointer from, long offset, INDArray to, long n) {
        if (to.offset() != 0 || to.length() != n || to.dataType() != DataType.FLOAT) {
            throw new IllegalStateException("GemmLstm: expected a fresh float array of " + n + " values");
        }
        Pointer.memcpy(to.data().addressPointer(), from.position(0).getPointer(offset), 4 * n);
    }

    /** n floats from a fresh (offset 0, contiguous) ND4J array into a BLAS buffer. */
    private static void copy(INDArray from, FloatPointer to, long n) {
        if (from.offset() != 0 || from.length() != n || from.dataType() != DataType.FLOAT) {
            throw new IllegalStateException("GemmLstm: expected a fresh float array of " + n + " values");
        }
        Pointer.memcpy(to.position(0), from.data().addressPointer(), 4 * n);
    }

    /** Values in the given memory order as an ND4J array, outside any workspace, by one bulk write. */
    private static INDArray array(float[] v, long[] shape, char order) {
        INDArray a = Nd4j.createUninitializedDetached(DataType.FLOAT, order, shape);
        new FloatPointer(a.data().addressPointer()).put(v, 0, v.length);
        return a;
    }

    @Override
    public INDArray rnnTimeStep(INDArray input, LayerWorkspaceMgr workspaceMgr) {
        throw new UnsupportedOperationException("GemmLstm: rnnTimeStep is not supported");
    }

    @Override
    public INDArray rnnActivateUsingStoredState(INDArray input, boolean training, boolean storeLastForTBPTT,
                                                LayerWorkspaceMgr workspaceMgr) {
        throw new UnsupportedOperationException("GemmLstm: truncated BPTT is not supported");
    }

    @Override
    public Pair<Gradient, INDArray> tbpttBackpropGradient(INDArray epsilon, int tbpttBackwardLength,
                                                          LayerWorkspaceMgr workspaceMgr) {
        throw new UnsupportedOperationException("GemmLstm: truncated BPTT is not supported");
    }
}

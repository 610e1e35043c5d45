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
 * i, all sigmoid but a), computed per time step as
 * <pre>
 *   z_t = [W; RW]ᵀ·[x_t; h_{t−1}] + b      one product, K = I + H       [4H × K]·[K × B]
 *   c_t = f⊙c_{t−1} + i⊙a,  h_t = o⊙tanh(c_t)                            Java loops (GateMath)
 * backward (BPTT), per step: gate derivatives in Java loops, then two products:
 *   d[W; RW] += [x_t; h_{t−1}]·dz_tᵀ,   [dx_t; dh_{t−1}] = [W; RW]·dz_t;   db = Σ dz.
 * </pre>
 * Every per-step block is feature-major with the batch fastest ([feature][B]): the element-wise
 * loops then run over thousands of contiguous floats, which C2 vectorises, and NCW arrays in 'f'
 * order ([B, F, T] is [T][F][B] in memory) move in and out by memcpy. Matrix products go straight
 * to OpenBLAS's {@code cblas_sgemm} (the BLAS ND4J itself uses) on off-heap buffers kept between
 * calls. The forward pass keeps the gate activations and cell states on the Java heap for the
 * backward pass, so backprop does not recompute the forward pass (DL4J's layer does). Nothing here
 * is random or multi-threaded outside BLAS: with the same BLAS thread count the results are
 * bit-identical.
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

    // Off-heap BLAS operands. The input and recurrent weights are stacked, K = I + H, so that each
    // step is one product forward (z_t = [W; RW]ᵀ·[x_t; h_{t−1}]) and two backward.
    private FloatPointer pxh;  // [T+1][K][B]  block t = [x_t; h_{t−1}] (h_{−1} = 0); block T holds h_{T−1}
    private FloatPointer pwr;  // [K × 4H]     row-major: W's rows, then RW's, as DL4J stores them
    private FloatPointer pz;   // [4H][B]      z_t forward, dz_t backward
    private FloatPointer pdxh; // [K][B]       [dx_t; dh_{t−1}]
    private FloatPointer pgwr; // [K × 4H]     d[W; RW]
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
        // h_0 … h_{T−1}, [T][H][B]: ret's memory order
        FloatPointer out = pointer(ret, (long) t * h * b);
        for (int tt = 0; tt < t; tt++) {
            Pointer.memcpy(at(out, (long) tt * h * b), at(pxh, ((tt + 1L) * k() + nIn) * b), 4L * h * b);
        }
        return ret;
    }

    /** The forward pass over {@link #input}; keeps the state for backprop, h_t in block t + 1 of {@link #pxh}. */
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
        int kb = k() * b; // one [K][B] block
        // NCW [B, I, T] in 'f' order is [T][I][B] in memory: x_t goes to the top of block t
        FloatPointer x = pointer(input.castTo(DataType.FLOAT).dup('f'), (long) t * nIn * b);
        for (int tt = 0; tt < t; tt++) {
            Pointer.memcpy(at(pxh, (long) tt * kb), at(x, (long) tt * nIn * b), 4L * nIn * b);
        }
        pwr.position(0).put(matrix(params.get(LSTMParamInitializer.INPUT_WEIGHT_KEY), 'c'), 0, nIn * g);
        pwr.position((long) nIn * g).put(matrix(params.get(LSTMParamInitializer.RECURRENT_WEIGHT_KEY), 'c'), 0, h * g);
        float[] bias = matrix(params.get(LSTMParamInitializer.BIAS_KEY), 'c');
        for (int k = 0; k < g; k++) {
            Arrays.fill(biasBlock, k * b, (k + 1) * b, bias[k]);
        }
        for (int tt = 0; tt < t; tt++) {
            // z_t = [W; RW]ᵀ·[x_t; h_{t−1}]   ([4H][B])
            openblas_nolapack.cblas_sgemm(ROW, TR, N, g, b, k(), 1f, pwr.position(0), g,
                    pxh.position((long) tt * kb), b, 0f, pz.position(0), b);
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
            pxh.position((long) (tt + 1) * kb + (long) nIn * b).put(hStep, 0, hb);
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
        int kb = k() * b;
        Pointer.memset(pgwr.position(0), 0, 4L * k() * g);
        for (int tt = t - 1; tt >= 0; tt--) {
            int ct = tt * hb;
            cellGradients(gates, tt * gb, hb, tanhCells, ct, tt > 0 ? cells : zeroState, tt > 0 ? ct - hb : 0,
                    eps, dhRec, dcNext, dz);
            addTo(dbBlock, dz, gb);
            pz.position(0).put(dz, 0, gb);
            // d[W; RW] += [x_t; h_{t−1}]·dz_tᵀ, [dx_t; dh_{t−1}] = [W; RW]·dz_t
            openblas_nolapack.cblas_sgemm(ROW, N, TR, k(), g, b, 1f, pxh.position((long) tt * kb), b,
                    pz.position(0), b, 1f, pgwr.position(0), g);
            openblas_nolapack.cblas_sgemm(ROW, N, N, k(), b, g, 1f, pwr.position(0), g, pz.position(0), b, 0f,
                    pdxh.position(0), b);
            Pointer.memcpy(at(pdx, (long) tt * nIn * b), pdxh.position(0), 4L * nIn * b);
            pdxh.position((long) nIn * b).get(dhRec, 0, hb);
        }
        float[] gw = new float[nIn * g];
        float[] grw = new float[h * g];
        float[] db = new float[g];
        pgwr.position(0).get(gw, 0, gw.length);
        pgwr.position((long) nIn * g).get(grw, 0, grw.length);
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
        Pointer.memcpy(pointer(epsOut, (long) t * nIn * b), pdx.position(0), 4L * t * nIn * b);
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
        if (gates.length != tgb || biasBlock.length != g * b || pdx == null || pdx.capacity() != (long) t * nIn * b) {
            gates = new float[tgb];
            cells = new float[t * h * b];
            tanhCells = new float[t * h * b];
            biasBlock = new float[g * b];
            zeroState = new float[h * b];
            step = new float[g * b];
            hStep = new float[h * b];
            freeBuffers();
            pxh = new FloatPointer((t + 1L) * k() * b);
            pwr = new FloatPointer((long) k() * g);
            pz = new FloatPointer((long) g * b);
            pdxh = new FloatPointer((long) k() * b);
            pgwr = new FloatPointer((long) k() * g);
            pdx = new FloatPointer((long) t * nIn * b);
            Pointer.memset(pxh.position(0), 0, 4L * (t + 1) * k() * b); // h_{−1} = 0
        }
    }

    private void freeBuffers() {
        for (FloatPointer p : new FloatPointer[] {pxh, pwr, pz, pdxh, pgwr, pdx}) {
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

    /** A pointer to float i of p, at position 0 (whatever p's position). */
    private static FloatPointer at(FloatPointer p, long i) {
        return p.position(0).getPointer(i);
    }

    /** The stacked operand's height, I + H. */
    private int k() {
        return nIn + h;
    }

    /**
     * The memory of a fresh (offset 0, contiguous) float array of n values. JavaCPP's memcpy reads a
     * pointer's position as bytes, so offsets into these pointers go through getPointer.
     */
    private static FloatPointer pointer(INDArray a, long n) {
        if (a.offset() != 0 || a.length() != n || a.dataType() != DataType.FLOAT) {
            throw new IllegalStateException("GemmLstm: expected a fresh float array of " + n + " values");
        }
        return new FloatPointer(a.data().addressPointer());
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

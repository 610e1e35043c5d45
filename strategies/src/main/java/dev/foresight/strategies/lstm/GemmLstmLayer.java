package dev.foresight.strategies.lstm;

import java.util.Map;
import org.bytedeco.javacpp.FloatPointer;
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

    // heap state of the last forward pass (time-major rows t·B + b)
    private float[] gates = new float[0];   // [T·B × 4H] activations a, f, o, i
    private float[] cells = new float[0];   // [T·B × H]
    private float[] tanhCells = new float[0]; // [T·B × H]
    private float[] zStep = new float[0];   // [B × 4H]
    private float[] hStep = new float[0];   // [B × H]
    private float[] bias = new float[0];    // [4H]
    private INDArray stateInput;            // the input the state above belongs to

    // off-heap BLAS operands
    private FloatPointer px;   // [T·B × I]
    private FloatPointer pw;   // [I × 4H]
    private FloatPointer prw;  // [H × 4H]
    private FloatPointer pz;   // [T·B × 4H]   pre-activations forward, dZ backward
    private FloatPointer ph;   // [(T+1)·B × H] block 0 zeros, block t+1 = h_t
    private FloatPointer pdh;  // [B × H]
    private FloatPointer pgw;  // [I × 4H]
    private FloatPointer pgrw; // [H × 4H]
    private FloatPointer pdx;  // [T·B × I]

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
        float[] out = forward();
        // 'f' order, as DL4J's LSTM layer returns it: a dropout layer above draws its mask over the
        // buffer in memory order, so the same seed drops the same units as with DL4J's layer
        INDArray ret = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, new long[] {b, h, t}, 'f');
        ret.assign(Nd4j.create(out, new long[] {b, h, t}, 'f'));
        return ret;
    }

    /** The forward pass over {@link #input}; keeps the state for backprop; returns h as NCW [B, H, T] in 'f' order. */
    private float[] forward() {
        INDArray x = input.castTo(DataType.FLOAT);
        long[] shape = x.shape();
        b = Math.toIntExact(shape[0]);
        nIn = Math.toIntExact(shape[1]);
        t = Math.toIntExact(shape[2]);
        h = Math.toIntExact(layerConf().getNOut());
        if (nIn != layerConf().getNIn()) {
            throw new IllegalArgumentException("GemmLstm: input has " + nIn + " features, layer expects " + layerConf().getNIn());
        }
        int g = 4 * h;
        int rows = t * b;
        allocate(rows, g);
        // input, NCW [b][i][t] → time-major rows [t·B + b][i]
        float[] xin = x.dup('c').data().asFloat();
        float[] xr = new float[rows * nIn];
        for (int bb = 0; bb < b; bb++) {
            for (int i = 0; i < nIn; i++) {
                int src = (bb * nIn + i) * t;
                for (int tt = 0; tt < t; tt++) {
                    xr[(tt * b + bb) * nIn + i] = xin[src + tt];
                }
            }
        }
        px.position(0).put(xr, 0, xr.length);
        pw.position(0).put(matrix(params.get(LSTMParamInitializer.INPUT_WEIGHT_KEY)), 0, nIn * g);
        prw.position(0).put(matrix(params.get(LSTMParamInitializer.RECURRENT_WEIGHT_KEY)), 0, h * g);
        System.arraycopy(matrix(params.get(LSTMParamInitializer.BIAS_KEY)), 0, bias, 0, g);
        // Z = X·W for all steps at once
        openblas_nolapack.cblas_sgemm(ROW, N, N, rows, g, nIn, 1f, px.position(0), nIn, pw.position(0), g, 0f,
                pz.position(0), g);
        float[] out = new float[b * h * t];
        for (int tt = 0; tt < t; tt++) {
            long zOff = (long) tt * b * g;
            if (tt > 0) { // z_t += h_{t−1}·RW (h_{−1} = 0)
                openblas_nolapack.cblas_sgemm(ROW, N, N, b, g, h, 1f, ph.position((long) tt * b * h), h,
                        prw.position(0), g, 1f, pz.position(zOff), g);
            }
            pz.position(zOff).get(zStep, 0, b * g);
            for (int bb = 0; bb < b; bb++) {
                int zr = bb * g;
                int gr = (tt * b + bb) * g;
                int cr = (tt * b + bb) * h;
                int pr = cr - b * h;
                for (int j = 0; j < h; j++) {
                    float a = tanh(zStep[zr + j] + bias[j]);
                    float f = sigmoid(zStep[zr + h + j] + bias[h + j]);
                    float o = sigmoid(zStep[zr + 2 * h + j] + bias[2 * h + j]);
                    float in = sigmoid(zStep[zr + 3 * h + j] + bias[3 * h + j]);
                    float cPrev = tt > 0 ? cells[pr + j] : 0f;
                    float c = f * cPrev + in * a;
                    float tc = tanh(c);
                    float hv = o * tc;
                    gates[gr + j] = a;
                    gates[gr + h + j] = f;
                    gates[gr + 2 * h + j] = o;
                    gates[gr + 3 * h + j] = in;
                    cells[cr + j] = c;
                    tanhCells[cr + j] = tc;
                    hStep[bb * h + j] = hv;
                    out[(tt * h + j) * b + bb] = hv;
                }
            }
            ph.position((long) (tt + 1) * b * h).put(hStep, 0, b * h);
        }
        stateInput = input;
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        if (stateInput != input) { // the kept state is not this input's: recompute it
            forward();
        }
        int g = 4 * h;
        int rows = t * b;
        float[] eps = epsilon.castTo(DataType.FLOAT).dup('c').data().asFloat();
        if (eps.length != b * h * t) {
            throw new IllegalArgumentException("GemmLstm: epsilon has " + eps.length + " values, expected " + b * h * t);
        }
        float[] dhRec = new float[b * h];
        float[] dcNext = new float[b * h];
        float[] db = new float[g];
        float[] dz = zStep;
        for (int tt = t - 1; tt >= 0; tt--) {
            for (int bb = 0; bb < b; bb++) {
                int zr = bb * g;
                int gr = (tt * b + bb) * g;
                int cr = (tt * b + bb) * h;
                int pr = cr - b * h;
                int sr = bb * h;
                for (int j = 0; j < h; j++) {
                    float a = gates[gr + j];
                    float f = gates[gr + h + j];
                    float o = gates[gr + 2 * h + j];
                    float in = gates[gr + 3 * h + j];
                    float tc = tanhCells[cr + j];
                    float dh = eps[(bb * h + j) * t + tt] + dhRec[sr + j];
                    float dc = dh * o * (1f - tc * tc) + dcNext[sr + j];
                    float cPrev = tt > 0 ? cells[pr + j] : 0f;
                    float dza = dc * in * (1f - a * a);
                    float dzf = dc * cPrev * f * (1f - f);
                    float dzo = dh * tc * o * (1f - o);
                    float dzi = dc * a * in * (1f - in);
                    dcNext[sr + j] = dc * f;
                    dz[zr + j] = dza;
                    dz[zr + h + j] = dzf;
                    dz[zr + 2 * h + j] = dzo;
                    dz[zr + 3 * h + j] = dzi;
                }
            }
            for (int bb = 0; bb < b; bb++) {
                int zr = bb * g;
                for (int k = 0; k < g; k++) {
                    db[k] += dz[zr + k];
                }
            }
            long zOff = (long) tt * b * g;
            pz.position(zOff).put(dz, 0, b * g);
            if (tt > 0) { // dh_{t−1} = dz_t·RWᵀ
                openblas_nolapack.cblas_sgemm(ROW, N, TR, b, h, g, 1f, pz.position(zOff), g, prw.position(0), g,
                        0f, pdh.position(0), h);
                pdh.position(0).get(dhRec, 0, b * h);
            }
        }
        // dW = Xᵀ·dZ, dRW = H_prevᵀ·dZ, dX = dZ·Wᵀ, each over all steps at once
        openblas_nolapack.cblas_sgemm(ROW, TR, N, nIn, g, rows, 1f, px.position(0), nIn, pz.position(0), g, 0f,
                pgw.position(0), g);
        openblas_nolapack.cblas_sgemm(ROW, TR, N, h, g, rows, 1f, ph.position(0), h, pz.position(0), g, 0f,
                pgrw.position(0), g);
        openblas_nolapack.cblas_sgemm(ROW, N, TR, rows, nIn, g, 1f, pz.position(0), g, pw.position(0), g, 0f,
                pdx.position(0), nIn);
        float[] gw = new float[nIn * g];
        float[] grw = new float[h * g];
        float[] dxr = new float[rows * nIn];
        pgw.position(0).get(gw, 0, gw.length);
        pgrw.position(0).get(grw, 0, grw.length);
        pdx.position(0).get(dxr, 0, dxr.length);

        Map<String, INDArray> views = gradientViews;
        INDArray gW = views.get(LSTMParamInitializer.INPUT_WEIGHT_KEY);
        INDArray gRW = views.get(LSTMParamInitializer.RECURRENT_WEIGHT_KEY);
        INDArray gB = views.get(LSTMParamInitializer.BIAS_KEY);
        gW.assign(Nd4j.create(gw, new long[] {nIn, g}, 'c'));
        gRW.assign(Nd4j.create(grw, new long[] {h, g}, 'c'));
        gB.assign(Nd4j.create(db, gB.shape(), 'c'));
        Gradient gradient = new DefaultGradient();
        gradient.gradientForVariable().put(LSTMParamInitializer.INPUT_WEIGHT_KEY, gW);
        gradient.gradientForVariable().put(LSTMParamInitializer.RECURRENT_WEIGHT_KEY, gRW);
        gradient.gradientForVariable().put(LSTMParamInitializer.BIAS_KEY, gB);

        float[] dx = new float[b * nIn * t]; // time-major rows → NCW
        for (int bb = 0; bb < b; bb++) {
            for (int i = 0; i < nIn; i++) {
                int dst = (bb * nIn + i) * t;
                for (int tt = 0; tt < t; tt++) {
                    dx[dst + tt] = dxr[(tt * b + bb) * nIn + i];
                }
            }
        }
        INDArray epsOut = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT,
                new long[] {b, nIn, t}, 'c');
        epsOut.assign(Nd4j.create(dx, new long[] {b, nIn, t}, 'c'));
        weightNoiseParams.clear();
        return new Pair<>(gradient, backpropDropOutIfPresent(epsOut));
    }

    private void allocate(int rows, int g) {
        if (gates.length < rows * g || zStep.length != b * g || px == null || px.capacity() < (long) rows * nIn) {
            gates = new float[rows * g];
            cells = new float[rows * h];
            tanhCells = new float[rows * h];
            zStep = new float[b * g];
            hStep = new float[b * h];
            bias = new float[g];
            freeBuffers();
            px = new FloatPointer((long) rows * nIn);
            pw = new FloatPointer((long) nIn * g);
            prw = new FloatPointer((long) h * g);
            pz = new FloatPointer((long) rows * g);
            ph = new FloatPointer((long) (rows + b) * h);
            pdh = new FloatPointer((long) b * h);
            pgw = new FloatPointer((long) nIn * g);
            pgrw = new FloatPointer((long) h * g);
            pdx = new FloatPointer((long) rows * nIn);
            ph.position(0).put(new float[b * h], 0, b * h); // h_{−1} = 0
        }
    }

    private void freeBuffers() {
        for (FloatPointer p : new FloatPointer[] {px, pw, prw, pz, ph, pdh, pgw, pgrw, pdx}) {
            if (p != null) {
                p.close();
            }
        }
    }

    /** A parameter (or its view) as row-major floats. */
    private static float[] matrix(INDArray p) {
        return p.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }

    private static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }

    private static float tanh(float x) {
        double e = Math.exp(-2.0 * Math.abs(x));
        double r = (1.0 - e) / (1.0 + e);
        return (float) (x < 0 ? -r : r);
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

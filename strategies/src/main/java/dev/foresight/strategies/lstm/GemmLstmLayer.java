package dev.foresight.strategies.lstm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import org.bytedeco.javacpp.FloatPointer;
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
 * The implementation of {@link GemmLstm}: DL4J's LSTM recurrence (no peepholes), computed by
 * {@link GemmLstmSlice}s over column slices of the minibatch. With ND4J's thread count at n > 1
 * the batch is cut into up to n slices of at least {@value #MIN_SLICE} columns, run on n threads
 * with single-threaded BLAS: OpenBLAS splitting each of these small products (N = 32) over two
 * threads was slower than one thread (bench/lstm). The slices' weight gradients are added in slice
 * order, so with the same thread count the results are bit-identical; with one thread there is one
 * slice and nothing is split.
 *
 * <p>NCW arrays in 'f' order ([B, F, T] is [T][F][B] in memory) are what the slices read and
 * write. Workspaces: the layer's scratch memory is its own (heap arrays and off-heap buffers owned
 * by the slices, not workspace memory); the activations and the input gradient it returns are
 * created through the {@link LayerWorkspaceMgr} as DL4J's layers do. Masks, weight noise, double
 * precision, NWC input and truncated BPTT are not supported (Foresight uses none) and throw.
 */
final class GemmLstmLayer extends BaseRecurrentLayer<LSTM> {

    /** Fewest batch columns per slice: narrower products lose more to BLAS overheads than a thread gains. */
    static final int MIN_SLICE = 16;
    /**
     * Slice sets kept, one per batch shape: an epoch alternates between full minibatches and its
     * last, shorter one, and a validation pass adds a third shape.
     */
    private static final int SHAPES_KEPT = 3;
    /**
     * Widest batch whose slices are kept: a prediction over many windows at once (hundreds of MB of
     * state for thousands of columns) is freed when the next shape comes, as before.
     */
    private static final int WIDEST_KEPT = 256;
    /** Side of the square tiles {@link #transpose} moves. */
    private static final int TILE = 16;

    private static final ExecutorService SLICE_THREADS = Executors.newCachedThreadPool(r -> {
        Thread th = new Thread(r, "gemm-lstm-slice");
        th.setDaemon(true);
        return th;
    });
    private static volatile boolean blasSingleThreaded;
    /** Where the thread count comes from: ND4J's; tests swap it (ND4J's cannot be changed after start-up). */
    static volatile IntSupplier threads = () -> Nd4j.getEnvironment().maxThreads();

    private int b;
    private int t;
    private int nIn;
    private int h;
    private GemmLstmSlice[] slices = new GemmLstmSlice[0];
    // The slice sets of the last SHAPES_KEPT batch shapes, most recent first: rebuilding them at
    // every change of shape (twice an epoch: the last, shorter minibatch and back) cost ~14 MB of
    // fresh arrays per epoch on the course network, which lived long enough for the GC to promote.
    private final List<GemmLstmSlice[]> sliceSets = new ArrayList<>();
    private FloatPointer pwr;    // [K × 4H] row-major, K = I + H: W's rows, then RW's, as DL4J stores them
    // [4H × K] row-major, the transpose of pwr: the forward product's operand (GemmLstmSlice.forward)
    private FloatPointer pwrByGate;
    private INDArray stateInput; // the input the slices' state belongs to
    // Heap buffers reused from one minibatch to the next: allocating them per call cost ~6 MB of
    // zeroed arrays per minibatch, ~400 MB an epoch for the GC. Each holds {kept, wide}: the kept
    // one serves batches of at most WIDEST_KEPT columns and only grows (a shorter minibatch uses its
    // front); the wide one serves a wider batch while that shape lasts (see allocate).
    private final float[][] xBuffer = {new float[0], new float[0]};
    private final float[][] weightBuffer = {new float[0], new float[0]};
    private final float[][] weightByGateBuffer = {new float[0], new float[0]};
    private final float[][] outBuffer = {new float[0], new float[0]};
    private final float[][] epsBuffer = {new float[0], new float[0]};
    private final float[][] dxBuffer = {new float[0], new float[0]};
    /** Scratch of the transposing reads and writes ({@link #scratch}), in a holder the static helpers grow. */
    private final float[][] transposeScratch = {new float[0]};

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
        int n = t * h * b;
        // 'f' order, as DL4J's LSTM layer returns it: a dropout layer above draws its mask over the
        // buffer in memory order, so the same seed drops the same units as with DL4J's layer
        INDArray ret = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, new long[] {b, h, t}, 'f');
        pointer(ret, n).put(out, 0, n);
        return ret;
    }

    /** The forward pass over {@link #input}; the slices keep the state for backprop. Returns h as [T][H][B]. */
    private float[] forward() {
        long[] shape = input.shape();
        b = Math.toIntExact(shape[0]);
        nIn = Math.toIntExact(shape[1]);
        t = Math.toIntExact(shape[2]);
        h = Math.toIntExact(layerConf().getNOut());
        if (nIn != layerConf().getNIn()) {
            throw new IllegalArgumentException("GemmLstm: input has " + nIn + " features, layer expects " + layerConf().getNIn());
        }
        int g = 4 * h;
        allocate();
        float[] x = buffer(xBuffer, Math.toIntExact(input.length()));
        matrix(input, 'f', x, 0, transposeScratch); // NCW [B, I, T] in 'f' order: [T][I][B]
        int k = nIn + h;
        int weights = k * g;
        // the weights by gate row first: DL4J keeps W [I × 4H] and RW [H × 4H] in 'f' order, so each
        // is one bulk read ([4H][I] and [4H][H], staged in wr) and the rows are interleaved by copies;
        // then [K × 4H] is its one transpose
        float[] wr = buffer(weightBuffer, weights);
        float[] wrByGate = buffer(weightByGateBuffer, weights);
        matrix(params.get(LSTMParamInitializer.INPUT_WEIGHT_KEY), 'f', wr, 0, transposeScratch);
        matrix(params.get(LSTMParamInitializer.RECURRENT_WEIGHT_KEY), 'f', wr, nIn * g, transposeScratch);
        for (int j = 0; j < g; j++) {
            System.arraycopy(wr, j * nIn, wrByGate, j * k, nIn);
            System.arraycopy(wr, nIn * g + j * h, wrByGate, j * k + nIn, h);
        }
        pwrByGate.position(0).put(wrByGate, 0, weights);
        transpose(wrByGate, 0, g, k, wr, 0);
        pwr.position(0).put(wr, 0, weights);
        float[] bias = matrix(params.get(LSTMParamInitializer.BIAS_KEY), 'c');
        float[] out = buffer(outBuffer, t * h * b); // every value written by the slices
        inSlices(j -> slices[j].forward(x, b, pwr, pwrByGate, bias, out));
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
        if (epsilon.length() != (long) t * h * b) {
            throw new IllegalArgumentException("GemmLstm: epsilon has " + epsilon.length() + " values, expected "
                    + t * h * b);
        }
        float[] eps = buffer(epsBuffer, t * h * b);
        matrix(epsilon, 'f', eps, 0, transposeScratch); // NCW [B, H, T] in 'f' order: [T][H][B]
        int nx = t * nIn * b;
        float[] dx = buffer(dxBuffer, nx); // every value written by the slices
        float[][][] parts = new float[slices.length][][];
        inSlices(j -> parts[j] = slices[j].backward(eps, b, pwr, dx));
        float[] gwr = parts[0][0];
        float[] db = parts[0][1];
        for (int j = 1; j < parts.length; j++) { // in slice order: the sum does not depend on timing
            addTo(gwr, parts[j][0]);
            addTo(db, parts[j][1]);
        }
        Map<String, INDArray> views = gradientViews;
        INDArray gW = views.get(LSTMParamInitializer.INPUT_WEIGHT_KEY);
        INDArray gRW = views.get(LSTMParamInitializer.RECURRENT_WEIGHT_KEY);
        INDArray gB = views.get(LSTMParamInitializer.BIAS_KEY);
        store(gwr, 0, nIn, g, gW, transposeScratch);
        store(gwr, nIn * g, h, g, gRW, transposeScratch);
        store(db, 0, 1, g, gB, transposeScratch);
        Gradient gradient = new DefaultGradient();
        gradient.gradientForVariable().put(LSTMParamInitializer.INPUT_WEIGHT_KEY, gW);
        gradient.gradientForVariable().put(LSTMParamInitializer.RECURRENT_WEIGHT_KEY, gRW);
        gradient.gradientForVariable().put(LSTMParamInitializer.BIAS_KEY, gB);

        // [T][I][B] is NCW [B, I, T] in 'f' order
        INDArray epsOut = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT,
                new long[] {b, nIn, t}, 'f');
        pointer(epsOut, nx).put(dx, 0, nx);
        weightNoiseParams.clear();
        return new Pair<>(gradient, backpropDropOutIfPresent(epsOut));
    }

    /** Runs {@code work} for every slice: slice 0 on this thread, the others on the pool; rethrows the first failure. */
    private void inSlices(IntConsumer work) {
        if (slices.length == 1) {
            work.accept(0);
            return;
        }
        List<Future<?>> others = new ArrayList<>();
        for (int j = 1; j < slices.length; j++) {
            int slice = j;
            others.add(SLICE_THREADS.submit(() -> work.accept(slice)));
        }
        RuntimeException failure = null;
        try {
            work.accept(0);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : others) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("GemmLstm interrupted", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Selects the slices for the current batch shape: a kept set when one fits, else a new one. Up
     * to {@value #SHAPES_KEPT} sets of at most {@value #WIDEST_KEPT} columns are kept (the least
     * recently used one is freed beyond that); a wider set only while its shape lasts.
     */
    private void allocate() {
        int n = Math.max(1, Math.min(threads.getAsInt(), b / MIN_SLICE));
        GemmLstmSlice[] found = null;
        for (int i = 0; i < sliceSets.size() && found == null; i++) {
            if (fits(sliceSets.get(i), n)) {
                found = sliceSets.remove(i);
            }
        }
        if (found == null && fits(slices, n)) {
            found = slices; // the current, wide set again
        }
        if (found == null) {
            found = new GemmLstmSlice[n];
            for (int j = 0; j < n; j++) {
                int lo = b * j / n;
                found[j] = new GemmLstmSlice(lo, b * (j + 1) / n - lo, t, nIn, h);
            }
        }
        if (found != slices && !sliceSets.contains(slices)) {
            free(slices); // a wide set, not kept, and its buffers
            for (float[][] holder : new float[][][] {xBuffer, weightBuffer, weightByGateBuffer, outBuffer, epsBuffer, dxBuffer}) {
                holder[1] = new float[0];
            }
        }
        if (b <= WIDEST_KEPT) {
            sliceSets.add(0, found);
            if (sliceSets.size() > SHAPES_KEPT) {
                free(sliceSets.remove(SHAPES_KEPT));
            }
        }
        slices = found;
        if (n > 1 && !blasSingleThreaded) {
            // each slice's products run single-threaded: ND4J set OpenBLAS to its own thread count
            Nd4j.factory().blas().setMaxThreads(1);
            blasSingleThreaded = true;
        }
        long weights = (long) (nIn + h) * 4 * h;
        if (pwr == null || pwr.capacity() != weights) {
            if (pwr != null) {
                pwr.close();
                pwrByGate.close();
            }
            pwr = new FloatPointer(weights);
            pwrByGate = new FloatPointer(weights);
        }
    }

    /**
     * At least n floats of {@code holder[0]}, grown when short: the transposing reads and writes
     * (weights and weight gradients, up to 264 KB each, four per layer and minibatch) reuse the
     * layer's scratch; fresh arrays cost page faults and GC work (5.6% and 4.2% of an epoch's
     * profile, bench/lstm round 5).
     */
    private static float[] scratch(float[][] holder, int n) {
        if (holder[0].length < n) {
            holder[0] = new float[n];
        }
        return holder[0];
    }

    private static void free(GemmLstmSlice[] set) {
        for (GemmLstmSlice s : set) {
            s.free();
        }
    }

    /** Whether {@code set} is the slicing of the current batch shape into n slices. */
    private boolean fits(GemmLstmSlice[] set, int n) {
        boolean same = set.length == n;
        for (int j = 0; same && j < n; j++) {
            same = set[j].fits(b * j / n, b * (j + 1) / n - b * j / n, t, nIn, h);
        }
        return same;
    }

    /**
     * At least n floats from {@code holder}: for a batch of at most {@value #WIDEST_KEPT} columns its
     * kept array, grown when short; for a wider one its wide array, of exactly n.
     */
    private float[] buffer(float[][] holder, int n) {
        if (b <= WIDEST_KEPT) {
            return holder[0].length >= n ? holder[0] : (holder[0] = new float[n]);
        }
        return holder[1].length == n ? holder[1] : (holder[1] = new float[n]);
    }

    private static void addTo(float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) {
            x[i] += y[i];
        }
    }

    /** An array (or view) as floats in the given memory order (see {@link #matrix(INDArray, char, float[], int)}). */
    static float[] matrix(INDArray p, char order) {
        float[] v = new float[Math.toIntExact(p.length())];
        matrix(p, order, v, 0);
        return v;
    }

    /**
     * An array (or view) as floats in the given memory order, into {@code dst} from {@code at}. An
     * array already dense in that order (the inputs, epsilons and the bias here) is one bulk read
     * of its memory; a matrix dense in the other order (DL4J keeps W and RW in 'f' order) one bulk
     * read and a transpose in Java. Anything else is first copied by ND4J ({@code dup}). Asking ND4J
     * for the copy every time, and {@code data().asFloat()} or {@code Nd4j.create(float[])}, which go
     * element by element through the buffer's indexer, cost 5-10% of an epoch (bench/lstm).
     */
    private static void matrix(INDArray p, char order, float[] dst, int at) {
        matrix(p, order, dst, at, new float[][] {new float[0]});
    }

    /** {@link #matrix(INDArray, char, float[], int)} with {@code scratch} for the transposing read. */
    private static void matrix(INDArray p, char order, float[] dst, int at, float[][] scratch) {
        int n = Math.toIntExact(p.length());
        if (dense(p, order)) {
            memory(p).get(dst, at, n);
        } else if (p.rank() == 2 && dense(p, other(order))) {
            float[] v = scratch(scratch, n);
            memory(p).get(v, 0, n);
            int rows = Math.toIntExact(p.size(order == 'c' ? 1 : 0)); // v's rows: p's dimension fastest in dst
            transpose(v, 0, rows, n / rows, dst, at);
        } else {
            INDArray c = p.castTo(DataType.FLOAT).dup(order);
            memory(c).get(dst, at, n);
        }
    }

    /**
     * rows × cols values of {@code src} from {@code from} in 'c' order into {@code view} ([rows, cols],
     * or any shape of rows·cols values when rows = 1), by one bulk write when the view is dense in 'c'
     * order, a transpose and one bulk write when it is a matrix dense in 'f' order (DL4J's weight
     * gradients), else through ND4J's {@code assign}.
     */
    static void store(float[] src, int from, int rows, int cols, INDArray view) {
        store(src, from, rows, cols, view, new float[][] {new float[0]});
    }

    /** {@link #store(float[], int, int, int, INDArray)} with {@code scratch} for the transposing write. */
    private static void store(float[] src, int from, int rows, int cols, INDArray view, float[][] scratch) {
        int n = rows * cols;
        if (view.length() != n) {
            throw new IllegalStateException("GemmLstm: gradient view of " + view.length() + " values, expected " + n);
        }
        boolean matrix = view.rank() == 2 && view.size(0) == rows && view.size(1) == cols;
        if (dense(view, 'c') && (rows == 1 || matrix)) {
            memory(view).put(src, from, n);
        } else if (matrix && dense(view, 'f')) {
            float[] v = scratch(scratch, n);
            transpose(src, from, rows, cols, v, 0);
            memory(view).put(v, 0, n);
        } else {
            view.assign(array(Arrays.copyOfRange(src, from, from + n), view.shape(), 'c'));
        }
    }

    /**
     * dst[at + c·rows + r] = src[from + r·cols + c]: a rows × cols block in the other memory order,
     * in {@value #TILE} × {@value #TILE} tiles so that the strided side stays in L1 (row by row, the
     * writes into a 129 × 512 weight matrix each landed on another cache line).
     */
    private static void transpose(float[] src, int from, int rows, int cols, float[] dst, int at) {
        for (int r0 = 0; r0 < rows; r0 += TILE) {
            int r1 = Math.min(rows, r0 + TILE);
            for (int c0 = 0; c0 < cols; c0 += TILE) {
                int c1 = Math.min(cols, c0 + TILE);
                for (int r = r0; r < r1; r++) {
                    for (int c = c0; c < c1; c++) {
                        dst[at + c * rows + r] = src[from + r * cols + c];
                    }
                }
            }
        }
    }

    /**
     * Whether {@code a} is a float array whose values lie contiguously in memory in {@code order}
     * (strides of size-1 dimensions do not matter), so that its memory can be read or written in bulk.
     */
    static boolean dense(INDArray a, char order) {
        if (a.dataType() != DataType.FLOAT || a.data().dataType() != DataType.FLOAT || a.data().length() < a.length()) {
            return false;
        }
        long[] shape = a.shape();
        long[] stride = a.stride();
        long expected = 1;
        for (int i = 0; i < shape.length; i++) {
            int d = order == 'c' ? shape.length - 1 - i : i;
            if (shape[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }

    private static char other(char order) {
        return order == 'c' ? 'f' : 'c';
    }

    /** The memory of an array's first element (ND4J's view buffers already point at it). */
    private static FloatPointer memory(INDArray a) {
        return new FloatPointer(a.data().addressPointer());
    }

    /** The memory of a fresh (offset 0, contiguous) float array of n values. */
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

package dev.foresight.strategies.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.IntSupplier;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link GemmLstm} is DL4J's LSTM network: same parameters (and so the same initial weights from the
 * same seed), same outputs, same gradients, same training.
 */
class GemmLstmTest {

    private static LstmSettings settings(int window, List<Integer> units, double dropout, List<Integer> dense,
                                         double l2, double clip, int batch) {
        return new LstmSettings("lstm", window, units, dropout, dense, "identity", 0, l2, 1e-3, batch, 1, 0, false, clip,
                Head.REGRESSION, true, -1);
    }

    private static MultiLayerNetwork net(LstmSettings s, int features, Networks.Recurrence r, WorkspaceMode ws) {
        Nd4j.getRandom().setSeed(11);
        return Networks.build(s, features, 11, r, ws);
    }

    private static void assertClose(float[] expected, float[] actual, double rel, double abs, String what) {
        assertEquals(expected.length, actual.length, what);
        double scale = 0;
        for (float e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            double tol = abs + rel * Math.max(Math.abs(expected[i]), 1e-3 * scale);
            int k = i;
            assertTrue(Math.abs(expected[i] - actual[i]) <= tol,
                    () -> what + "[" + k + "]: expected " + expected[k] + ", got " + actual[k]);
        }
    }

    @Test
    void defaultNetwork_hasTheCoursesParameterCountAndTheSameInitialWeightsAsDl4jsLstm() {
        LstmSettings s = settings(60, List.of(128, 64), 0.2, List.of(25), 0, 0, 32);
        MultiLayerNetwork stock = net(s, 1, Networks.Recurrence.STOCK, WorkspaceMode.ENABLED);
        MultiLayerNetwork gemm = net(s, 1, Networks.Recurrence.GEMM, WorkspaceMode.ENABLED);
        assertEquals(117_619, gemm.numParams());
        assertEquals(stock.numParams(), gemm.numParams());
        assertArrayEquals(stock.params().data().asFloat(), gemm.params().data().asFloat());
        assertInstanceOf(GemmLstm.class, gemm.getLayerWiseConfigurations().getConf(0).getLayer());
        assertInstanceOf(LastTimeStep.class, gemm.getLayerWiseConfigurations().getConf(2).getLayer());
    }

    /**
     * Layer 0 returns the full sequence, layer 1 (inside LastTimeStep) only the last step: the
     * full-sequence activations, the output, the loss and every parameter's gradient agree, and
     * so do the weights after one Adam step with L2 (with clipping: see
     * {@link #clippedModels_useGemmLstmAndTheirAdamStepEqualsDl4jsClippedStep}).
     */
    @Test
    void outputsGradientsAndAdamStep_equalDl4jsLstmInBothOutputModes() {
        for (WorkspaceMode ws : List.of(WorkspaceMode.ENABLED, WorkspaceMode.NONE)) {
            LstmSettings s = settings(9, List.of(6, 5), 0.0, List.of(3), 1e-2, 0, 4);
            MultiLayerNetwork stock = net(s, 3, Networks.Recurrence.STOCK, ws);
            MultiLayerNetwork gemm = net(s, 3, Networks.Recurrence.GEMM, ws);
            Nd4j.getRandom().setSeed(5);
            INDArray x = Nd4j.rand(DataType.FLOAT, 4, 3, 9).muli(2).subi(1);
            INDArray y = Nd4j.rand(DataType.FLOAT, 4, 1);
            List<INDArray> a = stock.feedForward(x, false);
            List<INDArray> b = gemm.feedForward(x, false);
            assertArrayEquals(a.get(1).shape(), b.get(1).shape());
            assertClose(a.get(1).dup('c').data().asFloat(), b.get(1).dup('c').data().asFloat(), 1e-5, 1e-7,
                    "full-sequence activations " + ws);
            assertClose(a.get(2).dup('c').data().asFloat(), b.get(2).dup('c').data().asFloat(), 1e-5, 1e-7,
                    "last-step activations " + ws);
            assertClose(stock.output(x).data().asFloat(), gemm.output(x).data().asFloat(), 1e-5, 1e-7, "output " + ws);

            for (MultiLayerNetwork n : List.of(stock, gemm)) {
                n.setInput(x);
                n.setLabels(y);
                n.computeGradientAndScore();
            }
            assertEquals(stock.score(), gemm.score(), 1e-6 * Math.abs(stock.score()), "loss " + ws);
            for (String p : List.of("0_W", "0_RW", "0_b", "1_W", "1_RW", "1_b", "2_W", "3_W")) {
                assertClose(stock.gradient().getGradientFor(p).dup('c').data().asFloat(),
                        gemm.gradient().getGradientFor(p).dup('c').data().asFloat(), 1e-4, 1e-7, "gradient " + p + " " + ws);
            }
            stock.fit(new DataSet(x, y));
            gemm.fit(new DataSet(x, y));
            // Adam's first step is lr·g/(|g| + ε) per weight, about ±lr whatever the gradient's size, but
            // sensitive to float rounding where |g| is within a few hundred ε (1e-7): compare to 1% of lr
            assertClose(stock.params().data().asFloat(), gemm.params().data().asFloat(), 1e-4, 1e-5,
                    "weights after one step " + ws);
        }
    }

    /** The gradients, the loss and the output of {@code net} on (x, y). */
    private static float[][] gradientsLossAndOutput(MultiLayerNetwork net, INDArray x, INDArray y) {
        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        return new float[][] {net.gradient().gradient().dup().data().asFloat(), {(float) net.score()},
                net.output(x).data().asFloat()};
    }

    /**
     * The layer keeps its state arrays per batch shape (an epoch's last minibatch is shorter, a
     * validation pass wider) and reuses the kept ones: batches of 4, 3, 300 (wider than the kept
     * ones), 4, 2, 3 and 4 windows in turn through one network give, bit for bit, what a fresh
     * network gives for each.
     */
    @Test
    void batchShapesInTurn_giveTheSameBitsAsAFreshNetworkForEach() {
        LstmSettings s = settings(9, List.of(6, 5), 0.0, List.of(3), 0, 0, 4);
        MultiLayerNetwork reused = net(s, 3, Networks.Recurrence.GEMM, WorkspaceMode.ENABLED);
        int call = 0;
        for (int width : new int[] {4, 3, 300, 4, 2, 3, 4}) {
            Nd4j.getRandom().setSeed(31 + width);
            INDArray x = Nd4j.rand(DataType.FLOAT, width, 3, 9).muli(2).subi(1);
            INDArray y = Nd4j.rand(DataType.FLOAT, width, 1);
            float[][] expected = gradientsLossAndOutput(net(s, 3, Networks.Recurrence.GEMM, WorkspaceMode.ENABLED), x, y);
            float[][] actual = gradientsLossAndOutput(reused, x, y);
            call++;
            for (int k = 0; k < expected.length; k++) {
                assertArrayEquals(expected[k], actual[k], "call " + call + " (batch " + width + "), part " + k);
            }
        }
    }

    /**
     * The forward product on the weights by gate row ([4H × K], untransposed) gives the bits of the
     * transposed call on [K × 4H] for every width GemmLstmSlice sends it (multiples of 16), over
     * layer shapes from 1 to 200 units: switching the layout sped the product up without changing a
     * result. (Run on the BLAS kernel of the test JVM; bench/lstm round 7 checked SkylakeX's too.)
     */
    @Test
    void forwardProductByGateRow_givesTheTransposedCallsBits() {
        Nd4j.create(1); // ND4J's OpenBLAS, as training loads it
        Random r = new Random(5);
        int checked = 0;
        for (int nIn : new int[] {1, 3, 13, 128}) {
            for (int h : new int[] {1, 7, 25, 64, 128, 200}) {
                for (int w : new int[] {16, 32, 48, 64}) {
                    int k = nIn + h;
                    int g = 4 * h;
                    float[] wr = new float[k * g];
                    float[] xh = new float[k * w];
                    for (int i = 0; i < wr.length; i++) {
                        wr[i] = (float) (0.1 * r.nextGaussian());
                    }
                    for (int i = 0; i < xh.length; i++) {
                        xh[i] = (float) r.nextGaussian();
                    }
                    float[] byGate = new float[g * k];
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < g; j++) {
                            byGate[j * k + i] = wr[i * g + j];
                        }
                    }
                    try (FloatPointer pwr = new FloatPointer(wr); FloatPointer pByGate = new FloatPointer(byGate);
                         FloatPointer pxh = new FloatPointer(xh); FloatPointer transposed = new FloatPointer((long) g * w);
                         FloatPointer untransposed = new FloatPointer((long) g * w)) {
                        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasTrans,
                                openblas_nolapack.CblasNoTrans, g, w, k, 1f, pwr, g, pxh, w, 0f, transposed, w);
                        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
                                openblas_nolapack.CblasNoTrans, g, w, k, 1f, pByGate, k, pxh, w, 0f, untransposed, w);
                        float[] expected = new float[g * w];
                        float[] actual = new float[g * w];
                        transposed.get(expected);
                        untransposed.get(actual);
                        assertArrayEquals(expected, actual, "I " + nIn + ", H " + h + ", width " + w);
                        checked++;
                    }
                }
            }
        }
        assertEquals(96, checked);
    }

    /** The gradients, the loss and the output of a small network on (x, y) when GemmLstm sees {@code threads} threads. */
    private static float[][] gradientsWithThreads(int threads, INDArray x, INDArray y) {
        IntSupplier before = GemmLstmLayer.threads;
        GemmLstmLayer.threads = () -> threads;
        try {
            MultiLayerNetwork gemm = net(settings(9, List.of(6, 5), 0.0, List.of(3), 0, 0, 40), 3,
                    Networks.Recurrence.GEMM, WorkspaceMode.ENABLED);
            gemm.setInput(x);
            gemm.setLabels(y);
            gemm.computeGradientAndScore();
            return new float[][] {gemm.gradient().gradient().dup().data().asFloat(), {(float) gemm.score()},
                    gemm.output(x).data().asFloat()};
        } finally {
            GemmLstmLayer.threads = before;
        }
    }

    /**
     * With two ND4J threads the batch of 40 runs as two slices of 20 on two threads: outputs,
     * loss and gradients equal the single-slice computation within float rounding (BLAS blocks
     * narrower products differently, and the slices' gradients are summed), and repeated runs are
     * bit-identical.
     */
    @Test
    void batchSlicedOverThreads_changesOnlyRoundingAndStaysDeterministic() {
        Nd4j.getRandom().setSeed(21);
        INDArray x = Nd4j.rand(DataType.FLOAT, 40, 3, 9).muli(2).subi(1);
        INDArray y = Nd4j.rand(DataType.FLOAT, 40, 1);
        float[][] one = gradientsWithThreads(1, x, y);
        float[][] two = gradientsWithThreads(2, x, y);
        float[][] again = gradientsWithThreads(2, x, y);
        assertClose(one[2], two[2], 1e-5, 1e-7, "output");
        assertEquals(one[1][0], two[1][0], 1e-6 * Math.abs(one[1][0]), "loss");
        assertClose(one[0], two[0], 1e-5, 1e-7, "gradients");
        assertArrayEquals(two[0], again[0], "bit-identical gradients with the same thread count");
        assertArrayEquals(two[2], again[2], "bit-identical outputs with the same thread count");
        boolean differs = false;
        for (int i = 0; i < one[0].length; i++) {
            differs |= one[0][i] != two[0][i];
        }
        assertTrue(differs, "two slices should round differently somewhere (else the test did not slice)");
    }

    /** Analytic gradients against central finite differences on a tiny network (single precision). */
    @Test
    void gradients_matchFiniteDifferences() {
        LstmSettings s = settings(5, List.of(3, 2), 0.0, List.of(), 0, 0, 3);
        MultiLayerNetwork gemm = net(s, 2, Networks.Recurrence.GEMM, WorkspaceMode.NONE);
        Nd4j.getRandom().setSeed(8);
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 2, 5).muli(2).subi(1);
        INDArray y = Nd4j.rand(DataType.FLOAT, 3, 1).muli(2);
        gemm.setInput(x);
        gemm.setLabels(y);
        gemm.computeGradientAndScore();
        float[] analytic = gemm.gradient().gradient().dup().data().asFloat();
        INDArray params = gemm.params();
        int lstmParams = 4 * 3 * (2 + 3 + 1) + 4 * 2 * (3 + 2 + 1);
        double eps = 1e-2;
        for (int i = 0; i < lstmParams; i++) {
            float w = params.getFloat(i);
            params.putScalar(i, w + eps);
            gemm.computeGradientAndScore();
            double up = gemm.score();
            params.putScalar(i, w - eps);
            gemm.computeGradientAndScore();
            double down = gemm.score();
            params.putScalar(i, w);
            // DL4J's gradient is the minibatch SUM (its updater divides by the batch size); the score the mean
            double numeric = 3 * (up - down) / (2 * eps);
            assertEquals(numeric, analytic[i], 2e-4 + 2e-2 * Math.abs(numeric), "parameter " + i);
        }
    }

    /** The default-sized network, dropout included, from the same weights: epoch losses track DL4J's. */
    @Test
    void trainingTheDefaultNetwork_tracksDl4jsLossOverAFewEpochs() {
        LstmSettings s = settings(60, List.of(128, 64), 0.2, List.of(25), 0, 0, 32);
        int n = 320;
        float[] v = new float[n + 60];
        Random r = new Random(4);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (0.5 + 0.3 * Math.sin(i / 7.0) + 0.05 * r.nextGaussian());
        }
        float[] xs = new float[n * 60];
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(v, i, xs, i * 60, 60);
            ys[i] = v[i + 60];
        }
        INDArray x = Nd4j.create(xs, new long[] {n, 1, 60}, 'c');
        INDArray y = Nd4j.create(ys, new long[] {n, 1}, 'c');
        double[][] losses = new double[2][];
        Networks.Recurrence[] kinds = {Networks.Recurrence.STOCK, Networks.Recurrence.GEMM};
        for (int k = 0; k < 2; k++) {
            MultiLayerNetwork net = net(s, 1, kinds[k], WorkspaceMode.ENABLED);
            Nd4j.getRandom().setSeed(21);
            losses[k] = new double[4];
            for (int e = 0; e < 4; e++) {
                for (int from = 0; from < n; from += 32) {
                    net.fit(new DataSet(x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, from + 32)),
                            y.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, from + 32))));
                }
                losses[k][e] = LstmModel.loss(Head.REGRESSION, net.output(x, false), y);
            }
        }
        for (int e = 0; e < 4; e++) {
            assertEquals(losses[0][e], losses[1][e], 1e-3 * losses[0][e], "epoch " + (e + 1) + " loss");
        }
        assertTrue(losses[1][3] < losses[1][0], "the loss falls");
    }

    @Test
    void sameSeed_givesBitIdenticalWeightsAfterTraining() {
        LstmSettings s = settings(12, List.of(8, 4), 0.2, List.of(3), 0, 0, 8);
        float[][] out = new float[2][];
        for (int k = 0; k < 2; k++) {
            MultiLayerNetwork net = net(s, 2, Networks.Recurrence.GEMM, WorkspaceMode.ENABLED);
            Nd4j.getRandom().setSeed(2);
            INDArray x = Nd4j.rand(DataType.FLOAT, 16, 2, 12);
            INDArray y = Nd4j.rand(DataType.FLOAT, 16, 1);
            for (int i = 0; i < 5; i++) {
                net.fit(new DataSet(x, y));
            }
            out[k] = net.params().data().asFloat();
        }
        assertArrayEquals(out[0], out[1]);
    }

    @Test
    void gemmLstm_survivesDl4jsJsonCopiesAndClones() {
        LstmSettings s = settings(6, List.of(4, 3), 0.2, List.of(2), 0, 0, 2);
        MultiLayerNetwork gemm = net(s, 2, Networks.Recurrence.GEMM, WorkspaceMode.ENABLED);
        MultiLayerConfiguration copy = MultiLayerConfiguration.fromJson(gemm.getLayerWiseConfigurations().toJson());
        assertEquals(gemm.getLayerWiseConfigurations(), copy);
        assertInstanceOf(GemmLstm.class, copy.getConf(0).getLayer());
        MultiLayerNetwork clone = gemm.clone();
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 2, 6);
        assertArrayEquals(gemm.output(x).data().asFloat(), clone.output(x).data().asFloat());
    }

    /**
     * {@code gradient_clip}: clipped models use GemmLstm, the network-wide ClipL2PerParamType and
     * its threshold reach GemmLstm's layers, and one clipped Adam step equals DL4J's layer's, with
     * a threshold that clips every parameter type (0.01) and one that clips only the biases (1.0).
     * Before GemmLstm's constructor cleared BaseLayer's defaults its layers went unclipped: steps
     * up to 0.65 of lr apart at 0.01, 1.4% at 1.0 (Adam's first step is ≈ ±lr whatever the scale).
     */
    @Test
    void clippedModels_useGemmLstmAndTheirAdamStepEqualsDl4jsClippedStep() {
        LstmSettings clipped = settings(6, List.of(4, 3), 0.2, List.of(2), 0, 1.0, 2);
        Layer layer0 = Networks.build(clipped, 2, 1).getLayerWiseConfigurations().getConf(0).getLayer();
        assertInstanceOf(GemmLstm.class, layer0);
        assertEquals(GradientNormalization.ClipL2PerParamType, ((GemmLstm) layer0).getGradientNormalization());
        assertEquals(1.0, ((GemmLstm) layer0).getGradientNormalizationThreshold());
        for (double clip : new double[] {0.01, 1.0}) {
            LstmSettings s = settings(9, List.of(6, 5), 0.0, List.of(3), 0, clip, 4);
            MultiLayerNetwork stock = net(s, 3, Networks.Recurrence.STOCK, WorkspaceMode.ENABLED);
            MultiLayerNetwork gemm = net(s, 3, Networks.Recurrence.GEMM, WorkspaceMode.ENABLED);
            Nd4j.getRandom().setSeed(5);
            INDArray x = Nd4j.rand(DataType.FLOAT, 4, 3, 9).muli(2).subi(1);
            INDArray y = Nd4j.rand(DataType.FLOAT, 4, 1);
            float[] before = stock.params().dup().data().asFloat();
            stock.fit(new DataSet(x, y));
            gemm.fit(new DataSet(x, y));
            float[] a = stock.params().data().asFloat();
            float[] b = gemm.params().data().asFloat();
            for (int i = 0; i < a.length; i++) {
                // steps in units of lr, to 1% of lr (the tolerance of the unclipped step above)
                double stockStep = (a[i] - before[i]) / 1e-3;
                double gemmStep = (b[i] - before[i]) / 1e-3;
                assertEquals(stockStep, gemmStep, 1e-2, "clip " + clip + ", weight " + i);
            }
        }
    }

    @Test
    void mask_isRefused() {
        LstmSettings s = settings(6, List.of(4), 0.0, List.of(), 0, 0, 2);
        MultiLayerNetwork gemm = net(s, 2, Networks.Recurrence.GEMM, WorkspaceMode.ENABLED);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 2, 6);
        assertThrows(UnsupportedOperationException.class,
                () -> gemm.output(x, false, Nd4j.ones(DataType.FLOAT, 2, 6), null));
    }
}

package dev.foresight.strategies.lstm;

import java.util.Locale;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Feasibility benchmark (not a test, not used by the layer): the LSTM's two per-step products that
 * read the stacked weights [W; RW] ([K × 4H], K = I + H) — forward z = [W; RW]ᵀ·[x; h] and backward
 * [dx; dh] = [W; RW]·dz, both with N = w = 32 batch columns — as a JDK 17 Vector API
 * ({@code jdk.incubator.vector}) kernel on weights packed once per minibatch, against ND4J's
 * OpenBLAS {@code cblas_sgemm} on the same shapes as {@link GemmLstmSlice} calls it (which packs
 * the weights again on every call). GFLOP/s of process CPU time; the kernel's figure is given
 * without and with the packing, the latter counted once per minibatch of T = 60 steps. Its sums run
 * in another order than OpenBLAS's (so results differ in the last bits; the largest relative
 * difference is printed): wiring it into the layer would change every LSTM result's bits.
 *
 * <p>Build and run (bench/lstm/README.md, round 6):
 * <pre>
 *   javac --add-modules jdk.incubator.vector -d bench/out/lstm/classes -cp "$CP" bench/lstm/src/dev/foresight/strategies/lstm/*.java
 *   java --add-modules jdk.incubator.vector -cp "bench/out/lstm/classes:$CP" dev.foresight.strategies.lstm.VectorRecurrence [SECONDS]
 * </pre>
 */
public final class VectorRecurrence {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Output rows per register block: 8 rows × 2 vectors of 16 = 16 accumulators (of AVX-512's 32 registers). */
    private static final int R = 8;
    private static final int W = 32;
    private static final int T = 60;
    private static final int ROW = openblas_nolapack.CblasRowMajor;
    private static final int N = openblas_nolapack.CblasNoTrans;
    private static final int TR = openblas_nolapack.CblasTrans;

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        if (S.length() != 16) {
            System.out.println("needs 16-float vectors (AVX-512); this JVM's preferred species has " + S.length());
            return;
        }
        Nd4j.create(1); // loads ND4J's OpenBLAS, as training does
        StringBuilder out = new StringBuilder();
        for (int[] layer : new int[][] {{1, 128}, {128, 64}}) {
            int k = layer[0] + layer[1];
            int g = 4 * layer[1];
            float[] wr = filled(k * g, 0.37);
            float[] xh = filled(k * W, 0.11);
            float[] dz = filled(g * W, 0.23);
            FloatPointer pwr = pointer(wr);
            FloatPointer pxh = pointer(xh);
            FloatPointer pdz = pointer(dz);
            FloatPointer pz = new FloatPointer((long) g * W);
            FloatPointer pdxh = new FloatPointer((long) k * W);
            float[] packedF = new float[blocks(g) * R * k];
            float[] packedB = new float[blocks(k) * R * g];
            float[] z = new float[blocks(g) * R * W];
            float[] dxh = new float[blocks(k) * R * W]; // whole blocks: rows k.. are padding
            String at = "H" + layer[1] + "_";
            double flops = 2.0 * g * W * k;

            // forward z = WRᵀ·xh: out rows g, inner k; packed[block][i][j] = wr[i·g + block·R + j]
            packForward(wr, k, g, packedF);
            kernel(packedF, xh, z, g, k);
            openblas_nolapack.cblas_sgemm(ROW, TR, N, g, W, k, 1f, pwr, g, pxh, W, 0f, pz, W);
            double fwdBlas = time(seconds, flops,
                    () -> openblas_nolapack.cblas_sgemm(ROW, TR, N, g, W, k, 1f, pwr, g, pxh, W, 0f, pz, W));
            double fwdVec = time(seconds, flops, () -> kernel(packedF, xh, z, g, k));
            double fwdVecPack = time(seconds, flops * T, () -> {
                packForward(wr, k, g, packedF);
                for (int s = 0; s < T; s++) {
                    kernel(packedF, xh, z, g, k);
                }
            });
            out.append(row(at + "fwd_z=WR'xh", fwdBlas, fwdVec, fwdVecPack, maxRelDiff(z, pz)));

            // backward dxh = WR·dz: out rows k, inner g; packed[block][i][j] = wr[(block·R + j)·g + i]
            packBackward(wr, k, g, packedB);
            kernel(packedB, dz, dxh, k, g);
            openblas_nolapack.cblas_sgemm(ROW, N, N, k, W, g, 1f, pwr, g, pdz, W, 0f, pdxh, W);
            double bwdBlas = time(seconds, flops,
                    () -> openblas_nolapack.cblas_sgemm(ROW, N, N, k, W, g, 1f, pwr, g, pdz, W, 0f, pdxh, W));
            double bwdVec = time(seconds, flops, () -> kernel(packedB, dz, dxh, k, g));
            double bwdVecPack = time(seconds, flops * T, () -> {
                packBackward(wr, k, g, packedB);
                for (int s = 0; s < T; s++) {
                    kernel(packedB, dz, dxh, k, g);
                }
            });
            out.append(row(at + "bwd_dxh=WR_dz", bwdBlas, bwdVec, bwdVecPack, maxRelDiff(dxh, pdxh)));
        }
        System.out.print(out);
    }

    private static int blocks(int rows) {
        return (rows + R - 1) / R;
    }

    /** Forward's operand: for each block of R output rows (gate units), the K weights of each row interleaved. */
    static void packForward(float[] wr, int k, int g, float[] packed) {
        for (int b = 0; b < blocks(g); b++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < R; j++) {
                    int r = b * R + j;
                    packed[(b * k + i) * R + j] = r < g ? wr[i * g + r] : 0f;
                }
            }
        }
    }

    /** Backward's operand: for each block of R output rows (inputs and units), their 4H weights interleaved. */
    static void packBackward(float[] wr, int k, int g, float[] packed) {
        for (int b = 0; b < blocks(k); b++) {
            for (int i = 0; i < g; i++) {
                for (int j = 0; j < R; j++) {
                    int r = b * R + j;
                    packed[(b * g + i) * R + j] = r < k ? wr[r * g + i] : 0f;
                }
            }
        }
    }

    /**
     * out[r][0..32) = Σ_i packed(r, i)·in[i][0..32) for r < rows: per block of R rows, 16 vector
     * accumulators; per inner index two loads of {@code in}, R broadcasts and 16 fused multiply-adds.
     * {@code out} holds whole blocks (rows rounded up to R; the rows beyond are padding).
     */
    static void kernel(float[] packed, float[] in, float[] out, int rows, int inner) {
        for (int b = 0; b < blocks(rows); b++) {
            FloatVector a0 = FloatVector.zero(S), b0 = FloatVector.zero(S);
            FloatVector a1 = FloatVector.zero(S), b1 = FloatVector.zero(S);
            FloatVector a2 = FloatVector.zero(S), b2 = FloatVector.zero(S);
            FloatVector a3 = FloatVector.zero(S), b3 = FloatVector.zero(S);
            FloatVector a4 = FloatVector.zero(S), b4 = FloatVector.zero(S);
            FloatVector a5 = FloatVector.zero(S), b5 = FloatVector.zero(S);
            FloatVector a6 = FloatVector.zero(S), b6 = FloatVector.zero(S);
            FloatVector a7 = FloatVector.zero(S), b7 = FloatVector.zero(S);
            int p = b * inner * R;
            for (int i = 0; i < inner; i++, p += R) {
                FloatVector lo = FloatVector.fromArray(S, in, i * W);
                FloatVector hi = FloatVector.fromArray(S, in, i * W + 16);
                FloatVector v;
                v = FloatVector.broadcast(S, packed[p]);
                a0 = lo.fma(v, a0);
                b0 = hi.fma(v, b0);
                v = FloatVector.broadcast(S, packed[p + 1]);
                a1 = lo.fma(v, a1);
                b1 = hi.fma(v, b1);
                v = FloatVector.broadcast(S, packed[p + 2]);
                a2 = lo.fma(v, a2);
                b2 = hi.fma(v, b2);
                v = FloatVector.broadcast(S, packed[p + 3]);
                a3 = lo.fma(v, a3);
                b3 = hi.fma(v, b3);
                v = FloatVector.broadcast(S, packed[p + 4]);
                a4 = lo.fma(v, a4);
                b4 = hi.fma(v, b4);
                v = FloatVector.broadcast(S, packed[p + 5]);
                a5 = lo.fma(v, a5);
                b5 = hi.fma(v, b5);
                v = FloatVector.broadcast(S, packed[p + 6]);
                a6 = lo.fma(v, a6);
                b6 = hi.fma(v, b6);
                v = FloatVector.broadcast(S, packed[p + 7]);
                a7 = lo.fma(v, a7);
                b7 = hi.fma(v, b7);
            }
            // every block stores its R rows: out has room for whole blocks (no array of vectors:
            // C2 would then box the accumulators)
            int o = b * R * W;
            a0.intoArray(out, o);
            b0.intoArray(out, o + 16);
            a1.intoArray(out, o + W);
            b1.intoArray(out, o + W + 16);
            a2.intoArray(out, o + 2 * W);
            b2.intoArray(out, o + 2 * W + 16);
            a3.intoArray(out, o + 3 * W);
            b3.intoArray(out, o + 3 * W + 16);
            a4.intoArray(out, o + 4 * W);
            b4.intoArray(out, o + 4 * W + 16);
            a5.intoArray(out, o + 5 * W);
            b5.intoArray(out, o + 5 * W + 16);
            a6.intoArray(out, o + 6 * W);
            b6.intoArray(out, o + 6 * W + 16);
            a7.intoArray(out, o + 7 * W);
            b7.intoArray(out, o + 7 * W + 16);
        }
    }

    private static float[] filled(int n, double step) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) Math.sin(i * step) * 0.1f;
        }
        return v;
    }

    private static FloatPointer pointer(float[] v) {
        FloatPointer p = new FloatPointer(v.length);
        p.put(v, 0, v.length);
        return p;
    }

    private static double maxRelDiff(float[] v, FloatPointer p) {
        float[] q = new float[Math.toIntExact(p.capacity())];
        p.position(0).get(q, 0, q.length);
        double scale = 0;
        double d = 0;
        for (int i = 0; i < q.length; i++) {
            scale = Math.max(scale, Math.abs(q[i]));
            d = Math.max(d, Math.abs(v[i] - q[i]));
        }
        return d / scale;
    }

    private static String row(String name, double blas, double vec, double vecPacked, double diff) {
        return String.format(Locale.ROOT, "%s sgemm %.1f vector %.1f vector+packing/60 %.1f GFLOP/s (max |diff|/max|z| %.1e)%n",
                name, blas, vec, vecPacked, diff);
    }

    /** GFLOP/s of process CPU time over {@code seconds}, after a warm-up of the same calls. */
    private static double time(double seconds, double flops, Runnable call) {
        long warm = System.nanoTime() + (long) (0.5e9);
        while (System.nanoTime() < warm) {
            call.run();
        }
        return LstmBench.cpuGflops(seconds, flops, 20, call);
    }
}

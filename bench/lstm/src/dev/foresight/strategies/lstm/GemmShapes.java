package dev.foresight.strategies.lstm;

import java.util.Locale;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Benchmark (not a test): ND4J's OpenBLAS {@code cblas_sgemm} on the course LSTM's per-step shapes,
 * as {@link GemmLstmSlice} calls them (row-major, batch w = 32), in GFLOP/s of process CPU time.
 * Run it under different {@code OPENBLAS_CORETYPE}s to compare the kernels (bench/lstm/README.md).
 *
 * <p>Usage: {@code GemmShapes [SECONDS_PER_SHAPE]} (default 2).
 */
public final class GemmShapes {

    private static final int ROW = openblas_nolapack.CblasRowMajor;
    private static final int N = openblas_nolapack.CblasNoTrans;
    private static final int TR = openblas_nolapack.CblasTrans;

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        Nd4j.create(1); // loads ND4J's native libraries and its OpenBLAS, as training does
        int w = 32;
        StringBuilder line = new StringBuilder();
        for (int[] layer : new int[][] {{1, 128}, {128, 64}}) {
            int k = layer[0] + layer[1];
            int g = 4 * layer[1];
            FloatPointer wr = filled((long) k * g);
            FloatPointer xh = filled((long) k * w);
            FloatPointer z = filled((long) g * w);
            FloatPointer gwr = filled((long) k * g);
            FloatPointer dxh = filled((long) k * w);
            String at = "H" + layer[1] + " ";
            // the forward product both ways: transposing [K × 4H] in the call (GemmLstmSlice for widths
            // that are not a multiple of 16), and on the weights by gate row ([4H × K], the others)
            line.append(time(at + "fwd z=WR'xh", seconds, 2.0 * g * w * k,
                    () -> openblas_nolapack.cblas_sgemm(ROW, TR, N, g, w, k, 1f, wr, g, xh, w, 0f, z, w)));
            FloatPointer wrByGate = filled((long) g * k);
            line.append(time(at + "fwd z=WRbygate xh", seconds, 2.0 * g * w * k,
                    () -> openblas_nolapack.cblas_sgemm(ROW, N, N, g, w, k, 1f, wrByGate, k, xh, w, 0f, z, w)));
            line.append(time(at + "bwd dWR+=xh dz'", seconds, 2.0 * k * g * w,
                    () -> openblas_nolapack.cblas_sgemm(ROW, N, TR, k, g, w, 1f, xh, w, z, w, 1f, gwr, g)));
            line.append(time(at + "bwd dxh=WR dz", seconds, 2.0 * k * w * g,
                    () -> openblas_nolapack.cblas_sgemm(ROW, N, N, k, w, g, 1f, wr, g, z, w, 0f, dxh, w)));
        }
        System.out.print(line);
    }

    private static FloatPointer filled(long n) {
        FloatPointer p = new FloatPointer(n);
        for (long i = 0; i < n; i++) {
            p.put(i, (float) Math.sin(i * 0.37) * 0.1f);
        }
        return p;
    }

    private static String time(String name, double seconds, double flops, Runnable call) {
        for (int i = 0; i < 2000; i++) {
            call.run();
        }
        return String.format(Locale.ROOT, "%s %.1f%n", name.replace(' ', '_'),
                LstmBench.cpuGflops(seconds, flops, 200, call));
    }
}

package dev.foresight.strategies.lstm;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Benchmark (not a test): trains the course's default network (window 60 × 1 feature, LSTM 128 →
 * LSTM 64 → dense 25 → 1, dropout 0.2, Adam, MSE, batch 32) on 2,000 windows and prints the
 * median seconds per epoch. Lives in the lstm package to reach the package-private training code.
 *
 * <p>Usage: {@code LstmBench EPOCHS SERIES [parallel|stock|fused|gemm|no-workspaces] [stock|fused|gemm]}:
 * {@code parallel} trains two networks at once in two threads (two folds side by side) and reports
 * seconds per epoch-pair, with the models' default recurrence or the one named after it;
 * {@code stock} is DL4J's LSTM layer (also the layer when no recurrence is named), {@code fused}
 * {@link FusedLstm} (libnd4j's lstmLayer op), {@code gemm} {@link GemmLstm} (the recurrence as BLAS
 * products); {@code no-workspaces} turns DL4J's workspaces off (with DL4J's LSTM layer).
 */
public final class LstmBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int epochs = Integer.parseInt(args[0]);
        Path csv = Path.of(args[1]);
        boolean parallel = args.length > 2 && args[2].equals("parallel");
        String layer = args.length > 3 ? args[3] : args.length > 2 ? args[2] : "stock";
        Networks.Recurrence recurrence = switch (layer) {
            case "fused" -> Networks.Recurrence.FUSED;
            case "gemm" -> Networks.Recurrence.GEMM;
            case "parallel" -> Networks.DEFAULT_RECURRENCE;
            default -> Networks.Recurrence.STOCK;
        };
        WorkspaceMode workspaces = args.length > 2 && args[2].equals("no-workspaces") ? WorkspaceMode.NONE
                : WorkspaceMode.ENABLED;
        float[] series = series(csv);
        LstmSettings s = new LstmSettings("lstm", 60, List.of(128, 64), 0.2, List.of(25), "identity", 0, 0.0, 1e-3, 32,
                1, 0, false, 0.0, Head.REGRESSION, true, -1);
        Data d = data(series, 60);
        long t0 = System.nanoTime();
        LstmRuntime.load();
        System.err.println("recurrence: " + recurrence);
        System.err.printf(Locale.ROOT, "nd4j loaded in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, LstmRuntime.environment());
        System.out.println("blas " + blasKernel());
        List<Double> times = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Double> trainingCpu = new ArrayList<>(); // the training thread's own share of cpu
        if (!parallel) {
            Nd4j.getRandom().setSeed(1);
            MultiLayerNetwork net = Networks.build(s, 1, 1, recurrence, workspaces);
            for (int e = 0; e < epochs; e++) {
                long t = System.nanoTime();
                long c = processCpuNanos();
                long own = THREADS.getCurrentThreadCpuTime();
                LstmModel.Training tr = LstmModel.train(s, net, d.x, d.y, null, null, 1 + e);
                times.add((System.nanoTime() - t) / 1e9);
                cpu.add((processCpuNanos() - c) / 1e9);
                trainingCpu.add((THREADS.getCurrentThreadCpuTime() - own) / 1e9);
                System.err.printf(Locale.ROOT, "epoch %d: %.3f s, %.3f s CPU (training thread %.3f), loss %s%n", e + 1,
                        times.get(e), cpu.get(e), trainingCpu.get(e), tr.trainLoss().get(0));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            MultiLayerNetwork[] nets = new MultiLayerNetwork[2];
            for (int k = 0; k < 2; k++) {
                final int kk = k;
                nets[k] = pool.submit(() -> {
                    Nd4j.getRandom().setSeed(kk);
                    return Networks.build(s, 1, kk, recurrence, WorkspaceMode.ENABLED);
                }).get();
            }
            for (int e = 0; e < epochs; e++) {
                long t = System.nanoTime();
                long c = processCpuNanos();
                List<Future<?>> fs = new ArrayList<>();
                for (int k = 0; k < 2; k++) {
                    final int kk = k;
                    final int ee = e;
                    fs.add(pool.submit(() -> LstmModel.train(s, nets[kk], d.x, d.y, null, null, ee)));
                }
                for (Future<?> f : fs) {
                    f.get();
                }
                times.add((System.nanoTime() - t) / 1e9);
                cpu.add((processCpuNanos() - c) / 1e9);
                System.err.printf(Locale.ROOT, "epoch pair %d: %.3f s%n", e + 1, times.get(e));
            }
            pool.shutdown();
        }
        System.out.printf(Locale.ROOT, "median_seconds_per_epoch %.3f%n", steadyMedian(times));
        System.out.printf(Locale.ROOT, "median_cpu_seconds_per_epoch %.3f%n", steadyMedian(cpu));
        if (!trainingCpu.isEmpty()) {
            // the rest of the process CPU is the JVM's own threads: the JIT compilers, which are still
            // compiling DL4J's per-minibatch code in the measured epochs, and the GC (README, round 7)
            System.out.printf(Locale.ROOT, "median_training_thread_cpu_seconds_per_epoch %.3f%n", steadyMedian(trainingCpu));
        }
        System.out.printf(Locale.ROOT, "peak_rss_mb %d%n", peakRssMb());
    }

    /**
     * Median over the epochs after the first WARMUP_EPOCHS (environment, default 1), or after the
     * first when there are too few, or over all when there are at most two. The JIT is still
     * compiling in epoch 2 (DL4J's per-minibatch methods, called 63 times an epoch, cross C2's
     * thresholds then), so WARMUP_EPOCHS=3 with 8 epochs measures the steady state; torch_lstm.py
     * reads the same variable.
     */
    static double steadyMedian(List<Double> times) {
        String env = System.getenv("WARMUP_EPOCHS");
        int warmUp = env == null || env.isBlank() ? 1 : Integer.parseInt(env.trim());
        List<Double> steady = times.size() > warmUp + 1 ? times.subList(warmUp, times.size())
                : times.size() > 2 ? times.subList(1, times.size()) : times;
        double[] sorted = steady.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** CPU time of the whole process (every thread: BLAS, GC, JIT), as the PyTorch side measures it. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * GFLOP/s of whole-process CPU time: {@code call} (worth {@code flops}) repeated in rounds of
     * {@code round} calls for {@code seconds} of wall time; the caller warms it up first.
     */
    static double cpuGflops(double seconds, double flops, int round, Runnable call) {
        long calls = 0;
        long c0 = processCpuNanos();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            for (int i = 0; i < round; i++) {
                call.run();
            }
            calls += round;
        }
        return calls * flops / ((processCpuNanos() - c0) / 1e9) / 1e9;
    }

    /**
     * The OpenBLAS that ND4J loaded (JavaCPP's build, not the system's) as the process maps it,
     * and ND4J's thread count. JavaCPP's preset does not expose openblas_get_corename, so the
     * kernel OpenBLAS chose (which OPENBLAS_CORETYPE overrides) is read by the driver from the
     * "Core:" line OpenBLAS prints at load with OPENBLAS_VERBOSE=2.
     */
    static String blasKernel() {
        try {
            String file = Files.readAllLines(Path.of("/proc/self/maps")).stream()
                    .filter(l -> l.contains("/libopenblas"))
                    .map(l -> l.substring(l.indexOf('/'))).distinct().reduce((a, b) -> a + "," + b).orElse("none mapped");
            return String.format(Locale.ROOT, "OpenBLAS(JavaCPP) file=%s nd4j_threads=%d OPENBLAS_NUM_THREADS=%s OMP_NUM_THREADS=%s",
                    file, Nd4j.getEnvironment().maxThreads(), System.getenv().getOrDefault("OPENBLAS_NUM_THREADS", "unset"),
                    System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e + ")";
        }
    }

    record Data(Windows x, INDArray y) {
    }

    /** 2,000 windows of 60 steps: window i covers values i..i+59 and its label is value i+60. */
    static Data data(float[] v, int window) {
        int n = v.length - window;
        double[][] cols = new double[1][v.length];
        for (int t = 0; t < v.length; t++) {
            cols[0][t] = v[t];
        }
        double[] labels = new double[v.length];
        for (int t = 0; t < v.length; t++) {
            labels[t] = t + 1 < v.length ? v[t + 1] : Double.NaN;
        }
        var features = dev.foresight.feature.FeatureMatrix.of(List.of("close"), cols, v.length);
        int[] rows = new int[n];
        Arrays.setAll(rows, i -> i + window - 1);
        var md = dev.foresight.model.ModelData.of(features, labels, 1, v.length - 1, rows);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = (float) labels[rows[i]];
        }
        return new Data(Windows.of(md, rows, window, "bench"), Nd4j.create(y, new long[] {n, 1}, 'c'));
    }

    static float[] series(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        float[] out = new float[lines.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Float.parseFloat(lines.get(i).trim());
        }
        return out;
    }

    private static long peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

}

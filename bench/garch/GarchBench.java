import dev.foresight.strategies.garch.GarchEstimator;
import dev.foresight.strategies.garch.GarchFit;
import dev.foresight.strategies.garch.GarchSpec;
import dev.foresight.strategies.garch.Innovations;
import dev.foresight.strategies.garch.MeanModel;
import dev.foresight.strategies.garch.VarianceModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Benchmark: GARCH(1,1), normal innovations, constant mean (fGarch's default model) fitted to
 * 2,000 daily returns, in a warmed JVM. Writes the returns to {@code OUT/returns.csv} for the R
 * side ({@code fgarch_bench.R}) and prints the median time per fit and the estimates.
 *
 * <p>The returns are simulated from a GARCH(1,1) with Student-t(6) shocks (seeded), or, when a
 * CSV of returns is given, read from its single column.
 *
 * <p>Usage: {@code java -cp experiments/target/foresight.jar:bench/out GarchBench OUT [warmup] [reps]}
 */
public final class GarchBench {

    static final int N = 2000;
    static volatile double sink;

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "bench/out/garch");
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        Files.createDirectories(out);
        double[] r = simulate(N, 20261124L);
        StringBuilder csv = new StringBuilder("r\n");
        for (double x : r) {
            csv.append(String.format(Locale.ROOT, "%.17g%n", x));
        }
        Files.writeString(out.resolve("returns.csv"), csv);

        GarchSpec spec = GarchSpec.of(VarianceModel.GARCH, MeanModel.CONSTANT, Innovations.NORMAL);
        for (int i = 0; i < warmup; i++) {
            sink += GarchEstimator.fit(r, spec).logLikelihood();
        }
        // CPU time of this thread as well as wall time: on a shared machine the wall time includes
        // waiting for a core, which says nothing about the code (R's side reports both, too).
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        List<Double> ms = new ArrayList<>();
        List<Double> cpuMs = new ArrayList<>();
        GarchFit fit = null;
        for (int i = 0; i < reps; i++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            fit = GarchEstimator.fit(r, spec);
            ms.add((System.nanoTime() - t0) / 1e6);
            cpuMs.add((cpu.getCurrentThreadCpuTime() - c0) / 1e6);
            sink += fit.logLikelihood();
        }
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] cpuSorted = cpuMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "java_median_ms\t%.4f%n", sorted[sorted.length / 2]);
        System.out.printf(Locale.ROOT, "java_median_cpu_ms\t%.4f%n", cpuSorted[cpuSorted.length / 2]);
        System.out.printf(Locale.ROOT, "java_p10_ms\t%.4f%n", sorted[sorted.length / 10]);
        System.out.printf(Locale.ROOT, "java_p90_ms\t%.4f%n", sorted[sorted.length * 9 / 10]);
        System.out.printf(Locale.ROOT, "java_evaluations\t%d%n", fit.convergence().evaluations());
        for (int i = 0; i < fit.names().size(); i++) {
            System.out.printf(Locale.ROOT, "java_%s\t%.10g%n", fit.names().get(i), fit.estimates()[i]);
        }
        System.out.printf(Locale.ROOT, "java_loglik\t%.10g%n", fit.logLikelihood());
    }

    /** GARCH(1,1): μ 3e-4, ω 2e-6, α 0.08, β 0.9, unit-variance t(6) shocks. */
    static double[] simulate(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double nu = 6;
        double s2 = 2e-6 / (1 - 0.98);
        double[] r = new double[n];
        for (int t = -500; t < n; t++) {
            double chi = 0;
            for (int k = 0; k < nu; k++) {
                double g = gaussian(rng);
                chi += g * g;
            }
            double z = gaussian(rng) / Math.sqrt(chi / nu) * Math.sqrt((nu - 2) / nu);
            double e = Math.sqrt(s2) * z;
            if (t >= 0) {
                r[t] = 3e-4 + e;
            }
            s2 = 2e-6 + 0.08 * e * e + 0.9 * s2;
        }
        return r;
    }

    private static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}

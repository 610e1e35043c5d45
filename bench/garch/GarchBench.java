import dev.foresight.strategies.garch.GarchEstimator;
import dev.foresight.strategies.garch.GarchFit;
import dev.foresight.strategies.garch.GarchSpec;
import dev.foresight.strategies.garch.InitialVariance;
import dev.foresight.strategies.garch.Innovations;
import dev.foresight.strategies.garch.MeanModel;
import dev.foresight.strategies.garch.VarianceModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Benchmark (not a test), the Java side of {@code bench/garch/run.sh}. Two commands:
 * <ul>
 * <li>{@code simulate OUT.csv}: writes 2,000 returns simulated from a GARCH(1,1) with Student-t(6)
 *     shocks (seeded) as a one-column CSV with header {@code r}; both sides then read that file.</li>
 * <li>{@code time RETURNS.csv WARMUP REPS MEAN}: reads the returns from the CSV's single column,
 *     fits GARCH(1,1), normal innovations, fGarch's initial variance, with {@code MEAN} =
 *     {@code constant} (fGarch's default model) or {@code zero} (tseries::garch's model) WARMUP
 *     times untimed and REPS times timed, and prints the wall and whole-process CPU time per fit
 *     (the totals over REPS divided by REPS — every JVM thread counts: JIT compiler, GC — exactly
 *     as R's {@code proc.time()} counts the R process) and the estimates.</li>
 * </ul>
 * The R side ({@code fgarch_bench.R}) applies the same WARMUP/REPS policy.
 */
public final class GarchBench {

    static final int N = 2000;
    static volatile double sink;

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "simulate" -> {
                StringBuilder csv = new StringBuilder("r\n");
                for (double x : simulate(N, 20261124L)) {
                    csv.append(String.format(Locale.ROOT, "%.17g%n", x));
                }
                Files.writeString(Path.of(args[1]), csv);
            }
            case "time" -> time(read(Path.of(args[1])), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    args[4].equals("zero") ? MeanModel.ZERO : MeanModel.CONSTANT);
            default -> throw new IllegalArgumentException("usage: GarchBench simulate OUT.csv | time RETURNS.csv WARMUP REPS constant|zero");
        }
    }

    static void time(double[] r, int warmup, int reps, MeanModel mean) {
        GarchSpec spec = new GarchSpec(VarianceModel.GARCH, mean, Innovations.NORMAL, InitialVariance.FGARCH);
        for (int i = 0; i < warmup; i++) {
            sink += GarchEstimator.fit(r, spec).logLikelihood();
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        GarchFit fit = null;
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            fit = GarchEstimator.fit(r, spec);
            sink += fit.logLikelihood();
        }
        double wall = (System.nanoTime() - t0) / 1e6 / reps;
        double cpu = (os.getProcessCpuTime() - c0) / 1e6 / reps;
        System.out.printf(Locale.ROOT, "ms\t%.4f%n", wall);
        System.out.printf(Locale.ROOT, "cpu_ms\t%.4f%n", cpu);
        System.out.printf(Locale.ROOT, "evaluations\t%d%n", fit.convergence().evaluations());
        System.out.printf(Locale.ROOT, "starts\t%d%n", fit.convergence().startsTried());
        List<String> names = fit.names();
        for (int i = 0; i < names.size(); i++) {
            System.out.printf(Locale.ROOT, "%s\t%.10g%n", names.get(i), fit.estimates()[i]);
        }
        System.out.printf(Locale.ROOT, "loglik\t%.10g%n", fit.logLikelihood());
    }

    static double[] read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        return lines.stream().skip(1).filter(s -> !s.isBlank()).mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
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

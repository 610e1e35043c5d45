import dev.foresight.backtest.Backtest;
import dev.foresight.backtest.BacktestResult;
import dev.foresight.backtest.CostModel;
import dev.foresight.metrics.Annualisation;
import dev.foresight.metrics.ForecastMetrics;
import dev.foresight.metrics.PerformanceMetrics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/**
 * Benchmark of the backtest engine plus metrics on 1,000,000 bars (a warmed timed loop).
 *
 * <p>Writes the generated input to {@code OUT/data.bin} so the pandas side computes on the very
 * same numbers, warms up, writes the Java results ({@code java_series.bin},
 * {@code java_metrics.txt}) for {@code bench_pandas.py} to check, prints {@code ready}, then
 * runs one timed repetition per {@code run} line on stdin, answering with the phase times in
 * nanoseconds. Not part of the product: compiled with javac against framework/target/classes.
 *
 * <p>Usage: {@code java -cp framework/target/classes:CLASSES BacktestBench OUT [bars] [warmup]},
 * normally started by {@code bench_pandas.py} (see run.sh).
 */
public final class BacktestBench {

    static final long SEED = 20261124L;
    static final CostModel COSTS = new CostModel(0.5, 0.1);
    static final double INITIAL_POSITION = 0;
    // Minute-like bars; a nonzero risk-free rate so the excess-return path is exercised.
    static final Annualisation ANNUALISATION = new Annualisation(98_280, 0.02);

    /** Sinks results so the JIT cannot drop the work. */
    static volatile double sink;

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "bench/out");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Files.createDirectories(out);

        Data d = Data.generate(n, SEED);
        writeDoubles(out.resolve("data.bin"), d.assetReturns, d.positions, d.actual, d.forecast, d.actualMove, d.forecastMove);

        for (int i = 0; i < warmup; i++) {
            sink += runOnce(d, null);
        }

        // The results the pandas side checks against.
        BacktestResult bt = Backtest.run(d.positions, d.assetReturns, COSTS, INITIAL_POSITION);
        PerformanceMetrics pm = PerformanceMetrics.of(bt.netReturns(), bt.turnover(), ANNUALISATION);
        ForecastMetrics fm = ForecastMetrics.of(d.actual, d.forecast, d.actualMove, d.forecastMove);
        writeDoubles(out.resolve("java_series.bin"), bt.grossReturns(), bt.costs(), bt.netReturns(),
                bt.turnover(), bt.equity(), bt.drawdown());
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("java_metrics.txt")))) {
            // Double.toString round-trips exactly.
            w.println("n " + pm.n());
            w.println("totalReturn " + pm.totalReturn());
            w.println("annualReturn " + pm.annualReturn());
            w.println("annualVolatility " + pm.annualVolatility());
            w.println("sharpe " + pm.sharpe());
            w.println("sortino " + pm.sortino());
            w.println("maxDrawdown " + pm.maxDrawdown());
            w.println("calmar " + pm.calmar());
            w.println("turnover " + pm.turnover());
            w.println("mse " + fm.mse());
            w.println("rmse " + fm.rmse());
            w.println("mae " + fm.mae());
            w.println("directionCalls " + fm.directionCalls());
            w.println("directionHits " + fm.directionHits());
            w.println("directionAccuracy " + fm.directionAccuracy());
            w.println("costRate " + COSTS.ratePerUnitTurnover());
            w.println("initialPosition " + INITIAL_POSITION);
            w.println("periodsPerYear " + ANNUALISATION.periodsPerYear());
            w.println("riskFreeRate " + ANNUALISATION.riskFreeRate());
        }

        // Serve measured repetitions on request, so that the driver (bench_pandas.py) can
        // interleave them with pandas repetitions: on a noisy machine, Java and pandas then see
        // the same conditions. "run" -> one repetition, answered with its phase times in ns.
        System.out.println("ready " + n + " " + warmup);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        long[] t = new long[3];
        // whole-process CPU (every thread: GC included, as pandas' time.process_time counts its process)
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (String line = in.readLine(); line != null && line.equals("run"); line = in.readLine()) {
            long c0 = os.getProcessCpuTime();
            sink += runOnce(d, t);
            long cpu = os.getProcessCpuTime() - c0;
            System.out.println(t[0] + " " + t[1] + " " + t[2] + " " + cpu);
            System.out.flush();
        }
    }

    /** The full computation; fills {@code t} with the phase times in ns when not null. */
    static double runOnce(Data d, long[] t) {
        long t0 = System.nanoTime();
        BacktestResult bt = Backtest.run(d.positions, d.assetReturns, COSTS, INITIAL_POSITION);
        long t1 = System.nanoTime();
        PerformanceMetrics pm = PerformanceMetrics.of(bt.netReturns(), bt.turnover(), ANNUALISATION);
        long t2 = System.nanoTime();
        ForecastMetrics fm = ForecastMetrics.of(d.actual, d.forecast, d.actualMove, d.forecastMove);
        long t3 = System.nanoTime();
        if (t != null) {
            t[0] = t1 - t0;
            t[1] = t2 - t1;
            t[2] = t3 - t2;
        }
        return bt.drawdown()[d.positions.length - 1] + pm.sharpe() + pm.sortino() + pm.calmar() + fm.mse()
                + fm.directionAccuracy();
    }

    static void writeDoubles(Path file, double[]... columns) throws IOException {
        int n = columns[0].length;
        ByteBuffer buf = ByteBuffer.allocate(8 * n * columns.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] c : columns) {
            buf.asDoubleBuffer().put(c);
            buf.position(buf.position() + 8 * n);
        }
        buf.flip();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
    }

    /** Deterministic synthetic bars. */
    static final class Data {
        double[] assetReturns;
        double[] positions;
        double[] actual;
        double[] forecast;
        double[] actualMove;
        double[] forecastMove;

        static Data generate(int n, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            Data d = new Data();
            d.assetReturns = new double[n];
            d.positions = new double[n];
            d.actual = new double[n];
            d.forecast = new double[n];
            d.actualMove = new double[n];
            d.forecastMove = new double[n];
            double position = 0;
            for (int i = 0; i < n; i++) {
                // 2% flat bars (exact zero returns) exercise the "no direction" rule.
                double r = random.nextDouble() < 0.02 ? 0 : 0.00001 + 0.001 * random.nextGaussian();
                // A synthetic forecast with a little skill (it peeks at the return it forecasts:
                // this is benchmark data, not a strategy); 3% are exactly zero.
                double f = random.nextDouble() < 0.03 ? 0 : 0.05 * r + 0.001 * random.nextGaussian();
                // Positions in [-1, 1], only re-set on 30% of bars so turnover is realistic.
                if (random.nextDouble() < 0.3) {
                    position = Math.max(-1, Math.min(1, Math.rint(f / 0.0005) / 4));
                }
                d.assetReturns[i] = r;
                d.actual[i] = r;
                d.forecast[i] = f;
                d.positions[i] = position;
                d.actualMove[i] = r;
                // 1% of forecasts carry no directional reading.
                d.forecastMove[i] = random.nextDouble() < 0.01 ? Double.NaN : f;
            }
            return d;
        }
    }
}

import dev.foresight.data.synthetic.PlantedSignalSource;
import java.time.LocalDate;

/**
 * Prints, for each data seed, one line: the seed, then the one-bar log returns log(P(t)/P(t-1)) of
 * bars t = 0..BARS-1 (P(-1) = the start price 100) of the synthetic kind leverage-garch with its
 * defaults (daily_vol 0.01, start price 100) and the given gamma, space-separated: the input of the
 * known-signal leverage sweep's oracle (known-signal-leverage-sweep.py). The series is Foresight's
 * own (PlantedSignalSource, the class the batch's data section runs), not a re-implementation; the
 * sweep checks that the realised-vol labels computed from these returns equal the task files' labels.
 *   java -cp "experiments/target/foresight.jar:experiments/target/lib/*" \
 *       experiments/known-signal-leverage-series.java GAMMA BARS SEED...
 */
class LeverageSeries {
    static final double START_PRICE = 100.0;

    public static void main(String[] args) {
        double gamma = Double.parseDouble(args[0]);
        int bars = Integer.parseInt(args[1]);
        StringBuilder out = new StringBuilder();
        for (int i = 2; i < args.length; i++) {
            long seed = Long.parseLong(args[i]);
            double[] p = new PlantedSignalSource(PlantedSignalSource.Signal.LEVERAGE, gamma, 0.01, START_PRICE,
                    LocalDate.of(2000, 1, 3)).generate("LEV", bars, seed).prices();
            out.append(seed);
            double previous = START_PRICE;
            for (double price : p) {
                out.append(' ').append(Math.log(price / previous));
                previous = price;
            }
            out.append('\n');
        }
        System.out.print(out);
    }
}

import dev.foresight.data.synthetic.PlantedSignalSource;
import dev.foresight.data.synthetic.VolatilityPanelSource;
import java.time.LocalDate;

/**
 * Prints Foresight's own synthetic series (the classes a batch's data section runs, not a
 * re-implementation), one line per data seed — the seed, then the values of bars 0..BARS-1,
 * space-separated — for the known-signal sweeps' oracles:
 * <ul>
 *   <li>{@code leverage GAMMA BARS SEED...}: the one-bar log returns log(P(t)/P(t-1)) of the kind
 *       leverage-garch with its defaults (daily_vol 0.01, start price 100 = P(-1)) and the given gamma
 *       (known-signal-leverage-sweep.py);
 *   <li>{@code panel MEMBER BARS SEED...}: the closes of a member of the panel with the kinds' defaults
 *       (MEMBER 0: panel-index, the volatility index, from which the true direction rule is computed;
 *       1..3: panel's asset) (known-signal-panel-sweep.py).
 * </ul>
 * The sweeps check that what they compute from these series agrees with the task files' labels.
 * <pre>
 *   java -cp "experiments/target/foresight.jar:experiments/target/lib/*" \
 *       experiments/known-signal-series.java leverage 0.12 2500 8
 * </pre>
 */
class KnownSignalSeries {
    static final double START_PRICE = 100.0;
    static final LocalDate START = LocalDate.of(2000, 1, 3);

    public static void main(String[] args) {
        boolean leverage = args[0].equals("leverage");
        if (!leverage && !args[0].equals("panel")) {
            throw new IllegalArgumentException("the first argument must be leverage or panel, got " + args[0]);
        }
        double gamma = leverage ? Double.parseDouble(args[1]) : 0;
        int member = leverage ? 0 : Integer.parseInt(args[1]);
        int first = 2;
        int bars = Integer.parseInt(args[first]);
        StringBuilder out = new StringBuilder();
        for (int i = first + 1; i < args.length; i++) {
            long seed = Long.parseLong(args[i]);
            out.append(seed);
            if (leverage) {
                double[] p = new PlantedSignalSource(PlantedSignalSource.Signal.LEVERAGE, gamma, 0.01, START_PRICE,
                        START).generate("LEV", bars, seed).prices();
                double previous = START_PRICE;
                for (double price : p) {
                    out.append(' ').append(Math.log(price / previous));
                    previous = price;
                }
            } else {
                for (double close : VolatilityPanelSource.defaults(member).generate("P" + member, bars, seed).prices()) {
                    out.append(' ').append(close);
                }
            }
            out.append('\n');
        }
        System.out.print(out);
    }
}

package dev.foresight.strategies.features;

import dev.foresight.data.MarketView;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.feature.FeatureSet;
import dev.foresight.feature.FittedFeatures;
import java.util.List;

/**
 * Moving Average Convergence/Divergence (Appel): columns {@code macd} (line), {@code macd_signal}
 * and {@code macd_hist}.
 *
 * <p>{@code line = EMA_fast(p) − EMA_slow(p)}, {@code signal = EMA_signal(line)},
 * {@code hist = line − signal}; each EMA has {@code α = 2/(n+1)} and is seeded with the simple mean
 * of its first {@code n} inputs ({@link Indicators#ema}): the fast EMA from bar {@code fast−1},
 * the slow from bar {@code slow−1}, the signal from the {@code signal}-th line value, i.e. bar
 * {@code slow+signal−2} (33 for 12/26/9). (TA-Lib instead seeds the fast EMA at the slow EMA's
 * first bar; the two agree to a few parts in a thousand of the line after a few dozen bars.)
 *
 * <p>With {@code relative}, the line is divided by the slow EMA ({@code (EMA_fast − EMA_slow) /
 * EMA_slow}, the percentage price oscillator as a fraction), so the feature is comparable across
 * price levels and assets; the signal and histogram follow from that line.
 */
record Macd(int fast, int slow, int signal, boolean relative, InputSeries input) implements FeatureSet, FittedFeatures {

    static final String KIND = "macd";

    Macd {
        if (fast < 1 || signal < 1) {
            throw new IllegalArgumentException(KIND + ": fast and signal must be ≥ 1, got " + fast + ", " + signal);
        }
        if (slow <= fast) {
            throw new IllegalArgumentException(KIND + ": slow (" + slow + ") must be longer than fast (" + fast + ")");
        }
    }

    Macd(int fast, int slow, int signal, boolean relative, String symbol) {
        this(fast, slow, signal, relative, new InputSeries(KIND, symbol));
    }

    @Override
    public FittedFeatures fit(MarketView train) {
        input.check(train);
        return this;
    }

    @Override
    public List<String> columns() {
        return List.of(input.column("macd"), input.column("macd_signal"), input.column("macd_hist"));
    }

    /** The signal's first value: bar slow−1 plus signal−1 more line values. */
    @Override
    public int warmUp() {
        return slow + signal - 2;
    }

    @Override
    public FeatureMatrix compute(MarketView view) {
        double[] p = input.of(view).prices();
        int n = p.length;
        double[] emaFast = Indicators.ema(p, fast);
        double[] emaSlow = Indicators.ema(p, slow);
        double[] line = new double[n];
        for (int t = 0; t < n; t++) {
            double gap = emaFast[t] - emaSlow[t];  // NaN until both exist
            line[t] = relative ? gap / emaSlow[t] : gap;
        }
        double[] sig = Indicators.ema(line, signal);
        double[] hist = new double[n];
        for (int t = 0; t < n; t++) {
            hist[t] = line[t] - sig[t];
        }
        // The line exists before the signal; blank it too so the set's rows are complete together.
        for (int t = 0; t < Math.min(n, warmUp()); t++) {
            line[t] = Double.NaN;
        }
        return FeatureMatrix.of(columns(), new double[][] {line, sig, hist}, n);
    }
}

package dev.foresight.data.synthetic;

import dev.foresight.data.Column;
import dev.foresight.data.PriceSeries;

/** Sample statistics for the distribution tests; plain loops so the formulas are on the page. */
final class Stats {

    private Stats() {
    }

    /** Close-to-close log returns, bars 1..n-1. */
    static double[] logReturns(PriceSeries s) {
        double[] close = s.column(Column.CLOSE);
        double[] r = new double[close.length - 1];
        for (int t = 1; t < close.length; t++) {
            r[t - 1] = Math.log(close[t] / close[t - 1]);
        }
        return r;
    }

    static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    static double variance(double[] x) {
        double m = mean(x);
        double sum = 0;
        for (double v : x) {
            sum += (v - m) * (v - m);
        }
        return sum / (x.length - 1);
    }

    static double excessKurtosis(double[] x) {
        double m = mean(x);
        double m2 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = (v - m) * (v - m);
            m2 += d;
            m4 += d * d;
        }
        m2 /= x.length;
        m4 /= x.length;
        return m4 / (m2 * m2) - 3;
    }

    static double autocorrelation(double[] x, int lag) {
        double m = mean(x);
        double num = 0;
        double den = 0;
        for (int t = 0; t < x.length; t++) {
            den += (x[t] - m) * (x[t] - m);
            if (t >= lag) {
                num += (x[t] - m) * (x[t - lag] - m);
            }
        }
        return num / den;
    }

    static double[] squaredDeviations(double[] x) {
        double m = mean(x);
        double[] out = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            out[t] = (x[t] - m) * (x[t] - m);
        }
        return out;
    }

    /**
     * Standard error of the mean of a dependent series by batch means: the spread of the means
     * of {@code batches} consecutive blocks, which stays honest under volatility clustering where
     * the i.i.d. formula would be far too small.
     */
    static double batchMeansStandardError(double[] x, int batches) {
        int size = x.length / batches;
        double[] means = new double[batches];
        for (int b = 0; b < batches; b++) {
            double sum = 0;
            for (int t = b * size; t < (b + 1) * size; t++) {
                sum += x[t];
            }
            means[b] = sum / size;
        }
        return Math.sqrt(variance(means) / batches);
    }
}

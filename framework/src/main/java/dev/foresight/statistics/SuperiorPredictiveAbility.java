package dev.foresight.statistics;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Hansen's test for Superior Predictive Ability, "A Test for Superior Predictive Ability", Journal
 * of Business &amp; Economic Statistics 23(4), 2005: does any of {@code m} models have a smaller
 * expected loss than a benchmark, given that {@code m} were tried? H0: none does.
 *
 * <p>With {@code d_{k,t} = L_{0,t} − L_{k,t}} (positive = model k beat the benchmark on bar t),
 * {@code d̄_k} its mean over {@code n} bars and {@code q = 1/L} the stationary bootstrap's restart
 * probability:
 * <pre>
 *   ω̂²_k  = γ̂_{k,0} + 2 Σ_{i=1..n−1} κ(n, i) γ̂_{k,i},   γ̂_{k,i} = n⁻¹ Σ_{t=1..n−i} (d_{k,t} − d̄_k)(d_{k,t+i} − d̄_k)
 *   κ(n,i) = ((n − i)/n)(1 − q)^i + (i/n)(1 − q)^{n−i}                     (the stationary bootstrap's kernel)
 *   T^SPA = max( max_k √n d̄_k / ω̂_k , 0 )
 *   μ̂_k   = d̄_k (upper);  d̄_k · 1{√n d̄_k/ω̂_k ≥ −√(2 ln ln n)} (consistent);  max(d̄_k, 0) (lower)
 *   T*_b  = max( max_k √n (d̄*_{b,k} − μ̂_k) / ω̂_k , 0 )
 *   p     = B⁻¹ Σ_b 1{T*_b > T^SPA}
 * </pre>
 * The consistent p-value is the test; the lower and upper ones bound it (the upper is White's
 * studentised Reality Check: it recentres every model, so poor models inflate it). A model whose
 * loss equals the benchmark's on every bar ({@code ω̂ = 0}) carries no information and is left out of
 * the maxima.
 */
public final class SuperiorPredictiveAbility {

    /**
     * @param n               bars compared
     * @param statistic       {@code T^SPA}
     * @param pConsistent     Hansen's consistent p-value (the test)
     * @param pLower          the lower bound (never recentres a model that did worse than the benchmark)
     * @param pUpper          the upper bound (recentres every model: White's Reality Check, studentised)
     * @param meanDifference  per model, {@code d̄_k} (benchmark loss minus model loss: positive = better)
     * @param omega           per model, {@code ω̂_k}
     * @param best            the model with the largest {@code √n d̄_k / ω̂_k}
     * @param bootstrap       the resampling used
     */
    public record Result(int n, double statistic, double pConsistent, double pLower, double pUpper,
                         double[] meanDifference, double[] omega, int best, StationaryBootstrap bootstrap) {

        public Result {
            meanDifference = meanDifference.clone();
            omega = omega.clone();
        }

        @Override
        public double[] meanDifference() {
            return meanDifference.clone();
        }

        @Override
        public double[] omega() {
            return omega.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && n == r.n && Double.compare(statistic, r.statistic) == 0
                    && Double.compare(pConsistent, r.pConsistent) == 0 && Double.compare(pLower, r.pLower) == 0
                    && Double.compare(pUpper, r.pUpper) == 0 && Arrays.equals(meanDifference, r.meanDifference)
                    && Arrays.equals(omega, r.omega) && best == r.best && bootstrap.equals(r.bootstrap);
        }

        @Override
        public int hashCode() {
            return Objects.hash(n, statistic, pConsistent, pLower, pUpper, best);
        }

        @Override
        public String toString() {
            return "SPA[T=" + statistic + ", p=" + pConsistent + " (" + pLower + ".." + pUpper + "), best=" + best + "]";
        }
    }

    private SuperiorPredictiveAbility() {
    }

    /**
     * @param benchmarkLoss {@code L_{0,t}}
     * @param modelLosses   {@code modelLosses[k][t]} = {@code L_{k,t}}, on the benchmark's bars
     * @throws IllegalArgumentException for no model, fewer than 3 bars, ragged rows or a non-finite loss
     */
    public static Result test(double[] benchmarkLoss, double[][] modelLosses, StationaryBootstrap bootstrap) {
        int n = benchmarkLoss.length;
        double[][] d = differences(benchmarkLoss, modelLosses);
        SplittableRandom random = new SplittableRandom(bootstrap.seed());
        int[][] resamples = new int[bootstrap.replications()][];
        for (int b = 0; b < resamples.length; b++) {
            resamples[b] = StationaryBootstrap.indices(n, bootstrap.meanBlockLength(), random);
        }
        return test(d, resamples, bootstrap);
    }

    /** The test on given loss differences and resamples (package-private: for checks against another implementation). */
    static Result test(double[][] d, int[][] resamples, StationaryBootstrap bootstrap) {
        int m = d.length;
        int n = d[0].length;
        double q = 1 / bootstrap.meanBlockLength();
        double[] mean = new double[m];
        double[] omega = new double[m];
        for (int k = 0; k < m; k++) {
            mean[k] = ModelConfidenceSet.mean(d[k]);
            omega[k] = Math.sqrt(longRunVariance(d[k], mean[k], q));
        }
        double rootN = Math.sqrt(n);
        double threshold = -Math.sqrt(2 * Math.log(Math.log(n)));
        double[] upper = mean.clone();
        double[] consistent = new double[m];
        double[] lower = new double[m];
        double statistic = 0;
        int best = -1;
        double bestT = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < m; k++) {
            if (!(omega[k] > 0)) {
                continue;
            }
            double t = rootN * mean[k] / omega[k];
            if (t > bestT) {
                bestT = t;
                best = k;
            }
            statistic = Math.max(statistic, t);
            consistent[k] = t >= threshold ? mean[k] : 0;
            lower[k] = Math.max(mean[k], 0);
        }
        int exceedC = 0;
        int exceedL = 0;
        int exceedU = 0;
        for (int[] idx : resamples) {
            if (idx.length != n) {
                throw new IllegalArgumentException("a resample has " + idx.length + " bars, not " + n);
            }
            double tc = 0;
            double tl = 0;
            double tu = 0;
            for (int k = 0; k < m; k++) {
                if (!(omega[k] > 0)) {
                    continue;
                }
                double[] dk = d[k];
                double s = 0;
                for (int t : idx) {
                    s += dk[t];
                }
                double star = s / n;
                double scale = rootN / omega[k];
                tc = Math.max(tc, (star - consistent[k]) * scale);
                tl = Math.max(tl, (star - lower[k]) * scale);
                tu = Math.max(tu, (star - upper[k]) * scale);
            }
            exceedC += tc > statistic ? 1 : 0;
            exceedL += tl > statistic ? 1 : 0;
            exceedU += tu > statistic ? 1 : 0;
        }
        double b = resamples.length;
        if (statistic == 0) {
            // No model beat the benchmark on average (T = max(0, ...) = 0): T* is never below 0, so no
            // critical value lies below T and the null cannot be rejected — p = P(T* ≥ T) = 1. Counting
            // only T* > 0 would instead give a tiny p when every model is clearly WORSE (their recentred
            // resamples all fall below 0): "beats the benchmark" for strategies that all lost to it.
            return new Result(n, statistic, 1, 1, 1, mean, omega, Math.max(best, 0), bootstrap);
        }
        return new Result(n, statistic, exceedC / b, exceedL / b, exceedU / b, mean, omega, Math.max(best, 0), bootstrap);
    }

    /**
     * Hansen's {@code ω̂²}: the variance of {@code √n d̄} under the stationary bootstrap with restart
     * probability {@code q}. Terms whose weight {@code κ(n, i)} is below 1e-17 are left out: they cannot
     * change a double sum of this size.
     */
    static double longRunVariance(double[] d, double mean, double q) {
        int n = d.length;
        double[] e = new double[n];
        for (int t = 0; t < n; t++) {
            e[t] = d[t] - mean;
        }
        double v = gamma(e, 0);
        double log1q = Math.log1p(-q);
        for (int i = 1; i < n; i++) {
            double kappa = (double) (n - i) / n * Math.exp(i * log1q) + (double) i / n * Math.exp((n - i) * log1q);
            if (q == 1 || kappa < 1e-17) {
                continue;
            }
            v += 2 * kappa * gamma(e, i);
        }
        return v;
    }

    private static double gamma(double[] e, int lag) {
        double s = 0;
        for (int t = 0; t + lag < e.length; t++) {
            s += e[t] * e[t + lag];
        }
        return s / e.length;
    }

    private static double[][] differences(double[] benchmark, double[][] models) {
        int n = benchmark.length;
        if (models.length < 1) {
            throw new IllegalArgumentException("the SPA test needs at least one model");
        }
        if (n < 3) {
            throw new IllegalArgumentException("the SPA test needs at least 3 bars, got " + n);
        }
        double[][] d = new double[models.length][n];
        for (int k = 0; k < models.length; k++) {
            if (models[k].length != n) {
                throw new IllegalArgumentException("model " + k + " has " + models[k].length + " losses, the benchmark " + n);
            }
            for (int t = 0; t < n; t++) {
                double x = benchmark[t] - models[k][t];
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("loss of model " + k + " or of the benchmark at bar " + t + " is not finite");
                }
                d[k][t] = x;
            }
        }
        return d;
    }
}

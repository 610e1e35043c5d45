package dev.foresight.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The Model Confidence Set of Hansen, Lunde and Nason, "The Model Confidence Set", Econometrica
 * 79(2), 2011: the set of models that contains the best one(s) — those of smallest expected loss —
 * with probability at least {@code 1 − α}, given how many were compared.
 *
 * <p>With losses {@code L_{i,t}} of the models {@code i ∈ M} on common bars {@code t = 1..n}, mean
 * losses {@code L̄_i}, pairwise differences {@code d̄_ij = L̄_i − L̄_j} and {@code B} stationary-bootstrap
 * resamples of the bars (the same resamples at every step, Politis–Romano, mean block length
 * {@code L}), each giving {@code L̄*_{b,i}}:
 * <pre>
 *   T_R   = max_{i,j ∈ M} |t_ij|,   t_ij = d̄_ij / √var(d̄_ij),   var(d̄_ij) = B⁻¹ Σ_b (d̄*_{b,ij} − d̄_ij)²
 *   T*_R  = max_{i,j ∈ M} |d̄*_{b,ij} − d̄_ij| / √var(d̄_ij)
 *   e_R   = argmax_{i ∈ M} max_{j ∈ M} t_ij                              (the model to eliminate)
 *
 *   T_max = max_{i ∈ M} t_i·,   t_i· = d̄_i· / √var(d̄_i·),   d̄_i· = L̄_i − m⁻¹ Σ_{j ∈ M} L̄_j
 *   T*_max = max_{i ∈ M} (d̄*_{b,i·} − d̄_i·) / √var(d̄_i·)               (var recomputed for each M)
 *   e_max = argmax_{i ∈ M} t_i·
 *
 *   step p-value  P_k = B⁻¹ Σ_b 1{T*_b ≥ T}   at the k-th elimination
 *   MCS p-value of the model eliminated at step k: p̂ = max_{j ≤ k} P_j;  the last model: 1
 *   M̂*_{1−α} = { i : p̂_i ≥ α }
 * </pre>
 * A pair whose loss difference is the same on every bar has bootstrap variance 0: {@code t = ±∞}
 * when the difference is not 0 (one model is worse on every bar by the same amount: certainly
 * worse), 0 when it is (the two models are indistinguishable), and it adds nothing to {@code T*}.
 * Ties in an elimination go to the lowest index, so results are deterministic. The resamples are
 * drawn from the {@link StationaryBootstrap}'s seed: the same inputs give the same set, bit for bit.
 */
public final class ModelConfidenceSet {

    /** Which of Hansen, Lunde and Nason's two test statistics (and matching elimination rule). */
    public enum Statistic {
        /** {@code T_R}: the largest studentised pairwise difference. */
        RANGE,
        /** {@code T_max}: the largest studentised difference to the set's average loss. */
        MAX
    }

    /**
     * One elimination step.
     *
     * @param eliminated index of the model eliminated
     * @param statistic  the test statistic over the models still in the set before this step
     * @param pValue     the step's bootstrap p-value {@code P_k}
     */
    public record Step(int eliminated, double statistic, double pValue) {
    }

    /**
     * The outcome, independent of any level: every model's MCS p-value.
     *
     * @param statistic     T_R or T_max
     * @param n             bars compared
     * @param steps         the eliminations in order (m − 1 of them; the last model is never tested)
     * @param pValues       per model (by input index), the MCS p-value {@code p̂_i}: the model is in the
     *                      {@code 1 − α} set exactly when {@code p̂_i ≥ α}
     * @param meanLoss      per model, {@code L̄_i}
     * @param bootstrap     the resampling used
     */
    public record Result(Statistic statistic, int n, List<Step> steps, double[] pValues, double[] meanLoss,
                         StationaryBootstrap bootstrap) {

        public Result {
            steps = List.copyOf(steps);
            pValues = pValues.clone();
            meanLoss = meanLoss.clone();
        }

        /** Whether model {@code i} is in the {@code confidence} (e.g. 0.90) model confidence set. */
        public boolean contains(int i, double confidence) {
            checkConfidence(confidence);
            return pValues[i] >= 1 - confidence;
        }

        /** Indices of the models in the {@code confidence} set, ascending. */
        public int[] members(double confidence) {
            checkConfidence(confidence);
            return IntStream.range(0, pValues.length).filter(i -> pValues[i] >= 1 - confidence).toArray();
        }

        @Override
        public double[] pValues() {
            return pValues.clone();
        }

        @Override
        public double[] meanLoss() {
            return meanLoss.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && statistic == r.statistic && n == r.n && steps.equals(r.steps)
                    && Arrays.equals(pValues, r.pValues) && Arrays.equals(meanLoss, r.meanLoss)
                    && bootstrap.equals(r.bootstrap);
        }

        @Override
        public int hashCode() {
            return Objects.hash(statistic, n, steps, Arrays.hashCode(pValues), bootstrap);
        }

        @Override
        public String toString() {
            return "MCS[" + statistic + ", n=" + n + ", p=" + Arrays.toString(pValues) + "]";
        }

        private static void checkConfidence(double confidence) {
            if (!(confidence > 0 && confidence < 1)) {
                throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
            }
        }
    }

    private ModelConfidenceSet() {
    }

    /**
     * @param losses    {@code losses[i][t]}: model i's loss on bar t (all models on the same bars)
     * @param statistic T_R or T_max
     * @param bootstrap mean block length, number of resamples and seed
     * @throws IllegalArgumentException for fewer than 2 models, fewer than 2 bars, ragged rows or a
     *                                  non-finite loss
     */
    public static Result compute(double[][] losses, Statistic statistic, StationaryBootstrap bootstrap) {
        Objects.requireNonNull(statistic, "statistic");
        int n = validate(losses);
        SplittableRandom random = new SplittableRandom(bootstrap.seed());
        int[][] resamples = new int[bootstrap.replications()][];
        for (int b = 0; b < resamples.length; b++) {
            resamples[b] = StationaryBootstrap.indices(n, bootstrap.meanBlockLength(), random);
        }
        return compute(losses, statistic, resamples, bootstrap);
    }

    /** The procedure on given resamples (package-private: tests feed another implementation the same ones). */
    static Result compute(double[][] losses, Statistic statistic, int[][] resamples, StationaryBootstrap bootstrap) {
        int n = validate(losses);
        int m = losses.length;
        int reps = resamples.length;
        double[] mean = new double[m];
        for (int i = 0; i < m; i++) {
            mean[i] = mean(losses[i]);
        }
        // Bootstrap means of each model's loss, resample by resample: B × m.
        double[][] boot = new double[reps][m];
        for (int b = 0; b < reps; b++) {
            int[] idx = resamples[b];
            if (idx.length != n) {
                throw new IllegalArgumentException("resample " + b + " has " + idx.length + " bars, not " + n);
            }
            for (int i = 0; i < m; i++) {
                double[] l = losses[i];
                double s = 0;
                for (int t : idx) {
                    s += l[t];
                }
                boot[b][i] = s / n;
            }
        }
        boolean[] in = new boolean[m];
        Arrays.fill(in, true);
        List<Step> steps = new ArrayList<>();
        double[] pValues = new double[m];
        double running = 0;
        double[][] pairSd = statistic == Statistic.RANGE ? pairSd(mean, boot, losses) : null;
        for (int size = m; size > 1; size--) {
            Step step = identical(in, losses) ? new Step(first(in), 0, 1)
                    : statistic == Statistic.RANGE ? rangeStep(in, mean, boot, pairSd) : maxStep(in, mean, boot);
            steps.add(step);
            running = Math.max(running, step.pValue());
            pValues[step.eliminated()] = running;
            in[step.eliminated()] = false;
        }
        for (int i = 0; i < m; i++) {
            if (in[i]) {
                pValues[i] = 1;
            }
        }
        return new Result(statistic, n, steps, pValues, mean, bootstrap);
    }

    /** Whether every model still in the set has the same loss on every bar: nothing to tell them apart. */
    private static boolean identical(boolean[] in, double[][] losses) {
        int f = first(in);
        for (int i = f + 1; i < in.length; i++) {
            if (in[i] && !Arrays.equals(losses[i], losses[f])) {
                return false;
            }
        }
        return true;
    }

    private static int first(boolean[] in) {
        for (int i = 0; i < in.length; i++) {
            if (in[i]) {
                return i;
            }
        }
        throw new IllegalStateException("empty set");
    }

    /** √var(d̄_ij) for every pair; 0 when d_ij is the same on every bar (then no resample moves it). */
    private static double[][] pairSd(double[] mean, double[][] boot, double[][] losses) {
        int m = mean.length;
        double[][] sd = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                double dij = mean[i] - mean[j];
                double ss = 0;
                for (double[] bm : boot) {
                    double e = bm[i] - bm[j] - dij;
                    ss += e * e;
                }
                double s = constantDifference(losses[i], losses[j]) ? 0 : Math.sqrt(ss / boot.length);
                sd[i][j] = s;
                sd[j][i] = s;
            }
        }
        return sd;
    }

    private static boolean constantDifference(double[] a, double[] b) {
        double d0 = a[0] - b[0];
        for (int t = 1; t < a.length; t++) {
            if (a[t] - b[t] != d0) {
                return false;
            }
        }
        return true;
    }

    private static Step rangeStep(boolean[] in, double[] mean, double[][] boot, double[][] sd) {
        int m = mean.length;
        double stat = 0;
        int worst = -1;
        double worstScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            if (!in[i]) {
                continue;
            }
            double score = Double.NEGATIVE_INFINITY; // max_j t_ij
            for (int j = 0; j < m; j++) {
                if (!in[j] || j == i) {
                    continue;
                }
                double t = studentise(mean[i] - mean[j], sd[i][j]);
                score = Math.max(score, t);
                stat = Math.max(stat, Math.abs(t));
            }
            if (score > worstScore) {
                worstScore = score;
                worst = i;
            }
        }
        int exceed = 0;
        for (double[] bm : boot) {
            double star = 0;
            for (int i = 0; i < m; i++) {
                if (!in[i]) {
                    continue;
                }
                for (int j = i + 1; j < m; j++) {
                    if (in[j] && sd[i][j] > 0) {
                        star = Math.max(star, Math.abs(bm[i] - bm[j] - (mean[i] - mean[j])) / sd[i][j]);
                    }
                }
            }
            exceed += star >= stat ? 1 : 0;
        }
        return new Step(worst, stat, (double) exceed / boot.length);
    }

    private static Step maxStep(boolean[] in, double[] mean, double[][] boot) {
        int m = mean.length;
        int size = 0;
        double grand = 0;
        for (int i = 0; i < m; i++) {
            if (in[i]) {
                size++;
                grand += mean[i];
            }
        }
        grand /= size;
        double[] centred = new double[boot.length * m]; // d̄*_{b,i·} − d̄_i·
        double[] sd = new double[m];
        for (int b = 0; b < boot.length; b++) {
            double[] bm = boot[b];
            double g = 0;
            for (int i = 0; i < m; i++) {
                g += in[i] ? bm[i] : 0;
            }
            g /= size;
            for (int i = 0; i < m; i++) {
                if (in[i]) {
                    double e = (bm[i] - g) - (mean[i] - grand);
                    centred[b * m + i] = e;
                    sd[i] += e * e;
                }
            }
        }
        double stat = Double.NEGATIVE_INFINITY;
        int worst = -1;
        for (int i = 0; i < m; i++) {
            if (!in[i]) {
                continue;
            }
            sd[i] = Math.sqrt(sd[i] / boot.length);
            double t = studentise(mean[i] - grand, sd[i]);
            if (t > stat) {
                stat = t;
                worst = i;
            }
        }
        int exceed = 0;
        for (int b = 0; b < boot.length; b++) {
            double star = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                if (in[i]) {
                    star = Math.max(star, sd[i] > 0 ? centred[b * m + i] / sd[i] : 0);
                }
            }
            exceed += star >= stat ? 1 : 0;
        }
        return new Step(worst, stat, (double) exceed / boot.length);
    }

    /** d / sd, with a difference that never varies treated as certain (±∞) or as no difference (0). */
    private static double studentise(double d, double sd) {
        if (sd > 0) {
            return d / sd;
        }
        return d == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, d);
    }

    private static int validate(double[][] losses) {
        if (losses.length < 2) {
            throw new IllegalArgumentException("the model confidence set needs at least 2 models, got " + losses.length);
        }
        int n = losses[0].length;
        if (n < 2) {
            throw new IllegalArgumentException("the model confidence set needs at least 2 bars, got " + n);
        }
        for (int i = 0; i < losses.length; i++) {
            if (losses[i].length != n) {
                throw new IllegalArgumentException("model " + i + " has " + losses[i].length + " losses, model 0 has " + n);
            }
            for (int t = 0; t < n; t++) {
                if (!Double.isFinite(losses[i][t])) {
                    throw new IllegalArgumentException("loss of model " + i + " at bar " + t + " is not finite: " + losses[i][t]);
                }
            }
        }
        return n;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}

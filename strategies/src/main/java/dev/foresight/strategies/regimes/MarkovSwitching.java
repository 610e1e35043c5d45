package dev.foresight.strategies.regimes;

/**
 * A two-state Gaussian Markov-switching model of returns (Hamilton 1989): state {@code s_t ∈ {0, 1}}
 * follows a Markov chain with {@code P(s_t = j | s_{t−1} = i) = p[i][j]}, and
 * {@code r_t | s_t = j ~ N(mu[j], var[j])}, with {@code P(s_0 = j) = pi[j]}. States are ordered by
 * variance: 0 is the calmer one.
 *
 * <p>{@link #fit} is EM (Hamilton 1990, "Analysis of time series subject to changes in regime",
 * J. Econometrics 45): the E-step is the Hamilton filter followed by the Kim (1994) smoother; the
 * M-step sets the transition probabilities, means and variances to their probability-weighted
 * sample values. {@link #filter} gives the FILTERED probabilities {@code P(s_t = 1 | r_1..r_t)},
 * which use no later return and so can label test bars.
 */
record MarkovSwitching(double[] pi, double[] mu, double[] var, double[][] p, double logLikelihood, int iterations) {

    /**
     * {@code P(s_t = 1 | r_0..r_t)} for each t, by the Hamilton filter from {@code pi}. Views always
     * start at the first bar of the data, so test labels come from the same starting point as the fit.
     */
    double[] filter(double[] r) {
        double[] out = new double[r.length];
        double[] prior = pi;
        double[] xi = new double[2];
        for (int t = 0; t < r.length; t++) {
            double[] predicted = t == 0 ? prior : predict(xi);
            double f0 = predicted[0] * density(r[t], 0);
            double f1 = predicted[1] * density(r[t], 1);
            double sum = f0 + f1;
            if (!(sum > 0)) {
                // Both densities underflowed (an extreme return): keep the prediction.
                xi = predicted.clone();
            } else {
                xi = new double[] {f0 / sum, f1 / sum};
            }
            out[t] = xi[1];
        }
        return out;
    }

    private double[] predict(double[] xi) {
        return new double[] {xi[0] * p[0][0] + xi[1] * p[1][0], xi[0] * p[0][1] + xi[1] * p[1][1]};
    }

    private double density(double x, int j) {
        double d = x - mu[j];
        return Math.exp(-0.5 * d * d / var[j]) / Math.sqrt(2 * Math.PI * var[j]);
    }

    /**
     * Fits by EM from a deterministic start (both means at the sample mean, variances at half and
     * twice the sample variance, staying probabilities 0.95, pi = ½, ½). pi is estimated freely
     * (its M-step is the smoothed probability of the first bar), which keeps EM monotone. Stops when the log-likelihood gains
     * less than {@code tolerance · (1 + |logL|)} or after {@code maxIterations}. Variances are
     * floored at {@code 1e−6} of the sample variance so a state cannot collapse onto one return.
     */
    static MarkovSwitching fit(double[] r, int maxIterations, double tolerance) {
        int n = r.length;
        if (n < 20) {
            throw new IllegalArgumentException("markov: needs at least 20 returns to fit, got " + n);
        }
        double mean = 0;
        for (double x : r) {
            mean += x;
        }
        mean /= n;
        double sampleVar = 0;
        for (double x : r) {
            sampleVar += (x - mean) * (x - mean);
        }
        sampleVar /= n;
        if (!(sampleVar > 0)) {
            throw new IllegalArgumentException("markov: the training returns are constant");
        }
        double floor = 1e-6 * sampleVar;
        MarkovSwitching m = new MarkovSwitching(new double[] {0.5, 0.5}, new double[] {mean, mean}, new double[] {0.5 * sampleVar, 2 * sampleVar},
                new double[][] {{0.95, 0.05}, {0.05, 0.95}}, Double.NEGATIVE_INFINITY, 0);
        double[][] filtered = new double[n][2];
        double[][] predicted = new double[n][2];
        double[][] smoothed = new double[n][2];
        double previous = Double.NEGATIVE_INFINITY;
        int it = 0;
        double logL = Double.NEGATIVE_INFINITY;
        while (it < maxIterations) {
            it++;
            // E-step 1: Hamilton filter with log-likelihood.
            logL = 0;
            double[] prior = m.pi;
            for (int t = 0; t < n; t++) {
                double[] pred = t == 0 ? prior : m.predict(filtered[t - 1]);
                predicted[t] = pred;
                double f0 = pred[0] * m.density(r[t], 0);
                double f1 = pred[1] * m.density(r[t], 1);
                double sum = f0 + f1;
                if (!(sum > 0)) {
                    throw new IllegalArgumentException("markov: a training return of " + r[t]
                            + " has zero likelihood under both states");
                }
                logL += Math.log(sum);
                filtered[t][0] = f0 / sum;
                filtered[t][1] = f1 / sum;
            }
            // E-step 2: Kim smoother, and expected transition counts.
            smoothed[n - 1] = filtered[n - 1].clone();
            double[][] transitions = new double[2][2];
            for (int t = n - 2; t >= 0; t--) {
                double[] ratio = {ratio(smoothed[t + 1][0], predicted[t + 1][0]), ratio(smoothed[t + 1][1], predicted[t + 1][1])};
                for (int i = 0; i < 2; i++) {
                    double s = 0;
                    for (int j = 0; j < 2; j++) {
                        double joint = filtered[t][i] * m.p[i][j] * ratio[j];
                        transitions[i][j] += joint;
                        s += joint;
                    }
                    smoothed[t][i] = s;
                }
            }
            if (it > 1 && logL - previous < tolerance * (1 + Math.abs(logL))) {
                break;
            }
            previous = logL;
            // M-step.
            double[] weight = new double[2];
            double[] mu = new double[2];
            double[] var = new double[2];
            for (int t = 0; t < n; t++) {
                for (int j = 0; j < 2; j++) {
                    weight[j] += smoothed[t][j];
                    mu[j] += smoothed[t][j] * r[t];
                }
            }
            for (int j = 0; j < 2; j++) {
                mu[j] /= weight[j];
            }
            for (int t = 0; t < n; t++) {
                for (int j = 0; j < 2; j++) {
                    double d = r[t] - mu[j];
                    var[j] += smoothed[t][j] * d * d;
                }
            }
            double[][] p = new double[2][2];
            for (int j = 0; j < 2; j++) {
                var[j] = Math.max(floor, var[j] / weight[j]);
                double out = transitions[j][0] + transitions[j][1];
                p[j][0] = transitions[j][0] / out;
                p[j][1] = transitions[j][1] / out;
            }
            m = new MarkovSwitching(smoothed[0].clone(), mu, var, p, logL, it);
        }
        m = new MarkovSwitching(m.pi, m.mu, m.var, m.p, logL, it);
        return m.var[0] <= m.var[1] ? m : m.swapped();
    }

    private static double ratio(double smoothed, double predicted) {
        // A state predicted impossible (a transition probability of exactly 0) stays impossible.
        return predicted > 0 ? smoothed / predicted : 0;
    }

    private MarkovSwitching swapped() {
        return new MarkovSwitching(new double[] {pi[1], pi[0]}, new double[] {mu[1], mu[0]}, new double[] {var[1], var[0]},
                new double[][] {{p[1][1], p[1][0]}, {p[0][1], p[0][0]}}, logLikelihood, iterations);
    }
}

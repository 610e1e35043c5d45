package dev.foresight.statistics;

import java.util.Arrays;

/**
 * The deflated Sharpe ratio of Bailey and López de Prado, "The Deflated Sharpe Ratio: Correcting
 * for Selection Bias, Backtest Overfitting and Non-Normality", Journal of Portfolio Management
 * 40(5), 2014: the {@link ProbabilisticSharpe PSR} against the Sharpe ratio that the best of
 * {@code N} unskilled trials would be expected to reach,
 * <pre>
 *   SR0 = √V · ( (1 − γ) Φ⁻¹(1 − 1/N) + γ Φ⁻¹(1 − 1/(N e)) ),    γ = 0.5772156649… (Euler–Mascheroni)
 *   DSR = PSR(SR0)
 * </pre>
 * where {@code V} is the variance of the trials' (per-period) Sharpe ratios. With one trial there
 * is no selection: {@code SR0 = 0} and DSR = PSR(0).
 */
public final class DeflatedSharpe {

    /** The Euler–Mascheroni constant. */
    static final double EULER_GAMMA = 0.5772156649015329;

    private DeflatedSharpe() {
    }

    /**
     * The expected maximum per-period Sharpe ratio of {@code trials} independent unskilled trials
     * whose Sharpe ratios have variance {@code variance}; 0 for one trial.
     */
    public static double expectedMaximum(int trials, double variance) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be ≥ 1, got " + trials);
        }
        if (!(variance >= 0)) {
            throw new IllegalArgumentException("the variance of the trials' Sharpe ratios must be ≥ 0, got " + variance);
        }
        if (trials == 1) {
            return 0;
        }
        double n = trials;
        return Math.sqrt(variance) * ((1 - EULER_GAMMA) * ProbabilisticSharpe.NORMAL.inverseCumulativeProbability(1 - 1 / n)
                + EULER_GAMMA * ProbabilisticSharpe.NORMAL.inverseCumulativeProbability(1 - 1 / (n * Math.E)));
    }

    /**
     * A deflated Sharpe ratio with what it was deflated by, so that the figure is never shown
     * without its trial count.
     *
     * @param trials   N, the configurations searched (e.g. an experiment's grid expansions)
     * @param variance V, the variance of the trials' per-period Sharpe ratios
     * @param sr0      the expected maximum per-period Sharpe ratio of N unskilled trials
     * @param dsr      PSR(SR0)
     */
    public record Result(int trials, double variance, double sr0, double dsr) {

        public Result {
            if (trials < 1) {
                throw new IllegalArgumentException("trials must be ≥ 1, got " + trials);
            }
        }
    }

    /**
     * The DSR of one strategy selected among {@code trialSharpes.length} trials, with {@code V} the
     * sample variance (n − 1) of the trials' per-period Sharpe ratios (NaN ratios, of constant returns,
     * are not trials). With one trial, SR0 = 0.
     *
     * @param m            moments of the selected strategy's returns
     * @param trialSharpes per-period Sharpe ratios of every configuration searched, the selected one included
     */
    public static Result deflate(ReturnMoments m, double[] trialSharpes) {
        double[] defined = Arrays.stream(trialSharpes).filter(Double::isFinite).toArray();
        if (defined.length == 0) {
            throw new IllegalArgumentException("no trial has a defined Sharpe ratio");
        }
        double variance = 0;
        if (defined.length > 1) {
            double mean = Arrays.stream(defined).average().orElseThrow();
            for (double s : defined) {
                variance += (s - mean) * (s - mean);
            }
            variance /= defined.length - 1;
        }
        double sr0 = expectedMaximum(defined.length, variance);
        return new Result(defined.length, variance, sr0, ProbabilisticSharpe.of(m, sr0));
    }

    /**
     * @param m        moments of the selected strategy's returns
     * @param trials   number of trials (every model × configuration tried)
     * @param variance variance of the trials' per-period Sharpe ratios
     */
    public static double of(ReturnMoments m, int trials, double variance) {
        return ProbabilisticSharpe.of(m, expectedMaximum(trials, variance));
    }
}

package dev.foresight.strategies.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.backtest.Backtest;
import dev.foresight.backtest.CostModel;
import dev.foresight.metrics.Annualisation;
import dev.foresight.metrics.PerformanceMetrics;
import dev.foresight.model.Forecast;
import dev.foresight.strategy.Strategy;
import dev.foresight.strategy.StrategyInput;
import java.util.Optional;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * Known truth: on a GARCH(1,1) process with a constant drift μ, a fixed-sign (always long) position
 * has Sharpe μ/√E[σ²]; scaling it by c/σ with the TRUE conditional volatility makes every bar's
 * risk equal and gives Sharpe ≈ μ·E[1/σ] (per bar), higher by the factor E[1/σ]·√E[σ²] ≥ 1
 * (Cauchy–Schwarz; equal only for constant σ). The test runs {@code vol-target} through the
 * backtest and checks both the rise and its size against that factor, on the simulated σ path.
 */
class VolTargetSimulationTest {

    private static final double OMEGA = 2e-6;
    private static final double ALPHA = 0.10;
    private static final double BETA = 0.88;
    private static final double MU = 0.0008;

    @Test
    void volTargetingWithTheTrueVolatility_raisesTheSharpeRatioOfAFixedSignStrategy() {
        int n = 200_000;
        for (long seed : new long[] {1, 2, 3}) {
            Well19937c rng = new Well19937c(seed);
            double[] nextVariance = new double[n];
            double[] assetReturns = new double[n];
            double s2 = OMEGA / (1 - ALPHA - BETA);
            for (int t = -1000; t < n; t++) {
                // σ² of the return from t to t+1 is known at the close of t: it is what the rule sizes with.
                double z = rng.nextGaussian();
                double e = Math.sqrt(s2) * z;
                if (t >= 0) {
                    nextVariance[t] = s2;
                    assetReturns[t] = Math.expm1(MU + e);
                }
                s2 = OMEGA + ALPHA * e * e + BETA * s2;
            }

            Strategy volTarget = new VolTargetRule(0.10, 252, new Leverage(10, false), Optional.empty());
            double[] fixed = new double[n];
            double[] targeted = new double[n];
            double previous = 0;
            double meanInverseSigma = 0;
            double meanVariance = 0;
            for (int t = 0; t < n; t++) {
                fixed[t] = 1;
                targeted[t] = volTarget.position(new StrategyInput(t, new Forecast(1, Double.NaN, nextVariance[t]), 1,
                        previous, nextVariance[t]));
                previous = targeted[t];
                meanInverseSigma += 1 / Math.sqrt(nextVariance[t]) / n;
                meanVariance += nextVariance[t] / n;
            }
            double sharpeFixed = sharpe(fixed, assetReturns);
            double sharpeTargeted = sharpe(targeted, assetReturns);
            double expectedFactor = meanInverseSigma * Math.sqrt(meanVariance);

            assertTrue(expectedFactor > 1.05, "the simulated volatility varies enough to matter: " + expectedFactor);
            assertTrue(sharpeTargeted > sharpeFixed, "seed " + seed + ": " + sharpeTargeted + " vs " + sharpeFixed);
            assertEquals(expectedFactor, sharpeTargeted / sharpeFixed, 0.06,
                    "seed " + seed + ": Sharpe " + sharpeTargeted + " vs " + sharpeFixed);
            // The targeted position's realised volatility is the target (10% a year) by construction.
            double annualVolatility = PerformanceMetrics.of(Backtest.run(targeted, assetReturns, CostModel.NONE, 0).netReturns(),
                    new double[n], Annualisation.DAILY).annualVolatility();
            assertEquals(0.10, annualVolatility, 0.002);
        }
    }

    private static double sharpe(double[] positions, double[] assetReturns) {
        var result = Backtest.run(positions, assetReturns, CostModel.NONE, 0);
        return PerformanceMetrics.of(result.netReturns(), result.turnover(), Annualisation.DAILY).sharpe();
    }
}

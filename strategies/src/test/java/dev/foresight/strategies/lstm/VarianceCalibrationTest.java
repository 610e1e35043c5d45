package dev.foresight.strategies.lstm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * The volatility head's variance calibration (FittedLstm.varianceCalibration) against a simulation
 * with known truth: realised volatilities of h = 5 normal returns around a known σ, forecast by the
 * best log-scale least-squares fit — what the head's MSE on log σ converges to.
 */
class VarianceCalibrationTest {

    private static double qlike(double[] y, double[] sigma, double c) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double x = y[i] * y[i] / (c * sigma[i] * sigma[i]);
            sum += x - Math.log(x) - 1;
        }
        return sum / y.length;
    }

    @Test
    void varianceCalibration_undoesTheLogScaleBiasOfRealisedVolatility() {
        int n = 200_000;
        int h = 5;
        Random random = new Random(17);
        double[] sigma = new double[n];
        double[] y = new double[n];
        double meanLogRatio = 0;
        for (int i = 0; i < n; i++) {
            sigma[i] = 0.005 * Math.exp(2 * random.nextDouble()); // 0.5% .. 3.7% a bar
            double ss = 0;
            for (int k = 0; k < h; k++) {
                double r = sigma[i] * random.nextGaussian();
                ss += r * r;
            }
            y[i] = Math.sqrt(ss / h);
            meanLogRatio += Math.log(y[i] / sigma[i]) / n;
        }
        // The least-squares fit on log y with the true log σ as regressor: log σ̂ = log σ + mean(log y/σ).
        double[] fitted = new double[n];
        for (int i = 0; i < n; i++) {
            fitted[i] = sigma[i] * Math.exp(meanLogRatio);
        }
        double c = FittedLstm.varianceCalibration(fitted, y);
        // E[y²/σ²] / exp(2 E[log(y/σ)]) with y²/σ² ~ χ²(5)/5: exp(ln(5/2) − ψ(5/2)) ≈ 1.2375
        double expected = Math.exp(Math.log(h / 2.0) - Gamma.digamma(h / 2.0));
        assertEquals(expected, c, 0.01 * expected);
        double truth = qlike(y, sigma, 1);
        double calibrated = qlike(y, fitted, c);
        double raw = qlike(y, fitted, 1);
        assertEquals(truth, calibrated, 0.002, "calibrated QLIKE " + calibrated + " vs the true variance's " + truth);
        assertTrue(raw > truth + 0.02, "uncalibrated QLIKE " + raw + " vs " + truth);
    }

    /** Hand-computed: c = mean(y²/σ̂²) = (4 + 1 + 1/4) / 3. */
    @Test
    void varianceCalibration_isTheMeanRatioOfSquaredLabelToForecastVariance() {
        assertEquals(5.25 / 3, FittedLstm.varianceCalibration(new double[] {1, 2, 2}, new double[] {2, 2, 1}), 1e-15);
    }
}

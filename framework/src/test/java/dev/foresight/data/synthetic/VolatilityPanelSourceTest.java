package dev.foresight.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.Column;
import dev.foresight.data.PriceSeries;
import org.junit.jupiter.api.Test;

/**
 * The panel's members come from one path, and the relations the source promises hold with the
 * planted values: the index is the assets' next volatility, its innovation today moves the
 * assets' mean tomorrow by {@code lead}, and the leverage and cross-asset correlations are the
 * parameters. The factor innovation η is recovered exactly from the index:
 * {@code x_t = ln(VIX_t / scale)}, {@code η_t = (x_t − phi x_{t−1}) / volOfVol}.
 */
class VolatilityPanelSourceTest {

    private static final int N = 200_000;
    private static final double PHI = 0.9;
    private static final double VOL_OF_VOL = 0.3;
    private static final double RHO = 0.4;
    private static final double LEVERAGE = -0.6;
    private static final double LEAD = 0.15;
    private static final double DAILY_VOL = 0.01;
    private static final double MU = 0.0002;

    private static VolatilityPanelSource member(int m) {
        return new VolatilityPanelSource(m, 2, MU, DAILY_VOL, PHI, VOL_OF_VOL, RHO, LEVERAGE, LEAD, 6, 100,
                BusinessDays.DEFAULT_START);
    }

    /** The panel decomposed: factor, innovations and each asset's standardised return. */
    private static final class Panel {
        final double[] x = new double[N];
        final double[] eta = new double[N];
        final double[][] z = new double[2][N];
        final PriceSeries index = member(0).generate("VIX", N, 99);
        final PriceSeries[] asset = {member(1).generate("A", N, 99), member(2).generate("B", N, 99)};

        Panel() {
            double scale = 100 * Math.sqrt(252) * DAILY_VOL;
            double[] vix = index.column(Column.CLOSE);
            for (int t = 0; t < N; t++) {
                x[t] = Math.log(vix[t] / scale);
                eta[t] = t == 0 ? Double.NaN : (x[t] - PHI * x[t - 1]) / VOL_OF_VOL;
            }
            for (int i = 0; i < 2; i++) {
                double[] close = asset[i].column(Column.CLOSE);
                for (int t = 1; t < N; t++) {
                    double sigma = DAILY_VOL * Math.exp(x[t - 1]);
                    z[i][t] = (Math.log(close[t] / close[t - 1]) - MU) / sigma;
                }
            }
        }
    }

    private static final Panel PANEL = new Panel();

    /** Least-squares slope of y on x over bars 2..N-1, and its standard error. */
    private static double[] slope(double[] y, double[] x, int lag) {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (int t = 2; t < N; t++) {
            double xv = x[t - lag];
            sx += xv;
            sy += y[t];
            sxx += xv * xv;
            sxy += xv * y[t];
            n++;
        }
        double b = (sxy - sx * sy / n) / (sxx - sx * sx / n);
        double residual = 0;
        for (int t = 2; t < N; t++) {
            double e = y[t] - sy / n - b * (x[t - lag] - sx / n);
            residual += e * e;
        }
        return new double[] {b, Math.sqrt(residual / (n - 2) / (sxx - sx * sx / n))};
    }

    @Test
    void volatilityPanelSource_theIndexIsTheAssetsNextVolatility() {
        // E[z²] = 1 + lead² when σ_t is read from the index one bar before; one bar late it would be
        // off by E[exp(±2 volOfVol η)] = exp(0.18), about 20%.
        for (double[] z : PANEL.z) {
            double sum = 0;
            for (int t = 1; t < N; t++) {
                sum += z[t] * z[t];
            }
            double meanSquare = sum / (N - 1);
            // t(6) squared has variance kurtosis − 1 = 5; 5 standard errors
            assertEquals(1 + LEAD * LEAD, meanSquare, 5 * Math.sqrt(5.0 / N), "E[z²]");
        }
    }

    @Test
    void volatilityPanelSource_todaysIndexInnovationMovesTomorrowsMeanByLead() {
        for (double[] z : PANEL.z) {
            double[] b = slope(z, PANEL.eta, 1);
            assertTrue(b[1] < 0.01, "the test has power: se " + b[1]);
            assertEquals(LEAD, b[0], 5 * b[1], "slope of z_t on η_{t−1}");
        }
    }

    @Test
    void volatilityPanelSource_assetsFallWhenTheIndexJumpsByTheLeverageCorrelation() {
        for (double[] z : PANEL.z) {
            double[] b = slope(z, PANEL.eta, 0);
            assertEquals(Math.sqrt(RHO) * LEVERAGE, b[0], 5 * b[1], "slope of z_t on η_t");
        }
    }

    @Test
    void volatilityPanelSource_unpredictablePartsCorrelateAtRho() {
        double s11 = 0, s22 = 0, s12 = 0;
        for (int t = 2; t < N; t++) {
            double u1 = PANEL.z[0][t] - LEAD * PANEL.eta[t - 1];
            double u2 = PANEL.z[1][t] - LEAD * PANEL.eta[t - 1];
            s11 += u1 * u1;
            s22 += u2 * u2;
            s12 += u1 * u2;
        }
        double corr = s12 / Math.sqrt(s11 * s22);
        assertEquals(RHO, corr, 5 * (1 - RHO * RHO) / Math.sqrt(N) * 2, "cross-asset correlation");
    }

    @Test
    void stressedBars_areThoseWithVolatilityAboveOneAndAHalfTimesTheMedian() {
        String[] expected = new String[N - 1];
        String[] actual = new String[N - 1];
        int stressed = 0;
        for (int t = 1; t < N; t++) {
            expected[t - 1] = Math.exp(PANEL.x[t - 1]) > VolatilityPanelSource.STRESS_MULTIPLE ? "stressed" : "normal";
            actual[t - 1] = PANEL.asset[0].trueRegimes().orElseThrow().label(t);
            stressed += expected[t - 1].equals("stressed") ? 1 : 0;
        }
        assertArrayEquals(expected, actual);
        assertTrue(stressed > N / 20 && stressed < N / 2, "both regimes occur: " + stressed);
        assertEquals(PANEL.asset[0].trueRegimes(), PANEL.index.trueRegimes());
    }

    @Test
    void volatilityPanelSource_sameSeedSameSeriesAndOtherSeedOtherSeries() {
        assertArrayEquals(member(1).generate("A", 500, 3).column(Column.CLOSE),
                member(1).generate("A", 500, 3).column(Column.CLOSE));
        assertTrue(member(1).generate("A", 500, 3).column(Column.CLOSE)[499]
                != member(1).generate("A", 500, 4).column(Column.CLOSE)[499]);
    }

    @Test
    void volatilityPanelSource_rejectsAMemberOutsideThePanelStatingTheRule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VolatilityPanelSource.defaults(4));
        assertTrue(e.getMessage().contains("member must be 0 (the volatility index) or an asset 1..3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new VolatilityPanelSource(1, 2, 0, 0.01, 1.0, 0.1, 0.5,
                -0.5, 0.1, 5, 100, BusinessDays.DEFAULT_START));
    }
}

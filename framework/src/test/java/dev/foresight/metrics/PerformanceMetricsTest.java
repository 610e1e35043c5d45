package dev.foresight.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.backtest.Backtest;
import dev.foresight.backtest.BacktestResult;
import dev.foresight.backtest.CostModel;
import java.util.Random;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

class PerformanceMetricsTest {

    private static final double EPS = 1e-12;
    private static final double ROOT_252 = Math.sqrt(252);

    /*
     * The four-period fixture used below, r = [0.01, -0.02, 0.03, -0.01], turnover = [1, 0, 2, 1]:
     *   equity  = 1.01, 1.01*0.98 = 0.9898, 0.9898*1.03 = 1.019494, 1.019494*0.99 = 1.00929906
     *   total   = 0.00929906
     *   mean    = 0.01 / 4 = 0.0025
     *   dev     = 0.0075, -0.0225, 0.0275, -0.0125; squares 0.00005625 + 0.00050625 + 0.00075625
     *             + 0.00015625 = 0.001475; sample var = 0.001475 / 3; sd = 0.022173557826083...
     *   vol     = sd * sqrt(252) = 0.351994318135960...
     *   sharpe  = 0.0025 / sd * sqrt(252) = 1.78980161764047...
     *   DD      = sqrt(((-0.02)^2 + (-0.01)^2) / 4) = sqrt(0.0005 / 4) = 0.0111803398874989...
     *             (dividing by the 2 losing periods instead would give 0.0158 and Sortino 2.51)
     *   sortino = 0.0025 / DD * sqrt(252) = 3.54964786985976...
     *   maxDD   = drop from 1.01 to 0.9898 = 1 - 0.98 = 0.02 (the later 1.019494 -> 1.00929906 is 0.01)
     *   CAGR    = 1.00929906^(252/4) - 1 = 0.79164405570180...
     *   calmar  = CAGR / 0.02 = 39.5822027850902...
     *   turnover = (1 + 0 + 2 + 1) / 4 = 1
     */
    private static final double[] R = {0.01, -0.02, 0.03, -0.01};
    private static final double[] TURNOVER = {1, 0, 2, 1};

    @Test
    void of_equityOverflowingToMinusInfinityAfterAHugePeak_isAnInfiniteDrawdown() {
        // equity: 1 - 1e6 = -999,999 (ratio -999,999); times 1 + 1e300: a peak near 1e306; times
        // -9; then times 1,001 overflows to -infinity, whose ratio to the peak is -infinity.
        // peak * (deepest ratio so far) overflows to -infinity too: the skip of divisions that
        // cannot set a new deepest ratio must not skip this one.
        double[] r = {-1e6, -1e300, -10, 1e3};
        PerformanceMetrics m = PerformanceMetrics.of(r, new double[r.length], new Annualisation(252, 0));
        assertEquals(Double.POSITIVE_INFINITY, m.maxDrawdown());
    }

    @Test
    void of_fourPeriods_matchesHandComputedFigures() {
        PerformanceMetrics m = PerformanceMetrics.of(R, TURNOVER, Annualisation.DAILY);

        assertEquals(4, m.n());
        assertEquals(0.00929906, m.totalReturn(), EPS);
        assertEquals(0.7916440557018056, m.annualReturn(), 1e-10);
        assertEquals(Math.sqrt(0.001475 / 3) * ROOT_252, m.annualVolatility(), EPS);
        assertEquals(0.3519943181359608, m.annualVolatility(), 1e-12);
        assertEquals(1.789801617640478, m.sharpe(), 1e-10);
        assertEquals(3.549647869859769, m.sortino(), 1e-10);
        assertEquals(0.02, m.maxDrawdown(), EPS);
        assertEquals(39.58220278509028, m.calmar(), 1e-8);
        assertEquals(1.0, m.turnover(), EPS);
    }

    @Test
    void of_withRiskFreeRate_subtractsPerPeriodRateFromMeanAndDownside() {
        // rf = 2.52% a year over 252 periods -> rf_p = 0.0001 per period.
        // excess x = 0.0099, -0.0201, 0.0299, -0.0101; mean 0.0024; sd unchanged (a shift) = 0.0221735578...
        // sharpe  = 0.0024 / sd * sqrt(252) = 1.71820955293486...
        // DD      = sqrt((0.0201^2 + 0.0101^2) / 4) = sqrt(0.00050602 / 4) = 0.0112474441541178...
        // sortino = 0.0024 / DD * sqrt(252) = 3.38733123341462...
        PerformanceMetrics m = PerformanceMetrics.of(R, TURNOVER, new Annualisation(252, 0.0252));

        assertEquals(1.7182095529348602, m.sharpe(), 1e-10);
        assertEquals(3.3873312334146206, m.sortino(), 1e-10);
        // The risk-free rate does not touch return, volatility or drawdown.
        assertEquals(0.3519943181359608, m.annualVolatility(), 1e-12);
        assertEquals(0.00929906, m.totalReturn(), EPS);
        assertEquals(0.02, m.maxDrawdown(), EPS);
    }

    @Test
    void of_sortinoDownsideDeviationAveragesOverAllPeriods() {
        // r = [0.03, -0.01]: mean 0.01; DD = sqrt((0 + 0.0001) / 2) = sqrt(0.00005) = 0.00707106781...
        // sortino = 0.01 / 0.0070710678 * sqrt(252) = sqrt(2) * sqrt(252) = sqrt(504) = 22.449944...
        // (over the one losing period only, DD would be 0.01 and Sortino sqrt(252) = 15.87)
        PerformanceMetrics m = PerformanceMetrics.of(new double[] {0.03, -0.01}, new double[2], Annualisation.DAILY);
        assertEquals(Math.sqrt(504), m.sortino(), 1e-10);
    }

    @Test
    void of_maxDrawdownCountsStartingEquityAsPeakAndCalmarDividesByIt() {
        // r = [-0.2, 0.1, -0.1]: equity 0.8, 0.88, 0.792. Peak stays at the starting 1, so
        // maxDD = 1 - 0.792 = 0.208 (a peak that ignored the start would give 1 - 0.792/0.88 = 0.1).
        // With 3 periods per year n = ppy, so CAGR = total = 0.792 - 1 = -0.208 and calmar = -1.
        PerformanceMetrics m = PerformanceMetrics.of(new double[] {-0.2, 0.1, -0.1}, new double[3],
                new Annualisation(3, 0));
        assertEquals(0.208, m.maxDrawdown(), EPS);
        assertEquals(-0.208, m.totalReturn(), EPS);
        assertEquals(-0.208, m.annualReturn(), EPS);
        assertEquals(-1.0, m.calmar(), 1e-12);
    }

    @Test
    void of_cagrAnnualisesByPeriodsPerYearOverN() {
        // Two periods of +10% with 1 period per year: 1.21^(1/2) - 1 = 0.1.
        // Same with 4 periods per year: 1.21^(4/2) - 1 = 0.4641.
        assertEquals(0.1, PerformanceMetrics.of(new double[] {0.1, 0.1}, new double[2], new Annualisation(1, 0)).annualReturn(), EPS);
        assertEquals(0.4641, PerformanceMetrics.of(new double[] {0.1, 0.1}, new double[2], new Annualisation(4, 0)).annualReturn(), EPS);
    }

    @Test
    void of_singlePeriod_hasNaNVolatilityAndSharpe() {
        PerformanceMetrics m = PerformanceMetrics.of(new double[] {-0.01}, new double[] {1}, Annualisation.DAILY);
        assertTrue(Double.isNaN(m.annualVolatility()));
        assertTrue(Double.isNaN(m.sharpe()));
        // DD = 0.01 > 0, so Sortino is defined: -0.01 / 0.01 * sqrt(252)
        assertEquals(-ROOT_252, m.sortino(), 1e-12);
        assertEquals(0.01, m.maxDrawdown(), EPS);
    }

    @Test
    void of_constantReturns_haveZeroVolatilityAndNaNSharpe() {
        // 0.01 is not exact in binary; the computed mean of three copies need not equal it, but
        // a constant series still has sd exactly 0.
        PerformanceMetrics m = PerformanceMetrics.of(new double[] {0.01, 0.01, 0.01}, new double[3], Annualisation.DAILY);
        assertEquals(0.0, m.annualVolatility());
        assertTrue(Double.isNaN(m.sharpe()));
    }

    @Test
    void of_noLosingPeriodAndNoDrawdown_giveNaNSortinoAndCalmar() {
        PerformanceMetrics m = PerformanceMetrics.of(new double[] {0.01, 0.02, 0.0}, new double[3], Annualisation.DAILY);
        assertTrue(Double.isNaN(m.sortino()), "DD == 0");
        assertEquals(0.0, m.maxDrawdown());
        assertTrue(Double.isNaN(m.calmar()), "maxDrawdown == 0");
        assertTrue(m.sharpe() > 0);
    }

    @Test
    void of_equityEndingBelowZero_hasNaNAnnualReturnAndDrawdownAboveOne() {
        // A leveraged loss net of costs: equity 1 * (1 - 1.5) = -0.5. CAGR of a negative wealth
        // is undefined (NaN), the loss from the starting peak is 1 - (-0.5) = 1.5.
        PerformanceMetrics m = PerformanceMetrics.of(new double[] {-1.5}, new double[1], Annualisation.DAILY);
        assertEquals(-1.5, m.totalReturn(), EPS);
        assertTrue(Double.isNaN(m.annualReturn()));
        assertEquals(1.5, m.maxDrawdown(), EPS);
        assertTrue(Double.isNaN(m.calmar()));
        // Even exponent (252 / 2 = 126): pow(-1, 126) would be +1 and a CAGR of 0%.
        PerformanceMetrics two = PerformanceMetrics.of(new double[] {-2, 0}, new double[2], Annualisation.DAILY);
        assertTrue(Double.isNaN(two.annualReturn()));
    }

    @Test
    void of_equityWipedOutToZero_hasAnnualReturnOfMinusOne() {
        PerformanceMetrics m = PerformanceMetrics.of(new double[] {0.1, -1}, new double[2], Annualisation.DAILY);
        assertEquals(-1.0, m.totalReturn(), EPS);
        assertEquals(-1.0, m.annualReturn(), EPS);
        assertEquals(1.0, m.maxDrawdown(), EPS);
        assertEquals(-1.0, m.calmar(), EPS);
    }

    @Test
    void of_agreesWithTheBacktestsOwnEquityAndDrawdown() {
        Random random = new Random(7);
        int n = 500;
        double[] positions = new double[n];
        double[] returns = new double[n];
        for (int i = 0; i < n; i++) {
            positions[i] = random.nextInt(3) - 1;
            returns[i] = random.nextGaussian() * 0.01;
        }
        BacktestResult bt = Backtest.run(positions, returns, new CostModel(5, 2), 0);
        PerformanceMetrics m = PerformanceMetrics.of(bt.netReturns(), bt.turnover(), Annualisation.DAILY);

        double minDrawdown = 0;
        double sumTurnover = 0;
        for (int i = 0; i < n; i++) {
            minDrawdown = Math.min(minDrawdown, bt.drawdown()[i]);
            sumTurnover += bt.turnover()[i];
        }
        assertEquals(bt.equity()[n - 1] - 1, m.totalReturn(), 1e-12);
        assertEquals(-minDrawdown, m.maxDrawdown(), 1e-12);
        assertEquals(sumTurnover / n, m.turnover(), 1e-12);
    }

    @Test
    void of_maxDrawdownIsBitForBitTheLargestPerBarLoss() {
        // PerformanceMetrics skips the division on bars that cannot set a new deepest drawdown;
        // this pins that the shortcut never changes the result, on many paths: up- and
        // downtrends, violent ones, short ones, and ones whose equity goes below zero.
        Random random = new Random(11);
        for (int path = 0; path < 2_000; path++) {
            int n = 1 + random.nextInt(300);
            double drift = (random.nextDouble() - 0.5) * 0.02;
            double vol = random.nextDouble() < 0.1 ? 0.8 : 0.001 + random.nextDouble() * 0.05;
            double[] r = new double[n];
            double equity = 1;
            double peak = 1;
            double expected = 0;
            for (int i = 0; i < n; i++) {
                r[i] = drift + vol * random.nextGaussian();
                equity *= 1 + r[i];
                peak = Math.max(peak, equity);
                expected = Math.max(expected, 1 - equity / peak);
            }
            double actual = PerformanceMetrics.of(r, new double[n], Annualisation.DAILY).maxDrawdown();
            assertEquals(expected, actual, 0.0, "path " + path);
        }
    }

    @Test
    void of_sharpeAndVolatilityAgreeWithCommonsMathDescriptiveStatistics() {
        Random random = new Random(42);
        int n = 10_000;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = 0.0004 + random.nextGaussian() * 0.012;
        }
        Annualisation a = new Annualisation(252, 0.03);
        double rfp = 0.03 / 252;
        DescriptiveStatistics raw = new DescriptiveStatistics();
        DescriptiveStatistics excess = new DescriptiveStatistics();
        for (double v : r) {
            raw.addValue(v);
            excess.addValue(v - rfp);
        }

        PerformanceMetrics m = PerformanceMetrics.of(r, new double[n], a);

        // DescriptiveStatistics.getStandardDeviation is the sample (n - 1) standard deviation.
        double expectedVol = raw.getStandardDeviation() * ROOT_252;
        double expectedSharpe = excess.getMean() / excess.getStandardDeviation() * ROOT_252;
        assertEquals(expectedVol, m.annualVolatility(), 1e-12 * expectedVol);
        assertEquals(expectedSharpe, m.sharpe(), 1e-10 * Math.abs(expectedSharpe));
    }

    @Test
    void of_rejectsEmptyMismatchedNaNAndNegativeTurnover() {
        assertThrows(IllegalArgumentException.class, () -> PerformanceMetrics.of(new double[0], new double[0], Annualisation.DAILY));
        assertThrows(IllegalArgumentException.class, () -> PerformanceMetrics.of(new double[2], new double[3], Annualisation.DAILY));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> PerformanceMetrics.of(new double[] {0.01, Double.NaN}, new double[2], Annualisation.DAILY));
        assertTrue(nan.getMessage().contains("netReturns[1]"), nan.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> PerformanceMetrics.of(new double[2], new double[] {0, Double.NaN}, Annualisation.DAILY));
        assertThrows(IllegalArgumentException.class,
                () -> PerformanceMetrics.of(new double[2], new double[] {0, -1}, Annualisation.DAILY));
    }

    @Test
    void annualisation_rejectsNonPositivePeriodsAndNonFiniteRate() {
        assertThrows(IllegalArgumentException.class, () -> new Annualisation(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Annualisation(252, Double.NaN));
        assertEquals(0.0001, new Annualisation(252, 0.0252).riskFreePerPeriod(), 1e-18);
    }

    @Test
    void volatilityAndSharpeFromPartialSums_agreeWithCommonsMathOnALongSeries() {
        Random random = new Random(5);
        int n = 100_003; // not a multiple of 4: the lanes' tail counts
        double[] r = new double[n];
        double[] t = new double[n];
        DescriptiveStatistics stats = new DescriptiveStatistics();
        double turnover = 0;
        for (int i = 0; i < n; i++) {
            r[i] = 0.0003 + 0.01 * random.nextGaussian();
            t[i] = random.nextDouble();
            stats.addValue(r[i]);
            turnover += t[i];
        }
        PerformanceMetrics m = PerformanceMetrics.of(r, t, new Annualisation(252, 0));
        assertEquals(stats.getStandardDeviation() * Math.sqrt(252), m.annualVolatility(), 1e-12);
        assertEquals(stats.getMean() / stats.getStandardDeviation() * Math.sqrt(252), m.sharpe(), 1e-10);
        assertEquals(turnover / n, m.turnover(), 1e-12);
    }

    @Test
    void ofTotals_refusesTotalsOfAnotherLengthAndInconsistentTotals() {
        ReturnTotals totals = new ReturnTotals(3, Annualisation.DAILY, 0.03, 0, 0, 1.0303, 1, true);
        assertThrows(IllegalArgumentException.class, () -> PerformanceMetrics.of(new double[] {0.01, 0.01}, totals));
        assertEquals(PerformanceMetrics.of(new double[] {0.01, 0.01, 0.01}, new double[3], Annualisation.DAILY).n(),
                PerformanceMetrics.of(new double[] {0.01, 0.01, 0.01}, totals).n());
        assertThrows(IllegalArgumentException.class,
                () -> new ReturnTotals(0, Annualisation.DAILY, 0, 0, 0, 1, 1, true));
        assertThrows(IllegalArgumentException.class,
                () -> new ReturnTotals(1, Annualisation.DAILY, 0, -1, 0, 1, 1, true));
        assertThrows(IllegalArgumentException.class,
                () -> new ReturnTotals(1, Annualisation.DAILY, 0, 0, Double.NaN, 1, 1, true));
        assertThrows(IllegalArgumentException.class,
                () -> new ReturnTotals(1, Annualisation.DAILY, 0, 0, 0, 1, 1.5, true));
    }
}

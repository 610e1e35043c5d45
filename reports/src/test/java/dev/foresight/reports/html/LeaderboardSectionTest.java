package dev.foresight.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.foresight.backtest.BacktestResult;
import dev.foresight.evaluation.ModelPath;
import dev.foresight.metrics.Annualisation;
import dev.foresight.result.BarRecord;
import dev.foresight.result.ResolvedBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * The leaderboard's DSR is deflated by the configurations searched within the experiment (the
 * model's grid entry), as the verdict's is, and says N beside the figure; checked against the
 * formulas of Bailey & López de Prado worked out here independently.
 */
class LeaderboardSectionTest {

    private static final NormalDistribution PHI = new NormalDistribution();
    private static final double EULER = 0.5772156649015329;
    private static final int N_BARS = 500;

    private static ReportInput.ModelRun run(String name, double[] net) {
        int n = net.length;
        double[] equity = new double[n];
        double e = 1;
        List<BarRecord> bars = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            e *= 1 + net[i];
            equity[i] = e;
            bars.add(new BarRecord(i, "2020-01-01", 0, 0, null, null, 0, 0, 1, net[i], net[i], Map.of()));
        }
        BacktestResult bt = new BacktestResult(net, new double[n], net, new double[n], equity, new double[n]);
        return new ReportInput.ModelRun(new ResolvedBatch.Model(name, "ar", "none", Map.of()), List.of(),
                new ModelPath("e", name, "log-return(h=1)", 1, bars, bt), null, null);
    }

    private static double[] returns(long seed, double drift) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] out = new double[N_BARS];
        for (int i = 0; i < N_BARS; i++) {
            // skewed, fat-tailed: the PSR's moment terms matter
            double z = r.nextGaussian();
            out[i] = drift + 0.01 * z + 0.004 * (z * z - 1) * (r.nextDouble() < 0.3 ? 2 : 0.5);
        }
        return out;
    }

    /** Sharpe, skewness and raw kurtosis of the returns, central moments divided by n, sd by n − 1. */
    private static double[] moments(double[] x) {
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v / n;
        }
        double m2 = 0, m3 = 0, m4 = 0, ss = 0;
        for (double v : x) {
            double d = v - mean;
            m2 += d * d / n;
            m3 += d * d * d / n;
            m4 += d * d * d * d / n;
            ss += d * d;
        }
        double sd = Math.sqrt(ss / (n - 1));
        return new double[] {mean / sd, m3 / Math.pow(m2, 1.5), m4 / (m2 * m2)};
    }

    private static double psr(double[] x, double sr0) {
        double[] m = moments(x);
        double sr = m[0];
        return PHI.cumulativeProbability((sr - sr0) * Math.sqrt(x.length - 1)
                / Math.sqrt(1 - m[1] * sr + (m[2] - 1) / 4 * sr * sr));
    }

    private static ReportInput.Experiment experiment(List<ReportInput.ModelRun> models) {
        List<ResolvedBatch.Model> configs = models.stream().map(ReportInput.ModelRun::config).toList();
        return new ReportInput.Experiment(new ResolvedBatch.Experiment("e", Map.of(), Map.of("kind", "log-return", "horizon", 1),
                List.of(), Map.of(), Map.of("kind", "sign"), 0, 0, List.of(), configs, "random-walk", Map.of()), models);
    }

    @Test
    void dsr_isDeflatedByTheGridEntrysConfigurations_notByTheBatch_andStatesN() {
        double[][] grid = {returns(1, 0.0008), returns(2, 0.0002), returns(3, -0.0001)};
        double[] lone = returns(4, 0.0005);
        ReportInput.Experiment e = experiment(List.of(run("ar.p-1", grid[0]), run("ar.p-2", grid[1]), run("ar.p-3", grid[2]),
                run("linear", lone), run("random-walk", returns(5, 0))));
        Annualisation a = new Annualisation(252, 0.0);

        // N = 3: SR0 = √V((1 − γ)Φ⁻¹(1 − 1/N) + γΦ⁻¹(1 − 1/(N e))), V the sample variance of the three per-bar Sharpes
        double[] s = {moments(grid[0])[0], moments(grid[1])[0], moments(grid[2])[0]};
        double mean = (s[0] + s[1] + s[2]) / 3;
        double v = ((s[0] - mean) * (s[0] - mean) + (s[1] - mean) * (s[1] - mean) + (s[2] - mean) * (s[2] - mean)) / 2;
        double sr0 = Math.sqrt(v) * ((1 - EULER) * PHI.inverseCumulativeProbability(1 - 1.0 / 3)
                + EULER * PHI.inverseCumulativeProbability(1 - 1 / (3 * Math.E)));
        LeaderboardSection.Cell best = LeaderboardSection.dsrCell(e, e.model("ar.p-1").orElseThrow(), a);
        assertEquals(psr(grid[0], sr0), Double.parseDouble(best.text()), 0.0015, best.title());
        assertEquals("N = 3", best.sub());

        // outside a grid nothing was searched: N = 1, SR0 = 0, DSR = PSR(0)
        LeaderboardSection.Cell single = LeaderboardSection.dsrCell(e, e.model("linear").orElseThrow(), a);
        assertEquals(psr(lone, 0), Double.parseDouble(single.text()), 0.0015, single.title());
        assertEquals("N = 1", single.sub());
    }
}

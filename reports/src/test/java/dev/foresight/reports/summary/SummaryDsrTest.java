package dev.foresight.reports.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.result.BarRecord;
import dev.foresight.result.FoldWindow;
import dev.foresight.result.ResolvedBatch;
import dev.foresight.result.ResultDirectory;
import dev.foresight.result.ResultJson;
import dev.foresight.result.TaskResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary's deflated Sharpe ratio counts as trials the configurations of the model's grid entry
 * searched in its experiment — not the batch's other experiments, not the baseline — and keeps N
 * beside the figure; checked against Bailey & López de Prado's formulas worked out here.
 */
class SummaryDsrTest {

    private static final NormalDistribution PHI = new NormalDistribution();
    private static final double EULER = 0.5772156649015329;
    private static final int N_BARS = 500;

    @TempDir
    Path root;

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

    /** Always long, no costs: the net return of each bar is the asset's return given. */
    private static void write(ResultDirectory dir, String experiment, String model, double[] net) {
        List<BarRecord> bars = new ArrayList<>();
        for (int t = 0; t < net.length; t++) {
            double actual = Math.log1p(net[t]);
            bars.add(new BarRecord(600 + t, "2020-01-01", actual, 0.001, null, null, actual, 0.001, 1, net[t], net[t],
                    Map.of()));
        }
        FoldWindow w = new FoldWindow(0, 0, 599, null, 599, 600, 600 + net.length - 1, "a", "b", "c", "d", 1, 0);
        TaskResult task = new TaskResult(TaskResult.SCHEMA, experiment + "/" + model + "/fold-000",
                new TaskResult.Subject(experiment, model, "ar", Map.of(), 1),
                new TaskResult.Window("log-return(h=1)", 1, w),
                TaskResult.Outcome.SUCCEEDED,
                new TaskResult.Fit(List.of(), "none", List.of(), List.of(), 599, 0, 0),
                new TaskResult.Forecasts(true, Map.of(), bars),
                List.of(), "sha");
        ResultJson.write(dir.task(experiment, model, 0), task);
    }

    /** A random walk that never trades (the baseline), with forecasts 0. */
    private static void writeFlat(ResultDirectory dir, String experiment) {
        List<BarRecord> bars = new ArrayList<>();
        for (int t = 0; t < N_BARS; t++) {
            bars.add(new BarRecord(600 + t, "2020-01-01", 0.001, 0, null, null, 0.001, 0, 0, 0.001, 0, Map.of()));
        }
        FoldWindow w = new FoldWindow(0, 0, 599, null, 599, 600, 600 + N_BARS - 1, "a", "b", "c", "d", 1, 0);
        ResultJson.write(dir.task(experiment, "rw", 0), new TaskResult(TaskResult.SCHEMA, experiment + "/rw/fold-000",
                new TaskResult.Subject(experiment, "rw", "random-walk", Map.of(), 1),
                new TaskResult.Window("log-return(h=1)", 1, w),
                TaskResult.Outcome.SUCCEEDED,
                new TaskResult.Fit(List.of(), "none", List.of(), List.of(), 599, 0, 0),
                new TaskResult.Forecasts(true, Map.of(), bars),
                List.of(), "sha"));
    }

    private static ResolvedBatch.Experiment experiment(String name, List<String> models) {
        List<ResolvedBatch.Model> configs = new ArrayList<>();
        configs.add(new ResolvedBatch.Model("rw", "random-walk", "none", Map.of()));
        models.forEach(m -> configs.add(new ResolvedBatch.Model(m, "ar", "none", Map.of())));
        return new ResolvedBatch.Experiment(name, Map.of(), Map.of("kind", "log-return"), List.of(), Map.of(),
                Map.of("kind", "sign"), 0, 0, List.of(), configs, null, Map.of());
    }

    /** Per-bar Sharpe, skewness and raw kurtosis; central moments divided by n, the sd by n − 1. */
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

    /** SR0 = √V((1 − γ)Φ⁻¹(1 − 1/N) + γΦ⁻¹(1 − 1/(N e))), V the sample variance of the trials' per-bar Sharpes. */
    private static double sr0(double[]... trials) {
        int n = trials.length;
        double[] s = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            s[i] = moments(trials[i])[0];
            mean += s[i] / n;
        }
        double v = 0;
        for (double x : s) {
            v += (x - mean) * (x - mean) / (n - 1);
        }
        return Math.sqrt(v) * ((1 - EULER) * PHI.inverseCumulativeProbability(1 - 1.0 / n)
                + EULER * PHI.inverseCumulativeProbability(1 - 1 / (n * Math.E)));
    }

    @Test
    void dsr_isDeflatedByTheGridEntrysConfigurationsInItsExperiment_andKeepsNBesideIt() throws Exception {
        Map<String, double[]> one = new LinkedHashMap<>();
        one.put("ar.p-1", returns(1, 0.0008));
        one.put("ar.p-2", returns(2, 0.0002));
        one.put("ar.p-3", returns(3, -0.0001));
        // values with dots, as BatchExpansion names them: one family of two
        one.put("linear.alpha-0.001", returns(4, 0.0006));
        one.put("linear.alpha-0.01", returns(5, 0.0001));
        one.put("lone", returns(6, 0.0005));
        Map<String, double[]> two = new LinkedHashMap<>();
        // another experiment's configurations of an entry with the same name: not trials of the first's
        two.put("ar.p-1", returns(7, 0.002));
        two.put("ar.p-2", returns(8, -0.002));

        ResultDirectory dir = new ResultDirectory(root);
        ResultJson.write(dir.config(), new ResolvedBatch("b", "", 42, 252, 0, List.of(
                experiment("one", List.copyOf(one.keySet())), experiment("two", List.copyOf(two.keySet())))));
        one.forEach((m, r) -> write(dir, "one", m, r));
        two.forEach((m, r) -> write(dir, "two", m, r));
        writeFlat(dir, "one");
        writeFlat(dir, "two");
        Summary s = Summary.of(dir);

        SignificanceRow ar1 = row(s, "one", "ar.p-1");
        assertEquals(3, ar1.dsrTrials());
        assertEquals(psr(one.get("ar.p-1"), sr0(one.get("ar.p-1"), one.get("ar.p-2"), one.get("ar.p-3"))), ar1.dsr(), 1e-9);
        SignificanceRow lin = row(s, "one", "linear.alpha-0.01");
        assertEquals(2, lin.dsrTrials());
        assertEquals(psr(one.get("linear.alpha-0.01"), sr0(one.get("linear.alpha-0.001"), one.get("linear.alpha-0.01"))),
                lin.dsr(), 1e-9);
        // outside a grid nothing was searched: N = 1, SR0 = 0, DSR = PSR(0)
        SignificanceRow lone = row(s, "one", "lone");
        assertEquals(1, lone.dsrTrials());
        assertEquals(psr(one.get("lone"), 0), lone.dsr(), 1e-12);
        assertEquals(lone.psr(), lone.dsr(), 1e-15);
        SignificanceRow other = row(s, "two", "ar.p-2");
        assertEquals(2, other.dsrTrials());
        assertEquals(psr(two.get("ar.p-2"), sr0(two.get("ar.p-1"), two.get("ar.p-2"))), other.dsr(), 1e-9);
        // the random walk never trades: no Sharpe ratio, no DSR, no N
        assertNull(row(s, "one", "rw").dsr());
        assertNull(row(s, "one", "rw").dsrTrials());

        assertTrue(s.table().matches("(?s).*PSR\\s+DSR\\s+N\\s.*"), s.table());
        s.write(dir);
        String json = Files.readString(dir.file("summary.json"));
        assertTrue(json.contains("\"dsrTrials\" : 3"), json);
        // the figures survive the round trip a re-rendered report reads
        assertEquals(ar1, row(Summary.read(dir), "one", "ar.p-1"));
    }

    private static SignificanceRow row(Summary s, String experiment, String model) {
        return s.tests().stream().filter(t -> t.experiment().equals(experiment) && t.model().equals(model)).findFirst()
                .orElseThrow();
    }
}

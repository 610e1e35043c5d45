package dev.foresight.risk;

import dev.foresight.evaluation.ModelPath;
import dev.foresight.evaluation.OutOfSample;
import dev.foresight.result.BarRecord;
import dev.foresight.result.TaskResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A model path's risk table: over all bars, then per regime of each detector. The VaR forecasts are
 * read from the stored bars as the targets define them: a {@code log-return} forecast gives the
 * one-bar mean {@code forecast/h} and variance {@code variance/h}; a {@code realised-vol}
 * forecast the forecast volatility squared, with mean 0 (for h > 1 the mean one-bar variance over the
 * h bars); other targets none. The
 * realised one-day log return is {@code ln(1 + asset return)}. The distribution is the model's
 * own where a fold's diagnostics state Student-t innovations ({@code dist: t}, with its estimated
 * {@code nu}), else normal.
 */
public final class PathRisk {

    private PathRisk() {
    }

    /** The rows for {@code path}, whose successful folds are {@code folds}, by {@code detectors}. */
    public static List<RiskRow> of(ModelPath path, List<TaskResult> folds, List<String> detectors) {
        List<BarRecord> bars = path.bars();
        int n = bars.size();
        List<RiskRow> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        double[] net = path.traded() ? path.backtest().netReturns() : null;
        VarPath var = varPath(path, folds);
        String distribution = distributionName(var);
        boolean[] all = new boolean[n];
        Arrays.fill(all, true);
        out.add(RiskRow.of(path.experiment(), path.model(), "", "", distribution, RiskProfile.of(net, var, all)));
        for (String detector : detectors) {
            TreeSet<String> regimes = new TreeSet<>();
            for (BarRecord b : bars) {
                regimes.add(b.regimes().getOrDefault(detector, "(none)"));
            }
            for (String regime : regimes) {
                boolean[] in = new boolean[n];
                for (int i = 0; i < n; i++) {
                    in[i] = regime.equals(bars.get(i).regimes().getOrDefault(detector, "(none)"));
                }
                out.add(RiskRow.of(path.experiment(), path.model(), detector, regime, distribution,
                        RiskProfile.of(net, var, in)));
            }
        }
        return out;
    }

    /** The path's VaR forecasts, or null when its target gives none. */
    static VarPath varPath(ModelPath path, List<TaskResult> folds) {
        boolean logReturn = path.target().startsWith("log-return");
        boolean volatility = OutOfSample.isVolatility(path.target());
        if (!logReturn && !volatility) {
            return null;
        }
        Map<Integer, ReturnDistribution> byBar = new HashMap<>();
        for (TaskResult f : folds) {
            if (f.ok()) {
                ReturnDistribution d = distribution(f.diagnostics());
                for (BarRecord b : f.bars()) {
                    byBar.put(b.bar(), d);
                }
            }
        }
        List<BarRecord> bars = path.bars();
        int n = bars.size();
        int h = path.horizon();
        int[] index = new int[n];
        double[] realised = new double[n];
        double[] mean = new double[n];
        double[] variance = new double[n];
        List<ReturnDistribution> distributions = new ArrayList<>(n);
        boolean any = false;
        for (int i = 0; i < n; i++) {
            BarRecord b = bars.get(i);
            index[i] = b.bar();
            realised[i] = Math.log1p(b.assetReturn());
            double v = b.variance() == null ? Double.NaN : b.variance();
            if (logReturn) {
                mean[i] = b.forecast() / h;
                variance[i] = v / h;
            } else {
                // a volatility forecast: its square (see RealisedVolatilityTarget.barVariance)
                variance[i] = b.forecast() * b.forecast();
            }
            any |= !Double.isNaN(variance[i]);
            distributions.add(byBar.getOrDefault(b.bar(), new ReturnDistribution.Normal()));
        }
        return any ? new VarPath(index, realised, mean, variance, distributions) : null;
    }

    /** Student-t from a GARCH-t fold's diagnostics ({@code dist: t}, parameter {@code nu}), else normal. */
    static ReturnDistribution distribution(Map<String, Object> diagnostics) {
        if (diagnostics != null && "t".equals(diagnostics.get("dist")) && diagnostics.get("parameters") instanceof List<?> ps) {
            for (Object p : ps) {
                if (p instanceof Map<?, ?> m && "nu".equals(m.get("name")) && m.get("estimate") instanceof Number nu
                        && nu.doubleValue() > 2) {
                    return new ReturnDistribution.StandardisedT(nu.doubleValue());
                }
            }
        }
        return new ReturnDistribution.Normal();
    }

    private static String distributionName(VarPath var) {
        if (var == null) {
            return null;
        }
        boolean t = var.distributions().stream().anyMatch(d -> d instanceof ReturnDistribution.StandardisedT);
        return t ? "t (per-fold ν)" : "normal";
    }
}

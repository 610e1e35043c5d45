package dev.foresight.leakage;

import dev.foresight.backtest.Backtest;
import dev.foresight.backtest.BacktestResult;
import dev.foresight.backtest.CostModel;
import dev.foresight.data.Column;
import dev.foresight.data.MarketData;
import dev.foresight.data.PriceSeries;
import dev.foresight.metrics.Annualisation;
import dev.foresight.model.FittedModel;
import dev.foresight.pipeline.BarOutcome;
import dev.foresight.pipeline.FoldChain;
import dev.foresight.pipeline.FoldOutcome;
import dev.foresight.pipeline.FoldRunner;
import dev.foresight.pipeline.NamedFeatureSet;
import dev.foresight.pipeline.Pipeline;
import dev.foresight.result.CanaryMeasurement;
import dev.foresight.result.CheckOutcome;
import dev.foresight.statistics.MultipleTesting;
import dev.foresight.statistics.PesaranTimmermann;
import dev.foresight.statistics.ProbabilisticSharpe;
import dev.foresight.statistics.ReturnMoments;
import dev.foresight.walkforward.Fold;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Check 4, the null-data canary (opt-in): the same pipeline, folds and costs on a random-walk
 * surrogate of the data — every series' bars shuffled in time, so returns keep their size and
 * distribution (same length, same volatility) but lose any predictability. A model that still
 * finds skill there — direction accuracy significant at 1% by Pesaran–Timmermann, or a Sharpe
 * ratio significantly above zero (probabilistic Sharpe ratio) — is flagged: its skill on the real
 * data is then suspect too. "Significant" is decided for the whole family of canary tests at once
 * (a batch's: every experiment × model × test) by Holm's step-down at family-wise level 1%, so that
 * a batch of many models does not flag one by chance (with 20 models and two tests each, a raw 1%
 * rule would flag one in three clean batches).
 */
public final class NullCanary {

    /** Family-wise error rate of the canary tests judged together. */
    public static final double LEVEL = 0.01;

    private NullCanary() {
    }

    /**
     * Measures and judges one model alone (a family of its own one or two tests, Holm inside it).
     * A batch judges all its canaries together with {@link #judge}.
     */
    public static CheckOutcome check(MarketData data, Pipeline pipeline, List<Fold> folds, CostModel costs,
                                     Annualisation annualisation, long seed) {
        return judge(List.of(measure(data, pipeline, folds, costs, annualisation, seed))).get(0);
    }

    /**
     * @param pipeline the task's pipeline, run as is on the surrogate (regime detectors are
     *                 irrelevant here and best left out by the caller)
     */
    public static CanaryMeasurement measure(MarketData data, Pipeline pipeline, List<Fold> folds, CostModel costs,
                                            Annualisation annualisation, long seed) {
        MarketData surrogate = surrogate(data, seed);
        List<BarOutcome> bars = new ArrayList<>();
        // A warm-starting model runs its surrogate folds as a chain too, as in the real run.
        FoldChain chain = new FoldChain(pipeline);
        for (Fold f : folds) {
            FittedModel model = null;
            try {
                FoldOutcome out = FoldRunner.run(surrogate, pipeline, f, chain.previous());
                bars.addAll(out.bars());
                model = out.model();
            } catch (RuntimeException e) {
                // A fold the surrogate cannot fit is left out; the canary judges what did run.
            }
            chain.fitted(f, model);
        }
        String plugin = "model " + pipeline.modelName();
        int n = bars.size();
        if (n < CanaryMeasurement.MIN_BARS) {
            return new CanaryMeasurement(plugin, n, "only " + n
                    + " forecasts on the random-walk surrogate (its folds failed): too few to judge", null, null);
        }
        double[] actualMove = new double[n];
        double[] forecastMove = new double[n];
        double[] positions = new double[n];
        double[] returns = new double[n];
        for (int i = 0; i < n; i++) {
            BarOutcome b = bars.get(i);
            actualMove[i] = b.actualMove();
            forecastMove[i] = b.forecastMove();
            positions[i] = b.position();
            returns[i] = b.assetReturn();
        }
        StringBuilder evidence = new StringBuilder("on a random-walk surrogate (" + n + " bars):");
        Double ptP = null;
        Double sharpeP = null;
        long calls = IntStream.range(0, n).filter(i -> actualMove[i] != 0 && forecastMove[i] != 0
                && Double.isFinite(actualMove[i]) && Double.isFinite(forecastMove[i])).count();
        if (pipeline.target().directional() && calls >= CanaryMeasurement.MIN_BARS) {
            PesaranTimmermann.Result pt = PesaranTimmermann.test(actualMove, forecastMove);
            if (Double.isFinite(pt.pValue())) {
                evidence.append(String.format(Locale.ROOT, " hit rate %.1f%% vs %.1f%% by chance, PT p = %.3g;",
                        100 * pt.hitRate(), 100 * pt.independentRate(), pt.pValue()));
                ptP = pt.pValue();
            }
        }
        if (pipeline.strategy().isPresent()) {
            BacktestResult bt = Backtest.run(positions, returns, costs, 0.0);
            ReturnMoments m = ReturnMoments.of(bt.netReturns(), annualisation.riskFreePerPeriod());
            double psr = ProbabilisticSharpe.of(m, 0.0);
            if (Double.isFinite(psr)) {
                // one-sided p-value of "Sharpe <= 0"; clamped because 1 - psr may round below 0
                double p = Math.min(1, Math.max(0, 1 - psr));
                evidence.append(String.format(Locale.ROOT, " annualised Sharpe %.2f, P(Sharpe > 0) = %.4f (p = %.3g);",
                        m.sharpe() * Math.sqrt(annualisation.periodsPerYear()), psr, p));
                sharpeP = p;
            }
        }
        return new CanaryMeasurement(plugin, n, evidence.toString().replaceAll(";$", ""), ptP, sharpeP);
    }

    /**
     * The verdicts of a family of canary measurements (a batch's): Holm's step-down over every
     * applicable p-value of every measurement (experiment × model × test), rejecting at family-wise
     * level {@link #LEVEL}. So the probability that the family flags any model whose surrogate skill
     * is pure chance is at most 1%, whatever the dependence between the tests (Holm needs none; the
     * models of an experiment share their surrogate and are far from independent). A measurement is
     * flagged when any of its tests is rejected; the evidence gives raw and adjusted p-values.
     *
     * @return one outcome per measurement, in order
     */
    public static List<CheckOutcome> judge(List<CanaryMeasurement> family) {
        double[] adjusted = adjusted(family);
        long tests = Arrays.stream(adjusted).filter(v -> !Double.isNaN(v)).count();
        List<CheckOutcome> out = new ArrayList<>(family.size());
        for (int i = 0; i < family.size(); i++) {
            out.add(verdict(family.get(i), adjusted[2 * i], adjusted[2 * i + 1], tests));
        }
        return out;
    }

    /** The Holm-adjusted p-values of a family, two per measurement (PT, Sharpe; NaN where not applicable). */
    public static double[] adjusted(List<CanaryMeasurement> family) {
        double[] p = new double[family.size() * 2];
        for (int i = 0; i < family.size(); i++) {
            CanaryMeasurement m = family.get(i);
            p[2 * i] = m.ptPValue() == null ? Double.NaN : m.ptPValue();
            p[2 * i + 1] = m.sharpePValue() == null ? Double.NaN : m.sharpePValue();
        }
        return MultipleTesting.holm(p);
    }

    private static CheckOutcome verdict(CanaryMeasurement m, double ptAdjusted, double sharpeAdjusted, long tests) {
        if (!m.judgeable()) {
            return new CheckOutcome(CheckOutcome.CANARY, CheckOutcome.WARNING, m.plugin(), m.evidence());
        }
        if (m.ptPValue() == null && m.sharpePValue() == null) {
            return CheckOutcome.passed(CheckOutcome.CANARY, m.evidence()
                    + " nothing to judge (no direction calls and no trades)");
        }
        StringBuilder adj = new StringBuilder(" Holm-adjusted over the batch's " + tests + " canary test"
                + (tests == 1 ? "" : "s") + ":");
        if (m.ptPValue() != null) {
            adj.append(String.format(Locale.ROOT, " PT p = %.3g", ptAdjusted));
        }
        if (m.sharpePValue() != null) {
            adj.append(String.format(Locale.ROOT, "%s Sharpe p = %.3g", m.ptPValue() != null ? "," : "", sharpeAdjusted));
        }
        boolean flagged = (m.ptPValue() != null && ptAdjusted < LEVEL)
                || (m.sharpePValue() != null && sharpeAdjusted < LEVEL);
        String text = m.evidence() + ";" + adj;
        return flagged
                ? CheckOutcome.failed(CheckOutcome.CANARY, m.plugin(), text + ": significant skill on data with none to find"
                + " (family-wise 1%) — look for a leak")
                : CheckOutcome.passed(CheckOutcome.CANARY, text + ": no significant skill at family-wise 1%, as it should be");
    }

    /**
     * Culprit attribution for a model the canary flagged (only then: the extra cost is a few more
     * surrogate runs, for flagged models only), on the same surrogate:
     * <ol>
     *   <li>each feature set left out in turn: a set whose removal makes the skill vanish (no test
     *       significant even at a raw, uncorrected 1%) is named instead of the model;</li>
     *   <li>when no single removal does, the suspect model is replaced by a baseline that reads the
     *       features and nothing else ({@link FeatureProbe}, a ridge regression on the feature row).
     *       If the baseline finds no skill, the model's own code leaks: the model is named;</li>
     *   <li>if the baseline finds skill too, the features leak together (e.g. two sets carrying the
     *       same leak); the model is run once more with no feature set at all: if its skill vanishes
     *       (or it cannot run without them) the feature sets are named together, and if it stays,
     *       the model leaks as well and both are named.</li>
     * </ol>
     * A model that reads no features is thus never blamed on a feature set (its skill stays
     * without them), and a feature set is never blamed for a model's own leak. Regime detectors are
     * left out of the surrogate run (they are evaluation-only: no model or feature reads a regime
     * label), so the canary's skill can never come from one and none is named here.
     *
     * @param verdict the flagged outcome from {@link #judge}; returned unchanged unless failed
     */
    public static CheckOutcome attribute(CheckOutcome verdict, MarketData data, Pipeline pipeline, List<Fold> folds,
                                         CostModel costs, Annualisation annualisation, long seed) {
        if (!verdict.failed() || pipeline.features().isEmpty()) {
            return verdict;
        }
        List<String> vanished = new ArrayList<>();
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < pipeline.features().size(); i++) {
            List<NamedFeatureSet> rest = new ArrayList<>(pipeline.features());
            NamedFeatureSet out = rest.remove(i);
            Double p = smallestP(measure(data, with(pipeline, rest, pipeline.model()), folds, costs, annualisation, seed));
            runs.add(p == null ? "without " + out.name() + ": could not run"
                    : String.format(Locale.ROOT, "without %s: smallest raw p = %.3g", out.name(), p));
            if (p != null && p >= LEVEL) {
                vanished.add("feature set " + out.name());
            }
        }
        String tried = "; rerun with each feature set left out: " + String.join(", ", runs);
        if (!vanished.isEmpty()) {
            return CheckOutcome.failed(CheckOutcome.CANARY, String.join(", ", vanished), verdict.evidence() + tried
                    + " — the skill vanishes without " + String.join(", ", vanished) + ", so it is blamed, not "
                    + verdict.plugin());
        }
        Double baseline = smallestP(measure(data, with(pipeline, pipeline.features(), new FeatureProbe()), folds, costs,
                annualisation, seed));
        tried += baseline == null ? "; a linear baseline on the same features in the model's place could not run"
                : String.format(Locale.ROOT, "; a linear baseline on the same features in the model's place: smallest raw"
                + " p = %.3g", baseline);
        if (baseline == null || baseline >= LEVEL) {
            return CheckOutcome.failed(CheckOutcome.CANARY, verdict.plugin(), verdict.evidence() + tried
                    + " — the skill stays without any one feature set and a baseline on the features finds none, so "
                    + verdict.plugin() + " is blamed");
        }
        Double bare = smallestP(measure(data, with(pipeline, List.of(), pipeline.model()), folds, costs, annualisation,
                seed));
        tried += bare == null ? "; the model without any feature set could not run"
                : String.format(Locale.ROOT, "; the model without any feature set: smallest raw p = %.3g", bare);
        String sets = pipeline.features().stream().map(f -> "feature set " + f.name())
                .collect(Collectors.joining(", "));
        if (bare == null || bare >= LEVEL) {
            return CheckOutcome.failed(CheckOutcome.CANARY, sets, verdict.evidence() + tried + " — a baseline that reads"
                    + " only the features finds skill in noise but no single set's removal clears it: they carry the"
                    + " leak together, so they are blamed, not " + verdict.plugin());
        }
        return CheckOutcome.failed(CheckOutcome.CANARY, verdict.plugin() + ", " + sets, verdict.evidence() + tried
                + " — the features leak (a baseline reading only them finds skill in noise) and so does the model"
                + " (its skill stays without them): both are blamed");
    }

    private static Pipeline with(Pipeline p, List<NamedFeatureSet> features, dev.foresight.model.Model model) {
        return new Pipeline(p.target(), features, p.scaling(), p.modelName(), model, p.strategy(), p.regimes(), p.seed(),
                p.volatility());
    }

    /** The smaller of a measurement's raw p-values; null when it could not be judged. */
    private static Double smallestP(CanaryMeasurement m) {
        if (!m.judgeable()) {
            return null;
        }
        return Math.min(m.ptPValue() == null ? 1 : m.ptPValue(), m.sharpePValue() == null ? 1 : m.sharpePValue());
    }

    /**
     * Every series' bars in a seeded random order, prices rebuilt from the first bar: each bar keeps
     * its return and its shape (open, high, low, close relative to its reference price).
     */
    public static MarketData surrogate(MarketData data, long seed) {
        return data.map(s -> shuffle(s, new SplittableRandom(seed ^ s.symbol().hashCode())));
    }

    static PriceSeries shuffle(PriceSeries s, SplittableRandom random) {
        int n = s.size();
        int[] perm = new int[n - 1];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i + 1;
        }
        for (int i = perm.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        // Returns come from the price returns are computed on (adjusted close when present).
        Column reference = s.has(Column.ADJ_CLOSE) ? Column.ADJ_CLOSE : Column.CLOSE;
        double[] close = s.column(reference);
        double[] newClose = new double[n];
        newClose[0] = close[0];
        for (int i = 1; i < n; i++) {
            int src = perm[i - 1];
            newClose[i] = newClose[i - 1] * close[src] / close[src - 1];
        }
        Map<Column, double[]> out = new EnumMap<>(Column.class);
        for (Column c : Column.values()) {
            if (!s.has(c)) {
                continue;
            }
            double[] v = s.column(c);
            double[] w = new double[n];
            w[0] = v[0];
            for (int i = 1; i < n; i++) {
                int src = perm[i - 1];
                // each bar keeps its shape relative to its own close; volume moves with its bar
                w[i] = c == Column.VOLUME ? v[src] : newClose[i] * v[src] / close[src];
            }
            out.put(c, w);
        }
        out.put(reference, newClose);
        return PriceSeries.of(s.symbol(), s.dates(), out, null);
    }
}

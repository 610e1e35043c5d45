package dev.foresight.leakage;

import dev.foresight.data.LookAheadException;
import dev.foresight.data.MarketData;
import dev.foresight.data.MarketView;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.feature.LastRowFeatures;
import dev.foresight.pipeline.FittedFold;
import dev.foresight.pipeline.FoldRunner;
import dev.foresight.pipeline.NamedFeatureSet;
import dev.foresight.pipeline.NamedRegimeDetector;
import dev.foresight.pipeline.Pipeline;
import dev.foresight.regime.FittedRegimeDetector;
import dev.foresight.regime.LastLabelDetector;
import dev.foresight.result.CheckOutcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Truncation invariance of one fold's inputs — a range of the pipeline's feature sets (the
 * experiment's come first, then the model's own) and, when asked, its regime detectors — on <em>every</em> test
 * bar: each recomputed on history cut at the bar by plugins created afresh and fitted again on the
 * training window, and compared, bit for bit, with the inputs of the task that created the check
 * (its {@code basis}).
 *
 * <p>The bars are cut into chunks, and every task of the same fold that arrives while chunks are
 * left takes chunks too, each with plugins of its own (from its own check loader), until none are
 * left; then each waits for the chunks in flight. So the fold's inputs are recomputed once, by as
 * many workers as are on the fold, rather than once by each worker that arrived before the first
 * had finished (which, with tasks submitted fold by fold, was nearly every fold). Each participant
 * takes its chunks in ascending order, so a row compared at bar {@code t} was never computed
 * before in that participant's plugins (a cut at an earlier bar has no row {@code t}).
 *
 * <p>A feature set that offers its last row alone ({@link LastRowFeatures}: the built-in ones with
 * a trailing window) or a detector its last label ({@link LastLabelDetector}) is asked for that on
 * the cut view instead of all its rows: the same comparison at every bar (what it returns can only
 * come from bars up to the cut), at O(window) rather than O(history) per bar, which would make the
 * check quadratic in the data's length.
 *
 * <p>The result is the same whoever took which chunk: per plugin, the failure at the earliest bar
 * (a refit failure before any bar), in bar order. Thread-safe.
 */
final class InputCheck {

    /** Bars per chunk: small enough to share a fold's bars among workers, large enough to be claimed rarely. */
    static final int CHUNK = 16;

    /** The task inputs every recomputation is compared with. */
    record Basis(String model, FittedFold fitted) {
    }

    /** The check's failures (none: passed), in bar order, and the earliest bar a feature set failed at. */
    record Result(List<CheckOutcome> failures, int firstFeatureFailure) {
    }

    private record Failure(int bar, int plugin, CheckOutcome outcome) {
    }

    private final MarketData data;
    private final Basis basis;
    private final int from;
    private final int to;
    private final boolean regimes;
    private final List<String> detectorNames;
    private final int[] rows;
    private final int chunks;
    private final AtomicInteger next = new AtomicInteger();
    private final CountDownLatch finished;
    private final Map<String, Failure> earliest = new ConcurrentHashMap<>();
    private volatile Throwable broken;

    /**
     * @param from    the first of the pipeline's feature sets checked
     * @param to      one past the last
     * @param regimes whether the regime detectors are checked too
     */
    InputCheck(MarketData data, Basis basis, int from, int to, boolean regimes) {
        if (from < 0 || to < from || to > basis.fitted().featureSets().size()) {
            throw new IllegalArgumentException("feature sets " + from + ".." + to + " of "
                    + basis.fitted().featureSets().size());
        }
        this.data = data;
        this.basis = basis;
        this.from = from;
        this.to = to;
        this.regimes = regimes;
        this.detectorNames = regimes ? List.copyOf(basis.fitted().regimeLabels().keySet()) : List.of();
        this.rows = basis.fitted().fold().testRows();
        this.chunks = (rows.length + CHUNK - 1) / CHUNK;
        this.finished = new CountDownLatch(chunks);
    }

    Basis basis() {
        return basis;
    }

    /** The feature sets checked, as positions in the pipeline's list. */
    int from() {
        return from;
    }

    int to() {
        return to;
    }

    /**
     * Recomputes chunks with {@code fresh}'s plugins until none are left. {@code fresh} is the
     * participant's pipeline with plugins created afresh, or {@code own} (the participant's task
     * pipeline, no isolation: tests of single checks), whose fitted inputs {@code ownFitted} are then
     * used as they are. An exception a plugin throws (other than a look-ahead, which is a failure)
     * propagates, and marks the check broken for the other participants.
     */
    void participate(Pipeline own, Pipeline fresh, FittedFold ownFitted) {
        if (next.get() >= chunks) {
            return;
        }
        Fitted plugins = null;
        int c;
        while ((c = next.getAndIncrement()) < chunks) {
            try {
                if (plugins == null) {
                    plugins = fit(own, fresh, ownFitted);
                }
                for (int i = c * CHUNK; i < Math.min(rows.length, (c + 1) * CHUNK); i++) {
                    bar(plugins, rows[i]);
                }
            } catch (RuntimeException | Error e) {
                broken = e;
                throw e;
            } finally {
                finished.countDown();
            }
        }
    }

    /**
     * The outcome, once every chunk is done; null when a participant's plugin threw (the caller
     * then checks its inputs alone, and meets the exception itself if it is not a fluke of state).
     */
    Result await() {
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another task's input check", e);
        }
        if (broken != null) {
            return null;
        }
        List<Failure> all = new ArrayList<>(earliest.values());
        all.sort(Comparator.comparingInt(Failure::bar).thenComparingInt(Failure::plugin));
        int firstFeature = all.stream().filter(f -> f.plugin() < to).mapToInt(Failure::bar).min().orElse(Integer.MAX_VALUE);
        return new Result(all.stream().map(Failure::outcome).toList(), firstFeature);
    }

    /** A participant's plugins, fitted on the training window: feature sets by position, detectors by name. */
    private record Fitted(List<FittedFold.FittedFeatureSet> sets, Map<String, FittedRegimeDetector> detectors) {
    }

    private Fitted fit(Pipeline own, Pipeline fresh, FittedFold ownFitted) {
        List<FittedFold.FittedFeatureSet> fitted = new ArrayList<>();
        Map<String, FittedRegimeDetector> detectors = new LinkedHashMap<>();
        if (fresh == own) {
            fitted.addAll(ownFitted.featureSets().subList(from, to));
            if (regimes) {
                detectors.putAll(ownFitted.detectors());
            }
            return new Fitted(fitted, detectors);
        }
        MarketView train = data.upTo(basis.fitted().fold().trainEnd());
        for (int i = from; i < to; i++) {
            NamedFeatureSet named = fresh.features().get(i);
            try {
                var f = named.featureSet().fit(train);
                fitted.add(new FittedFold.FittedFeatureSet(named.name(), f, f.columns()));
            } catch (RuntimeException e) {
                fail(Integer.MIN_VALUE, i, "feature set " + named.name(), "fitting it again on the same training window "
                        + "with its classes loaded afresh failed (" + e + ") although the task's fit did not: it depends"
                        + " on state left by an earlier computation");
                fitted.add(null);
            }
        }
        if (regimes) {
            for (NamedRegimeDetector d : fresh.regimes()) {
                try {
                    detectors.put(d.name(), d.detector().fit(train));
                } catch (RuntimeException e) {
                    fail(Integer.MIN_VALUE, to + detectorNames.indexOf(d.name()), "regime detector " + d.name(), "fitting it again on the same "
                            + "training window with its classes loaded afresh failed (" + e + ") although the task's "
                            + "fit did not: it depends on state left by an earlier computation");
                }
            }
        }
        return new Fitted(fitted, detectors);
    }

    /** Whether {@code plugin} is known to fail at a bar before {@code t} (then {@code t} cannot be its first). */
    private boolean failedBefore(String plugin, int t) {
        Failure f = earliest.get(plugin);
        return f != null && f.bar() < t;
    }

    private void fail(int bar, int index, String plugin, String evidence) {
        Failure f = new Failure(bar, index, CheckOutcome.failed(CheckOutcome.TRUNCATION, plugin, evidence));
        earliest.merge(plugin, f, (a, b) -> a.bar() <= b.bar() ? a : b);
    }

    private void bar(Fitted plugins, int t) {
        MarketView cut = data.upTo(t);
        FeatureMatrix full = basis.fitted().raw();
        int offset = 0;
        for (int i = 0; i < from; i++) {
            offset += basis.fitted().featureSets().get(i).columns().size();
        }
        for (int i = from; i < to; i++) {
            FittedFold.FittedFeatureSet reference = basis.fitted().featureSets().get(i);
            int width = reference.columns().size();
            FittedFold.FittedFeatureSet set = plugins.sets().get(i - from);
            String plugin = "feature set " + reference.name();
            if (set != null && !failedBefore(plugin, t)) {
                features(plugin, i, set, full, offset, cut, t);
            }
            offset += width;
        }
        if (!regimes) {
            return;
        }
        for (int j = 0; j < detectorNames.size(); j++) {
            String name = detectorNames.get(j);
            String plugin = "regime detector " + name;
            FittedRegimeDetector detector = plugins.detectors().get(name);
            int index = to + j;
            if (detector == null || failedBefore(plugin, t)) {
                continue;
            }
            String truncated;
            try {
                truncated = detector instanceof LastLabelDetector last ? last.lastLabel(cut)
                        : FoldRunner.label(name, detector, cut)[t];
            } catch (LookAheadException ex) {
                fail(t, index, plugin, "labelling bar " + t + " (" + cut.date(t) + ") with history cut there, it read "
                        + "data not yet known: " + ex.getMessage());
                continue;
            }
            String fullLabel = basis.fitted().regimeLabels().get(name)[t];
            if (!Values.same(fullLabel, truncated)) {
                fail(t, index, plugin, "label at bar " + t + " (" + cut.date(t) + "): full history '" + fullLabel
                        + "', history cut at the bar '" + truncated + "'");
            }
        }
    }

    private void features(String plugin, int index, FittedFold.FittedFeatureSet set, FeatureMatrix full, int offset,
                          MarketView cut, int t) {
        double[] row;
        List<String> names;
        try {
            if (set.fitted() instanceof LastRowFeatures last) {
                // the row of bar t alone, from the cut view (see LastRowFeatures: as strong a check)
                row = last.lastRow(cut);
                names = set.columns();
                if (row.length != names.size()) {
                    throw new IllegalStateException("feature set " + set.name() + " computed " + row.length
                            + " values for the last row of " + names.size() + " columns");
                }
            } else {
                FeatureMatrix m = FoldRunner.compute(set, cut);
                names = m.names();
                row = new double[m.width()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = m.get(t, c);
                }
            }
        } catch (LookAheadException e) {
            fail(t, index, plugin, "computing bar " + t + " (" + cut.date(t) + ") with history cut there, it read data "
                    + "not yet known: " + e.getMessage());
            return;
        }
        // only row t is compared (the other rows were computed with history cut later or not at all)
        for (int c = 0; c < row.length; c++) {
            double a = full.get(t, offset + c);
            double b = row[c];
            if (!Values.same(a, b)) {
                fail(t, index, plugin, "column '" + names.get(c) + "' at bar " + t + " (" + cut.date(t)
                        + "): full history " + Values.show(a) + ", history cut at the bar " + Values.show(b));
                return;
            }
        }
    }
}

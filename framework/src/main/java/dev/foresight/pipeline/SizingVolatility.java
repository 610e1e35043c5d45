package dev.foresight.pipeline;

import dev.foresight.data.MarketData;
import dev.foresight.model.Forecast;
import dev.foresight.walkforward.Fold;
import java.util.Objects;

/**
 * The named model of the same experiment whose variance forecasts size a strategy's positions
 * ({@link dev.foresight.strategy.Strategy#volatilityModel()}: e.g. a GARCH sizing an LSTM's
 * direction call). It is fit inside the sized model's task, on the same planned fold and data, by
 * the same {@link FoldRunner} path as its own task — so it sees exactly what its own task sees (the
 * data views throw on look-ahead) and, with its own task's seed, forecasts the same variances bit
 * for bit. Refitting it here instead of reading its task's file keeps every task independent of
 * the others (any engine, any order, the cache per task).
 *
 * <p>The model must not warm-start: its fold-k fit would depend on its fits of every earlier fold,
 * which another model's task does not have (the batch refuses such a model at validation).
 *
 * @param name     the volatility model's label in the experiment
 * @param pipeline its pipeline: the experiment's target and feature sets, its own model, scaling and seed
 */
public record SizingVolatility(String name, Pipeline pipeline) {

    public SizingVolatility {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pipeline, "pipeline");
        if (!pipeline.modelName().equals(name)) {
            throw new IllegalArgumentException("volatility model " + name + " has the pipeline of " + pipeline.modelName());
        }
        if (pipeline.model().warmStarts()) {
            throw new IllegalArgumentException("volatility model " + name + " warm-starts: it cannot be fit on one fold alone");
        }
    }

    /**
     * The volatility model's variance of the next bar's log return at each test bar of
     * {@code planned} ({@link dev.foresight.target.Target#barVariance}), in test-row order: fit on
     * the fold's training window of {@code data}, forecast over its test rows.
     *
     * @throws FoldFailure naming the volatility model when it cannot fit or forecast, or gives no
     *                     finite, non-negative variance at a test bar
     */
    public double[] barVariances(MarketData data, Fold planned) {
        String where = "volatility model '" + name + "', " + FoldRunner.where(data, planned);
        FittedFold fitted;
        try {
            fitted = FoldRunner.fit(data, pipeline, planned);
        } catch (FoldFailure e) {
            throw new FoldFailure("volatility model '" + name + "': " + e.getMessage(), e);
        }
        Fold fold = fitted.fold();
        int[] rows = fold.testRows();
        for (int t : rows) {
            if (!FoldRunner.complete(fitted.raw(), t, pipeline.model().window())) {
                throw new FoldFailure(where + ": its features at test bar " + data.date(t) + " are incomplete");
            }
        }
        Forecast[] forecasts = FoldRunner.forecast(fitted.model(),
                fitted.predictData().forForecasting("volatility model " + name + ", fold " + fold.index()), where);
        if (forecasts.length != rows.length) {
            throw new IllegalStateException("volatility model " + name + " returned " + forecasts.length
                    + " forecasts for " + rows.length + " rows");
        }
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double v = pipeline.target().barVariance(forecasts[i]);
            if (!(v >= 0 && Double.isFinite(v))) {
                throw new FoldFailure(where + ": no variance forecast at " + data.date(rows[i]) + " (got " + v
                        + "): a volatility model must forecast the variance of the " + pipeline.target().name()
                        + " target, e.g. kind: garch");
            }
            out[i] = v;
        }
        return out;
    }
}

package dev.foresight.batch;

import dev.foresight.leakage.LeakageSettings;
import java.util.List;

/**
 * The batch format's fixed sections, described once: {@link BatchParser} reads and validates them
 * through these descriptions, {@link BatchSchema} publishes them, and {@link BatchKeys} takes their
 * key lists from them. (Plugin blocks are described by their plugins' own parameter specs.)
 */
final class BatchFormat {

    /** The batch's {@code seed}: any {@code long}. */
    static final Field SEED = Field.integer("seed", 42, null, null, "seed",
            "the batch seed; each task's seed is derived from it, the experiment, the model and the fold");

    static final Section ANNUALISATION = new Section("annualisation", "how metrics are annualised", List.of(
            Field.integer("periods_per_year", 252, 1L, 100_000L, "periods_per_year", "bars per year"),
            Field.real("risk_free_rate", 0.0, -1.0, 1.0, "risk_free_rate (annual, as a fraction)",
                    "annual risk-free rate, as a fraction")));

    static final Section COSTS = new Section("costs", "trading costs per unit of turnover (default none)", List.of(
            Field.real("bps", 0.0, 0.0, 10_000.0, "costs.bps (basis points per unit of turnover)",
                    "costs in basis points per unit of turnover"),
            Field.real("slippage_bps", 0.0, 0.0, 10_000.0, "costs.slippage_bps",
                    "slippage in basis points per unit of turnover")));

    /**
     * An experiment's {@code execution}: one of {@link dev.foresight.execution.Execution}'s YAML
     * names, read with {@link Fields#choice} and published as an enum.
     */
    static final Field EXECUTION = Field.special("execution", "execution",
            "when the position decided at the close of a bar is traded: close (at that close, earning close to close) "
                    + "or next-open (at the next bar's open: the previous position earns the overnight gap, the new one "
                    + "open to close; needs an open price)");

    /**
     * An experiment's {@code portfolio}: {@code assets} (symbols of the data section) and
     * {@code weighting} (an enum) are read and published by hand; the numbers are described here.
     */
    static final Section PORTFOLIO = new Section("portfolio",
            "trade several assets of the data section as one portfolio: the models run per asset (experiments NAME.ASSET), "
                    + "their positions are combined", List.of(
            Field.special("assets", "portfolio.assets", "the symbols traded (the primary series and inputs of data), "
                    + "two or more; other input series stay features only"),
            Field.special("weighting", "portfolio.weighting", "equal (default): e = p/N; inverse-volatility: e = p·(1/σ)/Σ(1/σ); "
                    + "volatility-target: equal weight scaled to target_vol from the variance forecasts and the "
                    + "trailing correlation"),
            Field.real("target_vol", 0.10, 0.001, 5.0, "portfolio.target_vol (annual)",
                    "annual volatility aimed at by volatility-target"),
            Field.real("max_leverage", 2.0, 0.01, 10.0, "portfolio.max_leverage",
                    "cap on volatility-target's scale factor and on the gross exposure Σ|e|"),
            Field.integer("correlation_window", 63, 2L, 100_000L, "portfolio.correlation_window (bars)",
                    "trailing bars of returns for volatility-target's correlation matrix")));

    private static final LeakageSettings LEAKAGE_DEFAULT = LeakageSettings.DEFAULT;

    /**
     * {@code perturb_folds} also takes {@code auto} (read and published as such by hand); its
     * integer form is described here.
     */
    static final Section LEAKAGE = new Section("leakage", "the leakage checks run before the batch", List.of(
            Field.integer("truncation_samples", LEAKAGE_DEFAULT.truncationSamples(), 0L, 10_000L,
                    "truncation_samples (test bars per fold whose forecasts are recomputed on truncated history)",
                    "test bars per fold whose forecasts are recomputed on truncated history (every one up to this "
                            + "many, then a stratified sample with the first and last); features and regime labels "
                            + "are recomputed on every test bar unless 0"),
            Field.integer("perturb_folds", LEAKAGE_DEFAULT.perturbFolds(), 0L, 10_000L,
                    "perturb_folds ('auto', or folds per model refit with the future scrambled)",
                    "folds per model refit with the future scrambled, or auto (the model only with 4+ folds)"),
            Field.bool("canary", LEAKAGE_DEFAULT.canary(),
                    "also run every model on a random-walk surrogate, where no model can have an edge")));

    /**
     * {@code window} (an enum) and {@code train} (bars, or a fraction for one split) are read and
     * published by hand; {@code train}'s integer form and every other key are described here.
     * {@code test} has no default (it is required) and {@code step}'s is {@code test}.
     */
    static final Section WALK_FORWARD = new Section("walk_forward",
            "the walk-forward plan: the model is refit for every test block", List.of(
            Field.special("window", "window", "expanding: train from the first bar; rolling: the latest train bars"),
            Field.integer("train", null, 2L, null,
                    "train (bars in the first training window, or a fraction of the series such as 0.85)",
                    "bars in the first training window (and in every rolling one), or a fraction in (0, 1) of the "
                            + "series for one chronological split"),
            Field.integer("test", null, 1L, null, "test (bars per test block)", "bars per test block"),
            Field.integer("step", null, 1L, null, "step (bars between test blocks)",
                    "bars between test blocks (default: test; must be ≥ test)"),
            Field.real("validation", 0.0, 0.0, 0.5, "validation (fraction of the training window)",
                    "fraction of each training window held out at its end"),
            Field.integer("embargo", 0, 0L, null, "embargo (bars)", "extra bars between training and test, beyond the purge"),
            Field.integer("max_folds", 0, 0L, null, "max_folds (0 = no limit)",
                    "folds at most (0 = as many as the data allows)")));

    /**
     * A data source: a CSV file or a simulator, the primary series' date range and more input
     * series. Every key's shape is read and published by hand (names, paths, column maps, dates);
     * their labels and docs are described here. The first six are also the keys of one of
     * {@code inputs} (see {@link BatchKeys#INPUT}).
     */
    static final Section DATA = new Section("data", "the primary price series (and optional input series)", List.of(
            Field.special("symbol", "symbol", "the series' name (default: the file name, or SYN for synthetic data); "
                    + "input series are told apart by it"),
            Field.special("path", "path", "a CSV file, relative to this batch file's directory"),
            Field.special("columns", "columns", "column roles mapped to headers (default: Yahoo's layout, detected)"),
            Field.special("date_format", "date_format", "a java.time pattern such as MMM dd, yyyy (default: detected "
                    + "from the first row)"),
            Field.special("missing", "missing", "rows with missing values: error, or drop them (counted in the manifest)"),
            Field.special("synthetic", "synthetic", null),
            Field.special("start", "data.start", "the first date used of every series (inclusive, YYYY-MM-DD), applied "
                    + "before anything else; default: the first bar"),
            Field.special("end", "data.end", "the last date used of every series (inclusive, YYYY-MM-DD), applied "
                    + "before anything else; default: the last bar"),
            Field.special("inputs", "inputs", "more series aligned with this one on common dates")));

    /**
     * The keys every {@code synthetic} block has besides its kind's own parameters (which the
     * simulator table describes). {@code kind} is documented per kind, by the table.
     */
    static final Section SYNTHETIC = new Section("synthetic",
            "a seeded simulator: its kind, length and seed, then the kind's own parameters", List.of(
            Field.special("kind", "kind", "the simulator"),
            Field.integer("bars", 2500, 10L, 50_000_000L, "bars",
                    "bars to simulate, consecutive business days from 2000-01-03"),
            Field.integer("seed", 1, null, null, "seed", "the simulator's seed")));

    private BatchFormat() {
    }
}

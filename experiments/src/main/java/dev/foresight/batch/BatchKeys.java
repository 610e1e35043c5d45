package dev.foresight.batch;

import java.util.List;
import java.util.Set;

/**
 * The batch format's structural keys, in one place: {@link BatchParser} and {@link BatchExpansion}
 * accept exactly these, and {@link BatchSchema} publishes them, so the parser and the JSON Schema
 * cannot disagree about which keys exist. Order is the documented order (the schema lists keys so).
 * The fixed sections' lists are those of their {@link BatchFormat} descriptions.
 */
final class BatchKeys {

    static final List<String> TOP = List.of("name", "description", "seed", "annualisation", "data", "defaults",
            "experiments");
    static final List<String> EXPERIMENT = List.of("name", "data", "target", "features", "walk_forward",
            "strategy", "costs", "execution", "portfolio", "regimes", "models", "baseline", "leakage", "grid");
    /** Keys {@code defaults} may hold: everything an experiment has but its name and models. */
    static final List<String> DEFAULTABLE = EXPERIMENT.stream().filter(k -> !k.equals("name") && !k.equals("models"))
            .toList();
    static final List<String> PLAN = BatchFormat.WALK_FORWARD.keys();
    /** Keys a fractional {@code train} (one chronological split) leaves no room for. */
    static final List<String> SINGLE_SPLIT_EXCLUDES = List.of("test", "step", "max_folds", "window");
    static final List<String> DATA = BatchFormat.DATA.keys();
    /**
     * Keys of one of {@code data.inputs}: a source like the primary one, without inputs or a date
     * range of its own (the primary's range applies to every series).
     */
    static final List<String> INPUT = DATA.subList(0, DATA.size() - 3);
    /** The date range keys of {@code data}. */
    static final List<String> RANGE = List.of("start", "end");
    /** Source keys that apply to CSV files only. */
    static final List<String> CSV_ONLY = List.of("columns", "date_format", "missing");
    static final List<String> MISSING = List.of("error", "drop");
    static final List<String> COLUMNS = List.of("date", "open", "high", "low", "close", "adj_close", "volume");
    /** Keys of a {@code synthetic} block besides the kind's own parameters. */
    static final List<String> SYNTHETIC_COMMON = BatchFormat.SYNTHETIC.keys();
    static final List<String> ANNUALISATION = BatchFormat.ANNUALISATION.keys();
    static final List<String> COSTS = BatchFormat.COSTS.keys();
    static final List<String> LEAKAGE = BatchFormat.LEAKAGE.keys();
    static final List<String> PORTFOLIO = BatchFormat.PORTFOLIO.keys();

    /** Keys of a plugin block that are not the plugin's parameters. */
    static final Set<String> PLUGIN_RESERVED = Set.of("kind");
    static final Set<String> MODEL_RESERVED = Set.of("kind", "name", "scaling");
    static final Set<String> REGIME_RESERVED = Set.of("kind", "name");

    private BatchKeys() {
    }
}

package dev.foresight.batch;

import static dev.foresight.batch.BatchKeys.ANNUALISATION;
import static dev.foresight.batch.BatchKeys.COLUMNS;
import static dev.foresight.batch.BatchKeys.COSTS;
import static dev.foresight.batch.BatchKeys.CSV_ONLY;
import static dev.foresight.batch.BatchKeys.DATA;
import static dev.foresight.batch.BatchKeys.EXPERIMENT;
import static dev.foresight.batch.BatchKeys.INPUT;
import static dev.foresight.batch.BatchKeys.LEAKAGE;
import static dev.foresight.batch.BatchKeys.MISSING;
import static dev.foresight.batch.BatchKeys.MODEL_RESERVED;
import static dev.foresight.batch.BatchKeys.PLAN;
import static dev.foresight.batch.BatchKeys.PLUGIN_RESERVED;
import static dev.foresight.batch.BatchKeys.REGIME_RESERVED;
import static dev.foresight.batch.BatchKeys.SINGLE_SPLIT_EXCLUDES;
import static dev.foresight.batch.BatchKeys.SYNTHETIC_COMMON;
import static dev.foresight.batch.BatchKeys.TOP;

import dev.foresight.backtest.CostModel;
import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import dev.foresight.feature.FeatureSet;
import dev.foresight.leakage.LeakageSettings;
import dev.foresight.metrics.Annualisation;
import dev.foresight.model.Model;
import dev.foresight.plugin.PluginRegistry;
import dev.foresight.regime.RegimeDetector;
import dev.foresight.scaling.ScalingMethod;
import dev.foresight.strategy.Strategy;
import dev.foresight.target.Target;
import dev.foresight.walkforward.WalkForwardPlan;
import dev.foresight.walkforward.WindowType;
import dev.foresight.yaml.YamlNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a batch YAML tree into a validated {@link BatchSpec}. Every problem is a
 * {@link UserError} naming the file, line, column and YAML path; unknown keys are rejected with
 * a suggestion; plugins are looked up and their parameters typed here, before anything runs.
 */
public final class BatchParser {

    private static final List<String> SYNTHETIC_KINDS = SourceSpec.Synthetic.KINDS;

    private final PluginRegistry plugins;
    private final Path baseDirectory;

    /**
     * @param baseDirectory relative CSV paths written in the file are resolved against it (the
     *                      batch file's directory); paths given with {@code --set} against the working directory
     */
    public BatchParser(PluginRegistry plugins, Path baseDirectory) {
        this.plugins = plugins;
        this.baseDirectory = baseDirectory;
    }

    /**
     * @throws UserError  the one problem, when there is one
     * @throws dev.foresight.error.UserErrors every problem found, when there are several
     */
    public BatchSpec parse(YamlNode rootNode, Path source) {
        Lenient lenient = parseLenient(rootNode, source);
        Problems.throwIfAny(lenient.problems());
        return lenient.batch();
    }

    /** A batch of the experiments that parsed, and every problem found in the others. */
    public record Lenient(BatchSpec batch, List<UserError> problems, List<DataSpec> invalidExperimentsData) {
        public Lenient {
            problems = List.copyOf(problems);
            invalidExperimentsData = List.copyOf(invalidExperimentsData);
        }
    }

    /** Like {@link #parse}, but returns what parsed together with the problems instead of throwing them. */
    public Lenient parseLenient(YamlNode rootNode, Path source) {
        Problems problems = new Problems();
        YamlNode.Mapping root = Fields.mapping(rootNode, "a batch file");
        problems.attempt(() -> root.allowOnly(TOP));
        String name = problems.attempt(() -> Fields.name(Fields.require(root, "name",
                "the batch name, used for the output directory"), "name"), "batch");
        String description = problems.attempt(() -> Fields.text(root, "description", "", "description"), "");
        long seed = problems.attempt(() -> BatchFormat.SEED.readLong(root), BatchFormat.SEED.fallback().longValue());
        Annualisation annualisation = problems.attempt(() -> annualisation(root.get("annualisation")),
                Annualisation.DAILY);

        List<ExperimentSpec> experiments = new ArrayList<>();
        List<DataSpec> invalidData = new ArrayList<>();
        YamlNode experimentsNode = problems.attempt(() -> Fields.require(root, "experiments", "a list of experiments"),
                null);
        if (experimentsNode != null) {
            if (!(experimentsNode instanceof YamlNode.Sequence seq) || seq.items().isEmpty()) {
                problems.add(new UserError(experimentsNode.location(), "experiments must be a non-empty list, got "
                        + experimentsNode.describe()));
            } else {
                Set<String> names = new HashSet<>();
                for (YamlNode e : BatchExpansion.experiments(root, seq, problems)) {
                    ExperimentSpec spec = experiment(e, problems, invalidData);
                    if (spec == null) {
                        continue;
                    }
                    // a portfolio runs as one member experiment per asset
                    for (ExperimentSpec member : spec.portfolio() == null ? List.of(spec) : PortfolioSpec.members(spec)) {
                        if (!names.add(member.name())) {
                            problems.add(new UserError(e.location(), "two experiments are named '" + member.name() + "'"));
                        }
                        experiments.add(member);
                    }
                }
            }
        }
        return new Lenient(new BatchSpec(name, description, source, seed, annualisation, experiments), problems.list(),
                invalidData);
    }

    private Annualisation annualisation(YamlNode node) {
        if (node == null) {
            return Annualisation.DAILY;
        }
        YamlNode.Mapping m = Fields.mapping(node, "annualisation");
        m.allowOnly(ANNUALISATION);
        return new Annualisation(BatchFormat.ANNUALISATION.field("periods_per_year").readInt(m),
                BatchFormat.ANNUALISATION.field("risk_free_rate").readReal(m));
    }

    /**
     * The experiment, or null after recording every problem it has in {@code problems} (and its
     * data, if that parsed, in {@code invalidData}).
     */
    private ExperimentSpec experiment(YamlNode node, Problems problems, List<DataSpec> invalidData) {
        int before = problems.count();
        YamlNode.Mapping m = problems.attempt(() -> Fields.mapping(node, "an experiment"), null);
        if (m == null) {
            return null;
        }
        problems.attempt(() -> m.allowOnly(EXPERIMENT));
        String name = problems.attempt(() -> Fields.name(Fields.require(m, "name", "the experiment's name"),
                "experiment name"), "?");
        DataSpec data = problems.attempt(() -> {
            if (!m.has("data")) {
                throw new UserError(m.location().withField(Fields.join(m.path(), "data")),
                        "no data: give 'data' in defaults (or at the top of the batch) or in this experiment");
            }
            return data(m.get("data"));
        }, null);
        PluginSpec<Target> target = problems.attempt(() -> plugin(Target.class, Fields.require(m, "target",
                "what to forecast, e.g. {kind: log-return, horizon: 1}"), PLUGIN_RESERVED), null);

        List<PluginSpec<FeatureSet>> features = new ArrayList<>();
        if (m.has("features")) {
            for (YamlNode f : m.get("features").asList()) {
                PluginSpec<FeatureSet> set = problems.attempt(() -> plugin(FeatureSet.class, f, PLUGIN_RESERVED), null);
                if (set != null) {
                    features.add(set);
                }
            }
        }

        YamlNode planNode = m.get("walk_forward");
        WalkForwardPlan plan = problems.attempt(() -> plan(Fields.require(m, "walk_forward",
                "the walk-forward plan, e.g. {train: 750, test: 250}")), null);

        Optional<PluginSpec<Strategy>> strategy = problems.attempt(() -> strategy(m, target), Optional.empty());
        CostModel costs = problems.attempt(() -> costs(m.get("costs")), CostModel.NONE);
        dev.foresight.execution.Execution execution = problems.attempt(() -> Fields.choice(m,
                BatchFormat.EXECUTION.key(), dev.foresight.execution.Execution.CLOSE,
                dev.foresight.execution.Execution.class, BatchFormat.EXECUTION.what()),
                dev.foresight.execution.Execution.CLOSE);
        List<RegimeSpec> regimes = problems.attempt(() -> regimes(m.get("regimes"), problems), List.of());

        List<ModelSpec> models = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        YamlNode modelsNode = problems.attempt(() -> Fields.require(m, "models", "the models to compare"), null);
        if (modelsNode instanceof YamlNode.Sequence seq && seq.items().isEmpty()) {
            problems.add(new UserError(modelsNode.location(), "models must list at least one model, e.g. "
                    + "[{kind: random-walk}, {kind: ar, p: 1}]"));
        } else if (modelsNode != null) {
            for (YamlNode mn : problems.attempt(modelsNode::asList, List.<YamlNode>of())) {
                ModelSpec model = problems.attempt(() -> model(mn), null);
                if (model == null) {
                    continue;
                }
                if (!labels.add(model.label())) {
                    problems.add(new UserError(mn.location(), "two models in experiment '" + name + "' are called '"
                            + model.label() + "': give one a 'name'"));
                }
                models.add(model);
            }
        }
        String baseline = problems.attempt(() -> baseline(m, name, models, labels), null);
        problems.attempt(() -> volatilityModel(m, name, strategy, models));
        LeakageSettings leakage = problems.attempt(() -> leakage(m.get("leakage")), LeakageSettings.DEFAULT);
        PortfolioSpec portfolio = problems.attempt(() -> portfolio(m, name, data, strategy, execution), null);
        if (problems.count() > before) {
            if (data != null && !invalidData.contains(data)) {
                invalidData.add(data); // validate still checks its files
            }
            return null;
        }
        return new ExperimentSpec(name, data, target, features, plan, planNode.location(), strategy, costs, regimes, models,
                baseline, leakage, execution, portfolio);
    }

    /**
     * The experiment's {@code portfolio} block, or null: assets must be series of its data, and the
     * experiment must trade (a portfolio combines positions).
     */
    private static PortfolioSpec portfolio(YamlNode.Mapping m, String experiment, DataSpec data,
                                           Optional<PluginSpec<Strategy>> strategy,
                                           dev.foresight.execution.Execution execution) {
        YamlNode node = m.get("portfolio");
        if (node == null) {
            return null;
        }
        YamlNode.Mapping p = Fields.mapping(node, "portfolio");
        p.allowOnly(BatchKeys.PORTFOLIO);
        Section section = BatchFormat.PORTFOLIO;
        YamlNode assetsNode = Fields.require(p, "assets", "the symbols traded, e.g. [SPY, TLT, GLD]");
        List<String> assets = new ArrayList<>();
        for (YamlNode a : assetsNode.asList()) {
            String symbol = Fields.text(a, section.field("assets").what());
            if (assets.contains(symbol)) {
                throw new UserError(a.location(), "asset '" + symbol + "' is listed twice");
            }
            assets.add(symbol);
            if (data != null) {
                List<String> symbols = new ArrayList<>(List.of(data.primary().symbol()));
                data.inputs().forEach(i -> symbols.add(i.symbol()));
                if (!symbols.contains(symbol)) {
                    throw new UserError(a.location(), "portfolio asset '" + symbol + "' is not a series of the data "
                            + "section; its series are: " + String.join(", ", symbols));
                }
            }
        }
        if (assets.size() < 2) {
            throw new UserError(assetsNode.location(), "a portfolio needs two or more assets, got " + assets.size());
        }
        if (strategy.isEmpty()) {
            throw new UserError(node.location(), "experiment '" + experiment + "' does not trade (its target has no "
                    + "direction): a portfolio combines positions");
        }
        // one weighting or a list: every one is formed from the same member runs
        List<dev.foresight.portfolio.Weighting> weightings = new ArrayList<>();
        YamlNode w = p.get("weighting");
        List<YamlNode> items = w == null ? List.of() : w instanceof YamlNode.Sequence seq ? seq.items() : List.of(w);
        for (YamlNode item : items) {
            YamlNode.Mapping one = new YamlNode.Mapping(Map.of("weighting", item), item.location());
            dev.foresight.portfolio.Weighting x = Fields.choice(one, "weighting", dev.foresight.portfolio.Weighting.EQUAL,
                    dev.foresight.portfolio.Weighting.class, section.field("weighting").what());
            if (weightings.contains(x)) {
                throw new UserError(item.location(), "weighting " + x.yamlName() + " is listed twice");
            }
            weightings.add(x);
        }
        if (weightings.isEmpty()) {
            weightings.add(dev.foresight.portfolio.Weighting.EQUAL);
        }
        return new PortfolioSpec(experiment, assets, weightings, section.field("target_vol").readReal(p),
                section.field("max_leverage").readReal(p), section.field("correlation_window").readInt(p), null);
    }

    /**
     * A strategy sized by another model's volatility ({@code strategy.volatility_model}) names a
     * model of the same experiment that can be refit fold by fold inside each sized model's task:
     * one that does not warm-start (its fold-k fit would need every earlier fold's) and does not hold
     * a fixed position (it forecasts nothing).
     */
    private static void volatilityModel(YamlNode.Mapping m, String experiment, Optional<PluginSpec<Strategy>> strategy,
                                        List<ModelSpec> models) {
        Optional<String> named = strategy.flatMap(s -> s.instance().volatilityModel());
        if (named.isEmpty()) {
            return;
        }
        YamlNode node = m.get("strategy") instanceof YamlNode.Mapping s && s.has("volatility_model")
                ? s.get("volatility_model") : m.get("strategy") != null ? m.get("strategy") : m;
        ModelSpec model = models.stream().filter(x -> x.label().equals(named.get())).findFirst()
                .orElseThrow(() -> new UserError(node.location(), "volatility_model '" + named.get()
                        + "' is not a model of experiment '" + experiment + "'; its models are: "
                        + String.join(", ", models.stream().map(ModelSpec::label).toList())));
        if (model.model().instance().warmStarts()) {
            throw new UserError(node.location(), "volatility_model '" + named.get() + "' warm-starts (each fold's fit"
                    + " starts from the previous fold's), so it cannot be refit on one fold inside another model's task:"
                    + " name a model that fits each fold afresh, e.g. {kind: garch}");
        }
        if (model.model().instance().fixedPosition().isPresent()) {
            throw new UserError(node.location(), "volatility_model '" + named.get() + "' holds a fixed position and"
                    + " forecasts no variance: name a model with a variance forecast, e.g. {kind: garch}");
        }
    }

    private Optional<PluginSpec<Strategy>> strategy(YamlNode.Mapping m, PluginSpec<Target> target) {
        if (target == null) {
            return Optional.empty(); // the target's own error is reported
        }
        boolean directional = target.instance().directional();
        if (m.has("strategy")) {
            if (!directional) {
                throw new UserError(m.get("strategy").location(), "target " + target.instance().name()
                        + " has no direction to trade on: remove 'strategy' (it is evaluated on forecast errors only)");
            }
            return Optional.of(plugin(Strategy.class, m.get("strategy"), PLUGIN_RESERVED));
        }
        return directional ? Optional.of(PluginSpec.of(plugins.create(Strategy.class, "sign", Map.of(),
                m.location().withField(Fields.join(m.path(), "strategy"))), m.location())) : Optional.empty();
    }

    private static CostModel costs(YamlNode node) {
        if (node == null) {
            return CostModel.NONE;
        }
        YamlNode.Mapping c = Fields.mapping(node, "costs");
        c.allowOnly(COSTS);
        return new CostModel(BatchFormat.COSTS.field("bps").readReal(c),
                BatchFormat.COSTS.field("slippage_bps").readReal(c));
    }

    private List<RegimeSpec> regimes(YamlNode node, Problems problems) {
        List<RegimeSpec> regimes = new ArrayList<>();
        if (node == null) {
            return regimes;
        }
        Set<String> regimeNames = new HashSet<>();
        for (YamlNode r : node.asList()) {
            RegimeSpec spec = problems.attempt(() -> {
                YamlNode.Mapping rm = Fields.mapping(r, "a regime detector");
                PluginSpec<RegimeDetector> detector = plugin(RegimeDetector.class, rm, REGIME_RESERVED);
                String regimeName = rm.has("name") ? Fields.name(rm.get("name"), "regime name") : detector.kind();
                if (!regimeNames.add(regimeName)) {
                    throw new UserError(rm.location(), "regime name '" + regimeName + "' is used twice"
                            + ": give this detector another 'name'");
                }
                return new RegimeSpec(regimeName, detector);
            }, null);
            if (spec != null) {
                regimes.add(spec);
            }
        }
        return regimes;
    }

    private ModelSpec model(YamlNode node) {
        YamlNode.Mapping mm = Fields.mapping(node, "a model");
        PluginSpec<Model> model = plugin(Model.class, mm, MODEL_RESERVED);
        String label = mm.has("name") ? Fields.name(mm.get("name"), "model name") : model.kind();
        ScalingMethod scaling = Fields.choice(mm, "scaling", model.instance().defaultScaling(), ScalingMethod.class,
                "scaling");
        return new ModelSpec(label, model, scaling);
    }

    private static String baseline(YamlNode.Mapping m, String experiment, List<ModelSpec> models, Set<String> labels) {
        if (!m.has("baseline")) {
            return models.isEmpty() ? null : ExperimentSpec.defaultBaseline(models);
        }
        String baseline = Fields.text(m.get("baseline"), "baseline");
        if (!labels.contains(baseline)) {
            String hint = dev.foresight.plugin.Suggestions.closest(baseline, labels)
                    .map(x -> " (did you mean '" + x + "'?)").orElse("");
            throw new UserError(m.get("baseline").location(), "baseline '" + baseline + "' is not a model of experiment '"
                    + experiment + "'" + hint + "; its models are: "
                    + String.join(", ", models.stream().map(ModelSpec::label).toList()));
        }
        return baseline;
    }

    private static LeakageSettings leakage(YamlNode node) {
        if (node == null) {
            return LeakageSettings.DEFAULT;
        }
        YamlNode.Mapping m = Fields.mapping(node, "leakage");
        m.allowOnly(LEAKAGE);
        Section leakage = BatchFormat.LEAKAGE;
        int samples = leakage.field("truncation_samples").readInt(m);
        int perturb = m.get("perturb_folds") instanceof YamlNode.Scalar sc && "auto".equals(sc.text()) ? LeakageSettings.AUTO
                : leakage.field("perturb_folds").readInt(m);
        boolean canary = leakage.field("canary").readBoolean(m);
        return new LeakageSettings(samples, perturb, canary);
    }

    private WalkForwardPlan plan(YamlNode node) {
        YamlNode.Mapping m = Fields.mapping(node, "walk_forward");
        m.allowOnly(PLAN);
        Section plan = BatchFormat.WALK_FORWARD;
        WindowType window = Fields.choice(m, "window", WindowType.EXPANDING, WindowType.class, plan.field("window").what());
        double validationShare = plan.field("validation").readReal(m);
        YamlNode trainNode = m.get("train");
        if (trainNode instanceof YamlNode.Scalar sc && sc.text() != null && sc.text().contains(".")) {
            // `train: 0.85`: one chronological split, the test block being the rest of the series
            double fraction = Fields.real(m, "train", 0, -Double.MAX_VALUE, Double.MAX_VALUE, "train");
            if (!(fraction > 0 && fraction < 1)) {
                throw new UserError(trainNode.location(), "train must be an integer number of bars (e.g. 750) or a "
                        + "fraction of the series in (0, 1) (e.g. 0.85), got " + sc.text());
            }
            for (String key : SINGLE_SPLIT_EXCLUDES) {
                if (m.get(key) != null) {
                    throw new UserError(m.location().withField(Fields.join(m.path(), key)),
                            "with a fractional train (one split, the test block is the rest of the series) '" + key
                                    + "' must be left out");
                }
            }
            int embargoBars = plan.field("embargo").readInt(m);
            return WalkForwardPlan.singleSplit(fraction, validationShare, embargoBars);
        }
        int train = plan.field("train").readInt(m, -1);
        if (train < 0) {
            throw new UserError(m.location().withField(Fields.join(m.path(), "train")),
                    "missing required key 'train' (bars in the first training window)");
        }
        int test = plan.field("test").readInt(m, -1);
        if (test < 0) {
            throw new UserError(m.location().withField(Fields.join(m.path(), "test")),
                    "missing required key 'test' (bars per test block)");
        }
        int step = plan.field("step").readInt(m, test);
        double validation = plan.field("validation").readReal(m);
        int embargo = plan.field("embargo").readInt(m);
        int maxFolds = plan.field("max_folds").readInt(m);
        try {
            return new WalkForwardPlan(window, train, test, step, validation, embargo, maxFolds);
        } catch (IllegalArgumentException e) {
            throw new UserError(m.location(), "impossible walk-forward plan: " + e.getMessage());
        }
    }

    private <T> PluginSpec<T> plugin(Class<T> contract, YamlNode node, Set<String> reserved) {
        if (node instanceof YamlNode.Scalar s && !s.isNull()) {
            // a bare kind: `target: log-return`
            return PluginSpec.of(plugins.create(contract, s.text(), Map.of(), node.location()), node.location());
        }
        YamlNode.Mapping m = Fields.mapping(node, contract.getSimpleName().toLowerCase(Locale.ROOT));
        String kind = Fields.text(Fields.require(m, "kind", "the plugin kind; `foresight plugins` lists them"), "kind");
        return PluginSpec.of(plugins.create(contract, kind, PluginSpec.values(m.entries(), reserved),
                m.get("kind").location().withField(m.path())), m.location());
    }

    private DataSpec data(YamlNode node) {
        YamlNode.Mapping m = Fields.mapping(node, "data");
        m.allowOnly(DATA);
        SourceSpec primary = source(m, true);
        List<SourceSpec> inputs = new ArrayList<>();
        Set<String> symbols = new HashSet<>(List.of(primary.symbol()));
        if (m.has("inputs")) {
            for (YamlNode in : m.get("inputs").asList()) {
                YamlNode.Mapping im = Fields.mapping(in, "a data input");
                im.allowOnly(INPUT);
                SourceSpec s = source(im, false);
                if (!symbols.add(s.symbol())) {
                    throw new UserError(im.location(), "two data series are called '" + s.symbol() + "': set 'symbol'");
                }
                inputs.add(s);
            }
        }
        return new DataSpec(primary, inputs, range(m));
    }

    /** {@code data.start} / {@code data.end}: ISO dates (YYYY-MM-DD), both inclusive, either may be left out. */
    private static DateRange range(YamlNode.Mapping m) {
        LocalDate start = date(m, "start");
        LocalDate end = date(m, "end");
        if (start == null && end == null) {
            return DateRange.ALL;
        }
        if (start != null && end != null && end.isBefore(start)) {
            throw new UserError(m.get("end").location(), "data.end " + end + " is before data.start " + start);
        }
        YamlNode at = m.has("start") ? m.get("start") : m.get("end");
        return new DateRange(start, end, at.location());
    }

    private static LocalDate date(YamlNode.Mapping m, String key) {
        YamlNode n = m.get(key);
        if (n == null) {
            return null;
        }
        String what = BatchFormat.DATA.field(key).what();
        String text = Fields.text(n, what);
        try {
            return LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new UserError(n.location(), what + " must be a date written YYYY-MM-DD, got '"
                    + dev.foresight.error.Quote.of(text) + "'");
        }
    }

    private SourceSpec source(YamlNode.Mapping m, boolean primary) {
        boolean csv = m.has("path");
        boolean synthetic = m.has("synthetic");
        if (csv == synthetic) {
            throw new UserError(m.location(), "data needs exactly one of 'path' (a CSV file) or 'synthetic' "
                    + "(a simulator), got " + (csv ? "both" : "neither"));
        }
        if (synthetic) {
            for (String k : CSV_ONLY) {
                if (m.has(k)) {
                    throw new UserError(m.get(k).location(), "'" + k + "' applies to CSV files, not to synthetic data");
                }
            }
            YamlNode.Mapping s = Fields.mapping(m.get("synthetic"), "synthetic");
            String kind = Fields.text(Fields.require(s, "kind", "one of " + String.join(", ", SYNTHETIC_KINDS)), "kind");
            if (!SYNTHETIC_KINDS.contains(kind)) {
                throw new UserError(s.get("kind").location(), "synthetic kind must be one of "
                        + String.join(", ", SYNTHETIC_KINDS) + ", got '" + dev.foresight.error.Quote.of(kind) + "'");
            }
            int bars = BatchFormat.SYNTHETIC.field("bars").readInt(s);
            long seed = BatchFormat.SYNTHETIC.field("seed").readLong(s);
            Map<String, Double> params = new LinkedHashMap<>();
            for (Map.Entry<String, YamlNode> e : s.entries().entrySet()) {
                if (!SYNTHETIC_COMMON.contains(e.getKey())) {
                    params.put(e.getKey(), Fields.real(s, e.getKey(), 0, -Double.MAX_VALUE, Double.MAX_VALUE, e.getKey()));
                }
            }
            String symbol = m.has("symbol") ? Fields.name(m.get("symbol"), "symbol") : (primary ? "SYN" : "SYN2");
            return new SourceSpec.Synthetic(symbol, kind, bars, seed, params, s.location());
        }
        YamlNode pathNode = m.get("path");
        String pathText = Fields.text(pathNode, BatchFormat.DATA.field("path").what());
        Path path = Path.of(pathText);
        if (!path.isAbsolute()) {
            path = "--set".equals(pathNode.location().source()) ? path.toAbsolutePath() : baseDirectory.resolve(path);
        }
        Map<String, String> columns = new LinkedHashMap<>();
        if (m.has("columns")) {
            YamlNode.Mapping c = Fields.mapping(m.get("columns"), "columns");
            c.allowOnly(COLUMNS);
            c.entries().forEach((k, v) -> columns.put(k, Fields.text(v, "columns." + k)));
        }
        String dateFormat = Fields.text(m, "date_format", null, BatchFormat.DATA.field("date_format").what());
        String missing = Fields.text(m, "missing", "error", BatchFormat.DATA.field("missing").what());
        if (!MISSING.contains(missing)) {
            throw new UserError(m.get("missing").location(), "missing must be 'error' or 'drop', got '" + dev.foresight.error.Quote.of(missing) + "'");
        }
        String defaultSymbol = path.getFileName().toString().replaceFirst("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9_.-]", "_");
        String symbol = m.has("symbol") ? Fields.name(m.get("symbol"), "symbol") : defaultSymbol;
        return new SourceSpec.Csv(symbol, path, columns, dateFormat, missing, m.location());
    }
}

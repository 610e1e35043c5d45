package dev.foresight.batch;

import dev.foresight.backtest.CostModel;
import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import dev.foresight.feature.FeatureSet;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a batch YAML tree into a validated {@link BatchSpec}. Every problem is a
 * {@link UserError} naming the file, line, column and YAML path; unknown keys are rejected with
 * a suggestion; plugins are looked up and their parameters typed here, before anything runs.
 */
public final class BatchParser {

    private static final List<String> TOP = List.of("name", "description", "seed", "annualisation", "data", "experiments");
    private static final List<String> EXPERIMENT = List.of("name", "data", "target", "features", "walk_forward",
            "strategy", "costs", "regimes", "models");
    private static final List<String> PLAN = List.of("window", "train", "test", "step", "validation", "embargo", "max_folds");
    private static final List<String> DATA = List.of("symbol", "path", "columns", "date_format", "missing", "synthetic",
            "inputs");
    private static final List<String> COLUMNS = List.of("date", "open", "high", "low", "close", "adj_close", "volume");
    private static final List<String> SYNTHETIC_KINDS = List.of("gbm", "garch", "regime-garch", "regime-garch-3");

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

    public BatchSpec parse(YamlNode rootNode, Path source) {
        YamlNode.Mapping root = Fields.mapping(rootNode, "a batch file");
        root.allowOnly(TOP);
        String name = Fields.name(Fields.require(root, "name", "the batch name, used for the output directory"), "name");
        String description = Fields.text(root, "description", "", "description");
        long seed = Fields.longValue(root, "seed", 42, "seed");
        Annualisation annualisation = annualisation(root.get("annualisation"));
        DataSpec defaultData = root.has("data") ? data(root.get("data")) : null;

        YamlNode experimentsNode = Fields.require(root, "experiments", "a list of experiments");
        if (!(experimentsNode instanceof YamlNode.Sequence seq) || seq.items().isEmpty()) {
            throw new UserError(experimentsNode.location(), "experiments must be a non-empty list, got "
                    + experimentsNode.describe());
        }
        List<ExperimentSpec> experiments = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode e : seq.items()) {
            ExperimentSpec spec = experiment(e, defaultData);
            if (!names.add(spec.name())) {
                throw new UserError(e.location(), "two experiments are named '" + spec.name() + "'");
            }
            experiments.add(spec);
        }
        return new BatchSpec(name, description, source, seed, annualisation, experiments);
    }

    private Annualisation annualisation(YamlNode node) {
        if (node == null) {
            return Annualisation.DAILY;
        }
        YamlNode.Mapping m = Fields.mapping(node, "annualisation");
        m.allowOnly(List.of("periods_per_year", "risk_free_rate"));
        return new Annualisation(Fields.integer(m, "periods_per_year", 252, 1, 100_000, "periods_per_year"),
                Fields.real(m, "risk_free_rate", 0.0, -1, 1, "risk_free_rate (annual, as a fraction)"));
    }

    private ExperimentSpec experiment(YamlNode node, DataSpec defaultData) {
        YamlNode.Mapping m = Fields.mapping(node, "an experiment");
        m.allowOnly(EXPERIMENT);
        String name = Fields.name(Fields.require(m, "name", "the experiment's name"), "experiment name");
        DataSpec data = m.has("data") ? data(m.get("data")) : defaultData;
        if (data == null) {
            throw new UserError(m.location().withField(Fields.join(m.path(), "data")),
                    "no data: give 'data' at the top of the batch or in this experiment");
        }
        YamlNode targetNode = Fields.require(m, "target", "what to forecast, e.g. {kind: log-return, horizon: 1}");
        PluginSpec<Target> target = plugin(Target.class, targetNode, Set.of("kind"));

        List<PluginSpec<FeatureSet>> features = new ArrayList<>();
        if (m.has("features")) {
            for (YamlNode f : m.get("features").asList()) {
                features.add(plugin(FeatureSet.class, f, Set.of("kind")));
            }
        }

        YamlNode planNode = Fields.require(m, "walk_forward", "the walk-forward plan, e.g. {train: 750, test: 250}");
        WalkForwardPlan plan = plan(planNode);

        Optional<PluginSpec<Strategy>> strategy = Optional.empty();
        boolean directional = target.instance().directional();
        if (m.has("strategy")) {
            if (!directional) {
                throw new UserError(m.get("strategy").location(), "target " + target.instance().name()
                        + " has no direction to trade on: remove 'strategy' (it is evaluated on forecast errors only)");
            }
            strategy = Optional.of(plugin(Strategy.class, m.get("strategy"), Set.of("kind")));
        } else if (directional) {
            strategy = Optional.of(PluginSpec.of(plugins.create(Strategy.class, "sign", Map.of(),
                    m.location().withField(Fields.join(m.path(), "strategy"))), m.location()));
        }

        CostModel costs = CostModel.NONE;
        if (m.has("costs")) {
            YamlNode.Mapping c = Fields.mapping(m.get("costs"), "costs");
            c.allowOnly(List.of("bps", "slippage_bps"));
            costs = new CostModel(Fields.real(c, "bps", 0, 0, 10_000, "costs.bps (basis points per unit of turnover)"),
                    Fields.real(c, "slippage_bps", 0, 0, 10_000, "costs.slippage_bps"));
        }

        List<RegimeSpec> regimes = new ArrayList<>();
        Set<String> regimeNames = new HashSet<>();
        if (m.has("regimes")) {
            for (YamlNode r : m.get("regimes").asList()) {
                YamlNode.Mapping rm = Fields.mapping(r, "a regime detector");
                PluginSpec<RegimeDetector> detector = plugin(RegimeDetector.class, rm, Set.of("kind", "name"));
                String regimeName = rm.has("name") ? Fields.name(rm.get("name"), "regime name") : detector.kind();
                if (regimeName.equals(dev.foresight.pipeline.FoldRunner.TRUE_REGIME) || !regimeNames.add(regimeName)) {
                    throw new UserError(rm.location(), "regime name '" + regimeName + "' is "
                            + (regimeNames.contains(regimeName) ? "used twice" : "reserved for the simulator's true regimes")
                            + ": give this detector another 'name'");
                }
                regimes.add(new RegimeSpec(regimeName, detector));
            }
        }

        YamlNode modelsNode = Fields.require(m, "models", "the models to compare");
        List<ModelSpec> models = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (YamlNode mn : modelsNode.asList()) {
            YamlNode.Mapping mm = Fields.mapping(mn, "a model");
            PluginSpec<Model> model = plugin(Model.class, mm, Set.of("kind", "name", "scaling"));
            String label = mm.has("name") ? Fields.name(mm.get("name"), "model name") : model.kind();
            if (!labels.add(label)) {
                throw new UserError(mm.location(), "two models in experiment '" + name + "' are called '" + label
                        + "': give one a 'name'");
            }
            ScalingMethod scaling = Fields.choice(mm, "scaling", model.instance().defaultScaling(), ScalingMethod.class,
                    "scaling");
            models.add(new ModelSpec(label, model, scaling));
        }
        return new ExperimentSpec(name, data, target, features, plan, planNode.location(), strategy, costs, regimes, models);
    }

    private WalkForwardPlan plan(YamlNode node) {
        YamlNode.Mapping m = Fields.mapping(node, "walk_forward");
        m.allowOnly(PLAN);
        WindowType window = Fields.choice(m, "window", WindowType.EXPANDING, WindowType.class, "window");
        double validationShare = Fields.real(m, "validation", 0, 0, 0.5, "validation (fraction of the training window)");
        YamlNode trainNode = m.get("train");
        if (trainNode instanceof YamlNode.Scalar sc && sc.text() != null && sc.text().contains(".")) {
            // `train: 0.85`: one chronological split, the test block being the rest of the series
            double fraction = Fields.real(m, "train", 0, 0, 1, "train (a fraction in (0, 1) of the bars, or bars)");
            if (!(fraction > 0 && fraction < 1)) {
                throw new UserError(m.location().withField(Fields.join(m.path(), "train")),
                        "a fractional train must be in (0, 1), e.g. 0.85; got " + fraction);
            }
            for (String key : List.of("test", "step", "max_folds", "window")) {
                if (m.get(key) != null) {
                    throw new UserError(m.location().withField(Fields.join(m.path(), key)),
                            "with a fractional train (one split, the test block is the rest of the series) '" + key
                                    + "' must be left out");
                }
            }
            int embargoBars = Fields.integer(m, "embargo", 0, 0, Integer.MAX_VALUE, "embargo (bars)");
            return WalkForwardPlan.singleSplit(fraction, validationShare, embargoBars);
        }
        int train = Fields.integer(m, "train", -1, 2, Integer.MAX_VALUE, "train (bars in the first training window, or a fraction of the series such as 0.85)");
        if (train < 0) {
            throw new UserError(m.location().withField(Fields.join(m.path(), "train")),
                    "missing required key 'train' (bars in the first training window)");
        }
        int test = Fields.integer(m, "test", -1, 1, Integer.MAX_VALUE, "test (bars per test block)");
        if (test < 0) {
            throw new UserError(m.location().withField(Fields.join(m.path(), "test")),
                    "missing required key 'test' (bars per test block)");
        }
        int step = Fields.integer(m, "step", test, 1, Integer.MAX_VALUE, "step (bars between test blocks)");
        double validation = Fields.real(m, "validation", 0, 0, 0.5, "validation (fraction of the training window)");
        int embargo = Fields.integer(m, "embargo", 0, 0, Integer.MAX_VALUE, "embargo (bars)");
        int maxFolds = Fields.integer(m, "max_folds", 0, 0, Integer.MAX_VALUE, "max_folds (0 = no limit)");
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
        YamlNode.Mapping m = Fields.mapping(node, contract.getSimpleName().toLowerCase(java.util.Locale.ROOT));
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
                im.allowOnly(DATA.subList(0, DATA.size() - 1));
                SourceSpec s = source(im, false);
                if (!symbols.add(s.symbol())) {
                    throw new UserError(im.location(), "two data series are called '" + s.symbol() + "': set 'symbol'");
                }
                inputs.add(s);
            }
        }
        return new DataSpec(primary, inputs);
    }

    private SourceSpec source(YamlNode.Mapping m, boolean primary) {
        boolean csv = m.has("path");
        boolean synthetic = m.has("synthetic");
        if (csv == synthetic) {
            throw new UserError(m.location(), "data needs exactly one of 'path' (a CSV file) or 'synthetic' "
                    + "(a simulator), got " + (csv ? "both" : "neither"));
        }
        if (synthetic) {
            for (String k : List.of("columns", "date_format", "missing")) {
                if (m.has(k)) {
                    throw new UserError(m.get(k).location(), "'" + k + "' applies to CSV files, not to synthetic data");
                }
            }
            YamlNode.Mapping s = Fields.mapping(m.get("synthetic"), "synthetic");
            String kind = Fields.text(Fields.require(s, "kind", "one of " + String.join(", ", SYNTHETIC_KINDS)), "kind");
            if (!SYNTHETIC_KINDS.contains(kind)) {
                throw new UserError(s.get("kind").location(), "synthetic kind must be one of "
                        + String.join(", ", SYNTHETIC_KINDS) + ", got '" + kind + "'");
            }
            int bars = Fields.integer(s, "bars", 2500, 10, 50_000_000, "bars");
            long seed = Fields.longValue(s, "seed", 1, "seed");
            Map<String, Double> params = new LinkedHashMap<>();
            for (Map.Entry<String, YamlNode> e : s.entries().entrySet()) {
                if (!Set.of("kind", "bars", "seed").contains(e.getKey())) {
                    params.put(e.getKey(), Fields.real(s, e.getKey(), 0, -Double.MAX_VALUE, Double.MAX_VALUE, e.getKey()));
                }
            }
            String symbol = m.has("symbol") ? Fields.name(m.get("symbol"), "symbol") : (primary ? "SYN" : "SYN2");
            return new SourceSpec.Synthetic(symbol, kind, bars, seed, params, s.location());
        }
        YamlNode pathNode = m.get("path");
        String pathText = Fields.text(pathNode, "path");
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
        String dateFormat = Fields.text(m, "date_format", null, "date_format");
        String missing = Fields.text(m, "missing", "error", "missing");
        if (!missing.equals("error") && !missing.equals("drop")) {
            throw new UserError(m.get("missing").location(), "missing must be 'error' or 'drop', got '" + missing + "'");
        }
        String defaultSymbol = path.getFileName().toString().replaceFirst("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9_.-]", "_");
        String symbol = m.has("symbol") ? Fields.name(m.get("symbol"), "symbol") : defaultSymbol;
        return new SourceSpec.Csv(symbol, path, columns, dateFormat, missing, m.location());
    }
}

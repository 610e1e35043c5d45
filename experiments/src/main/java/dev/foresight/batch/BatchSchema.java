package dev.foresight.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import dev.foresight.feature.FeatureSet;
import dev.foresight.leakage.LeakageSettings;
import dev.foresight.model.Model;
import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.PluginProvider;
import dev.foresight.plugin.PluginRegistry;
import dev.foresight.regime.RegimeDetector;
import dev.foresight.scaling.ScalingMethod;
import dev.foresight.strategy.Strategy;
import dev.foresight.target.Target;
import dev.foresight.walkforward.WindowType;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The batch format as a JSON Schema (draft-07, what editors' YAML support reads best), generated
 * from the code's own definitions so it cannot drift from what {@link BatchParser} accepts: the
 * structural keys from {@link BatchKeys}, the fixed sections' keys, ranges, defaults and docs from
 * {@link BatchFormat} (which the parser reads them through), every plugin kind with its parameters, types, ranges and
 * defaults from the {@link PluginRegistry}, the synthetic kinds from the run's simulator table.
 *
 * <p>The schema allows what the parser allows and rejects what it rejects wherever a schema can
 * say so: unknown keys and parameters ({@code additionalProperties: false}), unknown kinds (each
 * plugin block is one alternative per kind, told apart by a constant {@code kind}), wrong types
 * and out-of-range values. It is looser in three places, on purpose: {@code defaults} and
 * {@code grid} fill keys in after the file is read, so only {@code name} and {@code models} of an
 * experiment and {@code kind} of a block are required; rules that span blocks (a model named by
 * {@code baseline}, a strategy on a target without direction, a plan that fits the data) are
 * left to {@code foresight validate}.
 *
 * <p>Output is deterministic: keys in the order of the key lists, plugins by contract then kind,
 * parameters in their provider's order, so the published file is byte-stable.
 */
public final class BatchSchema {

    /** Where the published file lives, relative to the repository root. */
    public static final String PUBLISHED = "schema/foresight-batch.schema.json";

    /** A synthetic data kind as the schema documents it: parameters with defaults and meanings, in order. */
    public record SyntheticKind(String kind, String description, Map<String, Double> defaults,
                                Map<String, String> meanings) {
        public SyntheticKind {
            defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
            meanings = Map.copyOf(meanings);
        }
    }

    /** A plugin contract as written in a batch: its definition's name, what it is, and its block's own keys. */
    private record Contract(Class<?> type, String definition, String what, boolean bareKind) {
    }

    private static final List<Contract> CONTRACTS = List.of(
            new Contract(Target.class, "target", "what to forecast", true),
            new Contract(FeatureSet.class, "feature_set", "a set of feature columns", true),
            new Contract(Model.class, "model", "a model to compare", false),
            new Contract(Strategy.class, "strategy", "how forecasts become positions", true),
            new Contract(RegimeDetector.class, "regime_detector", "a regime detector, each its own breakdown", false));

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String NAME_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$";

    private final PluginRegistry plugins;
    private final List<SyntheticKind> synthetic;
    private final ObjectNode definitions = F.objectNode();

    private BatchSchema(PluginRegistry plugins, List<SyntheticKind> synthetic) {
        this.plugins = plugins;
        this.synthetic = List.copyOf(synthetic);
    }

    /** The schema of batches whose plugins are {@code plugins} and whose synthetic kinds are {@code synthetic}. */
    public static ObjectNode generate(PluginRegistry plugins, List<SyntheticKind> synthetic) {
        return new BatchSchema(plugins, synthetic).root();
    }

    /** {@link #generate} as the published text: two-space indentation, LF line ends, a final newline. */
    public static String render(PluginRegistry plugins, List<SyntheticKind> synthetic) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance)
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withArrayValueSpacing(Separators.Spacing.AFTER));
        try {
            return MAPPER.writer(printer).writeValueAsString(generate(plugins, synthetic)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode root() {
        ObjectNode root = F.objectNode();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.put("title", "Foresight batch");
        root.put("description", "A batch of walk-forward experiments for `foresight run`. Generated by `foresight schema`"
                + " from the code; `foresight validate` checks what a schema cannot (data files, plans, baselines).");
        definitions.set("name", object("a name: 1-64 letters, digits, '_', '.' or '-' (it becomes part of file names)")
                .put("type", "string").put("pattern", NAME_PATTERN));
        definitions.set("scalar", object("a single value").set("type", strings("string", "number", "boolean")));
        for (Contract c : CONTRACTS) {
            contract(c);
        }
        definitions.set("synthetic", synthetic());
        definitions.set("data", source(BatchKeys.DATA, "the primary price series (and optional input series)"));
        definitions.set("data_input", source(BatchKeys.INPUT, "another series, aligned with the primary one on "
                + "common dates; feature sets read it with symbol: NAME"));
        definitions.set("walk_forward", walkForward());
        definitions.set("experiment", experiment(BatchKeys.EXPERIMENT, "an experiment: models compared on one target, "
                + "data and walk-forward plan").set("required", strings("name", "models")));
        definitions.set("defaults", experiment(BatchKeys.DEFAULTABLE, "keys every experiment gets unless it sets them "
                + "itself: any experiment key but name and models"));

        ObjectNode properties = F.objectNode();
        for (String key : BatchKeys.TOP) {
            properties.set(key, topKey(key));
        }
        root.put("type", "object");
        root.set("properties", properties);
        root.set("required", strings("name", "experiments"));
        root.put("additionalProperties", false);
        root.set("definitions", definitions);
        return root;
    }

    private static ObjectNode topKey(String key) {
        return switch (key) {
            case "name" -> ref("name", "the batch name: names the output directory (runs/NAME)");
            case "description" -> ref("scalar", "free text saying what the batch is for");
            case "seed" -> field(BatchFormat.SEED);
            case "annualisation" -> section(BatchFormat.ANNUALISATION, null);
            case "data" -> ref("data", "default data for every experiment (an experiment's own data replaces it)");
            case "defaults" -> ref("defaults", "keys every experiment gets unless it sets them itself");
            case "experiments" -> object("the experiments, in order; each grid entry expands one into several")
                    .put("type", "array").put("minItems", 1).set("items", ref("experiment", null));
            default -> throw new IllegalStateException("no schema for top-level key '" + key + "'");
        };
    }

    private ObjectNode experiment(List<String> keys, String description) {
        return closed(description, keys, this::experimentKey);
    }

    private ObjectNode experimentKey(String key) {
        return switch (key) {
            case "name" -> ref("name", "the experiment's name (with grid values appended for each configuration)");
            case "data" -> ref("data", "this experiment's data, instead of the batch's");
            case "target" -> ref("target", "what to forecast, e.g. {kind: log-return, horizon: 1}");
            case "features" -> listOrOne("feature_set", "the feature sets whose columns the models see");
            case "walk_forward" -> ref("walk_forward", "the walk-forward plan, e.g. {train: 1008, test: 252}");
            case "strategy" -> ref("strategy", "how forecasts become positions (default sign; not allowed for a "
                    + "target without direction)");
            case "costs" -> section(BatchFormat.COSTS, null);
            case "execution" -> choice(BatchFormat.EXECUTION.doc(), dev.foresight.execution.Execution.CLOSE.yamlName(),
                    names(dev.foresight.execution.Execution.values()));
            case "portfolio" -> section(BatchFormat.PORTFOLIO, f -> switch (f.key()) {
                case "assets" -> object(f.doc()).put("type", "array").put("minItems", 2)
                        .set("items", F.objectNode().put("type", "string"));
                case "weighting" -> {
                    ObjectNode one = choice(null, null, names(dev.foresight.portfolio.Weighting.values()));
                    yield object(f.doc() + "; one or a list, each formed from the same runs").put("default",
                            dev.foresight.portfolio.Weighting.EQUAL.yamlName()).set("anyOf", F.arrayNode().add(one)
                            .add(F.objectNode().put("type", "array").put("minItems", 1).set("items", one.deepCopy())));
                }
                default -> null;
            }).set("required", strings("assets"));
            case "regimes" -> listOrOne("regime_detector", "regime detectors; results are broken down by each");
            case "models" -> listOrOne("model", "the models to compare");
            case "baseline" -> ref("scalar", "the model (by name) others are tested against; default: the first "
                    + "random-walk, else the first model");
            case "leakage" -> leakage();
            case "grid" -> grid();
            default -> throw new IllegalStateException("no schema for experiment key '" + key + "'");
        };
    }

    private static ObjectNode leakage() {
        return section(BatchFormat.LEAKAGE, f -> {
            if (!f.key().equals("perturb_folds")) {
                return null;
            }
            ObjectNode s = object(f.doc());
            if (f.fallback().intValue() == LeakageSettings.AUTO) {
                s.put("default", "auto");
            } else {
                s.put("default", f.fallback().intValue());
            }
            s.set("anyOf", F.arrayNode().add(F.objectNode().put("const", "auto"))
                    .add(F.objectNode().put("type", "integer").put("minimum", f.min().longValue())
                            .put("maximum", f.max().longValue())));
            return s;
        });
    }

    private static ObjectNode grid() {
        // A key is an experiment key, a path inside one (walk_forward.window), or a model's name
        // then its parameter (ar5.p): BatchExpansion tells them apart once the models are known.
        String experimentKey = String.join("|", BatchKeys.DEFAULTABLE.stream().filter(k -> !k.equals("grid")).toList());
        return object("each entry expands into several configurations (the cartesian product): experiment keys "
                + "(walk_forward.window: [expanding, rolling]) or a model's name and parameter (ar5.p: [1, 5])")
                .put("type", "object")
                .<ObjectNode>set("propertyNames", F.objectNode().put("pattern", "^((" + experimentKey
                        + ")|[^.]+\\..+)$"))
                .set("additionalProperties", object("the values, one configuration each").put("type", "array")
                        .put("minItems", 1));
    }

    private ObjectNode walkForward() {
        ObjectNode plan = section(BatchFormat.WALK_FORWARD, f -> switch (f.key()) {
            case "window" -> choice(f.doc(), WindowType.EXPANDING.yamlName(), names(WindowType.values()));
            case "train" -> object(f.doc()).set("anyOf", F.arrayNode()
                    .add(F.objectNode().put("type", "integer").put("minimum", f.min().longValue()))
                    .add(F.objectNode().put("type", "number").put("exclusiveMinimum", 0).put("exclusiveMaximum", 1)));
            default -> null;
        });
        // A fractional train is one split: the test block is the rest of the series.
        ArrayNode present = F.arrayNode();
        BatchKeys.SINGLE_SPLIT_EXCLUDES.forEach(k -> present.add(F.objectNode().set("required", strings(k))));
        plan.set("if", F.objectNode().<ObjectNode>set("properties", F.objectNode().set("train", F.objectNode()
                .put("type", "number").set("not", F.objectNode().put("type", "integer")))).set("required", strings("train")));
        plan.set("then", object("with a fractional train leave out " + String.join(", ", BatchKeys.SINGLE_SPLIT_EXCLUDES))
                .set("not", F.objectNode().set("anyOf", present)));
        return plan;
    }

    private ObjectNode source(List<String> keys, String description) {
        ObjectNode source = closed(description + "; exactly one of path (a CSV file) or synthetic (a simulator)", keys,
                k -> {
                    String doc = BatchFormat.DATA.field(k).doc();
                    return switch (k) {
                        case "symbol" -> ref("name", doc);
                        case "path", "date_format" -> ref("scalar", doc);
                        case "columns" -> closed(doc, BatchKeys.COLUMNS, c -> ref("scalar", "the header of the " + c
                                + " column"));
                        case "missing" -> choice(doc, "error", BatchKeys.MISSING);
                        case "synthetic" -> ref("synthetic", doc);
                        case "inputs" -> listOrOne("data_input", doc);
                        case "start", "end" -> object(doc).put("type", "string").put("pattern", "^\\d{4}-\\d{2}-\\d{2}$");
                        default -> null;
                    };
                });
        source.set("oneOf", F.arrayNode().add(F.objectNode().set("required", strings("path")))
                .add(F.objectNode().set("required", strings("synthetic"))));
        ArrayNode csvOnly = F.arrayNode();
        BatchKeys.CSV_ONLY.forEach(k -> csvOnly.add(F.objectNode().set("required", strings(k))));
        source.set("if", F.objectNode().set("required", strings("synthetic")));
        source.set("then", object(String.join(", ", BatchKeys.CSV_ONLY) + " apply to CSV files, not to synthetic data")
                .set("not", F.objectNode().set("anyOf", csvOnly)));
        return source;
    }

    private ObjectNode synthetic() {
        definitions.putObject("synthetic"); // first, then its kinds: the caller fills it in
        ArrayNode kinds = F.arrayNode();
        for (SyntheticKind k : synthetic) {
            ObjectNode properties = F.objectNode();
            for (Field f : BatchFormat.SYNTHETIC.fields()) {
                properties.set(f.key(), f.key().equals("kind") ? object(k.description()).put("const", k.kind())
                        : field(f));
            }
            k.defaults().forEach((p, d) -> properties.set(p, number(k.meanings().getOrDefault(p, p), d, null, null)));
            String name = "synthetic." + k.kind();
            definitions.set(name, object(k.description()).put("type", "object").<ObjectNode>set("properties", properties)
                    .<ObjectNode>set("required", strings("kind")).put("additionalProperties", false));
            kinds.add(ref(name, null));
        }
        return object("a seeded simulator: kind " + String.join(", ", synthetic.stream().map(SyntheticKind::kind)
                .toList()) + "; every parameter is optional").set("anyOf", kinds);
    }

    /** The contract's definition (one alternative per kind) and one definition per kind. */
    private void contract(Contract c) {
        List<PluginProvider<?>> providers = plugins.all().stream().filter(p -> p.contract() == c.type()).toList();
        if (providers.isEmpty()) {
            throw new IllegalStateException("no " + c.type().getSimpleName() + " plugins on the class path");
        }
        definitions.putObject(c.definition()); // first, then its kinds: filled in below
        ArrayNode alternatives = F.arrayNode();
        List<String> bare = new ArrayList<>();
        for (PluginProvider<?> p : providers) {
            String name = c.definition() + "." + p.kind();
            definitions.set(name, kind(c, p));
            alternatives.add(ref(name, null));
            if (p.parameters().stream().noneMatch(ParameterSpec::required)) {
                bare.add(p.kind());
            }
        }
        if (c.bareKind() && !bare.isEmpty()) {
            alternatives.insert(0, object("a bare kind: every parameter at its default").put("type", "string")
                    .set("enum", strings(bare)));
        }
        definitions.set(c.definition(), object(c.what() + ": {kind: KIND, parameter: value, ...}"
                + (c.bareKind() ? " or a bare KIND" : "") + "; `foresight plugins` lists the kinds")
                .set("anyOf", alternatives));
    }

    private ObjectNode kind(Contract c, PluginProvider<?> p) {
        ObjectNode properties = F.objectNode();
        properties.set("kind", object(p.description()).put("const", p.kind()));
        List<String> required = new ArrayList<>(List.of("kind"));
        if (c.type() == Model.class) {
            properties.set("name", ref("name", "the model's label in results (default: its kind); unique in the "
                    + "experiment, and what baseline and grid keys refer to"));
            String scaling = defaultScaling(p);
            properties.set("scaling", choice("feature scaling, fit on training rows only", scaling,
                    names(ScalingMethod.values())));
        } else if (c.type() == RegimeDetector.class) {
            properties.set("name", ref("name", "the breakdown's name (default: the kind); unique in the experiment"));
        }
        Set<String> reserved = c.type() == Model.class ? BatchKeys.MODEL_RESERVED
                : c.type() == RegimeDetector.class ? BatchKeys.REGIME_RESERVED : BatchKeys.PLUGIN_RESERVED;
        if (!reserved.equals(properties.properties().stream().map(Map.Entry::getKey)
                .collect(Collectors.toSet()))) {
            throw new IllegalStateException(c.definition() + ": the schema's own keys differ from the parser's " + reserved);
        }
        for (ParameterSpec s : p.parameters()) {
            if (reserved.contains(s.name())) {
                continue; // the parser reads it as the block's own key, never as a parameter
            }
            properties.set(s.name(), parameter(s));
            if (s.required()) {
                required.add(s.name());
            }
        }
        return object(p.description()).put("type", "object").<ObjectNode>set("properties", properties)
                .<ObjectNode>set("required", strings(required)).put("additionalProperties", false);
    }

    private String defaultScaling(PluginProvider<?> p) {
        try {
            return plugins.create(Model.class, p.kind(), Map.of(), Location.of("schema")).instance().defaultScaling()
                    .yamlName();
        } catch (UserError e) {
            return null; // a model with required parameters: no default instance to ask
        }
    }

    /** One parameter: its type, range and default as {@link dev.foresight.plugin.Parameters#resolve} enforces them. */
    private static ObjectNode parameter(ParameterSpec s) {
        String description = s.description().isEmpty() ? s.rule() : s.description() + " (" + s.rule() + ")";
        ObjectNode out = object(description);
        ObjectNode item = F.objectNode();
        switch (s.type()) {
            case INTEGER, INTEGER_LIST -> {
                item.put("type", "integer");
                if (s.min() > Integer.MIN_VALUE && s.min() != -Double.MAX_VALUE) {
                    item.put("minimum", (long) s.min());
                }
                if (s.max() < Integer.MAX_VALUE && s.max() != Double.MAX_VALUE) {
                    item.put("maximum", (long) s.max());
                }
            }
            case REAL, REAL_LIST -> {
                item.put("type", "number");
                if (s.min() != -Double.MAX_VALUE) {
                    item.put("minimum", s.min());
                }
                if (s.max() != Double.MAX_VALUE) {
                    item.put("maximum", s.max());
                }
            }
            case BOOLEAN -> item.put("type", "boolean");
            case CHOICE -> item.set("enum", strings(s.choices()));
            case TEXT, TEXT_LIST -> item.set("type", strings("string", "number", "boolean"));
            default -> throw new IllegalStateException(s.type().toString());
        }
        switch (s.type()) {
            // A list parameter also takes a single value (a list of one); a text list also takes a
            // mapping of scalars, which arrives as "name: value" texts.
            case INTEGER_LIST, REAL_LIST, TEXT_LIST -> {
                ArrayNode forms = F.arrayNode().add(F.objectNode().put("type", "array").put("minItems", 1)
                        .set("items", item)).add(item.deepCopy());
                if (s.type() == ParameterSpec.Type.TEXT_LIST) {
                    forms.add(F.objectNode().put("type", "object").put("minProperties", 1)
                            .set("additionalProperties", item.deepCopy()));
                }
                out.set("anyOf", forms);
            }
            default -> out.setAll(item);
        }
        if (!s.required()) {
            out.set("default", defaultValue(s.defaultValue()));
        }
        return out;
    }

    private static com.fasterxml.jackson.databind.JsonNode defaultValue(Object v) {
        return MAPPER.valueToTree(v);
    }

    // --- small builders: every node starts with its description, so hovers read first what a key means

    private static ObjectNode object(String description) {
        ObjectNode n = F.objectNode();
        if (description != null) {
            n.put("description", description);
        }
        return n;
    }

    private static ObjectNode ref(String definition, String description) {
        return object(description).put("$ref", "#/definitions/" + definition);
    }

    private static ObjectNode listOrOne(String definition, String description) {
        // The parser takes a single block where a list is expected, as a list of one.
        return object(description).set("anyOf", F.arrayNode()
                .add(F.objectNode().put("type", "array").set("items", ref(definition, null)))
                .add(ref(definition, null)));
    }

    /** An object with exactly {@code keys}, each given its schema by {@code schemaOf}. */
    private static ObjectNode closed(String description, Collection<String> keys,
                                     Function<String, ObjectNode> schemaOf) {
        ObjectNode properties = F.objectNode();
        for (String k : keys) {
            ObjectNode s = schemaOf.apply(k);
            if (s == null) {
                throw new IllegalStateException("no schema for key '" + k + "'");
            }
            properties.set(k, s);
        }
        return object(description).put("type", "object").<ObjectNode>set("properties", properties)
                .put("additionalProperties", false);
    }

    /**
     * A fixed section as a closed object, each key from its {@link Field} description, unless
     * {@code special} (when given) returns the key's own schema: keys whose shape one type cannot
     * state, such as {@code perturb_folds}' integer-or-auto.
     */
    private static ObjectNode section(Section section, Function<Field, ObjectNode> special) {
        return closed(section.doc(), section.keys(), k -> {
            Field f = section.field(k);
            ObjectNode own = special == null ? null : special.apply(f);
            return own != null ? own : field(f);
        });
    }

    /** One described key: its type, bounds and default in the order {@link #bounded} writes them. */
    private static ObjectNode field(Field f) {
        return switch (f.type()) {
            case INTEGER -> bounded("integer", f.doc(), f.fallback(), f.min(), f.max());
            case REAL -> bounded("number", f.doc(), f.fallback(), f.min(), f.max());
            case BOOLEAN -> object(f.doc()).put("type", "boolean").put("default", f.fallbackBoolean());
            case SPECIAL -> throw new IllegalStateException(f.key() + " has no generic schema");
        };
    }

    private static ObjectNode number(String description, Double fallback, Double min, Double max) {
        return bounded("number", description, fallback, min, max);
    }

    /** A JSON number of {@code type} with its optional bounds and default, in that order. */
    private static ObjectNode bounded(String type, String description, Number fallback, Number min, Number max) {
        ObjectNode n = object(description).put("type", type);
        putNumber(n, "minimum", min);
        putNumber(n, "maximum", max);
        putNumber(n, "default", fallback);
        return n;
    }

    private static void putNumber(ObjectNode n, String key, Number v) {
        if (v instanceof Double d) {
            n.put(key, d);
        } else if (v != null) {
            n.put(key, v.longValue());
        }
    }

    private static ObjectNode choice(String description, String fallback, Collection<String> choices) {
        ObjectNode n = object(description).set("enum", strings(choices));
        if (fallback != null) {
            n.put("default", fallback);
        }
        return n;
    }

    /**
     * An enum's YAML names: the documented one first, then its spelling without separators, both
     * of which {@link Fields#choice} accepts ({@code z-score}, {@code zscore}).
     */
    private static List<String> names(Enum<?>[] values) {
        Set<String> out = new LinkedHashSet<>();
        for (Enum<?> e : values) {
            out.add(e instanceof ScalingMethod m ? m.yamlName() : e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        Arrays.stream(values).forEach(e -> out.add(e.name().toLowerCase(Locale.ROOT).replace("_", "")));
        return List.copyOf(out);
    }

    private static ArrayNode strings(String... values) {
        return strings(List.of(values));
    }

    private static ArrayNode strings(Collection<String> values) {
        ArrayNode a = F.arrayNode();
        values.forEach(a::add);
        return a;
    }
}

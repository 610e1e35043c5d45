package dev.foresight.batch;

import dev.foresight.error.UserError;
import dev.foresight.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The batch file's shorthands, applied to the YAML tree before it is typed: {@code defaults}
 * (and the top-level {@code data} shorthand) fill every experiment's missing keys, and each
 * {@code grid} entry expands a key into several configurations — the cartesian product, each with
 * a stable, readable name.
 *
 * <p>A grid key is either a path inside the experiment ({@code walk_forward.window: [expanding,
 * rolling]} makes experiments {@code NAME.window-expanding} and {@code NAME.window-rolling}) or a
 * model's name followed by one of its parameters ({@code ar.p: [1, 5]} makes models {@code ar.p-1}
 * and {@code ar.p-5}). Values may be lists ({@code lstm.units: [[64, 32], [128, 64]]} names them
 * {@code units-64x32}).
 */
final class BatchExpansion {

    /** Keys {@code defaults} may hold: everything an experiment has but its name and models. */
    static final List<String> DEFAULTABLE = BatchKeys.DEFAULTABLE;

    private BatchExpansion() {
    }

    /**
     * Most experiment × model configurations a batch may expand to. Checked by counting before
     * anything is expanded, so a grid of 200,000 values is one located error, at once, in little memory.
     */
    static final int MAX_CONFIGURATIONS = 10_000;

    /** Every experiment node after defaults and grids, in file order. */
    static List<YamlNode> experiments(YamlNode.Mapping root, YamlNode.Sequence experiments, Problems problems) {
        Map<String, YamlNode> defaults = defaults(root, problems);
        List<YamlNode> out = new ArrayList<>();
        long configurations = 0;
        for (YamlNode e : experiments.items()) {
            if (!(e instanceof YamlNode.Mapping m)) {
                out.add(e); // the typed stage reports it
                continue;
            }
            YamlNode.Mapping merged = m;
            for (Map.Entry<String, YamlNode> d : defaults.entrySet()) {
                if (!merged.has(d.getKey())) {
                    merged = merged.with(d.getKey(), d.getValue());
                }
            }
            long these = configurations(merged);
            configurations += these;
            if (these < 0 || configurations > MAX_CONFIGURATIONS) {
                problems.add(new UserError(e.location(), "the batch expands to more than " + MAX_CONFIGURATIONS
                        + " experiment × model configurations by this experiment (grids multiply): split it into"
                        + " several batches"));
                break;
            }
            YamlNode.Mapping finalMerged = merged;
            out.addAll(problems.attempt(() -> expandGrid(finalMerged), List.of(finalMerged)));
        }
        return out;
    }

    /**
     * The keys every experiment inherits. A problem here is recorded once and the rest still
     * applies (an unknown key is dropped, the others kept), so the experiments' own problems are
     * reported in the same pass.
     */
    private static Map<String, YamlNode> defaults(YamlNode.Mapping root, Problems problems) {
        Map<String, YamlNode> out = new LinkedHashMap<>();
        if (root.has("defaults")) {
            YamlNode.Mapping d = problems.attempt(() -> Fields.mapping(root.get("defaults"), "defaults"), null);
            if (d != null) {
                d.unknownKeys(DEFAULTABLE).forEach(problems::add);
                d.entries().forEach((k, v) -> {
                    if (DEFAULTABLE.contains(k)) {
                        out.put(k, v);
                    }
                });
            }
        }
        if (root.has("data")) {
            if (out.containsKey("data")) {
                problems.add(new UserError(root.get("data").location(), "data is given both at the top and in defaults:"
                        + " keep one"));
            }
            out.put("data", root.get("data"));
        }
        return out;
    }

    private record Axis(String path, String label, List<YamlNode> values, YamlNode.Mapping model) {
    }

    /**
     * How many experiment × model configurations {@code experiment} expands to, counted without
     * expanding (grid values per key multiply); -1 past {@link #MAX_CONFIGURATIONS}.
     */
    private static long configurations(YamlNode.Mapping experiment) {
        YamlNode modelsNode = experiment.get("models");
        List<YamlNode> models = modelsNode instanceof YamlNode.Sequence q ? q.items() : List.of();
        if (!(experiment.get("grid") instanceof YamlNode.Mapping grid)) {
            return Math.max(1, models.size());
        }
        Map<String, Long> perModel = new LinkedHashMap<>();
        for (YamlNode m : models) {
            String label = m instanceof YamlNode.Mapping mm ? label(mm) : null;
            perModel.merge(label == null ? "\u0000" + perModel.size() : label, 1L, (a, b) -> a);
        }
        long experimentProduct = 1;
        for (Map.Entry<String, YamlNode> e : grid.entries().entrySet()) {
            if (!(e.getValue() instanceof YamlNode.Sequence q) || q.items().isEmpty()) {
                continue; // reported when the grid is expanded
            }
            int dot = e.getKey().indexOf('.');
            String head = dot < 0 ? e.getKey() : e.getKey().substring(0, dot);
            long n = q.items().size();
            if (dot > 0 && perModel.containsKey(head)) {
                perModel.put(head, perModel.get(head) * n);
            } else {
                experimentProduct *= n;
            }
            if (experimentProduct > MAX_CONFIGURATIONS || perModel.get(head) != null
                    && perModel.get(head) > MAX_CONFIGURATIONS) {
                return -1;
            }
        }
        long modelsAfter = Math.max(1, perModel.values().stream().mapToLong(Long::longValue).sum());
        return modelsAfter > MAX_CONFIGURATIONS / experimentProduct + 1 ? -1 : modelsAfter * experimentProduct;
    }

    private static List<YamlNode> expandGrid(YamlNode.Mapping experiment) {
        YamlNode gridNode = experiment.get("grid");
        if (gridNode == null) {
            return List.of(experiment);
        }
        YamlNode.Mapping grid = Fields.mapping(gridNode, "grid");
        YamlNode.Mapping base = without(experiment, "grid");
        Map<String, YamlNode.Mapping> models = modelsByLabel(base);
        List<Axis> experimentAxes = new ArrayList<>();
        Map<String, List<Axis>> modelAxes = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> entry : grid.entries().entrySet()) {
            String key = entry.getKey();
            YamlNode valuesNode = entry.getValue();
            if (!(valuesNode instanceof YamlNode.Sequence values) || values.items().isEmpty()) {
                throw new UserError(valuesNode.location(), "grid '" + key + "' needs a non-empty list of values, got "
                        + valuesNode.describe());
            }
            int dot = key.indexOf('.');
            String head = dot < 0 ? key : key.substring(0, dot);
            String last = key.substring(key.lastIndexOf('.') + 1).replaceAll("\\[\\d+\\]", "");
            if (models.containsKey(head) && dot > 0) {
                modelAxes.computeIfAbsent(head, k -> new ArrayList<>())
                        .add(new Axis(key.substring(dot + 1), last, values.items(), models.get(head)));
            } else if (DEFAULTABLE.contains(head) && !head.equals("grid")) {
                experimentAxes.add(new Axis(key, last, values.items(), null));
            } else {
                throw new UserError(valuesNode.location().withField(Fields.join(grid.path(), key)), "grid key '" + key
                        + "': '" + head + "' is neither an experiment key ("
                        + String.join(", ", DEFAULTABLE.subList(0, DEFAULTABLE.size() - 1))
                        + ") nor a model of this experiment (" + String.join(", ", models.keySet()) + ")");
            }
        }
        // Models first: each model with grid entries becomes one model per combination.
        YamlNode.Mapping withModels = base;
        if (!modelAxes.isEmpty()) {
            List<YamlNode> expanded = new ArrayList<>();
            for (YamlNode modelNode : base.get("models").asList()) {
                String label = modelNode instanceof YamlNode.Mapping mm ? label(mm) : null;
                List<Axis> axes = label == null ? null : modelAxes.get(label);
                if (axes == null) {
                    expanded.add(modelNode);
                    continue;
                }
                for (List<Integer> combination : product(axes)) {
                    YamlNode variant = modelNode;
                    StringBuilder name = new StringBuilder(label);
                    for (int i = 0; i < axes.size(); i++) {
                        YamlNode value = axes.get(i).values().get(combination.get(i));
                        variant = Overrides.setAt(variant, axes.get(i).path(), value);
                        name.append('.').append(axes.get(i).label()).append('-').append(show(value, combination.get(i)));
                    }
                    expanded.add(((YamlNode.Mapping) variant).with("name",
                            new YamlNode.Scalar(name.toString(), modelNode.location())));
                }
            }
            withModels = base.with("models", new YamlNode.Sequence(expanded, base.get("models").location()));
        }
        if (experimentAxes.isEmpty()) {
            return List.of(withModels);
        }
        String name = Fields.text(Fields.require(withModels, "name", "the experiment's name"), "experiment name");
        List<YamlNode> out = new ArrayList<>();
        for (List<Integer> combination : product(experimentAxes)) {
            YamlNode variant = withModels;
            StringBuilder variantName = new StringBuilder(name);
            for (int i = 0; i < experimentAxes.size(); i++) {
                YamlNode value = experimentAxes.get(i).values().get(combination.get(i));
                variant = Overrides.setAt(variant, experimentAxes.get(i).path(), value);
                variantName.append('.').append(experimentAxes.get(i).label()).append('-')
                        .append(show(value, combination.get(i)));
            }
            out.add(((YamlNode.Mapping) variant).with("name", new YamlNode.Scalar(variantName.toString(),
                    withModels.get("name").location())));
        }
        return out;
    }

    /** A model's label as the typed stage will give it: its name, else its kind. */
    private static String label(YamlNode.Mapping model) {
        YamlNode n = model.has("name") ? model.get("name") : model.get("kind");
        return n instanceof YamlNode.Scalar s && !s.isNull() ? s.text() : null;
    }

    private static Map<String, YamlNode.Mapping> modelsByLabel(YamlNode.Mapping experiment) {
        Map<String, YamlNode.Mapping> out = new LinkedHashMap<>();
        YamlNode models = experiment.get("models");
        if (models != null) {
            for (YamlNode m : models.asList()) {
                if (m instanceof YamlNode.Mapping mm && label(mm) != null) {
                    out.putIfAbsent(label(mm), mm);
                }
            }
        }
        return out;
    }

    /** Index combinations of the axes, the first axis varying slowest. */
    private static List<List<Integer>> product(List<Axis> axes) {
        List<List<Integer>> out = new ArrayList<>(List.of(List.of()));
        for (Axis a : axes) {
            List<List<Integer>> next = new ArrayList<>();
            for (List<Integer> prefix : out) {
                for (int i = 0; i < a.values().size(); i++) {
                    List<Integer> c = new ArrayList<>(prefix);
                    c.add(i);
                    next.add(c);
                }
            }
            out = next;
        }
        return out;
    }

    /**
     * A value as it appears in a generated name: scalars as written, lists of scalars joined with
     * 'x'; anything with a mapping inside by its 1-based position in the grid's list.
     */
    static String show(YamlNode value, int index) {
        String text = text(value);
        return text == null ? String.valueOf(index + 1) : text.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static String text(YamlNode value) {
        if (value instanceof YamlNode.Scalar s) {
            return s.isNull() ? "null" : s.text();
        }
        if (value instanceof YamlNode.Sequence q) {
            List<String> parts = new ArrayList<>();
            for (YamlNode item : q.items()) {
                String t = text(item);
                if (t == null) {
                    return null;
                }
                parts.add(t);
            }
            return String.join("x", parts);
        }
        return null;
    }

    private static YamlNode.Mapping without(YamlNode.Mapping m, String key) {
        Map<String, YamlNode> copy = new LinkedHashMap<>(m.entries());
        copy.remove(key);
        return new YamlNode.Mapping(copy, m.location());
    }
}

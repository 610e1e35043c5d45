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

    /** Every experiment node after defaults and grids, in file order. */
    static List<YamlNode> experiments(YamlNode.Mapping root, YamlNode.Sequence experiments, Problems problems) {
        Map<String, YamlNode> defaults = defaults(root);
        List<YamlNode> out = new ArrayList<>();
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
            YamlNode.Mapping finalMerged = merged;
            out.addAll(problems.attempt(() -> expandGrid(finalMerged), List.of(finalMerged)));
        }
        return out;
    }

    private static Map<String, YamlNode> defaults(YamlNode.Mapping root) {
        Map<String, YamlNode> out = new LinkedHashMap<>();
        if (root.has("defaults")) {
            YamlNode.Mapping d = Fields.mapping(root.get("defaults"), "defaults");
            d.allowOnly(DEFAULTABLE);
            out.putAll(d.entries());
        }
        if (root.has("data")) {
            if (out.containsKey("data")) {
                throw new UserError(root.get("data").location(), "data is given both at the top and in defaults: keep one");
            }
            out.put("data", root.get("data"));
        }
        return out;
    }

    private record Axis(String path, String label, List<YamlNode> values, YamlNode.Mapping model) {
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

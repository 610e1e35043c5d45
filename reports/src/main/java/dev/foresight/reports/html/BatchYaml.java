package dev.foresight.reports.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.foresight.result.ResolvedBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolved configuration written back as a batch file, in the batch file's own key names
 * ({@code walk_forward}, {@code costs: {bps, slippage_bps}}, {@code annualisation}, models as
 * {@code {kind, name, ...parameters}}), so a reader can paste it into a file and run it again.
 *
 * <p>{@code config.resolved.json} is the {@link ResolvedBatch} record serialised as is: its record
 * components are camelCase and some are regrouped (the data source's {@code primary}/{@code inputs},
 * a model's {@code parameters}, the costs as two numbers). The maps inside it (target, features,
 * strategy, regimes, walk-forward plan, leakage) are already in batch-file keys and pass through.
 * Every default is written out, so the pasted batch does not depend on defaults that may change.
 */
final class BatchYaml {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // a string that reads as a number (a symbol "1", a header "2024") must stay a string
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    private BatchYaml() {
    }

    /** The batch as YAML text, with a comment saying where it came from. */
    static String render(ResolvedBatch batch) {
        try {
            return "# The batch as it was run, every default written out (from config.resolved.json).\n"
                    + "# Paste into a .yaml file: `foresight validate FILE` accepts it; grid entries appear expanded.\n"
                    + YAML.writeValueAsString(of(batch));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the resolved config as YAML", e);
        }
    }

    /** The batch as a tree in batch-file key names, in the order a batch file is written. */
    static Map<String, Object> of(ResolvedBatch batch) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", batch.name());
        putIfPresent(out, "description", batch.description());
        out.put("seed", batch.seed());
        Map<String, Object> annualisation = new LinkedHashMap<>();
        annualisation.put("periods_per_year", batch.periodsPerYear());
        annualisation.put("risk_free_rate", batch.riskFreeRate());
        out.put("annualisation", annualisation);
        out.put("experiments", batch.experiments().stream().map(BatchYaml::experiment).toList());
        return out;
    }

    private static Map<String, Object> experiment(ResolvedBatch.Experiment e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", e.name());
        if (e.data() != null && !e.data().isEmpty()) {
            out.put("data", data(e.data()));
        }
        putIfPresent(out, "target", kindFirst(e.target()));
        out.put("features", e.features().stream().map(BatchYaml::kindFirst).toList());
        putIfPresent(out, "walk_forward", e.walkForward());
        putIfPresent(out, "strategy", kindFirst(e.strategy()));
        Map<String, Object> costs = new LinkedHashMap<>();
        costs.put("bps", e.costBps());
        costs.put("slippage_bps", e.slippageBps());
        out.put("costs", costs);
        out.put("regimes", e.regimes().stream().map(BatchYaml::kindFirst).toList());
        out.put("models", e.models().stream().map(BatchYaml::model).toList());
        putIfPresent(out, "baseline", e.baseline());
        if (e.leakage() != null && !e.leakage().isEmpty()) {
            out.put("leakage", leakage(e.leakage()));
        }
        return out;
    }

    /**
     * The resolved data is {@code {primary: SOURCE, inputs: [SOURCE...]}}; a batch file writes the
     * primary source's keys at the top of {@code data}, beside the date range ({@code start}, {@code end}). A map without {@code primary} is already
     * in the file's shape (result directories written before the split) and passes through.
     */
    private static Map<String, Object> data(Map<String, Object> data) {
        if (!(data.get("primary") instanceof Map<?, ?> primary)) {
            return data;
        }
        Map<String, Object> out = source(primary);
        if (data.get("inputs") instanceof List<?> inputs && !inputs.isEmpty()) {
            List<Map<String, Object>> sources = new ArrayList<>();
            for (Object input : inputs) {
                sources.add(source((Map<?, ?>) input));
            }
            out.put("inputs", sources);
        }
        // the date range (start/end, recorded only when set) applies to every series: top level of data
        putIfPresent(out, "start", data.get("start"));
        putIfPresent(out, "end", data.get("end"));
        return out;
    }

    /**
     * A resolved source names its simulator as {@code synthetic: KIND} beside {@code bars},
     * {@code seed} and {@code parameters}; the file nests them all in {@code synthetic: {kind, ...}}.
     */
    private static Map<String, Object> source(Map<?, ?> source) {
        Map<String, Object> out = new LinkedHashMap<>();
        Object kind = source.get("synthetic");
        if (kind instanceof String) {
            putIfPresent(out, "symbol", source.get("symbol"));
            Map<String, Object> synthetic = new LinkedHashMap<>();
            synthetic.put("kind", kind);
            putIfPresent(synthetic, "bars", source.get("bars"));
            putIfPresent(synthetic, "seed", source.get("seed"));
            if (source.get("parameters") instanceof Map<?, ?> parameters) {
                parameters.forEach((k, v) -> synthetic.put(String.valueOf(k), v));
            }
            out.put("synthetic", synthetic);
            return out;
        }
        source.forEach((k, v) -> putIfPresent(out, String.valueOf(k), v));
        return out;
    }

    /** A model as the file writes it: kind and name first, then scaling and its parameters flat. */
    private static Map<String, Object> model(ResolvedBatch.Model m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", m.kind());
        out.put("name", m.name());
        putIfPresent(out, "scaling", m.scaling());
        if (m.parameters() != null) {
            m.parameters().forEach((k, v) -> {
                if (!out.containsKey(k)) {
                    out.put(k, v);
                }
            });
        }
        return out;
    }

    /** {@code perturb_folds} is recorded as text ("auto" or a count); the file wants the count as a number. */
    private static Map<String, Object> leakage(Map<String, Object> leakage) {
        Map<String, Object> out = new LinkedHashMap<>(leakage);
        if (out.get("perturb_folds") instanceof String s && s.matches("\\d{1,9}")) {
            out.put("perturb_folds", Integer.parseInt(s));
        }
        return out;
    }

    /** The resolved maps are sorted by key; a batch file reads better with {@code kind} first. */
    private static Map<String, Object> kindFirst(Map<String, Object> entry) {
        if (entry == null || !entry.containsKey("kind")) {
            return entry;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", entry.get("kind"));
        entry.forEach(out::putIfAbsent);
        return out;
    }

    private static void putIfPresent(Map<String, Object> out, String key, Object value) {
        if (value != null) {
            out.put(key, value);
        }
    }
}

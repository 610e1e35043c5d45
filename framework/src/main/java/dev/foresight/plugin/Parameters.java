package dev.foresight.plugin;

import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A plugin's parameters after typing, range checks and defaults. Every value remembers where it
 * came from, so a plugin's own validation can still point at the YAML line
 * ({@link #error(String, String)}).
 */
public final class Parameters {

    private final String kind;
    private final Map<String, Object> values;
    private final Map<String, Location> locations;
    private final Location block;

    private Parameters(String kind, Map<String, Object> values, Map<String, Location> locations, Location block) {
        this.kind = kind;
        this.values = Collections.unmodifiableMap(values);
        this.locations = Map.copyOf(locations);
        this.block = block;
    }

    /** Parameters with every default, for tests and programmatic use. */
    public static Parameters defaults(PluginProvider<?> provider) {
        return resolve(provider, Map.of(), Location.of("defaults"));
    }

    /** Parameters from plain values (numbers, booleans, strings, lists), for tests and programmatic use. */
    public static Parameters of(PluginProvider<?> provider, Map<String, ?> given) {
        Location where = Location.of("code");
        Map<String, ParameterValue> raw = new LinkedHashMap<>();
        given.forEach((k, v) -> raw.put(k, new ParameterValue(v instanceof List<?> l ? l : String.valueOf(v),
                where.withField(k))));
        return resolve(provider, raw, where);
    }

    /**
     * Types and checks {@code given} against the provider's specs; unknown names, missing
     * required values, bad types and out-of-range values are {@link UserError}s located at the value.
     */
    public static Parameters resolve(PluginProvider<?> provider, Map<String, ParameterValue> given, Location block) {
        Map<String, ParameterSpec> specs = new LinkedHashMap<>();
        for (ParameterSpec s : provider.parameters()) {
            specs.put(s.name(), s);
        }
        for (Map.Entry<String, ParameterValue> e : given.entrySet()) {
            if (!specs.containsKey(e.getKey())) {
                String hint = Suggestions.closest(e.getKey(), specs.keySet())
                        .map(s -> " (did you mean '" + s + "'?)").orElse("");
                throw new UserError(e.getValue().location(), "unknown parameter '" + dev.foresight.error.Quote.of(e.getKey()) + "' for kind '"
                        + provider.kind() + "'" + hint + "; it accepts: "
                        + (specs.isEmpty() ? "no parameters" : String.join(", ", specs.keySet())));
            }
        }
        Map<String, Object> values = new TreeMap<>();
        Map<String, Location> locations = new TreeMap<>();
        for (ParameterSpec spec : specs.values()) {
            ParameterValue v = given.get(spec.name());
            if (v == null) {
                if (spec.required()) {
                    throw new UserError(block, "kind '" + provider.kind() + "' needs parameter '" + spec.name()
                            + "' (" + spec.rule() + ")");
                }
                values.put(spec.name(), spec.defaultValue());
                locations.put(spec.name(), block.withField(block.field().isEmpty() ? spec.name()
                        : block.field() + "." + spec.name()));
            } else {
                values.put(spec.name(), convert(spec, v));
                locations.put(spec.name(), v.location());
            }
        }
        return new Parameters(provider.kind(), values, locations, block);
    }

    private static Object convert(ParameterSpec spec, ParameterValue v) {
        Object raw = v.raw();
        boolean list = spec.type() == ParameterSpec.Type.INTEGER_LIST || spec.type() == ParameterSpec.Type.REAL_LIST
                || spec.type() == ParameterSpec.Type.TEXT_LIST;
        if (list) {
            List<?> items = raw instanceof List<?> l ? l : List.of(raw);
            if (items.isEmpty()) {
                throw bad(spec, v, "an empty list");
            }
            List<Object> out = new ArrayList<>();
            for (Object item : items) {
                out.add(scalar(spec, v, (String) item));
            }
            return List.copyOf(out);
        }
        if (raw instanceof List<?>) {
            throw bad(spec, v, "a list");
        }
        return scalar(spec, v, (String) raw);
    }

    private static Object scalar(ParameterSpec spec, ParameterValue v, String text) {
        String t = text.trim();
        switch (spec.type()) {
            case INTEGER, INTEGER_LIST -> {
                long n;
                try {
                    n = Long.parseLong(t);
                } catch (NumberFormatException e) {
                    throw bad(spec, v, "'" + dev.foresight.error.Quote.of(text) + "'");
                }
                if (n < spec.min() || n > spec.max()) {
                    throw bad(spec, v, String.valueOf(n));
                }
                return (int) n;
            }
            case REAL, REAL_LIST -> {
                double d;
                try {
                    d = Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw bad(spec, v, "'" + dev.foresight.error.Quote.of(text) + "'");
                }
                if (!Double.isFinite(d) || d < spec.min() || d > spec.max()) {
                    throw bad(spec, v, dev.foresight.error.Quote.of(text));
                }
                return d;
            }
            case BOOLEAN -> {
                String lower = t.toLowerCase(Locale.ROOT);
                if (lower.equals("true") || lower.equals("false")) {
                    return Boolean.parseBoolean(lower);
                }
                throw bad(spec, v, "'" + dev.foresight.error.Quote.of(text) + "'");
            }
            case CHOICE -> {
                if (spec.choices().contains(t)) {
                    return t;
                }
                String hint = Suggestions.closest(t, spec.choices()).map(s -> " (did you mean '" + s + "'?)").orElse("");
                throw new UserError(v.location(), spec.name() + " must be " + spec.rule() + ", got '" + dev.foresight.error.Quote.of(text) + "'" + hint);
            }
            case TEXT, TEXT_LIST -> {
                return text;
            }
            default -> throw new IllegalStateException(spec.type().toString());
        }
    }

    private static UserError bad(ParameterSpec spec, ParameterValue v, String got) {
        return new UserError(v.location(), spec.name() + " must be " + spec.rule() + ", got " + got);
    }

    public String kind() {
        return kind;
    }

    public int integer(String name) {
        return (Integer) get(name);
    }

    public double real(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public boolean bool(String name) {
        return (Boolean) get(name);
    }

    public String text(String name) {
        return (String) get(name);
    }

    @SuppressWarnings("unchecked")
    public List<Integer> integers(String name) {
        return (List<Integer>) get(name);
    }

    @SuppressWarnings("unchecked")
    public List<String> texts(String name) {
        return (List<String>) get(name);
    }

    @SuppressWarnings("unchecked")
    public List<Double> reals(String name) {
        Object v = get(name);
        return ((List<Number>) v).stream().map(Number::doubleValue).toList();
    }

    /** Every value, sorted by name: what goes into the resolved config and the cache key. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** A located error about one parameter, for rules that involve several values. */
    public UserError error(String name, String message) {
        Location where = locations.getOrDefault(name, block);
        return new UserError(where, message);
    }

    private Object get(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("kind '" + kind + "' declares no parameter '" + name + "'");
        }
        return values.get(name);
    }

    @Override
    public String toString() {
        return kind + values;
    }
}

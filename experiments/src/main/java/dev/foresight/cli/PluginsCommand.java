package dev.foresight.cli;

import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.PluginProvider;
import dev.foresight.plugin.PluginRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code foresight plugins}: every kind on the class path and the plugin path with its parameters
 * and defaults, and the jar (or class directory) it came from.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List every plugin kind (targets, feature sets, models, strategies, regime detectors) with its parameters.")
final class PluginsCommand implements Callable<Integer> {

    @picocli.CommandLine.Option(names = "--json", description = "print the kinds as JSON: contract, kind, description"
            + " and each parameter's name, rule, default and meaning")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> kinds = new ArrayList<>();
            for (PluginProvider<?> p : PluginRegistry.discover().all()) {
                Map<String, Object> k = new LinkedHashMap<>();
                k.put("contract", p.contract().getSimpleName());
                k.put("kind", p.kind());
                k.put("description", p.description());
                List<Map<String, Object>> params = new ArrayList<>();
                for (ParameterSpec s : p.parameters()) {
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("name", s.name());
                    one.put("rule", s.rule());
                    one.put("required", s.required());
                    one.put("default", s.required() ? null : s.defaultValue());
                    one.put("description", s.description());
                    params.add(one);
                }
                k.put("parameters", params);
                kinds.add(k);
            }
            Json.print(out, kinds);
            return Main.OK;
        }
        String contract = null;
        for (PluginProvider<?> p : PluginRegistry.discover().all()) {
            if (!p.contract().getSimpleName().equals(contract)) {
                contract = p.contract().getSimpleName();
                out.println((contract.equals("Target") ? "" : "\n") + contract + " kinds:");
            }
            out.printf("  %s — %s [from %s]%n", p.kind(), p.description(), source(p.getClass()));
            for (ParameterSpec s : p.parameters()) {
                out.printf("      %-14s %s; %s%s%n", s.name(), s.rule(),
                        s.required() ? "required" : "default " + format(s.defaultValue()),
                        s.description().isEmpty() ? "" : " — " + s.description());
            }
        }
        out.flush();
        return Main.OK;
    }

    /** The file name of the jar or class directory a plugin's classes come from. */
    static String source(Class<?> c) {
        var cs = c.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return "unknown";
        }
        try {
            Path p = Path.of(cs.getLocation().toURI());
            return p.getFileName() == null ? p.toString() : p.getFileName().toString().equals("classes")
                    || p.getFileName().toString().equals("test-classes") ? p.toString() : p.getFileName().toString();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return cs.getLocation().toString();
        }
    }

    private static String format(Object value) {
        return value instanceof String s && s.isEmpty() ? "\"\"" : String.valueOf(value);
    }
}

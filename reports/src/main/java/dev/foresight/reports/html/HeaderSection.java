package dev.foresight.reports.html;

import dev.foresight.result.TaskResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The page header: batch, data, date ranges, when the page was made, and the run's provenance. */
final class HeaderSection implements Section {

    record Item(String key, String value) {
    }

    record Data(String experiments, String source, String bars, String range, String sha256) {
    }

    record View(String batch, String description, String outOfSample, String generatedAt, List<Data> data,
                List<Item> provenance, String tasks, String failedTasks, boolean anyFailed) {
    }

    private final Instant generatedAt;

    HeaderSection(Instant generatedAt) {
        this.generatedAt = generatedAt;
    }

    @Override
    public String slot() {
        return "header";
    }

    @Override
    public String render(ReportInput in, Charts charts) {
        return Templates.render(slot(), view(in));
    }

    View view(ReportInput in) {
        TreeSet<String> testDates = new TreeSet<>();
        int tasks = 0;
        int failed = 0;
        for (ReportInput.Experiment e : in.experiments()) {
            for (ReportInput.ModelRun m : e.models()) {
                for (TaskResult t : m.tasks()) {
                    tasks++;
                    failed += t.ok() ? 0 : 1;
                    if (t.fold() != null) {
                        testDates.add(t.fold().testStartDate());
                        testDates.add(t.fold().testEndDate());
                    }
                }
            }
        }
        String oos = testDates.isEmpty() ? Fmt.NONE : testDates.first() + " → " + testDates.last();
        return new View(in.config().name(), in.config().description() == null ? "" : in.config().description(), oos,
                generatedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), data(in), provenance(in), String.valueOf(tasks), String.valueOf(failed), failed > 0);
    }

    /** One line per distinct data set (experiments sharing data are listed together). */
    private static List<Data> data(ReportInput in) {
        List<Data> out = new ArrayList<>();
        Object all = in.manifestValue("data");
        Map<String, List<String>> byHash = new LinkedHashMap<>();
        Map<String, Map<?, ?>> entry = new LinkedHashMap<>();
        if (all instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> x : m.entrySet()) {
                if (x.getValue() instanceof Map<?, ?> d) {
                    String hash = String.valueOf(d.get("data_sha256"));
                    byHash.computeIfAbsent(hash, k -> new ArrayList<>()).add(String.valueOf(x.getKey()));
                    entry.putIfAbsent(hash, d);
                }
            }
        }
        for (Map.Entry<String, List<String>> x : byHash.entrySet()) {
            Map<?, ?> d = entry.get(x.getKey());
            List<String> sources = new ArrayList<>();
            if (d.get("series") instanceof List<?> series) {
                for (Object s : series) {
                    if (s instanceof Map<?, ?> sm) {
                        Object src = sm.get("synthetic") != null ? "synthetic " + sm.get("synthetic") + " (seed " + sm.get("seed") + ")"
                                : sm.get("path");
                        sources.add(sm.get("symbol") + ": " + src);
                    }
                }
            }
            out.add(new Data(String.join(", ", x.getValue()), String.join("; ", sources), String.valueOf(d.get("bars")),
                    d.get("first_date") + " → " + d.get("last_date"), x.getKey()));
        }
        return out;
    }

    private static List<Item> provenance(ReportInput in) {
        List<Item> out = new ArrayList<>();
        add(out, "batch file", in.manifestValue("batch", "file"));
        add(out, "batch file SHA-256", in.manifestValue("batch", "file_sha256"));
        add(out, "resolved config SHA-256", in.manifestValue("batch", "resolved_config_sha256"));
        Object dirty = in.manifestValue("foresight", "git_dirty");
        Object commit = in.manifestValue("foresight", "git_commit");
        add(out, "git commit", commit == null ? null : commit + (Boolean.TRUE.equals(dirty) ? " (uncommitted changes)" : ""));
        add(out, "Foresight", in.manifestValue("foresight", "version"));
        add(out, "Java", in.manifestValue("runtime", "java_vm"));
        add(out, "OS", in.manifestValue("runtime", "os"));
        if (in.manifestValue("runtime", "libraries") instanceof Map<?, ?> libs) {
            List<String> l = new ArrayList<>();
            new TreeMap<>(libs).forEach((k, v) -> l.add(k + " " + v));
            add(out, "libraries", String.join(", ", l));
        }
        add(out, "batch seed", in.config().seed());
        Object cores = in.manifestValue("runtime", "cores");
        Object workers = in.manifestValue("runtime", "workers");
        add(out, "cores / workers", cores == null ? null : cores + " / " + workers);
        if (in.manifestValue("command") instanceof List<?> cmd) {
            add(out, "command", String.join(" ", cmd.stream().map(String::valueOf).toList()));
        }
        add(out, "run started", in.manifestValue("started"));
        add(out, "run finished", in.manifestValue("finished"));
        add(out, "result directory", in.dir().root().toAbsolutePath().normalize());
        return out;
    }

    private static void add(List<Item> out, String key, Object value) {
        if (value != null) {
            out.add(new Item(key, String.valueOf(value)));
        }
    }
}

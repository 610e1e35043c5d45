package dev.foresight.reports.html;

import dev.foresight.result.CanaryRecord;
import dev.foresight.result.CheckOutcome;
import dev.foresight.reports.summary.SummaryRow;
import dev.foresight.result.TaskResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The leakage checks, per experiment × model × check: how many task outcomes passed or failed,
 * with the evidence of every failure (and one passing outcome's evidence, to show what was
 * checked); the null-data canary and the implausibility warnings of the summary beside them.
 */
final class LeakageSection implements Section {

    static final List<String> CHECKS = List.of(CheckOutcome.FOLD_INTEGRITY, CheckOutcome.TRUNCATION,
            CheckOutcome.PERTURBATION, CheckOutcome.CANARY, CheckOutcome.IMPLAUSIBLE);

    record Cell(String text, String css, String title) {
    }

    record Evidence(String model, String scope, String check, String status, String css, String plugin, String text) {
    }

    record Row(String model, List<Cell> cells) {
    }

    record Block(String experiment, List<Row> rows, List<Evidence> failures, List<Evidence> samples) {
        boolean anyFailures() {
            return !failures.isEmpty();
        }
    }

    record View(List<String> checks, List<Block> blocks, boolean ok, String banner) {
    }

    record Totals(int tasks, int outcomes, int failed, int warnings) {
    }

    @Override
    public String slot() {
        return "leakage";
    }

    @Override
    public String render(ReportInput in, Charts charts) {
        List<Block> blocks = new ArrayList<>();
        for (ReportInput.Experiment e : in.experiments()) {
            List<Row> rows = new ArrayList<>();
            List<Evidence> failures = new ArrayList<>();
            List<Evidence> samples = new ArrayList<>();
            for (ReportInput.ModelRun m : e.models()) {
                Map<String, int[]> counts = new LinkedHashMap<>();
                CHECKS.forEach(c -> counts.put(c, new int[3]));
                Map<String, Evidence> sample = new LinkedHashMap<>();
                for (TaskResult t : m.tasks()) {
                    for (CheckOutcome c : t.checks()) {
                        int[] k = counts.computeIfAbsent(c.check(), x -> new int[3]);
                        k[c.failed() ? 1 : CheckOutcome.WARNING.equals(c.status()) ? 2 : 0]++;
                        Evidence ev = evidence(m.name(), "fold " + t.fold().index(), c);
                        if (!CheckOutcome.PASSED.equals(c.status())) {
                            failures.add(ev);
                        } else {
                            sample.putIfAbsent(c.check(), ev);
                        }
                    }
                }
                for (CanaryRecord c : in.canaries()) {
                    if (c.experiment().equals(e.name()) && c.model().equals(m.name())) {
                        CheckOutcome o = c.outcome();
                        counts.get(CheckOutcome.CANARY)[o.failed() ? 1 : CheckOutcome.WARNING.equals(o.status()) ? 2 : 0]++;
                        Evidence ev = evidence(m.name(), "all folds", o);
                        if (!CheckOutcome.PASSED.equals(o.status())) {
                            failures.add(ev);
                        } else {
                            sample.putIfAbsent(o.check(), ev);
                        }
                    }
                }
                SummaryRow r = m.row();
                if (r != null) {
                    for (String w : r.warnings()) {
                        if (!w.startsWith("null-data canary")) {
                            counts.get(CheckOutcome.IMPLAUSIBLE)[2]++;
                            failures.add(new Evidence(m.name(), "whole path", CheckOutcome.IMPLAUSIBLE, "warning", "warn", "", w));
                        }
                    }
                    if (r.bars() > 0 && r.warnings().stream().allMatch(w -> w.startsWith("null-data canary"))) {
                        counts.get(CheckOutcome.IMPLAUSIBLE)[0]++;
                    }
                }
                samples.addAll(sample.values());
                List<Cell> cells = new ArrayList<>();
                for (String check : counts.keySet()) {
                    int[] k = counts.get(check);
                    int all = k[0] + k[1] + k[2];
                    cells.add(all == 0 ? new Cell("not run", "muted", "")
                            : k[1] > 0 ? new Cell("✗ " + k[1] + "/" + all + " failed", "bad", "")
                            : k[2] > 0 ? new Cell("! " + k[2] + "/" + all + " warning", "warn", "")
                            : new Cell("✓ " + all + "/" + all, "good", ""));
                }
                rows.add(new Row(m.name(), cells));
            }
            blocks.add(new Block(e.name(), rows, failures, samples));
        }
        Totals t = totals(in);
        List<String> checks = new ArrayList<>(CHECKS);
        in.experiments().forEach(e -> e.models().forEach(m -> m.tasks().forEach(x -> x.checks().forEach(c -> {
            if (!checks.contains(c.check())) {
                checks.add(c.check());
            }
        }))));
        return Templates.render(slot(), new View(checks, blocks, t.failed() == 0,
                t.failed() == 0 ? "No leakage check failed (" + t.outcomes() + " outcomes)." : t.failed() + " check outcome(s) FAILED."));
    }

    private static Evidence evidence(String model, String scope, CheckOutcome c) {
        String css = c.failed() ? "bad" : CheckOutcome.WARNING.equals(c.status()) ? "warn" : "good";
        return new Evidence(model, scope, c.check(), c.status().json(), css, c.plugin(), c.evidence());
    }

    static Totals totals(ReportInput in) {
        int tasks = 0;
        int outcomes = 0;
        int failed = 0;
        int warnings = 0;
        for (ReportInput.Experiment e : in.experiments()) {
            for (ReportInput.ModelRun m : e.models()) {
                for (TaskResult t : m.tasks()) {
                    tasks++;
                    for (CheckOutcome c : t.checks()) {
                        outcomes++;
                        failed += c.failed() ? 1 : 0;
                        warnings += CheckOutcome.WARNING.equals(c.status()) ? 1 : 0;
                    }
                }
            }
        }
        for (CanaryRecord c : in.canaries()) {
            outcomes++;
            failed += c.outcome().failed() ? 1 : 0;
            warnings += CheckOutcome.WARNING.equals(c.outcome().status()) ? 1 : 0;
        }
        return new Totals(tasks, outcomes, failed, warnings);
    }
}

package dev.foresight.reports.html;

import dev.foresight.result.FoldWindow;
import dev.foresight.result.TaskResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Per experiment: every fold's windows with dates, each model's status on it, and every failure with its reason. */
final class FoldSection implements Section {

    record Status(String text, boolean failed, String title) {
    }

    record Row(String fold, String train, String validation, String test, String gap, String bars, List<Status> models) {
    }

    record Failure(String model, String fold, String error) {
    }

    record Block(String experiment, List<String> models, List<Row> rows, List<Failure> failures) {
        boolean anyFailures() {
            return !failures.isEmpty();
        }
    }

    record View(List<Block> blocks) {
    }

    @Override
    public String slot() {
        return "folds";
    }

    @Override
    public String render(ReportInput in, Charts charts) {
        List<Block> blocks = new ArrayList<>();
        for (ReportInput.Experiment e : in.experiments()) {
            Map<Integer, FoldWindow> windows = new TreeMap<>();
            e.models().forEach(m -> m.tasks().forEach(t -> windows.putIfAbsent(t.fold().index(), t.fold())));
            List<Row> rows = new ArrayList<>();
            List<Failure> failures = new ArrayList<>();
            for (FoldWindow w : windows.values()) {
                List<Status> status = new ArrayList<>();
                for (ReportInput.ModelRun m : e.models()) {
                    TaskResult t = m.tasks().stream().filter(x -> x.fold().index() == w.index()).findFirst().orElse(null);
                    if (t == null) {
                        status.add(new Status("missing", true, "no task file"));
                    } else if (t.ok()) {
                        status.add(new Status("ok", false, t.bars().size() + " bars"));
                    } else {
                        status.add(new Status("FAILED", true, t.error()));
                        failures.add(new Failure(m.name(), String.valueOf(w.index()), t.error()));
                    }
                }
                rows.add(new Row(String.valueOf(w.index()), w.trainStartDate() + " → " + w.trainEndDate()
                        + " (" + (w.trainEnd() - w.trainStart() + 1) + " bars)",
                        w.validationStart() == null ? Fmt.NONE : "from bar " + w.validationStart(),
                        w.testStartDate() + " → " + w.testEndDate(),
                        (w.testStart() - w.trainEnd()) + " bar(s) (horizon " + w.horizon() + " + embargo " + w.embargo() + ")",
                        String.valueOf(w.testEnd() - w.testStart() + 1), status));
            }
            blocks.add(new Block(e.name(), e.models().stream().map(ReportInput.ModelRun::name).toList(), rows, failures));
        }
        return Templates.render(slot(), new View(blocks));
    }
}

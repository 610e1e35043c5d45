package dev.foresight.cli;

import dev.foresight.batch.BatchSpec;
import dev.foresight.batch.ExperimentSpec;
import dev.foresight.batch.ModelSpec;
import dev.foresight.error.UserError;
import dev.foresight.pipeline.FoldRunner;
import dev.foresight.run.BatchRunner;
import dev.foresight.run.engine.Pipelines;
import dev.foresight.walkforward.Fold;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * What will certainly fail, found before anything trains: each model is shown its first fold's
 * fitting data (features computed and scaled, labels of the experiment's target) and asked whether
 * it can serve it ({@link dev.foresight.model.Model#preflight}) — garch on a direction target, or
 * without the returns feature it reads. One located error per model, at the model's line.
 */
final class Preflight {

    private Preflight() {
    }

    static List<UserError> check(BatchSpec batch, BatchRunner.Prepared prepared) {
        List<UserError> problems = new ArrayList<>();
        for (ExperimentSpec e : batch.experiments()) {
            var loaded = prepared.data().get(e.name());
            List<Fold> folds = prepared.folds().get(e.name());
            if (loaded == null || folds == null || folds.isEmpty()) {
                continue; // its own problem is reported
            }
            for (ModelSpec m : e.models()) {
                try {
                    var inputs = FoldRunner.fitInputs(loaded.market(), Pipelines.of(e, m, batch.seed()), folds.get(0));
                    m.model().instance().preflight(inputs.fitData());
                } catch (RuntimeException ex) {
                    problems.add(new UserError(m.model().location(), "model '" + m.label() + "' cannot serve experiment '"
                            + e.name() + "' (target " + e.target().instance().name() + "): " + reason(ex)));
                }
            }
        }
        return problems;
    }

    /** The innermost message, without Java class names; at most 320 characters. */
    private static String reason(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c && (c.getMessage() == null || c instanceof ExecutionException)) {
            c = c.getCause();
        }
        String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        m = m.replaceAll("\\p{Cntrl}", " ");
        return m.length() > 320 ? m.substring(0, 320) + "…" : m;
    }
}

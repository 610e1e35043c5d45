package dev.foresight.run;

import dev.foresight.batch.ExperimentSpec;
import dev.foresight.data.MarketData;
import dev.foresight.error.UserError;
import dev.foresight.walkforward.Fold;
import java.util.List;

/** Folds of an experiment on its data, with plan errors located at the YAML {@code walk_forward} block. */
public final class Plans {

    private Plans() {
    }

    public static List<Fold> folds(ExperimentSpec e, MarketData data) {
        try {
            return e.plan().folds(data.size(), e.target().instance().horizon());
        } catch (IllegalArgumentException ex) {
            throw new UserError(e.planLocation(), "impossible walk-forward plan for experiment '" + e.name() + "': "
                    + ex.getMessage());
        }
    }
}

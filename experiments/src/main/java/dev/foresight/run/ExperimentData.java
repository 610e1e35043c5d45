package dev.foresight.run;

import dev.foresight.batch.ExperimentSpec;
import dev.foresight.data.MarketData;
import dev.foresight.walkforward.Fold;
import java.util.List;

/** An experiment's data and folds, for commands that plan or check without running. */
public final class ExperimentData {

    private final DataLoader loader = new DataLoader();

    public MarketData load(ExperimentSpec e) {
        return loader.load(e.data()).market();
    }

    public List<Fold> folds(ExperimentSpec e, MarketData data) {
        return Plans.folds(e, data);
    }
}

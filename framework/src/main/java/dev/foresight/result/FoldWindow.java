package dev.foresight.result;

import dev.foresight.data.MarketData;
import dev.foresight.walkforward.Fold;

/** A fold's windows as bar indices and dates, for people reading a result. */
public record FoldWindow(int index, int trainStart, int fitEnd, Integer validationStart, int trainEnd, int testStart,
                         int testEnd, String trainStartDate, String trainEndDate, String testStartDate, String testEndDate,
                         int horizon, int embargo) {

    public static FoldWindow of(Fold f, MarketData data) {
        return new FoldWindow(f.index(), f.trainStart(), f.fitEnd(), f.hasValidation() ? f.validationStart() : null,
                f.trainEnd(), f.testStart(), f.testEnd(), data.date(f.trainStart()).toString(),
                data.date(f.trainEnd()).toString(), data.date(f.testStart()).toString(), data.date(f.testEnd()).toString(),
                f.horizon(), f.embargo());
    }
}

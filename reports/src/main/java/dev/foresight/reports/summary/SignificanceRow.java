package dev.foresight.reports.summary;

import dev.foresight.evaluation.Significance;
import dev.foresight.statistics.StationaryBootstrap;

/**
 * One model's tests in the summary (JSON form of {@link Significance}); null where a test does not
 * apply (the baseline against itself, an untraded target, no direction calls) or is undefined.
 * {@code dsrTrials} is the N the DSR was deflated by: the configurations of the model's grid entry
 * searched in its experiment (1 outside a grid).
 */
public record SignificanceRow(String experiment, String model, String baseline,
                              Double dmSquaredStatistic, Double dmSquaredP, Double dmAbsoluteStatistic, Double dmAbsoluteP,
                              Boolean dmNeweyWest, Integer dmBars, Double ptStatistic, Double ptP, Double psr, Double dsr, Integer dsrTrials,
                              Double sharpeLow, Double sharpeHigh, Double hitRateLow, Double hitRateHigh,
                              Double sharpeDifferenceLow, Double sharpeDifferenceHigh) {

    /**
     * @param trials the trials {@code s}'s DSR was deflated by; their count is kept beside the
     *               figure ({@code dsrTrials}, null when there is no DSR)
     */
    static SignificanceRow of(Significance s, Significance.Trials trials) {
        var sq = s.dmSquared();
        var ab = s.dmAbsolute();
        var pt = s.pesaranTimmermann();
        return new SignificanceRow(s.experiment(), s.model(), s.baseline(),
                sq == null ? null : num(sq.statistic()), sq == null ? null : num(sq.pValue()),
                ab == null ? null : num(ab.statistic()), ab == null ? null : num(ab.pValue()),
                sq == null ? null : sq.neweyWest() || ab.neweyWest(), sq == null ? null : sq.n(),
                pt == null ? null : num(pt.statistic()), pt == null ? null : num(pt.pValue()),
                num(s.psr()), num(s.dsr()), num(s.dsr()) == null ? null : trials.count(), low(s.sharpe()), high(s.sharpe()), low(s.hitRate()), high(s.hitRate()),
                low(s.sharpeDifference()), high(s.sharpeDifference()));
    }

    private static Double low(StationaryBootstrap.Interval i) {
        return i == null ? null : num(i.lower());
    }

    private static Double high(StationaryBootstrap.Interval i) {
        return i == null ? null : num(i.upper());
    }

    static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }
}

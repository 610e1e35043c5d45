package dev.foresight.feature;

import dev.foresight.data.MarketView;

/**
 * A fitted feature set that can compute the row of a view's last bar on its own, without the
 * rows before it: for a trailing window, from the window's bars rather than the whole history.
 *
 * <p>Only the truncation check calls it: at every test bar {@code t} it compares row {@code t} of
 * the task's {@link #compute} over the full history with {@code lastRow(view.upTo(t))}, computed by
 * plugins fitted afresh. That is as strong a check as comparing with {@code compute(view.upTo(t))}:
 * the view throws on any bar after {@code t}, so whatever {@code lastRow} returns is a function of
 * bars {@code ≤ t} (and of the fit on the training window); if the full history's row equals it at
 * every bar, that row did not depend on a later bar. A {@code lastRow} that does not reproduce
 * {@code compute}'s row bit for bit is reported as a truncation failure, never passed over. What it
 * buys is cost: the check runs once per test bar, so an O(history) recomputation makes the check
 * quadratic in the data's length; a trailing window's row costs O(window).
 */
public interface LastRowFeatures extends FittedFeatures {

    /**
     * The row {@link #compute}{@code (view)} gives at bar {@code view.last()}, bit for bit, one
     * value per {@link #columns() column} in the same order (NaN where that row has none).
     */
    double[] lastRow(MarketView view);
}

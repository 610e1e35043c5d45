package dev.foresight.regime;

import dev.foresight.data.MarketView;

/**
 * A fitted regime detector that can label a view's last bar on its own, from a trailing window
 * rather than the whole history. Only the truncation check calls it, at every test bar {@code t}
 * on the view cut at {@code t}, and compares it with the task's label of bar {@code t} over the
 * full history: as strong as relabelling the cut view (the view throws on any later bar, so the
 * label is a function of bars {@code ≤ t}), at O(window) instead of O(history) per bar. A label
 * that differs from {@link #label}'s is reported as a truncation failure.
 */
public interface LastLabelDetector extends FittedRegimeDetector {

    /** The label {@link #label}{@code (view)} gives bar {@code view.last()}; null where it gives none. */
    String lastLabel(MarketView view);
}

package dev.foresight.regime;

import dev.foresight.data.MarketView;
import java.util.List;

/** A fitted regime detector: the label of bar {@code t} uses bars {@code ≤ t} only. */
public interface FittedRegimeDetector {

    /** Every label this detector can give, in display order. */
    List<String> names();

    /** A label for each bar {@code 0..view.last()}; null where it cannot tell yet (warm-up). */
    String[] label(MarketView view);
}

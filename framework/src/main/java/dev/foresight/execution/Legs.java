package dev.foresight.execution;

/**
 * Bar t's asset return in two legs around the moment the position decided at the close of t is
 * traded: {@code before}, earned by the position held until then (the previous one), and
 * {@code after}, earned by the new position. Over the bar the strategy earns, rebalancing at the
 * trade, {@code (1 + previous·before)(1 + position·after) − 1}; with nothing before the trade
 * (execution at the close) that is exactly {@code position·after}, bit for bit.
 */
public record Legs(double before, double after) {

    public Legs {
        if (!(before >= -1 && before < Double.POSITIVE_INFINITY) || !(after >= -1 && after < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("legs must be finite simple returns >= -1, got " + before + " and " + after);
        }
    }

    /** The strategy's gross return over the bar. */
    public double grossReturn(double previous, double position) {
        // Kept as a product only when there is a leg before the trade, so execution at the close
        // reproduces the single-leg figures exactly.
        return before == 0 ? position * after : (1 + previous * before) * (1 + position * after) - 1;
    }

    /** The asset's own return over the bar, close to close. */
    public double assetReturn() {
        return before == 0 ? after : (1 + before) * (1 + after) - 1;
    }
}

package dev.foresight.metrics;

/**
 * How per-period figures are annualised.
 *
 * @param periodsPerYear bars per year (252 for daily bars); {@code > 0}
 * @param riskFreeRate   annual risk-free rate as a fraction (0.02 = 2%); finite. The per-period
 *                       rate is {@code riskFreeRate / periodsPerYear} (simple, not compounded).
 */
public record Annualisation(int periodsPerYear, double riskFreeRate) {

    /** Daily bars, 252 per year, zero risk-free rate. */
    public static final Annualisation DAILY = new Annualisation(252, 0);

    public Annualisation {
        if (periodsPerYear <= 0) {
            throw new IllegalArgumentException("periodsPerYear must be > 0, got " + periodsPerYear);
        }
        if (!Double.isFinite(riskFreeRate)) {
            throw new IllegalArgumentException("riskFreeRate must be finite, got " + riskFreeRate);
        }
    }

    /** The risk-free rate per period: {@code riskFreeRate / periodsPerYear}. */
    public double riskFreePerPeriod() {
        return riskFreeRate / periodsPerYear;
    }
}
